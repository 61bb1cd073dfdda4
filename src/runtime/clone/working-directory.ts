/**
 * Relative paths resolve against the device's working directory. `path.resolve('out', f)`,
 * `path.relative('.', p)` and `url.pathToFileURL('notes.txt')` read `process.cwd()`: a clone
 * started in another folder (a container's `/app`, a service's `/`) answered `/out/a.html` for
 * the device's `/home/me/site/out/a.html`. The app's own `process.cwd()` is the device's anyway
 * (the analysis pins it), but a library's reading of it is not code the analysis sees.
 *
 * Each call says the device's working directory as it sends (the cwd header); during the call
 * the clone worker's `process.cwd()` answers with it. The clone's files are never reached this
 * way: a method that opens a file is the device's (the `fs` module is pinned). Outside a call,
 * and for a call without the header (an older device), it is the clone's.
 */
const cwd = process.cwd.bind(process);
let device: string | undefined;

export function installWorkingDirectoryGuard(): void {
  process.cwd = function cwd$(): string {
    return device ?? cwd();
  };
}

/** For one call: from now until `stop()`, `process.cwd()` is `dir` (the header's value, percent-encoded), when it is an absolute path. */
export function watchWorkingDirectory(header: string | undefined): { stop(): void } {
  let dir: string | undefined;
  try {
    dir = header === undefined ? undefined : decodeURIComponent(header);
  } catch {
    dir = undefined;
  }
  device = dir && (dir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dir)) ? dir : undefined;
  return { stop: () => void (device = undefined) };
}
