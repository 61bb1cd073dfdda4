/**
 * More ways a value reaches code without being passed by name (device-value-steps.ts):
 *
 * - Emitted: `bus.emit('log', v)` of a library event emitter hands v to every listener of that
 *   event (`bus.on('log', (out) => ...)`), and `target.dispatchEvent(evt)` hands the event to its
 *   `addEventListener` listeners and `on<type>` handlers (a CustomEvent's `detail` is its init's).
 *   `postMessage(data)` (a worker, port, window or channel) is a 'message' event: an event
 *   listener or `onmessage` handler reads data as the event's `data`, and a Node listener
 *   (`port.on('message', fn)`) is given data itself. Emitters are matched by the event's name
 *   only, not by which emitter: a name that is not a string constant matches every event.
 * - Yielded: a generator's `yield v` (and `yield* list`) gives v to whatever iterates its result.
 * - Bound: `f.call(t)`, `f.apply(t)` and `f.bind(t)` give t to f's `this` (the call graph
 *   records which functions such a call runs).
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';
import { eventName, handlerSet, LISTENS, libraryEmit, libraryListen, type Emit } from '../callgraph/emitters.js';

export type { Emit };

/** A listener of a library emitter: the event's name (undefined when not a constant), and whether it is given an event object. */
export interface Listener {
  name: string | undefined;
  /** Given the DOM's event object (`addEventListener`, `on<type> =`), not the emitted arguments themselves. */
  receivesEvent: boolean;
}

/** The library `emit` calls of a file, in source order. */
export function emitsIn(checker: ts.TypeChecker, sf: ts.SourceFile): Emit[] {
  const out: Emit[] = [];
  const visit = (node: ts.Node): void => {
    const emit = ts.isCallExpression(node) ? libraryEmit(checker, node) : undefined;
    if (emit) out.push(emit);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * When `fn` listens to a library emitter (`x.on('log', fn)`, `x.addEventListener('message', fn)`,
 * `worker.onmessage = fn`): the event. Undefined when fn is no such listener.
 */
export function listenedEvent(checker: ts.TypeChecker, fn: ts.Node): Listener | undefined {
  const hand = handedToLibrary(checker, fn);
  if (hand) return hand.position === 1 && LISTENS.has(hand.method) ? { name: eventName(hand.call.arguments[0]), receivesEvent: hand.method === 'addEventListener' } : undefined;
  const handler = assignedHandler(checker, fn);
  return handler === undefined ? undefined : { name: handler, receivesEvent: true };
}

/**
 * The listeners handed to library emitters in a file, as the expressions handed (`bus.on('x', onX)`,
 * `port.onmessage = this.handle`), with their events: a listener named by reference is a
 * declaration elsewhere, which listenedEvent cannot see from the function itself.
 */
export function listenersIn(checker: ts.TypeChecker, sf: ts.SourceFile): { handed: ts.Expression; listener: Listener }[] {
  const out: { handed: ts.Expression; listener: Listener }[] = [];
  const visit = (node: ts.Node): void => {
    const listen = libraryListen(checker, node);
    if (listen) out.push({ handed: listen.handed, listener: { name: listen.event, receivesEvent: listen.receivesEvent } });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** `target.on<type> = fn` (or a global `on<type> = fn`) of a handler property the library declares: the event's type. */
function assignedHandler(checker: ts.TypeChecker, fn: ts.Node): string | undefined {
  const e = climbWrappers(fn);
  const set = e.parent && handlerSet(checker, e.parent);
  return set && set.handler === e ? set.type : undefined;
}

/** The init of `new CustomEvent(type, init)` of the standard library: its `detail` is what listeners read. */
export function eventInit(checker: ts.TypeChecker, e: ts.NewExpression): ts.Expression | undefined {
  const init = e.arguments?.[1];
  if (!init || ts.isSpreadElement(init) || !ts.isIdentifier(e.expression) || e.expression.text !== 'CustomEvent') return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(e.expression)) ? init : undefined;
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
