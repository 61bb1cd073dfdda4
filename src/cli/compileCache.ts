/**
 * A V8 code cache for ts-morph's CommonJS bundles (its TypeScript alone is 9 MB of JavaScript).
 *
 * Compiling them costs about 0.3 s on every start, as much as analysing a small app. Node 20 has
 * no compile cache of its own (module.enableCompileCache is Node 22.1+), and one made right after
 * compiling would miss the functions V8 compiles lazily while the analysis runs; so the bundles
 * are compiled here through vm.Script with the cached data of an earlier run, and the data are
 * made at the end of a run (`save`), after those functions were compiled.
 *
 * Only files inside the ts-morph and @ts-morph/common packages go through here; every other
 * module is left to Node. Any problem with the cache (missing, unreadable, corrupt, rejected by
 * V8, unwritable) means a normal compile, silently: the cache changes compile time, nothing else.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Set to anything but '' or '0': no cache is read or written. */
export const ENV_DISABLE = 'CLONECLOUD_NO_COMPILE_CACHE';
/** The folder for the cache files instead of the default ones (see cacheDirs). */
export const ENV_DIR = 'CLONECLOUD_CACHE_DIR';

// A .js file of those packages, not of one nested in their own node_modules.
const BUNDLE = /[\\/]node_modules[\\/](?:ts-morph|@ts-morph[\\/]common)[\\/](?:(?!node_modules[\\/])[^\\/]+[\\/])*[^\\/]+\.js$/;
const MAGIC = 0x38764363; // 'cCv8'
const SUFFIX = '.v8cache';

export interface CompileCache {
  /** Writes the cache of every bundle that had none or whose cache V8 rejected. */
  save(): void;
}

interface CompiledBundle {
  script: vm.Script;
  file: string;
  header: string;
  reused: boolean;
}

// The third argument: a format since Node 22.? ('module' or 'commonjs'), a loadAsESM flag before.
type Compile = (this: NodeJS.Module, content: string, filename: string, format?: unknown) => unknown;
interface Loader {
  prototype: { _compile: Compile };
  wrap(code: string): string;
  _extensions: unknown;
  _cache: unknown;
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: NodeJS.Module): string[] | null;
}

let installed: CompileCache | undefined;

/** Hooks the CommonJS loader; call before ts-morph is first loaded. Once per process. */
export function installCompileCache(env: NodeJS.ProcessEnv = process.env): CompileCache {
  if (installed) return installed;
  const disabled = env[ENV_DISABLE] !== undefined && env[ENV_DISABLE] !== '' && env[ENV_DISABLE] !== '0';
  if (disabled) return (installed = { save: () => undefined });

  const dirs = cacheDirs(env);
  const bundles: CompiledBundle[] = [];
  const loader = Module as unknown as Loader;
  const original = loader.prototype._compile;
  loader.prototype._compile = function compile(this: NodeJS.Module, content: string, filename: string, format?: unknown) {
    const commonjs = format === undefined || format === false || format === 'commonjs';
    if (!commonjs || !BUNDLE.test(filename)) return original.call(this, content, filename, format);
    const bundle = compileBundle(loader, content, filename, dirs);
    if (!bundle) return original.call(this, content, filename, format);
    bundles.push(bundle);
    const wrapper = bundle.script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, makeRequire(loader, this), this, filename, dirname(filename));
  };

  const save = (): void => {
    for (const b of bundles.splice(0)) {
      if (b.reused && !b.script.cachedDataRejected) continue;
      try {
        const data = b.script.createCachedData();
        writeCache(dirs, cacheName(b.file), b.header, data);
      } catch {
        // No cache this time; the next run compiles normally and tries again.
      }
    }
  };
  return (installed = { save });
}

/** Compiles a bundle with its cached data when there are any; undefined when vm cannot compile it. */
function compileBundle(loader: Loader, content: string, file: string, dirs: string[]): CompiledBundle | undefined {
  let header: string;
  let cachedData: Buffer | undefined;
  try {
    header = cacheKey(file);
    cachedData = readCache(dirs, cacheName(file), header);
  } catch {
    return undefined;
  }
  // import() inside a bundle resolves as in any other module (Node 20.12+ has this constant).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const options: vm.ScriptOptions = { filename: file, cachedData, ...(importModuleDynamically ? { importModuleDynamically } : {}) };
  try {
    const script = new vm.Script(loader.wrap(content), options);
    return { script, file, header, reused: cachedData !== undefined };
  } catch {
    return undefined;
  }
}

/**
 * What the cached data were made from. npm gives every installed file the same mtime (1985), and
 * V8 itself checks only the source length, so the key also has the inode and ctime, which any
 * rewrite or reinstall of the file changes.
 */
function cacheKey(file: string): string {
  const s = statSync(file);
  const { node, v8 } = process.versions;
  return JSON.stringify({ v: 1, node, v8, arch: process.arch, file, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
}

/** One file per bundle: `typescript-<hash of its path>.v8cache`. */
function cacheName(file: string): string {
  return `${basename(file, '.js')}-${createHash('sha256').update(file).digest('hex').slice(0, 16)}${SUFFIX}`;
}

/**
 * CLONECLOUD_CACHE_DIR when set; otherwise node_modules/.cache/clonecloud of this install (where
 * babel and eslint keep theirs), then a private folder in the temp directory for read-only installs.
 */
function cacheDirs(env: NodeJS.ProcessEnv): string[] {
  if (env[ENV_DIR]) return [env[ENV_DIR]];
  const install = installCache();
  return [...(install ? [install] : []), tmpFallback()];
}

/** node_modules/.cache/clonecloud of this install, if it has a node_modules. */
function installCache(): string | undefined {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Installed as a dependency, this package has no node_modules of its own: use the one it is in.
  const modules = existsSync(join(root, 'node_modules')) ? join(root, 'node_modules') : basename(dirname(root)) === 'node_modules' ? dirname(root) : undefined;
  return modules && join(modules, '.cache', 'clonecloud');
}

function tmpFallback(): string {
  return join(tmpdir(), `clonecloud-compile-cache-${process.getuid?.() ?? userInfo().username}`);
}

/**
 * File layout: magic, header length (uint32 LE), header (the key and the sha256 of the data), data.
 * V8 trusts code cache data it accepts, so a damaged payload must be caught here.
 */
function readCache(dirs: string[], name: string, key: string): Buffer | undefined {
  for (const dir of dirs) {
    if (!trusted(dir)) continue;
    let buf: Buffer;
    try {
      buf = readFileSync(join(dir, name));
    } catch {
      continue;
    }
    if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) continue;
    const end = 8 + buf.readUInt32LE(4);
    if (end > buf.length) continue;
    const data = buf.subarray(end);
    if (buf.toString('utf8', 8, end) === `${key}\n${sha256(data)}`) return data;
  }
  return undefined;
}

/** Into the first folder that takes it, atomically (temp file and rename in the same folder). */
function writeCache(dirs: string[], name: string, key: string, data: Buffer): void {
  const header = Buffer.from(`${key}\n${sha256(data)}`);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 4);
  for (const dir of dirs) {
    const tmp = join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    // Private, unless in the install's .cache (shared with other tools: the umask decides).
    const own = dir !== installCache();
    try {
      mkdirSync(dir, { recursive: true, ...(own ? { mode: 0o700 } : {}) });
      if (!trusted(dir)) continue;
      writeFileSync(tmp, Buffer.concat([head, header, data]), own ? { mode: 0o600 } : {});
      renameSync(tmp, join(dir, name));
      return;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // It was never created.
      }
    }
  }
}

/**
 * V8 runs the code of cached data it accepts, so a cache folder is used only when it is ours and
 * nobody else can write to it: someone who could plant a cache file there could make us run their
 * code. That holds for the temp-folder fallback and for CLONECLOUD_CACHE_DIR alike; only the
 * install's own node_modules/.cache is trusted as the install itself is.
 */
function trusted(dir: string): boolean {
  if (dir === installCache() || process.getuid === undefined) return true;
  try {
    const s = lstatSync(dir);
    return s.isDirectory() && s.uid === process.getuid() && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The `require` Node gives a module (lib/internal/modules/helpers.js, makeRequireFunction). */
function makeRequire(loader: Loader, mod: NodeJS.Module): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions as NodeJS.Require['extensions'];
  require.cache = loader._cache as NodeJS.Require['cache'];
  return require;
}
