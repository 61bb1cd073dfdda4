/**
 * One module through the run-time's transform, with the private cache: loading TypeScript's
 * parser costs more than most runs, so a module already seen (same text, same plan) is not
 * parsed again, and the transform (with TypeScript) loads only when some module misses.
 * Every module of the app goes through it: any may define a class or a function that data
 * crossing to the clone holds.
 */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, codeOf, privateDir, readEntry, writeEntry } from './cache.js';
import type { TransformPlan } from './transform/index.js';
import { moduleKeyOf } from './transform/moduleKey.js';

export interface LoadConfig {
  appDir: string;
  plan: TransformPlan;
  cacheDir?: string;
}

/** The transform itself, given by the caller: loaded asynchronously on the loader thread, through a helper thread for CommonJS. */
export type Transform = (file: string, text: string, appDir: string, plan: TransformPlan) => string | undefined;

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The transform's own code is part of every cache key: a new clonecloud never reuses old output. */
let version: string | undefined;
const transformVersion = (): string =>
  (version ??= codeOf(['runtime/transform/index.js', 'runtime/transform/forms.js', 'runtime/transform/scope.js', 'runtime/transform/emit.js', 'ids/sourceIds.js', 'ids/methodIds.js']));

/** Never the run-time's own files, nor anything in node_modules. */
export function isOurs(file: string): boolean {
  return file.startsWith(DIST + sep) || file.includes(`${sep}node_modules${sep}`);
}

export type Lookup = { done: string | undefined } | { miss: (code: string | undefined) => string | undefined };

/** The cached answer, or a miss whose `miss(code)` stores the transform's output and returns it. */
export function lookup(file: string, text: string, config: LoadConfig): Lookup {
  if (isOurs(file)) return { done: undefined };
  const moduleKey = moduleKeyOf(file, text, config.appDir);
  if (!moduleKey) return { done: undefined };
  const dir = config.cacheDir && privateDir(config.cacheDir);
  const key = cacheKey([transformVersion(), config.appDir, file, JSON.stringify(config.plan), text]);
  if (dir) {
    const hit = readEntry(dir, key);
    if (hit !== undefined) return { done: hit || undefined };
  }
  return {
    miss: (code) => {
      if (dir) writeEntry(dir, key, code ?? '');
      return code;
    },
  };
}

export function loadTransformed(file: string, text: string, config: LoadConfig, transform: Transform): string | undefined {
  const found = lookup(file, text, config);
  return 'done' in found ? found.done : found.miss(transform(file, text, config.appDir, config.plan));
}
