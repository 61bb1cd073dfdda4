/**
 * What an overloaded function's implementation returns is known to its callers only by the
 * overload signatures' declared results: the implementation's own signature is not callable. So
 * `function ref<T>(v: T): Ref<T>; function ref(v?: unknown) { return createRef(v) }` hands out a
 * RefImpl as a Ref, which RefImpl need neither implement nor fit (vue's Ref declares a symbol
 * member no class has; its values pass through `any` or an inferred union). A read or write of a
 * member of a declared result type (`ref.value`) then runs the getter or setter of that name of
 * the values handed out; a call, the method. The values: the implementation's returned
 * expressions, followed into the returns of the app functions they call (`createRef` returns
 * `new RefImpl(...)`), a few steps, each known by its own type (a class's instance type).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolver } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** Calls followed into the functions they run, one inside another, from a returned expression. */
const MAX_STEPS = 3;

const indexes = new WeakMap<Resolver, Map<ts.Declaration, ts.Node[]>>();

/** The members of values handed out by overloaded functions that a use of these declared members may run. */
export function overloadedResultMembers(r: Resolver, decls: readonly ts.Declaration[]): ts.Node[] {
  let index = indexes.get(r);
  if (!index) indexes.set(r, (index = collect(r)));
  if (!index.size) return [];
  return [...new Set(decls.flatMap((d) => index.get(d) ?? []))];
}

function collect(r: Resolver): Map<ts.Declaration, ts.Node[]> {
  const c = r.checker;
  const out = new Map<ts.Declaration, ts.Node[]>();
  for (const fn of r.table.idOf.keys()) {
    const overloads = overloadsOf(c, fn);
    if (!overloads.length) continue;
    const values = r.values.returnsOf(fn).flatMap((e) => valueTypes(r, e, 0));
    if (!values.length) continue;
    for (const o of overloads) {
      const result = c.getReturnTypeOfSignature(o);
      for (const part of result.isUnion() ? result.types : [result]) {
        for (const p of part.getProperties()) {
          const own = values.flatMap((v) => ownMembers(r, v, p));
          for (const d of own.length ? (p.declarations ?? []) : []) out.set(d, [...new Set([...(out.get(d) ?? []), ...own])]);
        }
      }
    }
  }
  return out;
}

/** The overload signatures of an implementation (a function or method with a body and bodiless declarations beside it). */
function overloadsOf(c: ts.TypeChecker, fn: ts.Node): ts.Signature[] {
  if (!(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) || !fn.body || !fn.name) return [];
  const decls = c.getSymbolAtLocation(fn.name)?.declarations ?? [];
  return decls.filter((d): d is ts.FunctionDeclaration | ts.MethodDeclaration => (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && !d.body).flatMap((d) => c.getSignatureFromDeclaration(d) ?? []);
}

/** The types of the objects a returned expression may be: a class instance made or returned by an app function called there. */
function valueTypes(r: Resolver, raw: ts.Expression, steps: number): ts.Type[] {
  const c = r.checker;
  const e = skipWrappers(raw);
  if (ts.isConditionalExpression(e)) return [...valueTypes(r, e.whenTrue, steps), ...valueTypes(r, e.whenFalse, steps)];
  if (ts.isCallExpression(e) && steps < MAX_STEPS) {
    const callee = c.getResolvedSignature(e)?.declaration;
    if (callee && isMethodNode(callee) && r.isApp(callee) && !overloadsOf(c, callee).length) return r.values.returnsOf(callee).flatMap((x) => valueTypes(r, x, steps + 1));
    return [];
  }
  const t = c.getTypeAtLocation(e);
  return (t.isUnion() ? t.types : [t]).filter((p) => (p.getSymbol()?.declarations ?? []).some((d) => ts.isClassLike(d) && r.isApp(d)));
}

/** The value's own getters, setters and methods under the declared property's name, when they are not that property's. */
function ownMembers(r: Resolver, value: ts.Type, declared: ts.Symbol): ts.Node[] {
  const own = r.checker.getPropertyOfType(value, declared.escapedName as string);
  if (!own || own === declared) return [];
  return (own.declarations ?? []).filter((d) => r.isApp(d) && (ts.isAccessor(d) || ts.isMethodDeclaration(d)) && r.table.idOf.has(d));
}
