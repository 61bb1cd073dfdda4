/**
 * One module's instrumentation, cached on disk by content: loading TypeScript costs more
 * than most recorded programs, so repeated runs (CI records several) skip it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Cache entries of another build of the instrumenter are not used. */
const TRANSFORM_VERSION = ['instrument.js', '../../ids/sourceIds.js', 'instrumentModule.js']
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
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OWN = [join(DIST, 'profiles', 'record') + sep, join(DIST, 'ids') + sep];

/** The recorder's own modules (and the ids they use) and anything in node_modules are never instrumented. */
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
  const key = createHash('sha256').update(`${TRANSFORM_VERSION}\0${config.appDir}\0${file}\0${text}`).digest('hex');
  return { key, hit: readCache(config, key) };
}

function instrumentAndStore(instrument: Instrumenter, file: string, text: string, config: TransformConfig, key: string): string | undefined {
  const code = instrument(file, text, config.appDir);
  writeCache(config, key, code ?? '');
  return code;
}

export function cacheDir(config: TransformConfig): string {
  return config.cacheDir ?? join(tmpdir(), 'clonecloud-record-cache');
}

function readCache(config: TransformConfig, key: string): string | undefined {
  try {
    return readFileSync(join(cacheDir(config), key), 'utf8');
  } catch {
    return undefined;
  }
}

function writeCache(config: TransformConfig, key: string, code: string): void {
  try {
    const dir = cacheDir(config);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, code);
    renameSync(tmp, join(dir, key)); // atomic: concurrent traced processes share the cache
  } catch {
    // no cache: the next run instruments again
  }
}
