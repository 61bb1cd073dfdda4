/**
 * One module's instrumentation, cached on disk by content: loading TypeScript costs more
 * than most recorded programs, so repeated runs (CI records several) skip it. The cache holds
 * code that will run, so it is private to the user (see util/privateCache.ts): a shared or
 * foreign folder means no cache, and an entry that is not the user's own or is damaged is
 * reported and instrumented again, never run.
 */
import { appendFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, privateDir, readEntryChecked, userCacheDir, writeEntry } from '../../util/privateCache.js';

/** Cache entries of another build of the instrumenter are not used. */
const TRANSFORM_VERSION = ['instrument.js', 'countOnly.js', '../../ids/sourceIds.js', 'instrumentModule.js']
  .map((f) => {
    try {
      return statSync(fileURLToPath(new URL(f, import.meta.url))).mtimeMs;
    } catch {
      return 0;
    }
  })
  .join(':');

export interface TransformConfig {
  appDir: string;
  cacheDir?: string;
  /** A private folder (record's trace folder) where problems with the cache are reported for `record` to print. */
  reportDir?: string;
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OWN = [join(DIST, 'profiles', 'record') + sep, join(DIST, 'ids') + sep, join(DIST, 'util') + sep];

/** The recorder's own modules (and the ids and utilities they use) and anything in node_modules are never instrumented. */
export function isRecorderFile(fileOrUrl: string): boolean {
  const file = fileOrUrl.startsWith('file:') ? fileURLToPath(fileOrUrl) : fileOrUrl;
  return OWN.some((dir) => file.startsWith(dir)) || file.includes(`${sep}node_modules${sep}`);
}

type Instrumenter = (file: string, text: string, appDir: string) => string | undefined;

/** Instrumented code of one module, or undefined when it is not the app's (left as it is). */
export async function transformAsync(file: string, text: string, config: TransformConfig): Promise<string | undefined> {
  const { key, hit } = lookup(file, text, config);
  if (hit !== undefined) return hit || undefined;
  const { instrumentModule } = await import('./instrumentModule.js');
  return instrumentAndStore(instrumentModule, file, text, config, key);
}

/** The same, synchronously (CommonJS modules are compiled synchronously). */
export function transformSync(file: string, text: string, config: TransformConfig, load: () => Instrumenter): string | undefined {
  const { key, hit } = lookup(file, text, config);
  return hit !== undefined ? hit || undefined : instrumentAndStore(load(), file, text, config, key);
}

/** The cache key of a module and its cached code ('' is a cached "not app code"; undefined a miss). */
function lookup(file: string, text: string, config: TransformConfig): { key: string; hit: string | undefined } {
  const key = cacheKey([TRANSFORM_VERSION, config.appDir, file, text]);
  return { key, hit: readCache(config, key) };
}

function instrumentAndStore(instrument: Instrumenter, file: string, text: string, config: TransformConfig, key: string): string | undefined {
  const code = instrument(file, text, config.appDir);
  writeCache(config, key, code ?? '');
  return code;
}

/** The recorder's cache folder: CLONECLOUD_RECORD_CACHE, else `<tmp>/clonecloud-record-<uid>`. */
export function cacheDir(config: Pick<TransformConfig, 'cacheDir'>): string {
  return config.cacheDir ?? userCacheDir('clonecloud-record');
}

function readCache(config: TransformConfig, key: string): string | undefined {
  const dir = privateDir(cacheDir(config));
  if (!dir) return undefined; // `record` said so before it started the program
  const read = readEntryChecked(dir, key);
  if ('bad' in read) reportProblem(config, `ignored a cache entry: ${read.bad}`);
  return 'hit' in read ? read.hit : undefined;
}

function writeCache(config: TransformConfig, key: string, code: string): void {
  const dir = privateDir(cacheDir(config));
  if (dir) writeEntry(dir, key, code); // a failure means no cache: the next run instruments again
}

/** Tells `record` (which prints it once) through a file in its private trace folder: a traced program's output is its own. */
export function reportProblem(config: Pick<TransformConfig, 'reportDir'>, message: string): void {
  if (!config.reportDir) return;
  try {
    appendFileSync(join(config.reportDir, `cache-${process.pid}.txt`), `${message}\n`);
  } catch {
    // record is gone: nothing to report to
  }
}
