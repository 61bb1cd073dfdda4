import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

/**
 * Writes `data` to `file` atomically: a temporary file beside it, flushed, then renamed over
 * it, so a crash or a full disk never leaves a half-written manifest. The temporary file has an
 * unpredictable name and is created exclusively, never through a link: something planted at its
 * name (a symlink to a file outside the app) makes the write fail, it is never written through.
 * Renaming over `file` replaces it, and a link at `file` itself, never what a link points to.
 */
export function writeFileAtomic(file: string, data: string, temporary: (file: string) => string = temporaryName): void {
  const temp = temporary(file);
  let created = false;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    created = true;
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    // Only what this call created is removed: never a file someone else put at that name.
    if (created) rmSync(temp, { force: true });
    throw error;
  }
}

/** A fresh, unpredictable name beside `file`, in its folder (so that the rename stays on one file system). */
export function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** The input is larger than the limit given to readBoundedBytes. */
export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = 'InputTooLarge';
  }
}

/**
 * Reads a file's bytes, at most `limit` of them: a huge or endless input (`/dev/zero`, a pipe
 * that never ends) is refused after `limit` bytes rather than read into memory until it fails.
 * Works on anything that can be read (files, pipes, process substitution's /dev/fd/N). The
 * bytes may be in `reuse`, which the caller must no longer need.
 */
export function readBoundedBytes(file: string, limit: number, reuse?: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read takes a regular file whole; later ones are small, since they usually only find
    // the end (a buffer the file's size again just to read nothing would double the peak).
    let size = Math.min(Math.max(fstatSize(fd), CHUNK), limit + 1);
    for (;;) {
      const want = Math.min(size, limit + 1 - total) || 1;
      // `reuse`, when given and large enough, takes the first read: memory written before is
      // far quicker to fill than new (a new 125 MB buffer took 0.4 s of page faults, a used one 14 ms).
      // A large new one has room for an eighth more (not written, so not in memory), for the next file.
      let buf: Buffer;
      if (total === 0 && reuse && reuse.length >= want) buf = reuse.subarray(0, want);
      else if (want >= SLACK_FROM) buf = Buffer.allocUnsafe(Math.min(want + (want >> 3), limit + 1)).subarray(0, want);
      else buf = Buffer.allocUnsafe(want);
      size = CHUNK;
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) throw new InputTooLarge(limit);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 64 * 1024;
const SLACK_FROM = 1024 * 1024;

/** All of the memory that `bytes`, a result of readBoundedBytes of at least 1 MiB, is in: for its `reuse`. */
export function wholeBuffer(bytes: Buffer): Buffer | undefined {
  return bytes.length >= SLACK_FROM ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset) : undefined;
}

function fstatSize(fd: number): number {
  try {
    return fstatSync(fd).size;
  } catch {
    return 0;
  }
}

/** Directories never searched for inputs. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Every file under `root` (skipping node_modules and hidden folders), relative, forward slashes, sorted. */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (entry.isFile()) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

/**
 * A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over forward-slash paths.
 * Enough for profile selection; Node 20 has no fs.glob.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
        i = end;
      }
    } else out += escape(ch);
  }
  return new RegExp(`^${out}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
