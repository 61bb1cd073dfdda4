/**
 * The library method a function is handed to as an argument (`p.then(fn)`, `bus.on('x', fn)`):
 * the legality steps ask it to learn what that method passes the function's parameters.
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { skipWrappers } from '../expressions.js';
import { declaredByLibrary } from '../symbols.js';

export interface LibraryHand {
  /** The method's name (`then`, `on`). */
  method: string;
  /** What the method is called on (`p` of `p.then(fn)`). */
  receiver: ts.Expression;
  call: ts.CallExpression;
  /** Which argument the function is. */
  position: number;
}

/** `recv.method(..., fn, ...)` with a method the library declares; undefined for anything else. */
export function handedToLibrary(checker: ts.TypeChecker, fn: ts.Node): LibraryHand | undefined {
  const e = climbWrappers(fn);
  const call = e.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const position = call.arguments.indexOf(e as ts.Expression);
  const callee = skipWrappers(call.expression);
  if (position < 0 || !ts.isPropertyAccessExpression(callee) || !declaredByLibrary(checker.getSymbolAtLocation(callee.name))) return undefined;
  return { method: callee.name.text, receiver: callee.expression, call, position };
}
