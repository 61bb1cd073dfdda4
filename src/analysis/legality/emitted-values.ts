/**
 * More ways a value reaches code without being passed by name (device-value-steps.ts):
 *
 * - Emitted: `bus.emit('log', v)` of a library event emitter hands v to every listener of that
 *   event (`bus.on('log', (out) => ...)`), and `target.dispatchEvent(evt)` hands the event to its
 *   `addEventListener` listeners (a CustomEvent's `detail` is its init's). Emitters are matched by
 *   the event's name only, not by which emitter: a name that is not a string constant matches every event.
 * - Yielded: a generator's `yield v` (and `yield* list`) gives v to whatever iterates its result.
 * - Bound: `f.call(t)`, `f.apply(t)` and `f.bind(t)` give t to f's `this` (the call graph
 *   records which functions such a call runs).
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../walk.js';
import { declaredByLibrary } from '../symbols.js';
import { handedToLibrary } from './handed-to-library.js';

const LISTENS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

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
      const method = ts.isPropertyAccessExpression(callee) && (callee.name.text === 'emit' || callee.name.text === 'dispatchEvent') ? callee.name : undefined;
      if (method && declaredByLibrary(checker.getSymbolAtLocation(method))) {
        const [first] = node.arguments;
        out.push(method.text === 'emit' ? { event: eventName(first), args: node.arguments.slice(1) } : { event: dispatchedName(checker, first), args: [first] });
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
