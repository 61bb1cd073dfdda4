import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRelative, loadSourceMap } from '../../ids/sourceMaps.js';

/**
 * A module's key: the one source file its source map names under the app (so keys match the
 * analysis's file names), else its own path under the app; undefined for code outside the app.
 * No TypeScript here: the run-time asks it of every module it loads.
 */
export function moduleKeyOf(file: string, text: string, appDir: string): string | undefined {
  const own = appRelative(appDir, file);
  if (!own) return undefined;
  const map = loadSourceMap(file, text);
  const sources = (map?.map.payload.sources ?? [])
    .map((s) => appRelative(appDir, s.startsWith('file:') ? fileURLToPath(s) : resolve(map!.base, s)))
    .filter((s): s is string => s !== undefined);
  return sources.length === 1 ? sources[0]! : own;
}
