/**
 * Methods that use a device value that travelled to them (device-values.ts): a method uses a
 * value when it reads a member of it, indexes it or calls it (also as a method: `proc.cwd()`).
 * Passing an object on to an app function is not a use: that function's parameter holds it, and
 * its uses are found there. Passing a device *function* on is a use, as the call graph counts a
 * callback handed out as called by the method that hands it out; calling a function parameter
 * is then not one (the helper `each(xs, fn)` stays pure for its other callers).
 * Only values that name a catalog API count (a global path on its way to one, `navigator`, is
 * not yet a device value: `navigator.language` is not the device, `navigator.geolocation` is).
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers, isMethodNode } from '../../ids/methodIds.js';
import { declaredByLibrary } from '../symbols.js';
import type { DeviceValue } from './device-value.js';
import type { DeviceValues } from './device-values.js';
import { fileLine, siteOf, type AppFile } from '../project.js';
import type { Reason } from '../types.js';
import { skipWrappers } from '../expressions.js';

/** A method's use of a device value, as a 'pinned' reason keyed by the API (one reason per API and method). */
export interface DeviceUse {
  owner: string;
  key: string;
  reason: Reason;
}

/**
 * The use of a device value at `node`, owned by `owner` (the method whose own code it is), if
 * any: asked of every node of the app in one walk with the other rules (file-walk.ts, pinning.ts).
 */
export function deviceUseAt(node: ts.Node, owner: string, file: AppFile, values: DeviceValues, checker: ts.TypeChecker, primitiveRefs: ReadonlySet<ts.Node>): DeviceUse | undefined {
  if (!mayUse(node)) return undefined;
  for (const { e: used, handed } of usedExpressions(node, checker, values)) {
    // A name declared with primitive types only (the call graph's primitiveRefs) is no function
    // wherever it is read: handed on, it is no use (below), whatever the value flow finds it holds.
    if (handed && primitiveRefs.has(used)) continue;
    const v = values.used(used);
    if (!v?.api || (handed && !checker.getTypeAtLocation(used).getCallSignatures().length)) continue;
    if (v.api.entry.results === 'code' && !runsMadeCode(used, checker)) continue;
    return { owner, key: v.api.entry.name, reason: reasonFor(v, file, used) };
  }
  return undefined;
}

/**
 * Code made from text (`Function`, what it makes, a value derived from either) is the device's
 * only where it runs: called, `new`, through `call`/`apply`/`bind`, or handed on to a function
 * that may call it. Reading a member of the maker (`ctor.name`, `ctor.toString()`, a validator
 * table's `[Function, Array]` compared by name) runs nothing. Asked of the expression that holds it.
 */
export function runsMadeCode(e: ts.Node, checker: ts.TypeChecker): boolean {
  return (namedToRun(e) && !isOwnMember(e, checker)) || handedFunction(e, checker);
}

const RUNNERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);

/** `e(...)`, `new e(...)`, `e.call(...)`, `e.apply(...)`, `e.bind(...)`: e is run, not only read. */
function namedToRun(e: ts.Node): boolean {
  const x = climbWrappers(e);
  const p = x.parent;
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === x) return true;
  return ts.isPropertyAccessExpression(p) && p.expression === x && RUNNERS.has(p.name.text);
}

/** `f(..., e, ...)` with e a function: handed on to be called on this method's behalf (usedExpressions). */
function handedFunction(e: ts.Node, checker: ts.TypeChecker): boolean {
  const x = climbWrappers(e);
  const p = x.parent;
  if (!(ts.isCallExpression(p) || ts.isNewExpression(p)) || !p.arguments?.includes(x as ts.Expression)) return false;
  return checker.getTypeAtLocation(x).getCallSignatures().length > 0;
}

/**
 * `maker.toString`, `map.get`: a member a function or a library object has, not code the app
 * made. A member of a value that is neither (`[Function, Array][0]`, `opts.compile`) may be a
 * maker itself.
 */
function isOwnMember(e: ts.Node, checker: ts.TypeChecker): boolean {
  const x = ts.isExpression(e) ? skipWrappers(e) : e;
  if (!ts.isPropertyAccessExpression(x) && !ts.isElementAccessExpression(x)) return false;
  const owner = checker.getTypeAtLocation(x.expression);
  if (owner.getCallSignatures().length || owner.getConstructSignatures().length) return true;
  return ts.isPropertyAccessExpression(x) && declaredByLibrary(checker.getSymbolAtLocation(x.name));
}

/** Only accesses and calls use a value (usedExpressions); asked of every node, so no list for the others. */
function mayUse(node: ts.Node): boolean {
  const k = node.kind;
  return k === ts.SyntaxKind.PropertyAccessExpression || k === ts.SyntaxKind.ElementAccessExpression || k === ts.SyntaxKind.CallExpression || k === ts.SyntaxKind.NewExpression;
}

/**
 * The expressions a node uses as values, the receiver first (its chain is the shorter): the
 * object of a member access; the called function (`exit(1)`), or for a method call the object
 * and then the method (`proc.cwd()`, proc being the `process` module).
 */
function usedExpressions(node: ts.Node, checker: ts.TypeChecker, values: DeviceValues): { e: ts.Expression; handed?: true }[] {
  let es: ts.Expression[] = [];
  const out: { e: ts.Expression; handed?: true }[] = [];
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) es = [node.expression];
  else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = skipWrappers(node.expression);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) es = [callee.expression, callee];
    else if (!isParameter(callee, checker)) es = [callee];
    // A device function handed to another function is called on this method's behalf (as the call
    // graph treats callbacks): `forEachStyle(style, style.setProperty.bind(style))` uses the device
    // here, and a helper calling its function parameter (`fn(k, v)`) is not pinned for it. Whether
    // the argument is a function is asked only of arguments that hold a device value.
    for (const a of node.arguments ?? []) if (!ts.isSpreadElement(a) && mayHold(a)) out.push({ e: a, handed: true });
  }
  // `this` holds a value only where a call, apply or bind gave its function one (`write.call(process.stdout)`).
  return [...es.filter((e) => mayHold(e) || values.givenThis(e)).map((e) => ({ e })), ...out];
}

/**
 * Not `this`, `super`, a literal, a function written in place, nor an operation whose result
 * is a primitive whatever its operands (`s % 97`, `a + b`, `!x`, `typeof x`): no object, so no
 * device handle, comes out of one (asked of every argument of every call: each was a walk of
 * the value flow that could only find nothing).
 */
export function mayHold(e: ts.Expression): boolean {
  const inner = skipWrappers(e);
  const k = inner.kind;
  return !(k === ts.SyntaxKind.ThisKeyword || k === ts.SyntaxKind.SuperKeyword || k === ts.SyntaxKind.ImportKeyword || ts.isLiteralExpression(inner) || isMethodNode(inner) || ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner) || ts.isTemplateExpression(inner) || isPrimitiveOperation(inner));
}

/** Operators whose result is one of their operands' values (`a || b`, `x = v`, `(a, b)`): any other binary operator makes a primitive. */
const PASSING_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** Arithmetic, comparison, bitwise, `in`, `instanceof` and their compound assignments; `!`, `-`, `++`, `typeof`, `void`, `delete`. */
function isPrimitiveOperation(e: ts.Expression): boolean {
  if (ts.isBinaryExpression(e)) return !PASSING_OPERATORS.has(e.operatorToken.kind);
  return ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e) || ts.isTypeOfExpression(e) || ts.isVoidExpression(e) || ts.isDeleteExpression(e);
}

/** A parameter of the function it is used in (or of an enclosing one), called by name. */
function isParameter(e: ts.Expression, checker: ts.TypeChecker): boolean {
  const d = ts.isIdentifier(e) ? checker.getSymbolAtLocation(e)?.valueDeclaration : undefined;
  return d !== undefined && ts.isParameter(d);
}

function reasonFor(v: DeviceValue, file: AppFile, used: ts.Expression): Reason {
  const api = v.api!;
  const site = siteOf(file, used);
  const why = api.entry.why ? `: ${api.entry.why}` : '';
  return {
    rule: 'pinned',
    message: `uses a device value from ${api.kind} '${api.entry.name}' (${api.catalog.platform}${why}): ${v.chain.join(' -> ')} -> used at ${fileLine(site)}`,
    site,
  };
}
