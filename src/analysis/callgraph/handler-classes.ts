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
  for (const cls of handlerClasses(r, all, isHandlerType, trapNames)) {
    for (const d of trapDeclarations(r, cls, trapNames)) for (const fn of memberFunctions(r, d.decl)) out.push({ name: d.name, fn });
  }
  return out;
}

/** The app's declarations of trap-named members of a class's instances, own or inherited. */
function trapDeclarations(r: Resolver, cls: ts.ClassLikeDeclaration, trapNames: ReadonlySet<string>): { name: string; decl: ts.Declaration }[] {
  const type = r.hierarchy.instanceTypeOf(cls);
  if (!type) return [];
  const out: { name: string; decl: ts.Declaration }[] = [];
  for (const name of trapNames) {
    for (const decl of r.checker.getPropertyOfType(type, name)?.declarations ?? []) if (r.isApp(decl)) out.push({ name, decl });
  }
  return out;
}

/** The app's classes whose instances may be proxy handlers, with their subclasses. */
function handlerClasses(r: Resolver, all: FileSites[], isHandlerType: (t: ts.Type | undefined) => boolean, trapNames: ReadonlySet<string>): Set<ts.ClassLikeDeclaration> {
  const c = r.checker;
  const found = new Set<ts.ClassLikeDeclaration>();
  const withSubclasses = (cls: ts.ClassLikeDeclaration) => [cls, ...r.hierarchy.subclassesOf(cls)];
  const add = (cls: ts.ClassLikeDeclaration) => {
    for (const k of withSubclasses(cls)) found.add(k);
  };
  for (const cls of r.table.classId.keys()) if (namesProxyHandler(c, cls)) add(cls);
  // A class none of whose instances (nor its subclasses') has a trap member of the app's adds no
  // trap: the contextual type of its `new` (a call resolution where it is an argument) is not asked.
  const supplies = new Map<ts.ClassLikeDeclaration, boolean>();
  const suppliesTraps = (k: ts.ClassLikeDeclaration): boolean => {
    let v = supplies.get(k);
    if (v === undefined) supplies.set(k, (v = trapDeclarations(r, k, trapNames).some((d) => mayBeFunctions(d.decl))));
    return v;
  };
  for (const s of all) {
    for (const { node } of s.calls) {
      if (!ts.isNewExpression(node)) continue;
      const classes = constructedClasses(c, r.hierarchy, node.expression, (d) => r.isApp(d));
      if (!classes.some((cls) => withSubclasses(cls).some(suppliesTraps)) || !isHandlerType(c.getContextualType(node))) continue;
      for (const cls of classes) add(cls);
    }
  }
  return found;
}

/** `implements ProxyHandler<T>` (or extends a class or interface of that name). */
function namesProxyHandler(c: ts.TypeChecker, cls: ts.ClassLikeDeclaration): boolean {
  return (cls.heritageClauses ?? []).some((h) => h.types.some((t) => c.getSymbolAtLocation(t.expression)?.getName() === 'ProxyHandler'));
}

/** Whether memberFunctions may find any: asked before the value flow is. */
function mayBeFunctions(d: ts.Declaration): boolean {
  return isMethodNode(d) || (ts.isPropertyDeclaration(d) && d.initializer !== undefined);
}

/** The functions a class member declaration is: a method or accessor, or what a property holds. */
function memberFunctions(r: Resolver, d: ts.Declaration): ts.Node[] {
  if (isMethodNode(d)) return [d];
  if (ts.isPropertyDeclaration(d) && d.initializer) return r.values.of(d.initializer);
  return [];
}
