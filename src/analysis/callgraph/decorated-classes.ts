/**
 * A class decorator's result replaces the class: `@d class C {}` binds C to what d(C) returns when that
 * is not undefined (experimentalDecorators: `C = __decorate([d], C)`; standard decorators alike). A
 * decorator such as tsyringe's autoInjectable returns `class extends target { constructor(...) }`, so
 * `new C()`, and `new ctor()` of C handed in as a value, run that class's constructor (which may run C's
 * through `super`). Whether a decorator returns anything is known only at run time, so the class itself
 * stays a target too (constructors.ts, passed-classes.ts add these to it; resolve.ts to what `super(...)` runs).
 *
 * The decorators' functions are what decorators.ts applies (`@autoInjectable()`: what the call returns);
 * each expression such a function returns names its classes by its own type (`class extends target`
 * is its own class expression; `return target` the decorated class again).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { skipWrappers } from '../expressions.js';
import { constructedClasses } from './constructed.js';
import type { Resolver } from './resolve.js';

/** The app classes the class decorators of `cls` may return in its place (not `cls` itself). */
export function classesDecoratorsReturn(r: Resolver, cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
  const decorators = ts.canHaveDecorators(cls) ? (ts.getDecorators(cls) ?? []) : [];
  if (!decorators.length) return [];
  const isApp = (d: ts.Node): boolean => r.isApp(d);
  const out = new Set<ts.ClassLikeDeclaration>();
  for (const d of decorators) {
    for (const fn of r.values.of(d.expression).filter(isMethodNode)) {
      for (const ret of r.values.returnsOf(fn)) {
        const e = skipWrappers(ret);
        const classes = ts.isClassExpression(e) ? [e] : constructedClasses(r.checker, r.hierarchy, e, isApp);
        for (const c of classes) if (c !== cls) out.add(c);
      }
    }
  }
  return [...out];
}

/** Per resolver: class decorator function -> the classes it is applied to. */
const appliedTo = new WeakMap<Resolver, Map<ts.Node, ts.ClassLikeDeclaration[]>>();

function decoratedBy(r: Resolver): Map<ts.Node, ts.ClassLikeDeclaration[]> {
  const hit = appliedTo.get(r);
  if (hit) return hit;
  const out = new Map<ts.Node, ts.ClassLikeDeclaration[]>();
  // Kept before it is filled: a decorator's value flow that meets a `super(...)` sees the classes found so far, no cycle.
  appliedTo.set(r, out);
  for (const cls of r.hierarchy.classes()) {
    for (const d of ts.canHaveDecorators(cls) ? (ts.getDecorators(cls) ?? []) : []) {
      for (const fn of r.values.of(d.expression).filter(isMethodNode)) {
        const list = out.get(fn) ?? out.set(fn, []).get(fn)!;
        if (!list.includes(cls)) list.push(cls);
      }
    }
  }
  return out;
}

/**
 * What `super(...)` in `cls` may run besides its base's constructor (constructors of these classes): the classes a
 * decorated base is replaced by (`class Child extends Parent`, Parent under autoInjectable), and, in a class extending
 * a class decorator's parameter (`return class extends target`), the classes that decorator is applied to.
 */
export function superClassesOfDecorated(r: Resolver, cls: ts.ClassLikeDeclaration, base: ts.ClassLikeDeclaration | undefined): ts.ClassLikeDeclaration[] {
  if (base) return classesDecoratorsReturn(r, base).filter((c) => c !== cls);
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  if (!ext || !ts.isIdentifier(ext)) return [];
  const param = r.symbolAt(ext)?.declarations?.find(ts.isParameter);
  if (!param || param.parent.parameters[0] !== param) return [];
  return decoratedBy(r).get(param.parent) ?? [];
}
