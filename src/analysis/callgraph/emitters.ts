/**
 * Library event emitters: node's EventEmitter, a DOM EventTarget, a worker's port. A listener
 * handed to one (`bus.on('save', fn)`, `el.addEventListener('click', fn)`, `port.onmessage = fn`)
 * runs when something emits that event (`bus.emit('save', p)`, `el.dispatchEvent(evt)`,
 * `port.postMessage(data)`), wherever the listener was registered: at a module's top level, in a
 * constructor. So the method that emits reaches the listeners (`EmitterListeners`), matched by
 * the event's name only, not by which emitter: a name that is not a string constant matches
 * every event (`addEventListener`'s, which a dispatch runs, are matched by the target's type in
 * event-listeners.ts). An app's own emitter class is code the call graph follows as it is. The device
 * values' steps use the same recognition (legality/emitted-values.ts).
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import type { Resolver, Target } from './resolve.js';
import type { AppFile } from '../project.js';

export const LISTENS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const EMITS = new Set(['emit', 'dispatchEvent', 'postMessage']);

/** An `emit(event, ...args)` call of a library emitter: the event's name (undefined when not a constant) and the arguments. */
export interface Emit {
  event: string | undefined;
  args: readonly ts.Expression[];
  /** A `postMessage(data)`: args is [data], which an event listener reads as its event's `data`. */
  posted?: true;
}

/** `x.emit(event, ...)`, `x.dispatchEvent(evt)`, `x.postMessage(data)` (or a worker's own `postMessage(data)`) of a library emitter. */
export function libraryEmit(checker: ts.TypeChecker, node: ts.CallExpression): Emit | undefined {
  const [first] = node.arguments;
  if (!first) return undefined;
  const callee = skipWrappers(node.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) && callee.text === 'postMessage' ? callee : undefined;
  if (!method || !EMITS.has(method.text) || !declaredByLibrary(checker.getSymbolAtLocation(method))) return undefined;
  if (method.text === 'emit') return { event: eventName(first), args: node.arguments.slice(1) };
  if (method.text === 'dispatchEvent') return { event: dispatchedName(checker, first), args: [first] };
  return ts.isSpreadElement(first) ? undefined : { event: 'message', args: [first], posted: true };
}

/** `x.on(event, handed)` and the like of a library emitter: the event, what is handed, and whether it gets the DOM's event object. */
export function libraryListen(checker: ts.TypeChecker, node: ts.Node): { event: string | undefined; handed: ts.Expression; receivesEvent: boolean } | undefined {
  if (ts.isCallExpression(node)) {
    const [name, handed] = node.arguments;
    const callee = skipWrappers(node.expression);
    if (!name || !handed || ts.isSpreadElement(handed) || !ts.isPropertyAccessExpression(callee) || !LISTENS.has(callee.name.text)) return undefined;
    if (!declaredByLibrary(checker.getSymbolAtLocation(callee.name))) return undefined;
    return { event: eventName(name), handed, receivesEvent: callee.name.text === 'addEventListener' };
  }
  const set = handlerSet(checker, node);
  return set && { event: set.type, handed: set.handler, receivesEvent: true };
}

/** `target.on<type> = handler` (or a global `on<type> = handler`) of a handler property the library declares. */
export function handlerSet(checker: ts.TypeChecker, node: ts.Node): { type: string; handler: ts.Expression } | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const name = ts.isPropertyAccessExpression(node.left) ? node.left.name : ts.isIdentifier(node.left) ? node.left : undefined;
  const type = name && /^on(\w+)$/.exec(name.text)?.[1];
  return type && declaredByLibrary(checker.getSymbolAtLocation(name)) ? { type, handler: node.right } : undefined;
}

/** A string literal's text (`on('tick', ...)`); undefined for any other event name. */
export function eventName(e: ts.Expression | undefined): string | undefined {
  const x = e && skipWrappers(e);
  return x && ts.isStringLiteralLike(x) ? x.text : undefined;
}

/**
 * The type of the event dispatched, when the library's class makes it in place or through a const
 * (`new Event('tick')`, `const e = new CustomEvent('counted', { detail })`); undefined otherwise: an
 * app subclass may hand its `super` any name.
 */
export function dispatchedName(checker: ts.TypeChecker, e: ts.Expression | undefined): string | undefined {
  let x = e && skipWrappers(e);
  const d = x && ts.isIdentifier(x) ? checker.getSymbolAtLocation(x)?.valueDeclaration : undefined;
  if (d && ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) x = skipWrappers(d.initializer);
  return x && ts.isNewExpression(x) && declaredByLibrary(checker.getSymbolAtLocation(x.expression)) ? eventName(x.arguments?.[0]) : undefined;
}

/** Files that may register a listener, by their text: most files never do, and are not walked. */
const MAY_LISTEN = /\.(on|once|addListener|prependListener|prependOnceListener|addEventListener)\s*\(|\bon\w+\s*=/;

/** How a listener was registered: which emits may run it. */
type Registered = 'emitter' | 'target' | 'handler';

/**
 * What each library emit call of the app runs, gathered from every file on the first emit:
 * `emit` the listeners of node's emitters (`on`, `once`, ...); `postMessage` every 'message'
 * listener (they are the other end's); `dispatchEvent` the `on<type> =` handlers, as
 * event-listeners.ts follows `addEventListener`'s by the target's type.
 */
export class EmitterListeners {
  private registered: { event: string | undefined; how: Registered; fns: ts.Node[] }[] | undefined;

  constructor(
    private readonly r: Resolver,
    private readonly files: readonly AppFile[],
  ) {}

  of(call: ts.CallExpression): Target[] {
    const emit = libraryEmit(this.r.checker, call);
    if (!emit) return [];
    const runs: Registered | undefined = emit.posted ? undefined : isDispatch(call) ? 'handler' : 'emitter';
    const fns = (this.registered ??= this.collect())
      .filter((g) => (runs === undefined || g.how === runs) && (emit.event === undefined || g.event === undefined || g.event === emit.event))
      .flatMap((g) => g.fns);
    return [...new Set(fns)].map((node) => ({ node, kind: 'callback' as const }));
  }

  private collect(): { event: string | undefined; how: Registered; fns: ts.Node[] }[] {
    const out: { event: string | undefined; how: Registered; fns: ts.Node[] }[] = [];
    const visit = (node: ts.Node): void => {
      const listen = libraryListen(this.r.checker, node);
      if (listen) out.push({ event: listen.event, how: !ts.isCallExpression(node) ? 'handler' : listen.receivesEvent ? 'target' : 'emitter', fns: this.r.values.of(listen.handed) });
      ts.forEachChild(node, visit);
    };
    for (const f of this.files) if (MAY_LISTEN.test(f.sf.text)) visit(f.sf);
    return out;
  }
}

function isDispatch(call: ts.CallExpression): boolean {
  const callee = skipWrappers(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'dispatchEvent';
}
