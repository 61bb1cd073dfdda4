/**
 * The run-time's cache of transformed modules. It holds code that will run, so it follows the
 * same rules as the recorder's (util/privateCache.ts): a folder per user, private and checked
 * before every use; entries opened without following links and verified against their digest.
 */
import { userCacheDir } from '../util/privateCache.js';

export { cacheKey, privateDir, readEntry, writeEntry } from '../util/privateCache.js';

export function defaultCacheDir(): string {
  return userCacheDir('clonecloud-run', process.env.CLONECLOUD_RUN_CACHE);
}
