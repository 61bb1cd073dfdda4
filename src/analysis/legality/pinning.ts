/**
 * Catalog matching: which methods touch a device-only API in their own body (not in nested
 * functions, which are methods of their own). Matches use the checker: an identifier is a
 * global only if it resolves to nothing or to declaration files only (lib, @types), so a local
 * `document` variable is not the DOM. Imports match by module specifier (also `require('x')`,
 * `import('x')`, `import x = require('x')`); every use of an imported binding pins its user.
 * Module-level values derived from device APIs (`const c = document.body`, `export const port
 * = new SerialPort()`, and values derived from those) pin every method that uses them, also
 * through imports. Element access with a literal key (`window['document']`) is a member path.
 * Then the device values that travel further (destructured, stored, passed, captured, reached
 * through a computed name: device-values.ts) pin every method that uses them (device-uses.ts),
 * with the chain from where the value came from to where it is used. Both are asked of every
 * node in the one walk over each file that the state rules share (file-walk.ts).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { ValueFlow } from '../callgraph/calls.js';
import { deviceUseAt, runsMadeCode, type DeviceUse } from './device-uses.js';
import type { NodeVisitor } from './file-walk.js';
import { DeviceValues } from './device-values.js';
import { DeviceLibraries, specMatches } from './device-libraries.js';
import { loadsOf, symbolsOf } from './load-bindings.js';
import { changedWhy, libraryChanges, libraryKey } from './configured-libraries.js';
import { mostSpecific, type Api } from './device-value.js';
import { deviceCallbacksIn, deviceTypeEntries } from './library-given.js';
import { isGlobalSymbol, isPlainData, isValueReference } from './device-value-syntax.js';
import { GLOBAL_OBJECTS } from '../symbols.js';
import { requireSpec } from '../library.js';
import { isConstructorOfFunction } from '../callgraph/function-makers.js';
import type { MethodTable } from '../methods.js';
import { fileLine, siteOf, type AppFile, type LoadedApp } from '../project.js';
import type { PlatformCatalog, Reason } from '../types.js';

/** method id -> 'pinned' reasons, one per distinct API (its first use). */
export interface Pins {
  /** method id -> 'pinned' reasons. */
  byMethod: Map<string, Reason[]>;
  /** The first device API an expression uses (outside nested functions), described, with its site. */
  deviceUse(expr: ts.Expression): { what: string; site: string } | undefined;
}

/** The pins' part of the one walk over each file (file-walk.ts); `finish` after the walk. */
export interface PinFinder {
  visitor(file: AppFile): NodeVisitor | undefined;
  finish(): Pins;
}

export function pinFinder(app: LoadedApp, table: MethodTable, catalogs: PlatformCatalog[], flow?: ValueFlow): PinFinder {
  const globals = new Map<string, Api[]>(); // root identifier -> entries starting with it
  const modules: Api[] = [];
  for (const catalog of catalogs) {
    for (const entry of catalog.globals) {
      const root = entry.name.split('.')[0]!;
      globals.set(root, [...(globals.get(root) ?? []), { kind: 'global', entry, catalog }]);
    }
    for (const entry of catalog.modules) modules.push({ kind: 'module', entry, catalog });
  }
  const out = new Map<string, Reason[]>();
  const seen = new Set<string>();
  const pin = (owner: string | undefined, api: Api, file: AppFile, node: ts.Node): void => {
    if (!owner || seen.has(`${owner}\0${api.entry.name}`)) return;
    seen.add(`${owner}\0${api.entry.name}`);
    const site = siteOf(file, node);
    const why = api.entry.why ? `: ${api.entry.why}` : '';
    const message = `uses device-only ${api.kind} '${api.entry.name}' (${api.catalog.platform}${why}) at ${fileLine(site)}`;
    out.set(owner, [...(out.get(owner) ?? []), { rule: 'pinned', message, site }]);
  };
  // The catalog's Function constructor, which a function's own `constructor` also is.
  const functionApi = globals.get('Function')?.find((api) => api.entry.name === 'Function');
  const appFiles = new Set(app.files.map((f) => f.sf.fileName));
  const first = app.files[0];
  const appRoot = first ? first.sf.fileName.slice(0, first.sf.fileName.length - first.rel.length) : '/';
  const libraries = new DeviceLibraries(catalogs, (path) => appFiles.has(path), appRoot);
  // Libraries the app changes on the device after load (configured-libraries.ts): the device's state, not the clone's.
  const changed = new Map([...libraryChanges(app)].map(([pkg, change]): [string, Api] => [pkg, { kind: 'module', entry: { name: pkg, why: changedWhy(change) }, catalog: LIBRARY_STATE }]));
  /**
   * The catalog's module a specifier names, or the library it imports when that reaches the
   * device (device-libraries.ts) or the app changes its state on the device.
   */
  const moduleOf = (spec: string, from: ts.SourceFile): Api | undefined =>
    modules.find((m) => specMatches(spec, m.entry.name)) ?? libraries.of(spec, from.fileName) ?? (changed.size ? changed.get(libraryKey(spec)) : undefined);
  const rootWord = globals.size ? new RegExp(`\\b(${[...globals.keys(), ...GLOBAL_OBJECTS].join('|')})\\b`) : undefined;
  const roots = new Set([...globals.keys(), ...GLOBAL_OBJECTS]);
  const derived = new Map<ts.Symbol, Api>(); // module-level values computed from device APIs

  const perFile = app.files.map((file) => {
    const text = file.sf.text;
    const deviceSymbols = importedDeviceSymbols(app.checker, file.sf, (spec) => moduleOf(spec, file.sf));
    // The word may be in a comment, a type or a local's name: a global is asked of the checker.
    const checkGlobals = (rootWord?.test(text) ?? false) && namesGlobal(app.checker, file.sf, roots);
    const makesCode = functionApi !== undefined && CONSTRUCTOR_READ.test(text);
    const readsImportMeta = globals.has('import') && IMPORT_META.test(text);
    return { file, deviceSymbols, checkGlobals, readsImportMeta, mayRequire: /\b(require|import)\s*\(/.test(text), fromProcess: PROCESS_MODULE.test(text), makesCode };
  });

  /** The device API a node uses directly: a require/import of a device module, a device binding, a derived value or a global path. */
  const apiAt = (node: ts.Node, f: (typeof perFile)[number]): { api: Api; at: ts.Node } | undefined => {
    if (f.mayRequire && ts.isCallExpression(node)) {
      const spec = requireSpec(node);
      const api = spec === undefined ? undefined : moduleOf(spec, f.file.sf);
      if (api) return { api, at: node };
    }
    // `(async () => {}).constructor` is the Function constructor's kind (AsyncFunction), unnamed.
    if (f.makesCode && isConstructorOfFunction(app.checker, node as ts.Expression)) return { api: functionApi!, at: node };
    // `import.meta.url`: where the module lies, a catalog path whose first word is a keyword.
    if (f.readsImportMeta && ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      const api = mostSpecific(globals.get('import'), memberPath(node, ['import', 'meta']));
      return api && { api, at: node };
    }
    if (!ts.isIdentifier(node) || !isValueReference(node)) return undefined;
    const named = app.checker.getSymbolAtLocation(node);
    const direct = named && f.deviceSymbols.get(named);
    if (direct) return { api: direct, at: node };
    const sym = named && named.flags & ts.SymbolFlags.Alias ? app.checker.getAliasedSymbol(named) : named;
    const d = sym && derived.get(sym);
    if (d) return { api: d, at: node };
    // An imported name is the module's export (`import { print } from 'graphql'`), never the global of that name.
    if (!f.checkGlobals || !(globals.has(node.text) || GLOBAL_OBJECTS.has(node.text)) || !isGlobalSymbol(named)) return undefined;
    const path = memberPath(node, [node.text]);
    const paths = GLOBAL_OBJECTS.has(node.text) ? [path, path.slice(1)] : [path];
    for (const p of paths) {
      const best = mostSpecific(globals.get(p[0] ?? ''), p);
      if (best) return { api: best, at: node };
    }
    return undefined;
  };

  // Module-level values first (a few rounds: values derived from values, across files).
  for (let round = 0; round < 4; round++) {
    const before = derived.size;
    for (const f of perFile) for (const st of f.file.sf.statements) deriveFrom(st, f);
    if (derived.size === before) break;
  }
  function deriveFrom(st: ts.Statement, f: (typeof perFile)[number]): void {
    const decls = ts.isVariableStatement(st) ? st.declarationList.declarations : [];
    for (const d of decls) {
      if (!d.initializer || !ts.isIdentifier(d.name)) continue;
      const sym = app.checker.getSymbolAtLocation(d.name);
      if (!sym || derived.has(sym)) continue;
      // Plain data read at load (`const DEBUG = process.env.DEBUG === '1'`) is a copy: a
      // migrated call carries the device's value as state, so its users need not stay.
      if (isPlainData(app.checker, app.checker.getTypeAtLocation(d.name), 0)) continue;
      const found = firstApi(d.initializer, (n) => apiAt(n, f));
      if (!found) continue;
      const line = fileLine(siteOf(f.file, found.at));
      const why = `computed at ${line} from ${found.api.kind} '${found.api.entry.name}'${found.api.entry.why ? `: ${found.api.entry.why}` : ''}`;
      // A value derived from a code maker (`const F = Function`, `[Function, Array]`) is made code or holds it.
      const results = found.api.entry.results;
      derived.set(sym, { kind: 'module-level value', entry: { name: d.name.text, why, ...(results && { results }) }, catalog: found.api.catalog });
    }
  }

  const bySf = new Map(perFile.map((f) => [f.file.sf, f]));
  // Device values that travel (device-values.ts): after the direct uses, so those keep their simpler reason.
  // Nothing to follow when no file names a device global, module or derived value, nor has a
  // callback the library gives a device object (a library like a parser).
  const types = deviceTypeEntries(catalogs);
  const mayHoldDevice =
    derived.size > 0 ||
    perFile.some((f) => f.checkGlobals || f.deviceSymbols.size > 0 || f.mayRequire || f.fromProcess || f.makesCode) ||
    app.files.some((f) => deviceCallbacksIn(app.checker, f.sf, types, true).length > 0);
  let values: DeviceValues | undefined;
  if (flow && mayHoldDevice) {
    const direct = (node: ts.Node): Api | undefined => {
      const f = bySf.get(node.getSourceFile());
      const hit = f && apiAt(node, f);
      return hit && hit.api.kind !== 'global' ? hit.api : undefined;
    };
    values = new DeviceValues(flow, new Map(app.files.map((f) => [f.sf, f])), catalogs, direct);
  }
  const uses: DeviceUse[] = [];

  /** The direct uses and the device uses of one file, each owned by the method whose own code it is (not nested functions). */
  const visitor = (file: AppFile): NodeVisitor | undefined => {
    const f = bySf.get(file.sf)!;
    const direct = f.checkGlobals || f.readsImportMeta || f.deviceSymbols.size > 0 || f.mayRequire || f.makesCode || derived.size > 0;
    if (!direct && !values) return undefined;
    const owners: (string | undefined)[] = [undefined];
    return {
      enter(node) {
        if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return false;
        let owner = table.initOwner.get(node) ?? owners[owners.length - 1];
        if (isMethodNode(node)) owner = table.idOf.get(node);
        owners.push(owner);
        if (owner) {
          const hit = direct ? apiAt(node, f) : undefined;
          // Naming a code maker runs nothing unless it runs there; where it goes, the values follow.
          if (hit && (hit.api.entry.results !== 'code' || runsMadeCode(hit.at, app.checker))) pin(owner, hit.api, f.file, hit.at);
          const use = values && deviceUseAt(node, owner, file, values, app.checker, flow!.primitiveRefs);
          if (use) uses.push(use);
        }
        return true;
      },
      leave() {
        owners.pop();
      },
    };
  };
  const deviceUse = (expr: ts.Expression): { what: string; site: string } | undefined => {
    const f = bySf.get(expr.getSourceFile());
    const hit = f && firstApi(expr, (n) => apiAt(n, f));
    return hit && { what: `${hit.api.kind} '${hit.api.entry.name}' (${hit.api.catalog.platform})`, site: siteOf(f.file, hit.at) };
  };
  const finish = (): Pins => {
    for (const use of uses) {
      // A use where a direct match already pinned (`navigator.vibrate(10)`: 'navigator.vibrate' there, 'navigator' here) says nothing new.
      if (seen.has(`${use.owner}\0${use.key}`) || out.get(use.owner)?.some((r) => r.site === use.reason.site)) continue;
      seen.add(`${use.owner}\0${use.key}`);
      out.set(use.owner, [...(out.get(use.owner) ?? []), use.reason]);
    }
    // deviceUse (kept for the native groups) shares this scope: it must not keep the value flow alive.
    values = undefined;
    uses.length = 0;
    return { byMethod: out, deviceUse };
  };
  return { visitor, finish };
}

/** Where a library's state that the app changes on the device is reported from (no catalog file). */
const LIBRARY_STATE: PlatformCatalog = { platform: 'library state', file: '', modules: [], globals: [], types: [] };

/** `'process'` or `'node:process'` in a file's text: an import of the `process` module may be there (device-values.ts follows it). */
const PROCESS_MODULE = /['"`](node:)?process['"`]/;
const IMPORT_META = /\bimport\s*\.\s*meta\b/;
/** A file that reads some value's `constructor` may reach the Function constructor without naming it. */
const CONSTRUCTOR_READ = /\.\s*constructor\b/;

/**
 * Whether a file names a global whose name starts a catalog global or is a global object, as a
 * value: an identifier outside types (a heritage clause counts) with that text that resolves to
 * nothing or to declaration files only. Without one, no global path starts in the file, so
 * neither the direct matches nor the device values that travel (device-values.ts) can find one
 * there; property names (`s.self`) are never such a start.
 */
function namesGlobal(checker: ts.TypeChecker, sf: ts.SourceFile, roots: ReadonlySet<string>): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return false;
    if (ts.isIdentifier(n)) {
      if (!roots.has(n.text) || (ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) return false;
      const p = n.parent;
      return isGlobalSymbol(ts.isShorthandPropertyAssignment(p) && p.name === n ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(n));
    }
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(sf);
}

/** The first device API used in an expression, not looking into nested functions (they run later, if at all). */
function firstApi<T>(node: ts.Node, at: (n: ts.Node) => T | undefined): T | undefined {
  const hit = at(node);
  if (hit) return hit;
  if (isMethodNode(node) || ts.isTypeNode(node)) return undefined;
  return ts.forEachChild(node, (c) => firstApi(c, at));
}

/** The catalog entry a library leaf (`lib:<module>#<path>`) matches, as a 'pinned' reason. */
export function matchLeaf(leaf: string, catalogs: PlatformCatalog[]): Reason | undefined {
  const m = /^lib:(.*)#(.*)$/.exec(leaf);
  if (!m) return undefined;
  const [, mod, path] = m as unknown as [string, string, string];
  // `Function.call`, `.apply`, `.bind`, `.toString`: methods of every function value, not the Function constructor.
  if (mod === 'globals' && path.startsWith('Function.')) return undefined;
  for (const catalog of catalogs) {
    const entry =
      mod === 'globals'
        ? catalog.globals.find((g) => `${path}.`.startsWith(`${g.name}.`) || [...GLOBAL_OBJECTS].some((p) => `${path}.`.startsWith(`${p}.${g.name}.`)))
        : catalog.modules.find((e) => specMatches(mod, e.name));
    if (entry) {
      const why = entry.why ? `: ${entry.why}` : '';
      return { rule: 'pinned', message: `device-only ${mod === 'globals' ? 'global' : 'module'} '${entry.name}' (${catalog.platform}${why})` };
    }
  }
  return undefined;
}

/** Local symbols bound to device modules: import bindings and `const x = require('m')`. */
function importedDeviceSymbols(checker: ts.TypeChecker, sf: ts.SourceFile, moduleOf: (s: string) => Api | undefined): Map<ts.Symbol, Api> {
  const out = new Map<ts.Symbol, Api>();
  for (const load of loadsOf(sf)) {
    const api = moduleOf(load.spec.text);
    if (api) for (const s of symbolsOf(checker, load)) out.set(s, api);
  }
  return out;
}

/** `a.b.c` (also `a['b']`) read upwards from the root identifier `a`. */
/** `start`'s name (`first`) and the members read off it: `navigator.geolocation.watchPosition`. */
function memberPath(start: ts.Node, first: string[]): string[] {
  const path = [...first];
  let n: ts.Node = start;
  for (;;) {
    const p = n.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === n) path.push(p.name.text);
    else if (p && ts.isElementAccessExpression(p) && p.expression === n && ts.isStringLiteralLike(p.argumentExpression)) {
      path.push(p.argumentExpression.text);
    } else if (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) {
      n = p;
      continue;
    } else break;
    n = p;
  }
  return path;
}
