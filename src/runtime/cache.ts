/**
 * The run-time's cache of transformed modules. It holds code that will run, so it follows the
 * same rules as the recorder's (util/privateCache.ts): a folder per user, private and checked
 * before every use; entries opened without following links and verified against their digest.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userCacheDir } from '../util/privateCache.js';

export { cacheKey, privateDir, readEntry, writeEntry } from '../util/privateCache.js';

export function defaultCacheDir(): string {
  return userCacheDir('clonecloud-run', process.env.CLONECLOUD_RUN_CACHE);
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The text of the built files (relative to dist/) that produce an entry, as one key part: an
 * entry made by other code is never reused. Under the TypeScript sources (tests), their names.
 */
export function codeOf(files: readonly string[]): string {
  return files
    .map((f) => {
      try {
        return readFileSync(join(DIST, f), 'utf8');
      } catch {
        return f;
      }
    })
    .join('\0');
}
