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
import { skipWrappers } from '../walk.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';

const LISTENS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const EMITS = new Set(['emit', 'dispatchEvent', 'postMessage']);

/** An `emit(event, ...args)` call of a library emitter: the event's name (undefined when not a constant) and the arguments. */
export interface Emit {
  event: string | undefined;
  args: readonly ts.Expression[];
  /** A `postMessage(data)`: args is [data], which an event listener reads as its event's `data`. */
  posted?: true;
}

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
    if (ts.isCallExpression(node) && node.arguments[0]) {
      const callee = skipWrappers(node.expression);
      // A worker's own `postMessage(data)` is a global call.
      const method = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) && callee.text === 'postMessage' ? callee : undefined;
      if (method && EMITS.has(method.text) && declaredByLibrary(checker.getSymbolAtLocation(method))) {
        const [first] = node.arguments;
        if (method.text === 'emit') out.push({ event: eventName(first), args: node.arguments.slice(1) });
        else if (method.text === 'dispatchEvent') out.push({ event: dispatchedName(checker, first), args: [first] });
        else if (!ts.isSpreadElement(first)) out.push({ event: 'message', args: [first], posted: true });
      }
    }
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
  if (hand) return hand.position === 1 && LISTENS.has(hand.method) ? { name: eventName(hand.call.arguments[0]!), receivesEvent: hand.method === 'addEventListener' } : undefined;
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
    const handed = ts.isCallExpression(node) ? node.arguments[1] : undefined;
    const hand = handed && !ts.isSpreadElement(handed) ? handedToLibrary(checker, handed) : undefined;
    if (handed && hand && hand.position === 1 && LISTENS.has(hand.method)) {
      out.push({ handed, listener: { name: eventName(hand.call.arguments[0]!), receivesEvent: hand.method === 'addEventListener' } });
    }
    const set = handlerSet(checker, node);
    if (set) out.push({ handed: set.handler, listener: { name: set.type, receivesEvent: true } });
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

/** `target.on<type> = handler` (or a global `on<type> = handler`) of a handler property the library declares. */
export function handlerSet(checker: ts.TypeChecker, node: ts.Node): { type: string; handler: ts.Expression } | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const name = ts.isPropertyAccessExpression(node.left) ? node.left.name : ts.isIdentifier(node.left) ? node.left : undefined;
  const type = name && /^on(\w+)$/.exec(name.text)?.[1];
  return type && declaredByLibrary(checker.getSymbolAtLocation(name)) ? { type, handler: node.right } : undefined;
}

/** The type of an event `dispatchEvent` is given, when it is made in place or by a const (`new CustomEvent('ready', ...)`). */
function dispatchedName(checker: ts.TypeChecker, e: ts.Expression): string | undefined {
  let x = skipWrappers(e);
  const d = ts.isIdentifier(x) ? checker.getSymbolAtLocation(x)?.valueDeclaration : undefined;
  if (d && ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) x = skipWrappers(d.initializer);
  return ts.isNewExpression(x) && x.arguments?.[0] ? eventName(x.arguments[0]) : undefined;
}

/** The init of `new CustomEvent(type, init)` of the standard library: its `detail` is what listeners read. */
export function eventInit(checker: ts.TypeChecker, e: ts.NewExpression): ts.Expression | undefined {
  const init = e.arguments?.[1];
  if (!init || ts.isSpreadElement(init) || !ts.isIdentifier(e.expression) || e.expression.text !== 'CustomEvent') return undefined;
  return declaredByLibrary(checker.getSymbolAtLocation(e.expression)) ? init : undefined;
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
