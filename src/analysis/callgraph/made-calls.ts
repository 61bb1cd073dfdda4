/**
 * Calls of functions made from text at run time (`new Function(...)`, function-makers.ts), and of
 * what such functions return. The code they run is not in the app's source, so the analysis
 * cannot read it; what it can reach of the app is what it is handed: the arguments of the call
 * (its receiver, its `this` through `call`/`apply`), the arguments the made function was called
 * with earlier when the function called now is its result (`const fn = factory(...constants)`),
 * the app functions these values hold, and the functions their members hold, by their types, to
 * MEMBER_STEPS property steps (`shape[k]._zod.run` is three). Globals it may read are not
 * known (a gap, like `eval`). The edges belong to the app function whose call runs the made
 * code: the code runs in its place.
 *
 * Where made functions go is followed with the call graph's value flow (values.ts), which this
 * runs with two more origins: a made function (and a call of one) is a value of its own, and a
 * parameter holds what every call site passes there (calls.ts's argument lists), so a made
 * function passed on (`run(fast, v)`) and the constants gathered through a helper's parameter
 * (`addConstant(ctx, check)` storing into a Map later spread into the factory's call) are found.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { makesFunction, takenAsFunction } from './function-makers.js';
import type { Resolver } from './resolve.js';
import type { Stores } from './stores.js';
import { FunctionValues } from './values.js';
import { distinct } from './value-memo.js';
import { argumentsFor } from './arrays.js';
import { CycleAwareCache } from './cycle-aware-cache.js';
import { NestingLimit } from './nesting-limit.js';
import { type CallSite, type FileSites } from '../walk.js';
import { skipWrappers } from '../expressions.js';

/** Property steps from a handed value to the functions its members hold (index signatures and array elements count as one). */
const MEMBER_STEPS = 3;
/** Nested origin questions at most (a parameter's callers' arguments, a call's callee), as device values do. */
const MAX_NESTED = 24;

type ArgumentLists = ReadonlyMap<ts.Node, readonly ts.NodeArray<ts.Expression>[]>;

export class MadeCalls {
  /** The sites making a function from text: `new F(...)`, `Function(...)`. */
  private readonly makers = new Set<ts.Node>();
  /** Values of their own: makers, and calls of a maker's result taken for a function (what it returns may be made code too). */
  private readonly made = new Set<ts.Node>();
  private readonly values: FunctionValues;
  /** The origin questions ask each other in cycles (a parameter's callers pass it back): kept only when no cut happened under them. */
  private readonly origins: CycleAwareCache<ts.Expression, ts.Node[]>;
  private readonly nested = new NestingLimit(MAX_NESTED);
  private readonly byType = new Map<ts.Type, ts.Node[]>();

  constructor(
    private readonly r: Resolver,
    stores: Stores,
    files: readonly FileSites[],
    private readonly argumentsTo: ArgumentLists,
  ) {
    for (const s of files) for (const { node } of s.calls) if (makesFunction(r.checker, node)) this.makers.add(node);
    this.values = new FunctionValues(r, stores, { origins: (e) => this.originAt(e), originCuts: () => this.origins.cuts + this.nested.cuts, tracksParameters: false });
    this.origins = new CycleAwareCache((e) => this.compute(e), () => [], this.values);
  }

  /** Whether the app makes any function from text (else no site can call one). */
  get found(): boolean {
    return this.makers.size > 0;
  }

  /** The app functions a call may run when its callee may be a made function, or [] when it may not. */
  reachedAt(site: CallSite): ts.Node[] {
    if (!ts.isCallExpression(site) && !ts.isNewExpression(site)) return [];
    const { fn, handed } = calleeAndHanded(site);
    const made = this.values.of(fn).filter((n) => this.made.has(n));
    if (!made.length) return [];
    for (const m of this.earlier(made)) handed.push(...(m.arguments ?? []));
    return distinct(handed.flatMap((a) => this.reachable(a)));
  }

  /** The made functions' own making and calls: a result of `factory(...constants)` runs with those constants. */
  private earlier(made: ts.Node[]): (ts.CallExpression | ts.NewExpression)[] {
    const out: (ts.CallExpression | ts.NewExpression)[] = [];
    const todo = [...made];
    while (todo.length) {
      const m = todo.pop()!;
      if ((!ts.isCallExpression(m) && !ts.isNewExpression(m)) || out.includes(m)) continue;
      out.push(m);
      if (!this.makers.has(m)) todo.push(...this.values.of(calleeAndHanded(m).fn).filter((n) => this.made.has(n)));
    }
    return out;
  }

  /** App functions reachable from a value handed to made code: those it holds, and those its members hold. */
  private reachable(raw: ts.Expression): ts.Node[] {
    const spread = ts.isSpreadElement(raw);
    const e = skipWrappers(spread ? raw.expression : raw);
    const type = this.r.checker.getTypeAtLocation(e);
    // An array handed (spread, or as `apply`'s list) hands its elements.
    const list = spread || this.r.checker.isArrayLikeType(type);
    const held = [...(list ? this.values.elements(e).nodes : []), ...(spread ? [] : this.values.of(e))];
    const fns: ts.Node[] = held.filter((n) => isMethodNode(n));
    const types = spread ? this.elementTypes(type) : [type];
    for (const t of types) fns.push(...this.members(t, MEMBER_STEPS));
    // An untyped parameter (`generate(shape: any)`): the types of what its callers pass.
    if (types.some(isOpen)) for (const a of this.passedFor(e)) fns.push(...this.members(this.r.checker.getTypeAtLocation(ts.isSpreadElement(a) ? a.expression : a), MEMBER_STEPS));
    return fns;
  }

  private elementTypes(t: ts.Type): ts.Type[] {
    const n = this.r.checker.getIndexTypeOfType(t, ts.IndexKind.Number);
    return n ? [n] : [t];
  }

  /** The functions the members of a type hold, `steps` property steps deep, by their declarations (what a call of each member runs). */
  private members(t: ts.Type, steps: number): ts.Node[] {
    if (steps <= 0 || isOpen(t) || !(t.flags & (ts.TypeFlags.Object | ts.TypeFlags.UnionOrIntersection))) return [];
    if (t.isUnion()) return distinct(t.types.flatMap((u) => this.members(u, steps)));
    const key = this.byType.get(t);
    // Kept per type at the full depth only: the shallower walks are parts of it.
    if (key && steps === MEMBER_STEPS) return key;
    if (steps === MEMBER_STEPS) this.byType.set(t, []);
    const checker = this.r.checker;
    const out: ts.Node[] = [];
    for (const p of checker.getPropertiesOfType(t)) {
      const decls = (p.declarations ?? []).filter((d) => this.r.isApp(d));
      if (!decls.length) continue;
      const r = this.r.fromDecls(decls);
      if ('targets' in r) out.push(...r.targets.map((x) => x.node));
      if (steps > 1) out.push(...this.members(checker.getTypeOfSymbol(p), steps - 1));
    }
    if (steps > 1) for (const info of checker.getIndexInfosOfType(t)) out.push(...this.members(info.type, steps - 1));
    const found = distinct(out);
    if (steps === MEMBER_STEPS) this.byType.set(t, found);
    return found;
  }

  /** Arguments the callers of an app function pass for the parameter an identifier names (spreads as written: their elements are the values). */
  private passedFor(e: ts.Expression): ts.Expression[] {
    if (!ts.isIdentifier(e)) return [];
    const d = this.r.symbolAt(e)?.valueDeclaration;
    if (!d || !ts.isParameter(d) || !ts.isIdentifier(d.name) || !isMethodNode(d.parent)) return [];
    return argumentsFor(this.argumentsTo, d);
  }

  /** The value flow's extra origins: a made function, a call of one, and what callers pass for a parameter. */
  private originAt(e: ts.Expression): ts.Node[] {
    const kept = this.origins.settled(e);
    if (kept) return this.origins.get(e);
    return this.nested.within(() => this.origins.get(e)) ?? [];
  }

  private compute(e: ts.Expression): ts.Node[] {
    if (this.makers.has(e)) {
      this.made.add(e);
      return [e];
    }
    // What a made function returns, once: where the app takes it for a function (its result's result is data in practice: zod's `fast(data)`).
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      if (!takenAsFunction(this.r.checker, e) || !this.values.of(calleeAndHanded(e).fn).some((n) => this.makers.has(n))) return [];
      this.made.add(e);
      return [e];
    }
    return distinct(this.passedFor(e).flatMap((a) => (ts.isSpreadElement(a) ? this.values.elements(a.expression).nodes : this.values.of(a))));
  }
}

/** The function a call runs and the values it hands it: `f.call(t, a)` runs f with this t, `o.m(a)` with this o. */
function calleeAndHanded(site: ts.CallExpression | ts.NewExpression): { fn: ts.Expression; handed: ts.Expression[] } {
  let fn = skipWrappers(site.expression);
  const handed: ts.Expression[] = [...(site.arguments ?? [])];
  if (ts.isPropertyAccessExpression(fn) && /^(call|apply|bind)$/.test(fn.name.text)) fn = skipWrappers(fn.expression);
  if (ts.isPropertyAccessExpression(fn) || ts.isElementAccessExpression(fn)) handed.push(fn.expression);
  return { fn, handed };
}

function isOpen(t: ts.Type): boolean {
  return (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}
