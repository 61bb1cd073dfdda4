/**
 * Members of what a value holds, when its declared type is the library's: a declared type does
 * not change the value. `const handler: ProxyHandler<T> = { set() {} }` holds the literal's
 * `set`; `values(): IterableIterator<T> { return { next: ... } }` returns that literal, so
 * `this.values().next` and `const it = this.values(); it.next()` run its `next`; and iterating
 * such a value runs the literal's `[Symbol.iterator]` and the `next` of what that returns.
 * Followed: a `const` (or a variable not assigned again) bound to a literal or to a call of app
 * functions, the call itself (what its callees return; not generators nor async functions,
 * whose call returns something else), and a literal written in place. Asked only where the type
 * names no app member, so a receiver of an app type costs nothing here.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { propertyDeclsOf } from './keys.js';
import { classOrInterfaceOf } from './declared.js';
import type { Resolver } from './resolve.js';
import type { Stores } from './stores.js';
import { skipWrappers } from '../expressions.js';
import { assignedSources, memberInCall, parameterSources, returnsSelf } from './passed-members.js';
import { DistinctNodes } from './value-memo.js';
import { wellKnownProperties } from '../symbol-keys.js';
import { memberOfParameterCall } from './parameter-call-returns.js';

const MAX_DEPTH = 6;
/** The name `memberOfValue` takes for the iterator method (its property is keyed by a symbol). */
export const ITERATOR = '[Symbol.iterator]';

/**
 * The app functions property `name` of `e`'s value may hold, found through the value (not its
 * declared type). Its one user, FunctionValues.memberOf, keeps each function once, so the answers
 * gathered from many callees' returns or stores are kept once as they come (DistinctNodes).
 */
export function memberOfValue(r: Resolver, stores: Stores, e: ts.Expression, name: string, depth = 0): ts.Node[] {
  if (depth > MAX_DEPTH) return [];
  const v = skipWrappers(e);
  const own = ownMembers(r, v, name);
  if (own.length) return own.flatMap((d) => r.values.ofDeclaration(d, depth + 1));
  if (ts.isConditionalExpression(v)) return [v.whenTrue, v.whenFalse].flatMap((x) => r.values.memberOf(x, name, depth + 1));
  if (ts.isCallExpression(v)) {
    const sources = assignedSources(r.checker, v);
    if (sources) return sources.flatMap((x) => r.values.memberOf(x, name, depth + 1));
    const callees = r.callee(v.expression, true, depth);
    // A call through a parameter: what the functions its callers pass return (parameter-call-returns.ts).
    if (!('targets' in callees)) return memberOfParameterCall(r, stores, v, name, depth);
    const out = new DistinctNodes();
    for (const t of callees.targets) {
      if (isGeneratorOrAsync(t.node)) continue;
      for (const ret of r.values.returnsOf(t.node)) out.addAll(memberInCall(r, stores, ret, name, depth + 1, { fn: t.node, call: v }));
    }
    return out.nodes();
  }
  // A module's variable read through its namespace (`import * as D`, then `D.Functor.map(...)`) is the variable itself.
  if (!ts.isIdentifier(v) && !isNamespaceMember(r, v)) return [];
  const param = ts.isIdentifier(v) ? parameterSources(r, stores, v, name) : undefined;
  const out = new DistinctNodes();
  if (param) {
    // What every caller passes, then what is stored onto it.
    for (const x of param.passed) out.addAll(r.values.memberOf(x, name, depth + 1));
    for (const x of param.stored) out.addAll(r.values.of(x, depth + 1));
    return out.nodes();
  }
  const decls = (r.symbolAt(v)?.declarations ?? []).filter((d): d is ts.VariableDeclaration => ts.isVariableDeclaration(d) && r.isApp(d));
  for (const d of decls) {
    if (d.initializer) out.addAll(r.values.memberOf(d.initializer, name, depth + 1));
    for (const x of stores.assigned(d)) out.addAll(r.values.memberOf(x, name, depth + 1));
  }
  return out.nodes();
}

/** `D.x` where D names a module or namespace (not a value whose property could be assigned anew). */
function isNamespaceMember(r: Resolver, v: ts.Expression): v is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(v)) return false;
  const owner = r.symbolAt(v.expression);
  return !!owner && (owner.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) !== 0;
}

/** What iterating `e`'s value runs by its value: its `[Symbol.iterator]` and the `next` of what that returns. */
export function iteratorOfValue(r: Resolver, e: ts.Expression): ts.Node[] {
  const iter = r.values.memberOf(e, ITERATOR);
  return [...iter, ...nextOf(r, iter), ...(returnsSelf(r, iter) ? r.values.memberOf(e, 'next') : [])];
}

/** The `next` methods of what these `[Symbol.iterator]` functions return. */
export function nextOf(r: Resolver, iterators: ts.Node[]): ts.Node[] {
  return iterators.filter((fn) => !isGeneratorOrAsync(fn)).flatMap((fn) => r.values.returnsOf(fn).flatMap((ret) => r.values.memberOf(ret, 'next')));
}

/**
 * The app declarations of `name` on the type of `v`, when it is one the app wrote (a literal, an
 * app class). Of a call, by the callee's declared class or interface when that needs no
 * inference (declared.ts): its members have the same declarations whatever the type arguments
 * (`expect(x).toEqual(y)` would otherwise infer expect's from x here, after the call graph did not).
 */
function ownMembers(r: Resolver, v: ts.Expression, name: string): ts.Declaration[] {
  let byName = ownMemberAnswers.get(r);
  if (!byName) ownMemberAnswers.set(r, (byName = new Map()));
  let byNode = byName.get(name);
  if (!byNode) byName.set(name, (byNode = new Map()));
  let decls = byNode.get(v);
  if (!decls) byNode.set(v, (decls = ownMembersAfresh(r, v, name)));
  return decls;
}

/**
 * Asked again each time a walk cut short by a cycle asks again for a member of the same value
 * (zod: hundreds of thousands of times, the checker's type and properties each time); the
 * checker's answer does not change.
 */
const ownMemberAnswers = new WeakMap<Resolver, Map<string, Map<ts.Expression, ts.Declaration[]>>>();

function ownMembersAfresh(r: Resolver, v: ts.Expression, name: string): ts.Declaration[] {
  const type = classOrInterfaceOf(r.checker, v);
  if (name !== ITERATOR) return propertyDeclsOf(r.checker, type, name).filter((d) => r.isApp(d));
  const t = r.checker.getApparentType(type);
  const props = (t.isUnion() ? t.types : [t]).flatMap((p) => wellKnownProperties(p, 'iterator'));
  return props.flatMap((s) => s.declarations ?? []).filter((d) => r.isApp(d));
}

export function isGeneratorOrAsync(n: ts.Node): boolean {
  if (!isMethodNode(n)) return true;
  const fn = n as ts.FunctionLikeDeclaration;
  return !!fn.asteriskToken || (ts.getModifiers(fn as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false);
}
