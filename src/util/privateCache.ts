/**
 * Caches of code that will run (the recorder's instrumented modules, the run-time's transformed
 * ones) must be the user's own: anyone who can write an entry can make us run it. So a cache is a
 * folder created private (0700), owned by this user and writable by no one else, checked before
 * every use; its entries are regular files of this user that no one else may write, opened without
 * following links, and carry the sha256 of their content. A folder that fails means no cache; an
 * entry that fails is ignored (and said why), never run, and replaced.
 *
 * Shared by the recorder (profiles/record/transform.ts, calibrate.ts) and the run-time (runtime/cache.ts).
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * node:crypto, loaded on first use: some 12 ms of CPU to load (Node 20), which the main thread of
 * a traced process mostly never needs (its ES modules are instrumented on the loader thread, and
 * `record` hands it the settled call cost), nor does an app of the run-time that finds no cache.
 */
let cryptoModule: typeof import('node:crypto') | undefined;
const lazyCrypto = (): typeof import('node:crypto') => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

const uid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/** `<tmp>/<name>-<uid>`: one folder per user, so that users never share one. */
export function userCacheDir(name: string, base = tmpdir()): string {
  return join(base, `${name}-${uid() ?? 'user'}`);
}

/** Why `dir` cannot hold a private cache (after creating it 0700 when missing), or undefined when it can. */
export function privateDirProblem(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return `cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  try {
    return ownProblem(lstatSync(dir), 'folder', 0o077);
  } catch (error) {
    return `cannot be examined (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** The folder when it is (or could be made) private to this user; undefined otherwise. */
export function privateDir(dir: string): string | undefined {
  return privateDirProblem(dir) === undefined ? dir : undefined;
}

function ownProblem(st: Stats, what: 'folder' | 'file', forbidden: number): string | undefined {
  if (st.isSymbolicLink()) return `is a symbolic link, not a ${what}`;
  if (what === 'folder' ? !st.isDirectory() : !st.isFile()) return `is not a ${what === 'folder' ? 'folder' : 'regular file'}`;
  const me = uid();
  if (me !== undefined && st.uid !== me) return `is owned by user ${st.uid}, not by you (${me})`;
  if ((st.mode & forbidden) !== 0) return `is open to others (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}

/** A cache key from the parts that went into an entry (lengths included, so parts cannot run together). */
export function cacheKey(parts: readonly string[]): string {
  const hash = lazyCrypto().createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:${p}`);
  return hash.digest('hex');
}

const MAGIC = 'clonecloud-cache 1 sha256:';

export type EntryRead = { hit: string } | { miss: true } | { bad: string };

/**
 * An entry of a private folder (check the folder with privateDir first): its text when it is this
 * user's regular file, writable by no one else, and its content matches its digest; a miss when
 * there is none; else why it is bad.
 */
export function readEntryChecked(dir: string, key: string): EntryRead {
  const file = join(dir, key);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { miss: true };
    return { bad: code === 'ELOOP' ? `${file} is a symbolic link` : `${file} cannot be opened (${code})` };
  }
  try {
    // The checks are on what was opened, not on the name (which could be swapped in between).
    const problem = ownProblem(fstatSync(fd), 'file', 0o022);
    if (problem) return { bad: `${file} ${problem}` };
    const text = readAll(fd);
    const newline = text.indexOf('\n');
    const header = newline < 0 ? '' : text.slice(0, newline);
    const body = text.slice(newline + 1);
    if (!header.startsWith(MAGIC) || header.slice(MAGIC.length) !== sha256(body)) return { bad: `${file} is damaged (its content does not match its digest)` };
    return { hit: body };
  } catch (error) {
    return { bad: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** The entry's text, or undefined for a miss or a bad entry (see readEntryChecked). */
export function readEntry(dir: string, key: string): string | undefined {
  const read = readEntryChecked(dir, key);
  return 'hit' in read ? read.hit : undefined;
}

/**
 * Stores an entry: written to a fresh temporary name exclusively, never through a link, mode
 * 0600, then renamed over the key (atomic: concurrent processes share the cache). Failures mean
 * no cache, silently.
 */
export function writeEntry(dir: string, key: string, text: string): void {
  const temp = join(dir, `.${key}.${lazyCrypto().randomBytes(8).toString('hex')}`);
  let created = false;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    created = true;
    try {
      writeSync(fd, `${MAGIC}${sha256(text)}\n${text}`);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, key));
  } catch {
    if (created) rmSync(temp, { force: true });
  }
}

function readAll(fd: number): string {
  const chunks: Buffer[] = [];
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sha256(text: string): string {
  return lazyCrypto().createHash('sha256').update(text).digest('hex');
}
