/**
 * What device-values.ts reads off the syntax and types around a value: imports of the `process`
 * module, global symbols, types that are plain data (a copy, not a handle) and keys folded
 * from string constants.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';

/** The `process` module is the global `process`: `import { stdout } from 'node:process'` is `process.stdout`. */
export function isProcessModule(spec: string | undefined): boolean {
  return spec === 'process' || spec === 'node:process';
}

/** The global path an import from the `process` module names (`['process', 'stdout']`, or `['process']` for the module itself). */
export function processImport(sym: ts.Symbol | undefined): { path: string[]; at: ts.Node } | undefined {
  for (const d of sym?.declarations ?? []) {
    const decl = ts.findAncestor(d, ts.isImportDeclaration);
    if (!decl || !ts.isStringLiteral(decl.moduleSpecifier) || !isProcessModule(decl.moduleSpecifier.text)) continue;
    if (ts.isImportSpecifier(d)) return { path: ['process', (d.propertyName ?? d.name).text], at: d };
    if (ts.isNamespaceImport(d) || ts.isImportClause(d)) return { path: ['process'], at: d };
  }
  return undefined;
}

/** Declared nowhere, or only in declaration files (lib, @types, ambient). */
export function isGlobalSymbol(sym: ts.Symbol | undefined): boolean {
  if (!sym) return true;
  const decls = sym.declarations ?? [];
  if (decls.length === 0) return sym.escapedName === 'globalThis'; // the checker's own symbol, declared nowhere
  return decls.every((d) => d.getSourceFile().isDeclarationFile);
}

const DATA_TYPES = new Set(['Buffer', 'ArrayBuffer', 'SharedArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Uint8ClampedArray', 'DataView', 'Date', 'RegExp']);

/**
 * Values that are data, copied out of a device object, not handles to it: primitives, buffers and
 * typed arrays, dates, arrays and promises of these. `any` and `unknown` are not: they may be a handle.
 */
export function isPlainData(checker: ts.TypeChecker, t: ts.Type, depth: number): boolean {
  if (depth > 4) return false;
  if (t.isUnion()) return t.types.every((m) => isPlainData(checker, m, depth + 1));
  const plain = ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Never;
  if (t.flags & plain) return true;
  const name = (t.getSymbol() ?? t.aliasSymbol)?.getName();
  if (name && DATA_TYPES.has(name)) return true;
  if (checker.isArrayType(t) || name === 'Promise') {
    const el = checker.getTypeArguments(t as ts.TypeReference)[0];
    return el !== undefined && isPlainData(checker, el, depth + 1);
  }
  return false;
}

/** A key written as a string, or a constant folded from string literals and `const`s (`'local' + 'Storage'`). */
export function constantKey(checker: ts.TypeChecker, raw: ts.Expression, depth = 0): string | undefined {
  const e = skipWrappers(raw);
  if (depth > 8) return undefined;
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = constantKey(checker, e.left, depth + 1);
    const r = l === undefined ? undefined : constantKey(checker, e.right, depth + 1);
    return l === undefined || r === undefined ? undefined : l + r;
  }
  if (ts.isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) {
      const v = constantKey(checker, span.expression, depth + 1);
      if (v === undefined) return undefined;
      s += v + span.literal.text;
    }
    return s;
  }
  if (ts.isIdentifier(e)) {
    const d = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (d && ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) return constantKey(checker, d.initializer, depth + 1);
  }
  const t = checker.getTypeAtLocation(e);
  return t.isStringLiteral() ? t.value : undefined;
}

/** An identifier used as a value, not a property name, declaration name or label. */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if (ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) {
    return (p as ts.NamedDeclaration).name !== id;
  }
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p));
}
