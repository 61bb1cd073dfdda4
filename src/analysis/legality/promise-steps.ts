/**
 * Two steps a device value takes through a promise (device-values.ts): `Promise.resolve(x)`
 * settles to x, and `p.then(fn)` hands fn what p settles to (`ready.then((s) => s.getItem(k))`).
 * `await` needs neither: the value flow reads an awaited call as what it returns.
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { skipWrappers } from '../walk.js';
import { declaredByLibrary } from '../symbols.js';

/** The promise whose library `then` the function is handed first (`p.then(fn)`): fn's first parameter gets what it settles to. */
export function thenReceiver(checker: ts.TypeChecker, fn: ts.Node): ts.Expression | undefined {
  const e = climbWrappers(fn);
  const call = e.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== e) return undefined;
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'then') return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(callee.name)) ? callee.expression : undefined;
}

/** The standard `Promise.resolve`, not an app's own `Promise`. */
export function isPromiseResolve(checker: ts.TypeChecker, callee: ts.Expression): boolean {
  const e = skipWrappers(callee);
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'resolve' || !ts.isIdentifier(e.expression) || e.expression.text !== 'Promise') return false;
  return declaredByLibrary(checker.getSymbolAtLocation(e.expression));
}
