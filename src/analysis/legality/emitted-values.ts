/**
 * More ways a value reaches code without being passed by name (device-value-steps.ts):
 *
 * - Emitted: `bus.emit('log', v)` of a library event emitter hands v to every listener of that
 *   event (`bus.on('log', (out) => ...)`). Emitters are matched by the event's name only, not by
 *   which emitter: a name that is not a string constant matches every event.
 * - Yielded: a generator's `yield v` (and `yield* list`) gives v to whatever iterates its result.
 * - Bound: `f.call(t)`, `f.apply(t)` and `f.bind(t)` give t to f's `this` (the call graph
 *   records which functions such a call runs).
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../walk.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';

const LISTENS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** An `emit(event, ...args)` call of a library emitter: the event's name (undefined when not a constant) and the arguments. */
export interface Emit {
  event: string | undefined;
  args: readonly ts.Expression[];
}

/** The library `emit` calls of a file, in source order. */
export function emitsIn(checker: ts.TypeChecker, sf: ts.SourceFile): Emit[] {
  const out: Emit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments[0]) {
      const callee = skipWrappers(node.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'emit' && declaredByLibrary(checker.getSymbolAtLocation(callee.name))) {
        out.push({ event: eventName(node.arguments[0]), args: node.arguments.slice(1) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * When `fn` is handed to a library emitter as a listener (`x.on('log', fn)`): the event, its
 * name undefined when not a constant. Undefined when fn is no such listener.
 */
export function listenedEvent(checker: ts.TypeChecker, fn: ts.Node): { name: string | undefined } | undefined {
  const hand = handedToLibrary(checker, fn);
  return hand && hand.position === 1 && LISTENS.has(hand.method) ? { name: eventName(hand.call.arguments[0]!) } : undefined;
}

function eventName(e: ts.Expression): string | undefined {
  const x = skipWrappers(e);
  return ts.isStringLiteralLike(x) ? x.text : undefined;
}

/** The `yield` expressions of a generator's own body (not of functions nested in it). */
export function yieldsOf(fn: ts.FunctionLikeDeclaration): ts.YieldExpression[] {
  const out: ts.YieldExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isYieldExpression(node) && node.expression) out.push(node);
    ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return out;
}
