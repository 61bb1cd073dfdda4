/**
 * Steps a device value takes through a promise (device-values.ts): `Promise.resolve(x)`
 * settles to x, `p.then(fn)` hands fn what p settles to (`ready.then((s) => s.getItem(k))`), and
 * a rejection handler gets what was raised (raised-values.ts).
 * `await` needs neither: the value flow reads an awaited call as what it returns.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../walk.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';

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
