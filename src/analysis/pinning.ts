/**
 * Catalog matching: which methods touch a device-only API in their own body (not in nested
 * functions, which are methods of their own). Matches use the checker: an identifier is a
 * global only if it resolves to nothing or to declaration files only (lib, @types), so a local
 * `document` variable is not the DOM. Imports match by module specifier (also `require('x')`,
 * `import('x')`, `import x = require('x')`); every use of an imported binding pins its user.
 * Not handled yet: module-level values derived from device APIs (`const c = document.body`
 * used later in a method), and element access (`window['document']`).
 */
import { ts } from 'ts-morph';
import { isMethodNode } from '../ids/methodIds.js';
import type { MethodTable } from './methods.js';
import { siteOf, type AppFile, type LoadedApp } from './project.js';
import type { CatalogEntry, PlatformCatalog, Reason } from './types.js';

interface Api {
  kind: 'module' | 'global';
  entry: CatalogEntry;
  catalog: PlatformCatalog;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self']);

/** method id -> 'pinned' reasons, one per distinct API (its first use). */
export function findPins(app: LoadedApp, table: MethodTable, catalogs: PlatformCatalog[]): Map<string, Reason[]> {
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
    const message = `uses device-only ${api.kind} '${api.entry.name}' (${api.catalog.platform}${why}) at ${site.split(':').slice(0, 2).join(':')}`;
    out.set(owner, [...(out.get(owner) ?? []), { rule: 'pinned', message, site }]);
  };
  const moduleOf = (spec: string): Api | undefined => modules.find((m) => specMatches(spec, m.entry.name));
  const rootWord = globals.size ? new RegExp(`\\b(${[...globals.keys(), ...GLOBAL_OBJECTS].join('|')})\\b`) : undefined;

  for (const file of app.files) {
    const text = file.sf.text;
    const checkGlobals = rootWord?.test(text) ?? false;
    const deviceSymbols = modules.length ? importedDeviceSymbols(app.checker, file.sf, moduleOf) : new Map<ts.Symbol, Api>();
    const mayRequire = modules.length > 0 && /\b(require|import)\s*\(/.test(text);
    if (!checkGlobals && deviceSymbols.size === 0 && !mayRequire) continue;

    const visit = (node: ts.Node, owner: string | undefined): void => {
      if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
      if (isMethodNode(node)) owner = table.idOf.get(node);
      if (mayRequire && ts.isCallExpression(node)) {
        const spec = requiredModule(node);
        const api = spec === undefined ? undefined : moduleOf(spec);
        if (api) pin(owner, api, file, node);
      }
      if (ts.isIdentifier(node) && owner && isValueReference(node)) {
        const sym = app.checker.getSymbolAtLocation(node);
        const api = sym && deviceSymbols.get(sym);
        if (api) pin(owner, api, file, node);
        else if (checkGlobals) matchGlobal(node, sym);
      }
      ts.forEachChild(node, (c) => visit(c, owner));

      function matchGlobal(id: ts.Identifier, sym: ts.Symbol | undefined): void {
        if (!(globals.has(id.text) || GLOBAL_OBJECTS.has(id.text)) || !isGlobalSymbol(sym)) return;
        const path = memberPath(id);
        const paths = GLOBAL_OBJECTS.has(id.text) ? [path, path.slice(1)] : [path];
        for (const p of paths) {
          for (const api of globals.get(p[0] ?? '') ?? []) {
            const want = api.entry.name.split('.');
            if (want.every((w, i) => p[i] === w)) pin(owner, api, file, id);
          }
        }
      }
    };
    ts.forEachChild(file.sf, (c) => visit(c, undefined));
  }
  return out;
}

/** `fs` matches `fs`, `node:fs` and `fs/...`. */
function specMatches(spec: string, name: string): boolean {
  const s = spec.startsWith('node:') ? spec.slice(5) : spec;
  const n = name.startsWith('node:') ? name.slice(5) : name;
  return s === n || s.startsWith(`${n}/`);
}

/** Local symbols bound to device modules: import bindings and `const x = require('m')`. */
function importedDeviceSymbols(checker: ts.TypeChecker, sf: ts.SourceFile, moduleOf: (s: string) => Api | undefined): Map<ts.Symbol, Api> {
  const out = new Map<ts.Symbol, Api>();
  const bind = (name: ts.Node | undefined, api: Api): void => {
    if (!name) return;
    if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name, api);
      return;
    }
    const s = checker.getSymbolAtLocation(name);
    if (s) out.set(s, api);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const api = moduleOf(node.moduleSpecifier.text);
      const clause = node.importClause;
      if (api && clause && !clause.isTypeOnly) {
        bind(clause.name, api);
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) bind(nb.name, api);
        if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly) bind(el.name, api);
      }
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      const api = ts.isStringLiteral(e) ? moduleOf(e.text) : undefined;
      if (api) bind(node.name, api);
      return;
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      let init: ts.Expression = node.initializer;
      if (ts.isAwaitExpression(init)) init = init.expression;
      const spec = ts.isCallExpression(init) ? requiredModule(init) : undefined;
      const api = spec === undefined ? undefined : moduleOf(spec);
      if (api) bind(node.name, api);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The specifier of `require('m')` or `import('m')`. */
function requiredModule(call: ts.CallExpression): string | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isStringLiteralLike(arg)) return undefined;
  const e = call.expression;
  if ((ts.isIdentifier(e) && e.text === 'require') || e.kind === ts.SyntaxKind.ImportKeyword) return arg.text;
  return undefined;
}

/** Declared nowhere, or only in declaration files (lib, @types, ambient). */
function isGlobalSymbol(sym: ts.Symbol | undefined): boolean {
  if (!sym) return true;
  const decls = sym.declarations ?? [];
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile);
}

/** An identifier used as a value, not a property name, declaration name or label. */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if (ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) {
    return (p as ts.NamedDeclaration).name !== id;
  }
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p));
}

/** `a.b.c` read upwards from the root identifier `a`. */
function memberPath(id: ts.Identifier): string[] {
  const path = [id.text];
  let n: ts.Node = id;
  while (n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) {
    path.push(n.parent.name.text);
    n = n.parent;
  }
  return path;
}
