/**
 * What a call of a function returns when its result is chosen by a parameter's truth:
 * `create = (createState) => createState ? createImpl(createState) : createImpl` returns
 * createImpl itself at `create()` (a missing argument is undefined, so false) and what
 * createImpl returns at `create(() => ({ count: 0 }))` (a function is true). Without telling
 * the two apart, every call of the curried form ran the store hook and every call of the hook
 * ran the store maker, each with the other's arguments.
 *
 * An argument is known false when it is missing (the parameter has no default) or written as
 * `undefined`, `null`, `false`, `void x`; known true when written as a function, class, object
 * or array literal, a `new`, or when its type only has functions (every part has call or
 * construct signatures: no primitive has them). The parameter must keep what the call passed
 * (never assigned in the function), and the call must name the function itself (its declaration,
 * a variable or property initialised with it, an import of one): arguments then land in order,
 * which they do not through `f.bind(t, a)` held elsewhere, `f.call`, `f.apply` or `Reflect.apply`.
 * A spread before the parameter's position decides nothing either. Anything else keeps both branches.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { reassigned } from './typeof-guards.js';
import { argumentIndex } from '../parameters.js';

/** The returned expressions a call of `fn` may evaluate: conditionals on a parameter's truth decided by the call's argument. */
export function returnedAt(c: ts.TypeChecker, call: ts.CallExpression, fn: ts.Node, rets: readonly ts.Expression[]): readonly ts.Expression[] {
  if (!rets.some((r) => ts.isConditionalExpression(skipWrappers(r))) || !namesFunction(c, call.expression, fn)) return rets;
  return rets.map((r) => decided(c, call, fn as ts.SignatureDeclaration, r));
}

/** Whether the callee is the function, or a name declared as it (`function f`, `const f = (...) => ...`, `m() {}`, `{ f: () => ... }`). */
function namesFunction(c: ts.TypeChecker, callee: ts.Expression, fn: ts.Node): boolean {
  const e = skipWrappers(callee);
  if (e === fn) return true;
  const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : undefined;
  let sym = name && c.getSymbolAtLocation(name);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = c.getAliasedSymbol(sym);
  return (sym?.declarations ?? []).some((d) => d === fn || ((ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d)) && !!d.initializer && skipWrappers(d.initializer) === fn));
}

/** The branch a conditional on a parameter takes at this call (followed into nested ones), or the expression itself. */
function decided(c: ts.TypeChecker, call: ts.CallExpression, fn: ts.SignatureDeclaration, ret: ts.Expression): ts.Expression {
  const e = skipWrappers(ret);
  if (!ts.isConditionalExpression(e)) return ret;
  const test = parameterTested(c, fn, e.condition);
  if (!test) return ret;
  const truth = argumentTruth(c, call, test.index);
  if (truth === undefined) return ret;
  return decided(c, call, fn, truth === test.when ? e.whenTrue : e.whenFalse);
}

/** `p` or `!p` for a parameter of fn that keeps its argument: its position, and the truth of p that makes the condition true. */
function parameterTested(c: ts.TypeChecker, fn: ts.SignatureDeclaration, cond: ts.Expression): { index: number; when: boolean } | undefined {
  let e = skipWrappers(cond);
  let when = true;
  while (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    e = skipWrappers(e.operand);
    when = !when;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const sym = c.getSymbolAtLocation(e);
  const decl = sym?.valueDeclaration;
  if (!sym || !decl || !ts.isParameter(decl) || decl.parent !== fn || decl.dotDotDotToken || decl.initializer || !ts.isIdentifier(decl.name)) return undefined;
  if (reassigned(c, sym, decl)) return undefined;
  return { index: argumentIndex(decl), when };
}

/** Whether what the call passes at a position is known true or false. */
function argumentTruth(c: ts.TypeChecker, call: ts.CallExpression, index: number): boolean | undefined {
  const args = call.arguments;
  if (args.slice(0, index + 1).some(ts.isSpreadElement)) return undefined;
  if (index >= args.length) return false;
  const a = skipWrappers(args[index]!);
  if (ts.isArrowFunction(a) || ts.isFunctionExpression(a) || ts.isClassExpression(a) || ts.isObjectLiteralExpression(a) || ts.isArrayLiteralExpression(a) || ts.isNewExpression(a)) return true;
  if (a.kind === ts.SyntaxKind.NullKeyword || a.kind === ts.SyntaxKind.FalseKeyword || ts.isVoidExpression(a)) return false;
  if (ts.isIdentifier(a) && a.text === 'undefined' && !(c.getSymbolAtLocation(a)?.valueDeclaration)) return false;
  const t = c.getTypeAtLocation(a);
  const parts = t.isUnion() ? t.types : [t];
  const functionOnly = (p: ts.Type): boolean => !(p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) && (p.getCallSignatures().length > 0 || p.getConstructSignatures().length > 0);
  return parts.every(functionOnly) ? true : undefined;
}
