/**
 * Names for calls that leave the app (node_modules, lib.d.ts, @types): leaf ids
 * `lib:<module>#<export path>`, so platform catalogs can match them by module or global path.
 *
 * - Through an import binding: the specifier as written, `node:` stripped, then the imported
 *   name and the member path: `import { readFileSync } from 'node:fs'` -> `lib:fs#readFileSync`,
 *   `import * as fsp from 'fs/promises'; fsp.readFile()` -> `lib:fs/promises#readFile`,
 *   default imports `lib:m#default`. Works even when the module has no types installed.
 * - Globals and members of library types: `lib:globals#<qualified name>` from the declaring
 *   symbol: `lib:globals#setTimeout`, `lib:globals#Array.map`, `lib:globals#Promise.then`,
 *   `lib:globals#Geolocation.getCurrentPosition`.
 * - Members declared in an ambient or package module: `lib:<module>#<name>`, e.g.
 *   `lib:events#EventEmitter.on`, `lib:react-native#NativeModules`.
 */
import { ts } from '../typescript.cjs';

/** The leaf id of a library callee, or undefined when nothing sensible names it. */
export function libraryLeaf(checker: ts.TypeChecker, callee: ts.Expression, sym: ts.Symbol | undefined): string | undefined {
  const viaImport = importPathOf(checker, callee);
  if (viaImport) return viaImport;
  if (!sym) return undefined;
  return fromSymbol(checker, sym);
}

/**
 * Per checker and symbol: printing a qualified name is the costliest answer here, and a
 * program's library calls name few symbols (itertools: 944 asks, 158 symbols).
 */
const named = new WeakMap<ts.TypeChecker, WeakMap<ts.Symbol, string>>();

function fromSymbol(checker: ts.TypeChecker, sym: ts.Symbol): string {
  let bySymbol = named.get(checker);
  if (!bySymbol) named.set(checker, (bySymbol = new WeakMap()));
  let id = bySymbol.get(sym);
  if (id === undefined) bySymbol.set(sym, (id = nameOf(checker, sym)));
  return id;
}

function nameOf(checker: ts.TypeChecker, sym: ts.Symbol): string {
  const fq = checker.getFullyQualifiedName(sym);
  if (fq.startsWith('"')) {
    const end = fq.indexOf('"', 1);
    const mod = fq.slice(1, end);
    const rest = fq.slice(end + 2) || 'default';
    return `lib:${moduleName(mod)}#${rest}`;
  }
  const decl = sym.declarations?.[0];
  const sf = decl?.getSourceFile();
  // A symbol of a package's file module prints without quotes in some cases: name the package.
  if (sf && !sf.hasNoDefaultLib && /[\\/]node_modules[\\/]/.test(sf.fileName) && ts.isExternalModule(sf)) {
    return `lib:${moduleName(sf.fileName)}#${fq}`;
  }
  return `lib:globals#${fq}`;
}

/** `node:fs` -> `fs`; an absolute node_modules path -> its package name (plus subpath, without index). */
export function moduleName(spec: string): string {
  if (spec.startsWith('node:')) return spec.slice(5);
  const i = spec.lastIndexOf('node_modules/');
  if (i < 0) return spec;
  let rest = spec.slice(i + 'node_modules/'.length).replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, '');
  if (rest.startsWith('@types/')) {
    rest = rest.slice(7);
    if (rest.includes('__')) rest = `@${rest.replace('__', '/')}`;
  }
  const parts = rest.split('/');
  const pkg = rest.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  const sub = parts.slice(pkg.length).filter((p) => p !== 'index' && p !== 'lib' && p !== 'dist');
  return [...pkg, ...sub].join('/');
}

/**
 * Per checker and callee (null for none): a callee is named again each time a walk cut short by a
 * cycle resolves it again (zod: 1.4 s of climbing member chains and asking the checker for the
 * root's symbol), and neither the syntax nor the root's symbol changes.
 */
const importPaths = new WeakMap<ts.TypeChecker, WeakMap<ts.Expression, string | null>>();

function importPathOf(checker: ts.TypeChecker, callee: ts.Expression): string | undefined {
  let byCallee = importPaths.get(checker);
  if (!byCallee) importPaths.set(checker, (byCallee = new WeakMap()));
  let path = byCallee.get(callee);
  if (path === undefined) byCallee.set(callee, (path = importPath(checker, callee) ?? null));
  return path ?? undefined;
}

/** `lib:<spec>#<name>.<members>` when the callee's root identifier is an import of a non-relative module. */
function importPath(checker: ts.TypeChecker, callee: ts.Expression): string | undefined {
  const members: string[] = [];
  let e = callee;
  while (ts.isPropertyAccessExpression(e) || (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression))) {
    members.unshift(ts.isPropertyAccessExpression(e) ? e.name.text : (e.argumentExpression as ts.StringLiteral).text);
    e = e.expression;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const sym = checker.getSymbolAtLocation(e);
  const d = sym?.declarations?.[0];
  if (!d) return undefined;
  let spec: string | undefined;
  let name: string | undefined;
  if (ts.isImportSpecifier(d)) {
    spec = moduleSpecOf(d.parent.parent.parent);
    name = (d.propertyName ?? d.name).text;
  } else if (ts.isImportClause(d)) {
    spec = moduleSpecOf(d.parent);
    name = 'default';
  } else if (ts.isNamespaceImport(d)) {
    spec = moduleSpecOf(d.parent.parent);
  } else if (ts.isImportEqualsDeclaration(d) && ts.isExternalModuleReference(d.moduleReference)) {
    const x = d.moduleReference.expression;
    spec = ts.isStringLiteral(x) ? x.text : undefined;
  } else if (ts.isVariableDeclaration(d) && d.initializer) {
    spec = requireSpec(d.initializer);
    if (spec && ts.isObjectBindingPattern(d.name)) {
      const el = d.name.elements.find((b) => ts.isIdentifier(b.name) && b.name.text === e.getText());
      name = el ? ((el.propertyName as ts.Identifier | undefined)?.text ?? e.getText()) : undefined;
    }
  }
  if (!spec || spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const path = [...(name ? [name] : []), ...members];
  return `lib:${moduleName(spec)}#${path.join('.') || 'default'}`;
}

function moduleSpecOf(d: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
  return ts.isStringLiteral(d.moduleSpecifier) ? d.moduleSpecifier.text : undefined;
}

/** `require('m')` / `await import('m')` -> 'm'. */
export function requireSpec(e: ts.Expression): string | undefined {
  if (ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return undefined;
  const arg = e.arguments[0];
  const isReq = (ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword;
  return isReq && arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}
