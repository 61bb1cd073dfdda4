/**
 * Steps a device value takes through a promise (device-values.ts): `Promise.resolve(x)`
 * settles to x, `p.then(fn)` hands fn what p settles to (`ready.then((s) => s.getItem(k))`), and
 * a rejection handler gets what was raised (raised-values.ts), and `new Promise((resolve) => ...)`
 * settles to what its executor's `resolve(x)` calls are given.
 * `await` needs neither: the value flow reads an awaited call as what it returns.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';
import { executorParameter } from '../callgraph/promise-settled.js';

/** The promise whose library `then` the function is handed first (`p.then(fn)`): fn's first parameter gets what it settles to. */
export function thenReceiver(checker: ts.TypeChecker, fn: ts.Node): ts.Expression | undefined {
  const hand = handedToLibrary(checker, fn);
  return hand?.method === 'then' && hand.position === 0 ? hand.receiver : undefined;
}

/** `Promise.<name>` of the standard Promise (`Promise.resolve`, `Promise.reject`), not an app's own. */
export function isPromiseStatic(checker: ts.TypeChecker, callee: ts.Expression, name: string): boolean {
  const e = skipWrappers(callee);
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== name || !ts.isIdentifier(e.expression) || e.expression.text !== 'Promise') return false;
  return declaredByLibrary(checker.getSymbolAtLocation(e.expression));
}

/** Whether `fn` is handed to a library promise as its rejection handler (`p.catch(fn)`, `p.then(ok, fn)`): its first parameter gets what was raised. */
export function isRejectionHandler(checker: ts.TypeChecker, fn: ts.Node): boolean {
  const hand = handedToLibrary(checker, fn);
  return (hand?.method === 'catch' && hand.position === 0) || (hand?.method === 'then' && hand.position === 1);
}

/**
 * `new Promise((resolve) => ... resolve(x) ...)` of the standard Promise: the x of each call of
 * the executor's first parameter (in nested functions too: `stream.on('open', () => resolve(s))`);
 * undefined when it is no such promise. `resolve` handed on by name is not followed.
 */
export function executorResolved(checker: ts.TypeChecker, e: ts.NewExpression): ts.Expression[] | undefined {
  const found = executorParameter(checker, e, 0);
  if (!found) return undefined;
  const { executor, symbol: resolve } = found;
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments[0] && !ts.isSpreadElement(node.arguments[0])) {
      const callee = skipWrappers(node.expression);
      if (ts.isIdentifier(callee) && checker.getSymbolAtLocation(callee) === resolve) out.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(executor.body);
  return out;
}
