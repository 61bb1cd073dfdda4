/**
 * Libraries that reach the device themselves. The analysis reads the app's code, not its
 * libraries': `globSync(p)`, `spawn.sync('git')`, `writeFileAtomic.sync(p, s)` or `ciInfo.isCI`
 * named no catalog entry, so the methods calling them migrated and read the clone's files, ran
 * the clone's programs, saw the clone's environment. A package the app imports whose own code,
 * or the code of a package it depends on, imports a catalog module (`fs`, `child_process`, `tty`,
 * `react-native`) or reads a catalog global of `process` (`process.env`, `process.stdout`,
 * `process.argv`) is a device module itself: every use of what the app imports from it pins, as
 * for the catalog's own modules (pinning.ts), with the way it reaches the device in the reason.
 *
 * Read as text, the code that loading the package runs: the file Node loads for the import, the
 * files it imports in turn and the packages they import (a package's command-line scripts and
 * tests are not read); a mention in a branch that never runs counts too, a module required by a
 * name computed at run time is not seen. Not counted: `process.env.NODE_ENV` (a build flag that
 * bundlers replace, read by most libraries to pick a development build), and code made from
 * text (`Function`, `eval`) inside a library, which is the library's own business. A native
 * addon (`require('./x.node')`, `bindings`, `node-gyp-build`) counts as the catalog's
 * `process.dlopen`. A library that reaches the page's globals (`document`, `window`) itself is
 * not found (README, known gaps). Files are read here, beside the project's loading (project.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, relative, sep } from 'node:path';
import type { Api } from './device-value.js';
import type { PlatformCatalog } from '../types.js';

/** The files followed: JavaScript (not JSON data, nor a native addon). */
const SCRIPT = /\.(?:c|m)?js$/;
/** `require('m')`, `import('m')`, `from 'm'`, `import 'm'`, `export * from 'm'`, relative ones too. */
const SPECIFIER = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])((?:node:)?[@\w.#][\w@/.+#-]*)\1/g;
/** `process.x` and `process['x']`, not a member named process (`obj.process.x`). */
const PROCESS_MEMBER = /(?<![\w$.])process\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([\w$]+)['"]\s*\])/g;
const NODE_ENV = /^\s*(?:\.\s*NODE_ENV\b|\[\s*['"]NODE_ENV['"]\s*\])/;

interface Found {
  api: Api;
  /** Where, under node_modules (`glob/dist/index.js:12`), and through which packages (`chalk -> supports-color`). */
  where: string;
  via: string[];
}

export class DeviceLibraries {
  private readonly modules: Api[] = [];
  private readonly processGlobals = new Map<string, Api>();
  private readonly byEntry = new Map<string, Found | null>();
  private readonly scans = new Map<string, Scan>();
  private readonly resolved = new Map<string, string | undefined>();
  /** The catalog's `process.dlopen`, which a native addon's load is. */
  private readonly addon: Api | undefined;

  /**
   * @param isAppFile whether a file is one the analysis reads as the app's own (then its code is judged there, not here)
   * @param appRoot the app's folder, which a workspace package's files outside node_modules are named from
   */
  constructor(
    catalogs: PlatformCatalog[],
    private readonly isAppFile: (path: string) => boolean = () => false,
    private readonly appRoot = '/',
  ) {
    for (const catalog of catalogs) {
      for (const entry of catalog.modules) this.modules.push({ kind: 'module', entry, catalog });
      for (const entry of catalog.globals) {
        const [root, member] = entry.name.split('.');
        if (root === 'process' && member && !this.processGlobals.has(member)) this.processGlobals.set(member, { kind: 'global', entry, catalog });
      }
    }
    this.addon = this.processGlobals.get('dlopen');
  }

  /** The device module a bare specifier imported by `fromFile` is, when the library it loads reaches the device. */
  of(spec: string, fromFile: string): Api | undefined {
    if (!/^[@\w]/.test(spec) || spec.startsWith('node:') || isBuiltin(spec) || !(this.modules.length || this.processGlobals.size)) return undefined;
    // A library in node_modules, or a package of the workspace linked there (its built code, not the app's sources).
    const entry = this.resolve(fromFile, spec);
    if (!entry || this.isAppFile(entry)) return undefined;
    let found = this.byEntry.get(entry);
    if (found === undefined) this.byEntry.set(entry, (found = this.walk(entry)));
    return found ? { kind: 'module', entry: { name: packageName(spec), why: describe(found) }, catalog: found.api.catalog } : undefined;
  }

  /**
   * The first device mention in the code loading `entry` runs: its file, the files it imports
   * (relative specifiers), and the packages it imports, in order, each file once.
   */
  private walk(entry: string): Found | null {
    if (entry.endsWith('.node')) return this.addon ? { api: this.addon, where: packageFile(entry, this.appRoot), via: [] } : null;
    const queue: { file: string; via: string[] }[] = [{ file: entry, via: [] }];
    const seen = new Set([entry]);
    for (let i = 0; i < queue.length; i++) {
      const { file, via } = queue[i]!;
      const scan = this.scan(file);
      if (scan.hit) return { api: scan.hit.api, where: `${packageFile(file, this.appRoot)}:${scan.hit.line}`, via };
      for (const spec of scan.imports) {
        const next = this.resolve(file, spec);
        if (!next || seen.has(next) || !SCRIPT.test(next)) continue;
        seen.add(next);
        const bare = /^[@\w]/.test(spec); // not `./x`, nor a package's own `#x`
        queue.push({ file: next, via: bare ? [...via, packageName(spec)] : via });
      }
    }
    return null;
  }

  /** Where Node loads `spec` from for `fromFile`, asked once per folder and specifier (an app's files share their imports). */
  private resolve(fromFile: string, spec: string): string | undefined {
    const key = `${dirname(fromFile)}\0${spec}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const file = resolveFrom(fromFile, spec);
    this.resolved.set(key, file);
    return file;
  }

  /**
   * One file's first device mention, and what else it imports (not Node's own modules), in one
   * pass over its specifiers: a catalog module (or a native addon, `require('./x.node')`) or a
   * catalog global of `process` before it.
   */
  private scan(file: string): Scan {
    let scan = this.scans.get(file);
    if (scan) return scan;
    const text = readText(file) ?? '';
    const imports: string[] = [];
    let module: { api: Api; index: number } | undefined;
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2]!;
      const api = spec.endsWith('.node') ? this.addon : this.modules.find((a) => specMatches(spec, a.entry.name));
      if (api) {
        module = { api, index: m.index! };
        break;
      }
      if (!spec.startsWith('node:') && !isBuiltin(spec)) imports.push(spec);
    }
    const hit = this.processMention(text, module?.index ?? Infinity) ?? module;
    this.scans.set(file, (scan = hit ? { imports: [], hit: { api: hit.api, line: lineAt(text, hit.index) } } : { imports }));
    return scan;
  }

  /** The first catalog global of `process` the text reads before `limit` (not `process.env.NODE_ENV`). */
  private processMention(text: string, limit: number): { api: Api; index: number } | undefined {
    for (const m of text.matchAll(PROCESS_MEMBER)) {
      if (m.index! > limit) return undefined;
      const member = m[1] ?? m[2]!;
      const api = this.processGlobals.get(member);
      if (!api || (member === 'env' && NODE_ENV.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40)))) continue;
      return { api, index: m.index! };
    }
    return undefined;
  }
}

interface Scan {
  hit?: { api: Api; line: number };
  imports: string[];
}

/** Where Node would load `spec` from when `fromFile` requires it (its real path), or undefined. */
function resolveFrom(fromFile: string, spec: string): string | undefined {
  try {
    return createRequire(fromFile).resolve(spec);
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `/x/node_modules/@s/p/lib/a.js` -> `@s/p/lib/a.js`; a workspace package's file (no node_modules) by its path. */
function packageFile(file: string, appRoot: string): string {
  const at = file.lastIndexOf('/node_modules/');
  return at < 0 ? relative(appRoot, file).split(sep).join('/') : file.slice(at + '/node_modules/'.length);
}

/** `fs` matches `fs`, `node:fs` and `fs/...`. */
export function specMatches(spec: string, name: string): boolean {
  const s = spec.startsWith('node:') ? spec.slice(5) : spec;
  const n = name.startsWith('node:') ? name.slice(5) : name;
  return s === n || s.startsWith(`${n}/`);
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function describe(found: Found): string {
  const what = `${found.api.kind} '${found.api.entry.name}' (${found.api.catalog.platform}${found.api.entry.why ? `: ${found.api.entry.why}` : ''})`;
  const through = found.via.length ? `through ${found.via.map((v) => `'${v}'`).join(' -> ')}, ` : '';
  return `a library that reaches the device: ${through}its code uses ${what} at ${found.where}`;
}
