/**
 * What a construction runs: `new X()` (X a class, or a value holding one: constructed.ts) and
 * `<Comp/>` (a function component, or a class component's constructor and `render`); what
 * `new cls()` runs first, for `super(...)` too: the explicit or synthetic constructor, else the
 * nearest base's.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { libraryLeaf } from '../library.js';
import { classesOfConstructorRead, constructedClasses } from './constructed.js';
import { classesFittingConstructSignatures } from './construct-signatures.js';
import { classesReturnedBy } from './returned-classes.js';
import { classesDecoratorsReturn } from './decorated-classes.js';
import type { Hierarchy } from './hierarchy.js';
import type { MethodTable } from '../methods.js';
import type { Resolution, Resolver, Target } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** `new expr()`, `written` the expression as written (its casts say what is constructed). */
export function construct(r: Resolver, expr: ts.Expression, written: ts.Expression): Resolution {
  const sym = r.symbolAt(expr);
  const decls = sym?.declarations ?? [];
  if (!decls.some((d) => classOf(d))) {
    // A class held in a value: the classes its type admits, else those an object's `constructor` may be (constructed.ts).
    const isApp = (d: ts.Node): boolean => r.isApp(d);
    const admitted = constructedClasses(r.checker, r.hierarchy, written, isApp);
    const read = admitted.length ? [] : classesOfConstructorRead(r.checker, r.hierarchy, written, isApp);
    const returned = admitted.length || read.length ? [] : classesReturnedBy(r, written);
    const ctors = [...admitted, ...read, ...returned].map((c) => r.constructorOf(c));
    // Typed (also) by a construct signature no class declares (`tag?.nodeClass ?? YAMLMap`): the classes that fit it,
    // and what the value flow finds it holds. Not for a `constructor` read, whose classes are known.
    const fitting = read.length || returned.length ? [] : classesFittingConstructSignatures(r.checker, r.hierarchy.classes(), written).map((c) => r.constructorOf(c));
    if (fitting.some((c) => c !== undefined)) return withConstructors(constructedFunctions(r.callee(expr, false)), [...ctors, ...fitting]);
    const targets = [...new Set(ctors.filter((c): c is ts.Node => c !== undefined))].map((node) => ({ node, kind: 'constructor' as const }));
    if (targets.length) return { targets };
  }
  if (!sym && !r.isAppExpr(expr)) return { library: libraryLeaf(r.checker, expr, sym) };
  if (sym && (decls.length === 0 || decls.every((d) => !r.isApp(d)))) return { library: libraryLeaf(r.checker, expr, sym) };
  for (const d of decls) {
    const cls = classOf(d);
    if (!cls) continue;
    const ctors = [...new Set([cls, ...classesDecoratorsReturn(r, cls)].map((c) => r.constructorOf(c)).filter((c): c is ts.Node => c !== undefined))];
    return ctors.length ? { targets: ctors.map((node) => ({ node, kind: 'constructor' as const })) } : { library: undefined };
  }
  return constructedFunctions(r.callee(expr, false));
}

/**
 * `new f()` of a function value (`function Point() {}`, or what a constructor factory returns:
 * `const Str: $constructor<Str> = $constructor(...)` holds its inner `_`) runs what calling f
 * would, with a fresh `this`. Only a function declaration or expression can be constructed: `new`
 * of an arrow or a method throws before running it.
 */
function constructedFunctions(r: Resolution): Resolution {
  if (!('targets' in r)) return r;
  const targets = r.targets.filter((t) => constructible(t.node)).map((t) => ({ node: t.node, kind: 'constructor' as const }));
  if (targets.length || r.partial) return { ...r, targets };
  return r.via?.length ? { reason: 'constructed value is not a function of the app', via: r.via } : { reason: 'constructed value is not a class or function of the app' };
}

/** `held` (the value flow's answer) with the constructors of classes that fit the value's type added. */
function withConstructors(held: Resolution, ctors: (ts.Node | undefined)[]): Resolution {
  // A class the value flow finds is there as its declaration: its constructor is among `ctors`.
  const found = ('targets' in held ? held.targets : []).filter((t) => !ts.isClassLike(t.node));
  const nodes = [...new Set([...found.map((t) => t.node), ...ctors.filter((c): c is ts.Node => c !== undefined)])];
  const targets = nodes.map((node) => found.find((t) => t.node === node) ?? { node, kind: 'constructor' as const });
  return 'targets' in held ? { ...held, targets } : { targets };
}

/** Whether `new` of this node runs it: a function declaration or expression, or a class's constructor. */
export function constructible(fn: ts.Node): boolean {
  return ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isConstructorDeclaration(fn) || ts.isClassLike(fn);
}

/** `<Tag/>`: an intrinsic element runs nothing of the app. */
export function jsx(r: Resolver, tag: ts.JsxTagNameExpression): Resolution {
  if (ts.isIdentifier(tag) && /^[a-z]/.test(tag.text)) return { library: undefined }; // intrinsic element
  const sym = r.symbolAt(tag);
  const decls = sym?.declarations ?? [];
  if (decls.length === 0) return { reason: 'JSX component has no symbol' };
  if (decls.every((d) => !r.isApp(d))) return { library: libraryLeaf(r.checker, tag as ts.Expression, sym) };
  const targets: Target[] = [];
  for (const d of decls) {
    const cls = classOf(d);
    if (cls) {
      const ctor = r.constructorOf(cls);
      if (ctor) targets.push({ node: ctor, kind: 'jsx' });
      const render = findMember(r.hierarchy, cls, 'render');
      if (render) targets.push({ node: render, kind: 'jsx' });
      continue;
    }
    const res = r.fromDecls([d]);
    if ('targets' in res) targets.push(...res.targets.map((t) => ({ node: t.node, kind: 'jsx' as const })));
  }
  return targets.length ? { targets } : { reason: 'JSX component is not a function or class of the app' };
}

/** What `new cls()` runs first: its explicit or synthetic constructor, else the nearest base's. */
export function constructorOf(table: MethodTable, hierarchy: Hierarchy, cls: ts.ClassLikeDeclaration, depth = 0): ts.Node | undefined {
  const own = cls.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
  if (own) return own;
  if (table.idOf.has(cls)) return cls; // synthetic constructor (field initialisers)
  const base = depth < 20 ? hierarchy.baseOf(cls) : undefined;
  return base && constructorOf(table, hierarchy, base, depth + 1);
}

function findMember(hierarchy: Hierarchy, cls: ts.ClassLikeDeclaration, name: string, depth = 0): ts.Node | undefined {
  const own = cls.members.find((m) => isMethodNode(m) && m.name && ts.isIdentifier(m.name) && m.name.text === name);
  if (own) return own;
  const base = depth < 20 ? hierarchy.baseOf(cls) : undefined;
  return base && findMember(hierarchy, base, name, depth + 1);
}

function classOf(d: ts.Node): ts.ClassLikeDeclaration | undefined {
  if (ts.isClassLike(d)) return d;
  if (ts.isVariableDeclaration(d) && d.initializer) {
    const v = skipWrappers(d.initializer);
    if (ts.isClassExpression(v)) return v;
  }
  return undefined;
}
