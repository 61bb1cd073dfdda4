/**
 * `x.call(...)` or `x.apply(...)` through a member the app declares (`interface Operator { call(sink, source) }`)
 * on a receiver that may hold a plain function. A function is assignable to such an interface (its `call` and
 * `apply` are Function.prototype's), and calling them runs the function itself: rxjs's operators hand
 * `source.lift(function (liftedSource) { ... })` a function where an Operator is expected, run by
 * `operator.call(subscriber, source)`. The functions the receiver may hold (followed as for `f.call()`, with
 * the parameters they came through) join the declared member's implementations.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolution, Resolver, Target } from './resolve.js';
import { withAddedTargets } from './added-targets.js';

export function withFunctionReceiver(r: Resolver, callee: ts.Expression, res: Resolution): Resolution {
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'call' && callee.name.text !== 'apply')) return res;
  // Function's own call/apply are followed already (resolve.ts); only a member the app declares is added to here.
  if (r.fnMember(callee) !== undefined || 'library' in res) return res;
  // A class's own method named `call` (`slot.call()`): an instance of it is no function.
  const declared = r.symbolAt(callee.name)?.declarations ?? [];
  if (!declared.length || !declared.every((d) => ts.isMethodSignature(d) || ts.isPropertySignature(d))) return res;
  const { result, parameters } = r.values.collectParameters(() => r.values.of(callee.expression));
  const fns = result.filter((n) => isMethodNode(n) && !ts.isConstructorDeclaration(n));
  if (!fns.length && !parameters.length) return res;
  return withAddedTargets(res, fns.map((node): Target => ({ node, kind: 'callback' })), parameters);
}
