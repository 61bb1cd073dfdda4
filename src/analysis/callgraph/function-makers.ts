/**
 * Which expressions make a function from source text at run time: `new Function(...)` or
 * `Function(...)` of the global Function constructor, named directly (`Function`,
 * `globalThis.Function`), through a `const` alias (`const F = Function`, also an alias of an
 * alias), or as a function's own `constructor` (`Function.prototype.constructor`,
 * `(async () => {}).constructor`, the AsyncFunction constructor), also its prototype's
 * (`Object.getPrototypeOf(async function () {}).constructor`, typed `any`: a function's prototype
 * is its kind's `prototype`). The code such a function runs is text the analysis cannot read
 * (made-calls.ts says what calling it may reach).
 * Not recognised here: reflection (`Reflect.construct(Function, ...)`; pinning sees `Function`
 * passed as a value), a `constructor` read of a value the checker types `any` that came from
 * elsewhere, and `eval`.
 */
import { ts } from '../../typescript.cjs';
import { GLOBAL_OBJECTS, MAX_CONST_ALIASES, constInitializer, symbolAt } from '../symbols.js';
import { type CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { isGetPrototypeOf } from './installer-syntax.js';

/** Whether a call or `new` runs the Function constructor, so its result is a function made from text. */
export function makesFunction(checker: ts.TypeChecker, site: CallSite): boolean {
  if (!ts.isCallExpression(site) && !ts.isNewExpression(site)) return false;
  return namesFunctionConstructor(checker, site.expression, 0);
}

/** Whether an expression is a function's own `constructor` (`(async () => {}).constructor`): Function's kind, reached without its name. */
export function isConstructorOfFunction(checker: ts.TypeChecker, e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'constructor' && namesFunctionConstructor(checker, e, 0);
}

function namesFunctionConstructor(checker: ts.TypeChecker, raw: ts.Expression, aliases: number): boolean {
  const e = skipWrappers(raw);
  if (ts.isIdentifier(e)) {
    const decls = symbolAt(checker, e)?.declarations ?? [];
    return decls.some((d) => {
      if (!ts.isVariableDeclaration(d)) return false;
      // The global `declare var Function: FunctionConstructor` (lib.es5.d.ts).
      if (d.getSourceFile().isDeclarationFile) return e.text === 'Function' && ts.isIdentifier(d.name) && d.name.text === 'Function';
      const isConst = (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0;
      return isConst && d.initializer !== undefined && aliases < MAX_CONST_ALIASES && namesFunctionConstructor(checker, d.initializer, aliases + 1);
    });
  }
  if (!ts.isPropertyAccessExpression(e)) return false;
  const name = e.name.text;
  const recv = skipWrappers(e.expression);
  // `globalThis.Function`, `window.Function`: the global itself.
  if (name === 'Function') return ts.isIdentifier(recv) && GLOBAL_OBJECTS.has(recv.text) && (symbolAt(checker, recv)?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
  if (name !== 'constructor') return false;
  // A function's constructor is Function's kind (Function, AsyncFunction, GeneratorFunction).
  if (isFunctionValue(checker, recv)) return true;
  if (ts.isPropertyAccessExpression(recv) && recv.name.text === 'prototype') return namesFunctionConstructor(checker, recv.expression, aliases + 1);
  const proto = aliases < MAX_CONST_ALIASES ? skipWrappers(constInitializer(checker, recv) ?? recv) : recv;
  const fn = ts.isCallExpression(proto) && isGetPrototypeOf(proto.expression) ? proto.arguments[0] : undefined;
  return fn !== undefined && isFunctionValue(checker, fn);
}

/** A function written in place, or a value the checker types as callable or constructible (a class is a function too). */
function isFunctionValue(checker: ts.TypeChecker, raw: ts.Expression): boolean {
  const e = skipWrappers(raw);
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isClassExpression(e)) return true;
  const t = checker.getTypeAtLocation(e);
  return t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0;
}

/**
 * Whether the app takes a call's result for a function: called at once, cast to or expected as a
 * type with call signatures (`factory(...) as Compiled`, `const run: Check = factory(...)`), or held
 * by a variable without a declared type where the call's own type is such a type or any
 * (`const fn = factory(...)`). A result only returned or stored (`payload = fast(payload)`, typed
 * by what receives it) is taken for data.
 */
export function takenAsFunction(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): boolean {
  let at: ts.Node = call;
  while (ts.isParenthesizedExpression(at.parent) || ts.isNonNullExpression(at.parent)) at = at.parent;
  const parent = at.parent;
  if (ts.isCallExpression(parent) && parent.expression === at) return true;
  if (ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isSatisfiesExpression(parent)) return callable(checker, checker.getTypeFromTypeNode(parent.type));
  // Held untyped: what the checker makes of the call (`Function`'s call returns any; a typed made
  // function, `fast: (input: unknown) => T`, returns what it says).
  if (ts.isVariableDeclaration(parent) && parent.initializer === at && !parent.type) return callable(checker, checker.getTypeAtLocation(call));
  if (ts.isBinaryExpression(parent) && parent.right === at && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return callable(checker, checker.getTypeAtLocation(parent.left));
  const expected = checker.getContextualType(call as ts.Expression);
  return expected !== undefined && callable(checker, expected);
}

/** A type with call signatures, or the global `Function` (which has none), or any. */
function callable(checker: ts.TypeChecker, t: ts.Type): boolean {
  return t.getCallSignatures().length > 0 || (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || checker.typeToString(t) === 'Function';
}
