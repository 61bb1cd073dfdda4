/**
 * The run-time's cache of transformed modules. It holds code that will run, so it must be the
 * user's own: a folder created private (0700), owned by this user and writable by no one else,
 * checked before every use; anything else means no cache (the module is transformed again).
 * Entries are named by the sha256 of everything that went into them and written exclusively.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(process.env.CLONECLOUD_RUN_CACHE ?? tmpdir(), `clonecloud-run-${uid}`);
}

/** The folder when it is (or could be made) private to this user; undefined otherwise. */
export function privateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.isSymbolicLink()) return undefined;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    if ((st.mode & 0o077) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

export function cacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:${p}`);
  return hash.digest('hex');
}

export function readEntry(dir: string, key: string): string | undefined {
  const file = join(dir, key);
  try {
    const st = lstatSync(file);
    if (!st.isFile() || (st.mode & 0o022) !== 0) return undefined;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function writeEntry(dir: string, key: string, text: string): void {
  const temp = join(dir, `.${key}.${randomBytes(8).toString('hex')}`);
  try {
    // O_EXCL|O_NOFOLLOW: never write through something planted at the temporary name.
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, key));
  } catch {
    rmSync(temp, { force: true });
  }
}
