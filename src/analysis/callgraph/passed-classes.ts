/**
 * `new C(...)` where C is a class handed in as a value: a parameter (`injectClass(Class)`), or a
 * field or parameter property holding one (`new this.cls()`), filled by callers that pass a class
 * by name (`provideClass('foo', Foo)`), through any chain of parameters passed on and stored. A
 * class value is that class (not its subclasses): the construction runs its constructor.
 *
 * Where the constructor's type says what it makes (`new () => Engine`) constructed.ts and
 * construct-signatures.ts already find the classes; this covers the constructor types that do not
 * (`new (...args) => R` with R a type parameter: a dependency injection container's), whose sites
 * were left unresolved as "function value received as a parameter". Parameter flow follows
 * functions, not classes, so classes are followed here with the call graph's value flow (values.ts),
 * run with two more origins, as made-calls.ts does: a class named as a value (or written in place)
 * is a value of its own, and a parameter holds what every call site passes there.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolver } from './resolve.js';
import type { Stores } from './stores.js';
import { FunctionValues } from './values.js';
import { distinct } from './value-memo.js';
import { argumentsFor } from './arrays.js';
import { CycleAwareCache } from './cycle-aware-cache.js';
import { NestingLimit } from './nesting-limit.js';
import { skipWrappers } from '../expressions.js';
import { classesDecoratorsReturn } from './decorated-classes.js';
import { literalMemberValues, valueDeclarations } from './literal-held-classes.js';

/** Nested origin questions at most (a parameter's callers' arguments, passed on), as made-calls.ts. */
const MAX_NESTED = 24;

type ArgumentLists = ReadonlyMap<ts.Node, readonly ts.NodeArray<ts.Expression>[]>;

export class PassedClasses {
  private readonly values: FunctionValues;
  /** The origin questions ask each other in cycles (a parameter's callers pass it back): kept only when no cut happened under them. */
  private readonly origins: CycleAwareCache<ts.Expression, ts.Node[]>;
  private readonly nested = new NestingLimit(MAX_NESTED);

  constructor(
    private readonly r: Resolver,
    stores: Stores,
    private readonly argumentsTo: ArgumentLists,
  ) {
    this.values = new FunctionValues(r, stores, { origins: (e) => this.originAt(e), originCuts: () => this.origins.cuts + this.nested.cuts, tracksParameters: false });
    this.origins = new CycleAwareCache((e) => this.compute(e), () => [], this.values);
  }

  /** The app classes a `new` site may construct through the value flow (its callee handed in as a value). */
  constructedAt(site: ts.NewExpression): ts.ClassLikeDeclaration[] {
    return distinct(this.values.of(site.expression)).filter((n): n is ts.ClassLikeDeclaration => ts.isClassLike(n));
  }

  /** The value flow's extra origins: a class named or written in place, and what callers pass for a parameter. */
  private originAt(e: ts.Expression): ts.Node[] {
    const kept = this.origins.settled(e);
    if (kept) return this.origins.get(e);
    return this.nested.within(() => this.origins.get(e)) ?? [];
  }

  private compute(e: ts.Expression): ts.Node[] {
    if (ts.isClassExpression(e)) return [e];
    if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) return [];
    const decls = valueDeclarations(this.r, e);
    const classes = decls.filter((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d) && this.r.isApp(d));
    if (classes.length) return [...classes, ...classes.flatMap((c) => classesDecoratorsReturn(this.r, c))];
    const held = ts.isPropertyAccessExpression(e) ? literalMemberValues(this.r, e).flatMap((v) => this.values.of(v)) : [];
    return distinct([...held, ...this.passedFor(decls).flatMap((a) => (ts.isSpreadElement(a) ? this.values.elements(a.expression).nodes : this.values.of(a)))]);
  }

  /** Arguments the callers of an app function pass for the parameter a name declares (also a parameter property read as `this.x`). */
  private passedFor(decls: readonly ts.Declaration[]): ts.Expression[] {
    const d = decls.find(ts.isParameter);
    if (!d || !ts.isIdentifier(d.name) || !isMethodNode(d.parent)) return [];
    return argumentsFor(this.argumentsTo, d).map((a) => (ts.isSpreadElement(a) ? a : skipWrappers(a)));
  }
}
