/**
 * Two ways a value reaches code without being passed by name (device-values.ts follows both):
 *
 * - Raised: what a `throw` throws (also `Promise.reject(x)`, and a promise executor's
 *   `reject(x)`) reaches a `catch (e)` binding and a rejection handler (`p.catch((e) => ...)`,
 *   `p.then(ok, (e) => ...)`). Which catch gets which throw depends on the calls between them,
 *   so any app throw counts for any catch: device values are rarely thrown, and a catch that
 *   gets one must not be taken for pure.
 * - The `arguments` object of a function: what its callers pass, at any position.
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers, thisFunction } from '../expressions.js';
import { isPromiseStatic } from './promise-steps.js';
import { executorParameter } from '../callgraph/promise-settled.js';

/** Expressions an app may raise: each `throw`'s operand, `Promise.reject(x)`'s x, an executor's `reject(x)`'s x, in source order. */
export function raisedIn(checker: ts.TypeChecker, sf: ts.SourceFile): ts.Expression[] {
  const out: ts.Expression[] = [];
  const rejecters = new Set<ts.Symbol>();
  const visit = (node: ts.Node): void => {
    if (ts.isThrowStatement(node)) out.push(node.expression);
    if (ts.isNewExpression(node)) {
      const reject = executorParameter(checker, node, 1)?.symbol;
      if (reject) rejecters.add(reject);
    }
    if (ts.isCallExpression(node) && node.arguments[0] && !ts.isSpreadElement(node.arguments[0])) {
      const callee = skipWrappers(node.expression);
      if (isPromiseStatic(checker, callee, 'reject')) out.push(node.arguments[0]);
      // Executors come before the calls of their `reject` in a depth-first walk.
      else if (ts.isIdentifier(callee)) {
        const sym = checker.getSymbolAtLocation(callee);
        if (sym && rejecters.has(sym)) out.push(node.arguments[0]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A `catch (e)` clause's binding. */
export function isCatchBinding(d: ts.Declaration): d is ts.VariableDeclaration {
  return ts.isVariableDeclaration(d) && ts.isCatchClause(d.parent);
}

/** The function whose `arguments` object an identifier names, or undefined when it names a variable of that name. */
export function argumentsOwner(checker: ts.TypeChecker, e: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  if (!ts.isIdentifier(e) || e.text !== 'arguments' || checker.getSymbolAtLocation(e)?.declarations?.length) return undefined;
  return thisFunction(e);
}
