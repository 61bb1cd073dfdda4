/**
 * Proxy handlers that are not functions written in a literal typed ProxyHandler (proxies.ts finds
 * those): the traps of
 * - instances of the app's handler classes (`class BaseHandler implements ProxyHandler<Target> {
 *   get() {} }`, `const handlers: ProxyHandler<object> = new MutableHandler()`, handed to `new
 *   Proxy(target, handlers)` through a parameter typed ProxyHandler, which names no app member).
 *   A class is a handler class when it names ProxyHandler in its heritage, or an instance of it is
 *   made where a ProxyHandler is expected (declared so, or the handler of `new Proxy`); its
 *   subclasses are too. Its traps are the trap-named members of its instances, own or inherited.
 * - members of such literals holding a function made elsewhere (`{ get: makeGetter(false) }`): what
 *   the value holds (the arrow makeGetter returns).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { constructedClasses } from './constructed.js';
import type { Resolver } from './resolve.js';
import type { FileSites } from '../walk.js';

export interface HandlerTrap {
  name: string;
  fn: ts.Node;
}

export function handlerTrapsBeyondLiterals(r: Resolver, all: FileSites[], trapNames: ReadonlySet<string>, isHandlerType: (t: ts.Type | undefined) => boolean): HandlerTrap[] {
  const c = r.checker;
  const out: HandlerTrap[] = [];
  for (const s of all) {
    for (const l of s.literalFns) {
      if (l.fn || !l.value || !ts.isExpression(l.value) || !trapNames.has(l.name) || !isHandlerType(c.getContextualType(l.lit))) continue;
      for (const fn of r.values.of(l.value)) out.push({ name: l.name, fn });
    }
  }
  for (const cls of handlerClasses(r, all, isHandlerType)) {
    const type = r.hierarchy.instanceTypeOf(cls);
    if (!type) continue;
    for (const name of trapNames) {
      for (const d of c.getPropertyOfType(type, name)?.declarations ?? []) {
        if (!r.isApp(d)) continue;
        for (const fn of memberFunctions(r, d)) out.push({ name, fn });
      }
    }
  }
  return out;
}

/** The app's classes whose instances may be proxy handlers, with their subclasses. */
function handlerClasses(r: Resolver, all: FileSites[], isHandlerType: (t: ts.Type | undefined) => boolean): Set<ts.ClassLikeDeclaration> {
  const c = r.checker;
  const found = new Set<ts.ClassLikeDeclaration>();
  const add = (cls: ts.ClassLikeDeclaration) => {
    for (const k of [cls, ...r.hierarchy.subclassesOf(cls)]) found.add(k);
  };
  for (const cls of r.table.classId.keys()) if (namesProxyHandler(c, cls)) add(cls);
  for (const s of all) {
    for (const { node } of s.calls) {
      if (!ts.isNewExpression(node) || !isHandlerType(c.getContextualType(node))) continue;
      for (const cls of constructedClasses(c, r.hierarchy, node.expression, (d) => r.isApp(d))) add(cls);
    }
  }
  return found;
}

/** `implements ProxyHandler<T>` (or extends a class or interface of that name). */
function namesProxyHandler(c: ts.TypeChecker, cls: ts.ClassLikeDeclaration): boolean {
  return (cls.heritageClauses ?? []).some((h) => h.types.some((t) => c.getSymbolAtLocation(t.expression)?.getName() === 'ProxyHandler'));
}

/** The functions a class member declaration is: a method or accessor, or what a property holds. */
function memberFunctions(r: Resolver, d: ts.Declaration): ts.Node[] {
  if (isMethodNode(d)) return [d];
  if (ts.isPropertyDeclaration(d) && d.initializer) return r.values.of(d.initializer);
  return [];
}
