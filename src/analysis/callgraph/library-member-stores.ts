/**
 * A function the app assigns over a member of a library object (`controller.signal.addEventListener = function (type,
 * listener, options) { ...; original(type, listener, options) }`, a test wrapping the platform's method to count calls):
 * that object's own property now holds the function, so a call of the member on it runs the function, wherever the call
 * is written. A call `recv.name(...)` whose member the library declares may reach the object stored onto when the two
 * receivers' types overlap (either is assignable to the other: `AbortSignal` and `AbortSignal`, or an `EventTarget`
 * receiver that may be that signal). The library's own member may run too (another object, or the override calling the
 * original), so the call stays a library call as well (calls.ts keeps its leaf).
 *
 * A library global is a property of the global object: `global.setTimeout = counting` (lru-cache's suites counting
 * timers) replaces what a bare `setTimeout(...)` call runs, when the store's receiver is the global object (`globalThis`,
 * Node's `global`, `window`) and the member it writes is the global the call names.
 *
 * Stores onto receivers typed `any`, and calls through them, are any-receivers.ts's; members the app declares are
 * values.ts's (`stored`, `storedOver`).
 */
import { ts } from '../../typescript.cjs';
import { typedAny } from './any-receivers.js';
import { propertyDecls } from './keys.js';
import type { Resolver, Target } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** What a library call `recv.name(...)` may run besides the library: functions stored over `name` on objects `recv` may be. */
export function storedOverLibraryMember(r: Resolver, call: ts.CallExpression): Target[] {
  const callee = skipWrappers(call.expression);
  if (ts.isIdentifier(callee)) return storedOverLibraryGlobal(r, callee);
  if (!ts.isPropertyAccessExpression(callee)) return [];
  const stores = libraryStores(r, callee.name.text);
  if (!stores.length || typedAny(r.checker, callee.expression)) return [];
  const checker = r.checker;
  const recv = checker.getNonNullableType(checker.getTypeAtLocation(callee.expression));
  const out: Target[] = [];
  for (const s of stores) {
    if (!checker.isTypeAssignableTo(s.onto, recv) && !checker.isTypeAssignableTo(recv, s.onto)) continue;
    for (const node of s.functions()) out.push({ node, kind: 'callback' });
  }
  return out;
}

interface LibraryStore {
  /** The type of the object stored onto. */
  onto: ts.Type;
  /** The functions stored, asked once. */
  functions: () => ts.Node[];
}

const byResolver = new WeakMap<Resolver, Map<string, LibraryStore[]>>();

/** Stores of `name` onto receivers (not `any`) whose member of that name the library declares, once per name: many calls share a name. */
function libraryStores(r: Resolver, name: string): LibraryStore[] {
  const known = byResolver.get(r) ?? byResolver.set(r, new Map()).get(r)!;
  let out = known.get(name);
  if (out) return out;
  out = [];
  const checker = r.checker;
  for (const s of r.stores.named(name)) {
    if (typedAny(checker, s.recv)) continue;
    const decls = propertyDecls(checker, s.recv, name);
    if (!decls.length || decls.some((d) => r.isApp(d))) continue;
    let fns: ts.Node[] | undefined;
    // Kept only when no cycle cut a walk meanwhile (an answer computed then may lack values), as resolve.ts keeps its own.
    const functions = (): ts.Node[] => {
      if (fns) return fns;
      const cuts = r.values.cuts();
      const found = r.values.of(s.value);
      if (r.values.cuts() === cuts) fns = found;
      return found;
    };
    out.push({ onto: checker.getNonNullableType(checker.getTypeAtLocation(s.recv)), functions });
  }
  known.set(name, out);
  return out;
}

/** Functions stored over the library global a bare call names, through the global object. */
function storedOverLibraryGlobal(r: Resolver, callee: ts.Identifier): Target[] {
  const stores = r.stores.named(callee.text);
  if (!stores.length) return [];
  const checker = r.checker;
  const decls = new Set<ts.Node>(r.symbolAt(callee)?.declarations ?? []);
  if (!decls.size || [...decls].some((d) => r.isApp(d))) return [];
  const out: Target[] = [];
  for (const s of stores) {
    if (!isGlobalObject(checker.getTypeAtLocation(s.recv)) || !propertyDecls(checker, s.recv, callee.text).some((d) => decls.has(d))) continue;
    for (const node of r.values.of(s.value)) out.push({ node, kind: 'callback' });
  }
  return out;
}

/** `typeof globalThis`, alone or in an intersection (`Window & typeof globalThis`). */
function isGlobalObject(t: ts.Type): boolean {
  return (t.isIntersection() ? t.types : [t]).some((p) => p.getSymbol()?.getName() === 'globalThis');
}
