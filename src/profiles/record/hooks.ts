/**
 * Module customization hooks (run on Node's loader thread): instrument the app's ES modules
 * as they load. CommonJS modules are instrumented by register.ts on the main thread.
 */
import { fileURLToPath } from 'node:url';
import type { LoadResult, NextLoad } from '../../ids/insertions.js';
import { isRecorderFile, transformAsync, type TransformConfig } from './transform.js';

let config: TransformConfig | undefined;

export function initialize(data: TransformConfig): void {
  config = data;
}


export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (!config || result.format !== 'module' || !url.startsWith('file:') || result.source == null) return result;
  // This thread's own imports (the instrumenter) pass through here too: never wait on ourselves.
  if (isRecorderFile(url)) return result;
  const text = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
  try {
    const code = await transformAsync(fileURLToPath(url), text, config);
    return code === undefined ? result : { ...result, source: code };
  } catch {
    return result; // never break the app: an uninstrumented module is only missing from the profile
  }
}
