/**
 * Which bindings are code or constants that the clone has too (it loads the same build), and so
 * are no state a call must carry: functions and classes bound once (`const f = () => ...`, a
 * `let` initialised with one that nothing writes, an alias of a declared function or of a
 * library's), primitive module constants and symbols made at load (`const KEY = Symbol('k')`),
 * and module objects (`const fs = require('fs')`).
 * A captured primitive constant is still listed: the clone has no copy of the enclosing call.
 */
import { ts } from '../../typescript.cjs';
import { requireSpec } from '../library.js';
import { keptArgument, skipWrappers } from '../expressions.js';
import { crossingProblem, isFunctionType } from './serializable.js';
import type { Binding } from './state-facts.js';

export function isCode(b: Binding, written: boolean, checker: ts.TypeChecker): boolean {
  if (b.kind === 'this' || b.kind === 'parameter' || b.kind === 'catch' || b.kind === 'using' || !b.init) return false;
  const init = skipWrappers(b.init);
  if (b.scope === 'module' && requireSpec(init) !== undefined) return true;
  if (written && b.kind !== 'const' && b.kind !== 'default') return false;
  if (!b.destructured && isFunctionExpression(init)) return true;
  const constant = b.scope === 'module' && b.kind !== 'let' && b.kind !== 'var' && !b.destructured;
  if (constant && (isPrimitiveLiteral(init) || isNewSymbol(init, checker))) return true;
  // An alias of code: `const g = f`, `const { join } = path`, `const read = fs.readFileSync`.
  return b.sym !== undefined && isCodeRoot(init, checker) && isFunctionType(checker.getTypeOfSymbol(b.sym));
}

export function isFunctionExpression(e: ts.Expression): boolean {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isClassExpression(e);
}

/** string, number (also `-1`), bigint, boolean, null, undefined, a template without substitutions. */
function isPrimitiveLiteral(e: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken)) return isPrimitiveLiteral(skipWrappers(e.operand));
  if (ts.isStringLiteral(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  return ts.isIdentifier(e) && (e.text === 'undefined' || e.text === 'NaN' || e.text === 'Infinity');
}

/**
 * `Symbol('x')` or `Symbol.for('x')`: a module constant made once at load on each side, a key or
 * marker that plays the same role on the clone (a symbol cannot be shipped, and need not be).
 */
function isNewSymbol(e: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isCallExpression(e)) return false;
  const callee = skipWrappers(e.expression);
  const root = ts.isPropertyAccessExpression(callee) && callee.name.text === 'for' ? skipWrappers(callee.expression) : callee;
  return ts.isIdentifier(root) && root.text === 'Symbol' && isCodeRoot(root, checker);
}

/** `a` or `a.b.c` whose root names a declared function or class (or a const bound to one), or something of a library. */
function isCodeRoot(e: ts.Expression, checker: ts.TypeChecker): boolean {
  while (ts.isPropertyAccessExpression(e)) e = skipWrappers(e.expression);
  if (!ts.isIdentifier(e)) return false;
  const p = e.parent;
  // `{ sign }` names the property; the value is the variable's.
  return isCodeSymbol(p && ts.isShorthandPropertyAssignment(p) && p.name === e ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(e), checker);
}

function isCodeSymbol(s: ts.Symbol | undefined, checker: ts.TypeChecker): boolean {
  const sym = s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  if (!decl) return false;
  const sf = decl.getSourceFile();
  if (sf.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sf.fileName)) return true;
  if (ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl)) return true;
  if (!ts.isVariableDeclaration(decl) || !decl.initializer || !ts.isVariableDeclarationList(decl.parent)) return false;
  if ((decl.parent.flags & ts.NodeFlags.BlockScoped) !== ts.NodeFlags.Const) return false;
  const init = unfrozen(decl.initializer);
  if (isFunctionExpression(init)) return true;
  // A const table of code named by another (`export default { Children }`), or a list of it; a cycle is no code.
  if (!(ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init)) || inTable.has(init)) return false;
  inTable.add(init);
  try {
    return ts.isArrayLiteralExpression(init) ? isCodeList(init, checker) : nonCodeMember(init, checker) === undefined;
  } finally {
    inTable.delete(init);
  }
}

const inTable = new Set<ts.Node>();

/**
 * Whether a value is a table of code: an object literal whose functions are all code (written in
 * place, names of declared functions, nested such tables), like `{ sign, verify }`; its functions
 * cross as the app's own, by name. Undefined when it is one; else the member holding a function
 * that is not code, or null when it is no object literal (arrays, Maps and values made by calls
 * may hold functions made at run time, or get them later: `handlers.push(f)`).
 */
export function nonCodeMember(e: ts.Expression, checker: ts.TypeChecker): ts.Node | null | undefined {
  const init = unfrozen(e);
  if (!ts.isObjectLiteralExpression(init)) return null;
  const holdsFunctions = (n: ts.Node): boolean => {
    const t = checker.getTypeAtLocation(n);
    return crossingProblem(checker, t, NONE) !== undefined && crossingProblem(checker, t, NONE, true) === undefined;
  };
  for (const p of init.properties) {
    if (ts.isMethodDeclaration(p) || ts.isAccessor(p)) continue;
    if (ts.isSpreadAssignment(p)) {
      if (holdsFunctions(p.expression)) return p;
      continue;
    }
    const v = ts.isPropertyAssignment(p) ? unfrozen(p.initializer) : p.name;
    if (isFunctionExpression(v) || !holdsFunctions(v)) continue;
    if (ts.isObjectLiteralExpression(v)) {
      const inner = nonCodeMember(v, checker);
      if (inner !== undefined) return inner ?? p;
    } else if (ts.isArrayLiteralExpression(v) ? !isCodeList(v, checker) : !isCodeRoot(v, checker)) return p;
  }
  return undefined;
}

const NONE = new Map<string, string>();

/** A list written of code (`[Function, Array]`, `[loud, quiet]`), as a table of code is. */
function isCodeList(list: ts.ArrayLiteralExpression, checker: ts.TypeChecker): boolean {
  return list.elements.every((el) => {
    const v = unfrozen(el);
    if (isFunctionExpression(v)) return true;
    if (ts.isObjectLiteralExpression(v)) return nonCodeMember(v, checker) === undefined;
    return ts.isArrayLiteralExpression(v) ? isCodeList(v, checker) : isCodeRoot(v, checker);
  });
}

/** The object `Object.freeze(x)` (or seal, preventExtensions) returns is x itself: a frozen table of code is one. */
function unfrozen(e: ts.Expression): ts.Expression {
  let x = skipWrappers(e);
  for (let kept = keptArgument(x); kept; kept = keptArgument(x)) x = skipWrappers(kept);
  return x;
}

/**
 * Whether an initializer has the same value wherever it runs: literals, code (functions and
 * classes) and arrays, objects and empty built-in containers made of them. Anything else (a
 * name, a call, a member read) may differ between the device and the clone when each computes it.
 */
export function isLoadInvariant(node: ts.Expression): boolean {
  const e = skipWrappers(node) as ts.Expression;
  if (isPrimitiveLiteral(e) || ts.isRegularExpressionLiteral(e) || isFunctionExpression(e)) return true;
  switch (e.kind) {
    case ts.SyntaxKind.PrefixUnaryExpression:
      return isLoadInvariant((e as ts.PrefixUnaryExpression).operand);
    case ts.SyntaxKind.BinaryExpression: {
      const b = e as ts.BinaryExpression;
      return !isAssignment(b.operatorToken.kind) && b.operatorToken.kind !== ts.SyntaxKind.CommaToken && isLoadInvariant(b.left) && isLoadInvariant(b.right);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (e as ts.TemplateExpression).templateSpans.every((span) => isLoadInvariant(span.expression));
    case ts.SyntaxKind.ArrayLiteralExpression:
      return (e as ts.ArrayLiteralExpression).elements.every((x) => !ts.isSpreadElement(x) && (ts.isOmittedExpression(x) || isLoadInvariant(x)));
    case ts.SyntaxKind.ObjectLiteralExpression:
      return (e as ts.ObjectLiteralExpression).properties.every(
        (p) => (ts.isMethodDeclaration(p) && !ts.isComputedPropertyName(p.name)) || (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isLoadInvariant(p.initializer)),
      );
    case ts.SyntaxKind.NewExpression: {
      const n = e as ts.NewExpression;
      return ts.isIdentifier(n.expression) && EMPTY_CONTAINERS.has(n.expression.text) && !n.arguments?.length;
    }
    default:
      return false;
  }
}

export const isAssignment = (k: ts.SyntaxKind): boolean => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;

const EMPTY_CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);
