/**
 * `new (f())()`, also `const C = f(); new C()`: a class that a call returns, where the call's own
 * type says nothing (`Function`, `any`), as class-transformer's `new (meta.typeFunction())()` of
 * the arrows `@Type(() => Photo)` stores. What the call may run is resolved as a callee is (a
 * parameter's functions are what its callers pass); each expression those functions return names
 * its class by its own type (`Photo`: `typeof Photo`), which the declared return type had
 * erased: those classes and their subclasses (constructed.ts). Branches (`flag ? A : B`, `a ?? B`)
 * are read one by one: the checker's union of two classes of the same shape keeps only one.
 */
import { ts } from '../../typescript.cjs';
import { MAX_CONST_ALIASES, constInitializer } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { classesOfConstructorRead, constructedClasses } from './constructed.js';
import type { Resolver } from './resolve.js';

/** Returns of returns followed at most this deep (`() => pick()`). */
const MAX_DEPTH = 3;

export function classesReturnedBy(r: Resolver, written: ts.Expression): ts.ClassLikeDeclaration[] {
  const call = callHeld(r.checker, written);
  return call ? returnedClasses(r, call, 0) : [];
}

/** The call `written` is, or that a `const` it names (through aliases) was initialised with. */
function callHeld(checker: ts.TypeChecker, written: ts.Expression): ts.CallExpression | undefined {
  let e = skipWrappers(written);
  for (let i = 0; i < MAX_CONST_ALIASES && ts.isIdentifier(e); i++) {
    const init = constInitializer(checker, e);
    if (!init) return undefined;
    e = skipWrappers(init);
  }
  return ts.isCallExpression(e) ? e : undefined;
}

function returnedClasses(r: Resolver, call: ts.CallExpression, depth: number): ts.ClassLikeDeclaration[] {
  const callee = r.callee(call.expression, true);
  if (!('targets' in callee)) return [];
  const isApp = (d: ts.Node): boolean => r.isApp(d);
  const out = new Set<ts.ClassLikeDeclaration>();
  for (const { node } of callee.targets) {
    for (const ret of r.values.returnsOf(node).flatMap(branches)) {
      const admitted = constructedClasses(r.checker, r.hierarchy, ret, isApp);
      const found = admitted.length ? admitted : classesOfConstructorRead(r.checker, r.hierarchy, ret, isApp);
      const inner = skipWrappers(ret);
      const deeper = !found.length && ts.isCallExpression(inner) && depth < MAX_DEPTH ? returnedClasses(r, inner, depth + 1) : [];
      for (const c of [...found, ...deeper]) out.add(c);
    }
  }
  return [...out];
}

/** The expressions a value may come from: each branch of a conditional, `??`, `||`, `&&` and the last of a comma list. */
function branches(e: ts.Expression): ts.Expression[] {
  const x = skipWrappers(e);
  if (ts.isConditionalExpression(x)) return [...branches(x.whenTrue), ...branches(x.whenFalse)];
  if (ts.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return [...branches(x.left), ...branches(x.right)];
    if (op === ts.SyntaxKind.CommaToken) return branches(x.right);
  }
  return [x];
}
