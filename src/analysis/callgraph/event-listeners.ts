/**
 * Listeners the platform's EventTarget runs on behalf of the code that dispatches: `target.dispatchEvent(e)` runs,
 * before it returns, every listener `addEventListener` registered on that target (a function, or an object's
 * `handleEvent`), and `controller.abort()` dispatches 'abort' on `controller.signal`. The app writes no call to the
 * listener, so without this the dispatching method had no edge to it (its registration's 'callback' edge is the
 * registering method's, calls.ts).
 *
 * Which object a target is is known only at run time: a dispatch reaches the listeners registered on every receiver
 * whose type may hold the same object, one type assignable to the other (a class extending EventTarget and its
 * subclasses; `any`; but not two classes that never share an instance, as two with `#private` members). The event's
 * type (its name) rules a listener out only when both are known: a string literal registered, and an event the
 * library's class makes in place or through a const (`new CustomEvent('counted', ...)`; `abort()`'s is 'abort'). An
 * event of the app's own subclass (`new BenchEvent('add', task)`) may pass its constructor any name to `super`, so it
 * reaches every listener of a matching target (a safe excess). A target is an EventTarget when
 * its `dispatchEvent` is the library's (inherited or declared there); `addEventListener` may be redeclared by the app
 * (`declare addEventListener: <K extends Events>(...) => void`, to type its events). Registrations by `on<type> = f`
 * handler properties are not followed (a known gap).
 */
import { ts } from '../../typescript.cjs';
import { declaredByLibrary } from '../symbols.js';
import { type FileSites } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import type { AppFile } from '../project.js';
import type { Resolver } from './resolve.js';
import { dispatchedName, eventName } from './emitters.js';

export interface ListenerRun {
  /** The method whose call dispatches. */
  from: string;
  file: AppFile;
  /** The dispatching call (`t.dispatchEvent(e)`, `c.abort()`). */
  site: ts.CallExpression;
  /** The app functions registered as listeners on targets that may be the dispatched one. */
  listeners: ts.Node[];
}

interface Registration {
  target: ts.Type;
  /** The event's type, when a string literal names it. */
  event: string | undefined;
  listeners: ts.Node[];
}

interface Dispatch {
  from: string;
  file: AppFile;
  site: ts.CallExpression;
  target: ts.Type;
  event: string | undefined;
}

/** Each app call that dispatches an event, with the listeners it may run. */
export function eventListenerRuns(r: Resolver, all: readonly FileSites[]): ListenerRun[] {
  const c = r.checker;
  const registrations: Registration[] = [];
  const dispatches: Dispatch[] = [];
  for (const s of all) {
    for (const { node, owner } of s.calls) {
      if (!ts.isCallExpression(node)) continue;
      const callee = skipWrappers(node.expression);
      if (!ts.isPropertyAccessExpression(callee)) continue;
      const name = callee.name.text;
      if (name !== 'addEventListener' && name !== 'dispatchEvent' && name !== 'abort') continue;
      const recv = c.getNonNullableType(c.getTypeAtLocation(callee.expression));
      if (name === 'addEventListener') {
        const arg = node.arguments[1];
        if (!arg || ts.isSpreadElement(arg) || !isEventTarget(c, recv)) continue;
        const listeners = listenersOf(r, arg);
        if (listeners.length) registrations.push({ target: recv, event: eventName(node.arguments[0]), listeners });
      } else if (owner && name === 'dispatchEvent') {
        if (isEventTarget(c, recv) && declaredByLibrary(c.getSymbolAtLocation(callee.name))) dispatches.push({ from: owner, file: s.file, site: node, target: recv, event: dispatchedName(c, node.arguments[0]) });
      } else if (owner) {
        // AbortController's abort() (the library's) dispatches 'abort' on its signal.
        const signal = declaredByLibrary(c.getSymbolAtLocation(callee.name)) ? recv.getProperty('signal') : undefined;
        const signalType = signal && c.getNonNullableType(c.getTypeOfSymbolAtLocation(signal, callee));
        if (signalType && isEventTarget(c, signalType)) dispatches.push({ from: owner, file: s.file, site: node, target: signalType, event: 'abort' });
      }
    }
  }
  if (!registrations.length) return [];
  const out: ListenerRun[] = [];
  for (const d of dispatches) {
    const listeners = registrations.filter((g) => (!d.event || !g.event || d.event === g.event) && mayBeSame(c, d.target, g.target)).flatMap((g) => g.listeners);
    if (listeners.length) out.push({ from: d.from, file: d.file, site: d.site, listeners: [...new Set(listeners)] });
  }
  return out;
}

/** A type whose `dispatchEvent` is the library's EventTarget member (`any` too: it may be any target). */
function isEventTarget(c: ts.TypeChecker, t: ts.Type): boolean {
  if (t.flags & ts.TypeFlags.Any) return true;
  const dispatch = c.getApparentType(t).getProperty('dispatchEvent');
  return dispatch !== undefined && declaredByLibrary(dispatch);
}

/** May one object be both a `dispatched` and a `registered` target: one type assignable to the other (constraints for `this`). */
function mayBeSame(c: ts.TypeChecker, dispatched: ts.Type, registered: ts.Type): boolean {
  const a = c.getBaseConstraintOfType(dispatched) ?? dispatched;
  const b = c.getBaseConstraintOfType(registered) ?? registered;
  return c.isTypeAssignableTo(a, b) || c.isTypeAssignableTo(b, a);
}

/** The app functions a listener argument runs: the function it is, or its object's `handleEvent`. */
function listenersOf(r: Resolver, arg: ts.Expression): ts.Node[] {
  const fns = r.values.of(arg);
  if (fns.length) return fns;
  return r.checker.getTypeAtLocation(arg).getProperty('handleEvent') ? r.values.memberOf(arg, 'handleEvent') : [];
}
