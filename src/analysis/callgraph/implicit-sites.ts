/**
 * Where the language enters app code without a call written there, per file (the edges are
 * 'implicit', 'accessor' or 'hierarchy'; the rules are in implicit.ts, proxies.ts,
 * defined-accessors.ts and library-subtypes.ts):
 * - iterated expressions (walk.ts), the iterables a library call takes, and the receiver of a
 *   library iterator's `next()`: iterator methods and generator bodies;
 * - converted expressions: toString, valueOf, Symbol.toPrimitive, Symbol.toStringTag, toJSON;
 *   the elements of an array joined (joins.ts);
 * - the right operand of `instanceof`: its static Symbol.hasInstance;
 * - what a `using` declaration holds: its Symbol.dispose when the block ends (`await using`: Symbol.asyncDispose, else Symbol.dispose);
 * - reads, writes, `in`, `delete`, key listings, `instanceof`, iterating, built-in methods and
 *   reflective functions (proxy-uses.ts) on what may be a proxy: its traps, and what a call or
 *   iterating runs: what its `get` trap returns;
 * - reads and writes of properties with accessors installed by Object.defineProperty;
 * - spreads and built-ins reading every property: the getters of the literals the value may be (spread-getters.ts);
 * - library calls on a receiver that may hold an app class extending the library type, and the
 *   constructor of an app class extending Array that makes an array method's result (array-species.ts).
 * What it finds goes to the graph through `sink`; generators reaching an iterated parameter are
 * left to parameter flow (`sink.pend`).
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { ArraySpecies } from './array-species.js';
import { DefinedAccessors } from './defined-accessors.js';
import { classOrInterfaceOf } from './declared.js';
import { conversionTargets, disposeTargets, generatorsOfType, hasInstanceTargets, iterationTargets, libraryCallUses, mayHoldGenerator } from './implicit.js';
import { joinTargets, joinedList } from './joins.js';
import { spreadGetters } from './spread-getters.js';
import { keyNames } from './keys.js';
import { literalGetters } from './literal-entries.js';
import { LibrarySubtypes } from './library-subtypes.js';
import { siteOf, type AppFile } from '../project.js';
import { Proxies } from './proxies.js';
import { builtinReceiverUses, proxyUses } from './proxy-uses.js';
import type { Resolver, Target } from './resolve.js';
import { calleeText, siteNode } from '../sites.js';
import { isGenerator } from './call-returns.js';
import { forInVariable } from './installer-syntax.js';
import { iteratorOfValue } from './value-members.js';
import { objectToStringTargets } from './tag-reads.js';
import { type CallSite, type FileSites } from '../walk.js';
import { isAssigned, skipWrappers } from '../expressions.js';

/** What the app has that implicit entries can reach: when false, the sites are not looked at. */
export interface ImplicitFlags {
  generators: boolean;
  iterators: boolean;
  conversions: boolean;
}

export interface ImplicitSink {
  add(from: string, targets: Target[], site: string): void;
  /** The generators passed for `param` (or its `property`, or stored from it) run at this site. */
  pend(p: { from: string; site: string; text: string; param: ts.ParameterDeclaration; binding: ts.BindingElement | undefined; property?: string; stored?: true }): void;
  /** A function runs with these arguments (for parameter flow: what its parameters receive). */
  calledWith(fn: ts.Node, args: ts.NodeArray<ts.Expression>): void;
}

export class ImplicitSites {
  private readonly proxies: Proxies;
  private readonly subtypes: LibrarySubtypes;
  private readonly defined: DefinedAccessors;
  private readonly species: ArraySpecies;

  constructor(
    private readonly r: Resolver,
    all: FileSites[],
    classes: Iterable<ts.ClassLikeDeclaration>,
    private readonly generators: readonly ts.Node[],
    private readonly flags: ImplicitFlags,
    private readonly sink: ImplicitSink,
  ) {
    this.proxies = new Proxies(r, all);
    this.subtypes = new LibrarySubtypes(r.checker, r.hierarchy, classes, (d) => r.isApp(d));
    this.defined = new DefinedAccessors(r, all);
    this.species = new ArraySpecies(r);
  }

  file(s: FileSites): void {
    const f = s.file;
    for (const { node, owner } of s.implicit) {
      if (node.how === 'iterate') {
        this.iterate(f, node.expr, owner, node.async === true);
        if (this.proxies.any) this.sink.add(owner, this.proxyIterated(node.expr), siteOf(f, node.expr));
      } else if (node.how === 'convert') {
        if (this.flags.conversions) this.sink.add(owner, conversionTargets(this.r, node.expr), siteOf(f, node.expr));
      } else if (node.how === 'instanceof') {
        this.sink.add(owner, hasInstanceTargets(this.r, node.expr), siteOf(f, node.expr));
        if (this.proxies.any && ts.isBinaryExpression(node.expr.parent)) this.sink.add(owner, this.proxies.at(node.expr.parent.left, 'getPrototypeOf'), siteOf(f, node.expr));
      } else if (node.how === 'dispose') {
        this.sink.add(owner, disposeTargets(this.r, node.expr, node.async === true), siteOf(f, node.expr));
      } else if (node.how === 'keys' && ts.isSpreadAssignment(node.expr.parent)) {
        this.sink.add(owner, spreadGetters(this.r, node.expr), siteOf(f, node.expr));
        if (this.defined.any) this.sink.add(owner, this.defined.everyGetter(node.expr), siteOf(f, node.expr));
        if (this.proxies.any) this.sink.add(owner, this.proxies.at(node.expr, 'ownKeys'), siteOf(f, node.expr));
      } else if (this.proxies.any) {
        this.sink.add(owner, this.proxies.at(node.expr, node.how === 'delete' ? 'deleteProperty' : node.how === 'keys' ? 'ownKeys' : 'has'), siteOf(f, node.expr));
      }
    }
    if (this.proxies.any) this.proxyAccesses(s);
    // Object.prototype.toString.call(x), however the callee resolves: x's [Symbol.toStringTag] (tag-reads.ts).
    if (this.flags.conversions) for (const { node, owner } of s.calls) if (owner && ts.isCallExpression(node)) this.sink.add(owner, objectToStringTargets(this.r, node), siteOf(f, siteNode(node)));
    if (this.defined.any) {
      for (const { node, owner } of s.members) {
        if (ts.isPropertyAccessExpression(node)) this.sink.add(owner, this.defined.at(node.expression, node.name.text, isAssigned(node)), siteOf(f, node.name));
        // `x[k]` with `k` a `for…in` variable reads a property for each key: whichever getters x has.
        else if (!isAssigned(node) && forInVariable(this.r.checker, skipWrappers(node.argumentExpression))) this.sink.add(owner, this.defined.everyGetter(node.expression), siteOf(f, node));
      }
      // `o.k()` reads k first.
      for (const { node, owner } of s.calls) {
        const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
        if (owner && callee && ts.isPropertyAccessExpression(callee)) this.sink.add(owner, this.defined.at(callee.expression, callee.name.text, false), siteOf(f, callee.name));
      }
    }
  }

  /** Iterating what may be a proxy (or what a method it hands out returns): its get trap, and the iterator it hands out. */
  private proxyIterated(e: ts.Expression): Target[] {
    return [...this.proxies.at(e, 'get'), ...this.proxies.returnedAt(e, '[Symbol.iterator]'), ...this.proxies.iteratedResult(e)];
  }

  /** Reads and writes of properties (also reading the method a call calls) run a proxy's get/set traps. */
  private proxyAccesses(s: FileSites): void {
    const f = s.file;
    for (const { node, owner } of s.members) {
      if (ts.isDeleteExpression(climbWrappers(node).parent)) continue; // deleteProperty (walk.ts), not a read
      this.sink.add(owner, this.proxies.at(node.expression, isAssigned(node) ? 'set' : 'get'), siteOf(f, node));
    }
    for (const { node, owner } of s.calls) {
      const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
      if (owner && callee && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) {
        const uses = builtinReceiverUses(this.r.checker, node).flatMap(([e, use]) => this.proxies.at(e, use));
        const handedOut = this.proxies.returnedAt(callee.expression, ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined);
        // What the get trap hands out runs with this call's arguments (`p.map(cb)`: its callback parameter holds cb).
        if (ts.isCallExpression(node)) for (const t of handedOut) this.sink.calledWith(t.node, node.arguments);
        this.sink.add(owner, [...this.proxies.at(callee.expression, 'get'), ...uses, ...handedOut], siteOf(f, siteNode(node)));
      }
    }
  }

  /**
   * Iterating `expr` runs its type's iterator methods of the app (also those of app classes a
   * library-typed value may hold), and the bodies of the generators that flow there (to a
   * parameter: those its callers pass).
   */
  private iterate(f: AppFile, expr: ts.Expression, owner: string, isAsync: boolean): void {
    if (!owner || !(this.flags.iterators || this.flags.generators)) return;
    const site = siteOf(f, expr);
    // Which class or interface is iterated: of `Array.from(map(xs, f))`, map's declared result, not inferred.
    const type = classOrInterfaceOf(this.r.checker, expr);
    if (this.flags.iterators) {
      const held = this.subtypes.any ? this.subtypes.members(type, isAsync ? '[Symbol.asyncIterator]' : '[Symbol.iterator]', (d) => this.r.isApp(d)) : [];
      this.sink.add(owner, iterationTargets(this.r, type, isAsync, held), site);
      // A value whose declared type is the library's (`values(): IterableIterator<T>` returning a literal): its own iterator.
      if (!isAsync) this.sink.add(owner, iteratorOfValue(this.r, expr).map((node) => ({ node, kind: 'implicit' as const })), site);
    }
    if (!this.flags.generators || !mayHoldGenerator(this.r, expr, type)) return;
    // An element of an iterable (a for…of variable), or what a library call returns (also
    // awaited: `yield* await p.then((r) => r.gen())`): what the flow does not follow; its type tells.
    if (isElement(this.r.checker, expr) || fromLibrary(this.r, expr)) {
      this.sink.add(owner, generatorsOfType(this.r, expr, this.generators, isAsync), site);
      return;
    }
    const r = this.r.callee(expr, false);
    if ('targets' in r) this.sink.add(owner, r.targets.filter((t) => isGenerator(t.node)).map((t) => ({ node: t.node, kind: 'implicit' as const })), site);
    const text = expr.getText(f.sf).slice(0, 60);
    if ('param' in r && r.param) this.sink.pend({ from: owner, site, text, param: r.param, binding: r.binding });
    for (const { param, property, elements } of ('via' in r && r.via) || []) {
      this.sink.pend({ from: owner, site, text, param, binding: undefined, ...(property === undefined ? { stored: true as const } : { property }), ...(elements ? { elements } : {}) });
    }
  }

  /**
   * A library call may run app code: a function made by a call and handed to it
   * (`arr.sort(byKey(k))`: a callback of the caller), an app override on a library-typed
   * receiver, a proxy's ownKeys, the iterables it takes, toJSON, a generator resumed by `next()`.
   */
  libraryCall(f: AppFile, node: CallSite, owner: string): void {
    const site = siteOf(f, siteNode(node));
    if (ts.isCallExpression(node)) {
      for (const a of node.arguments) {
        if (ts.isCallExpression(skipWrappers(a))) this.sink.add(owner, this.r.values.of(a).filter((n) => !isGenerator(n)).map((n) => ({ node: n, kind: 'callback' as const })), siteOf(f, a));
      }
    }
    const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
    if (this.subtypes.any && callee && ts.isPropertyAccessExpression(callee) && callee.expression.kind !== ts.SyntaxKind.SuperKeyword) {
      this.sink.add(owner, this.subtypes.members(classOrInterfaceOf(this.r.checker, callee.expression), callee.name.text, (d) => this.r.isApp(d)).map((n) => ({ node: n, kind: 'hierarchy' as const })), site);
    }
    if (this.proxies.any) this.sink.add(owner, proxyUses(node, calleeText(node, f.sf)).flatMap(([e, use]) => this.proxies.at(e, use)), site);
    if (this.species.any && ts.isCallExpression(node)) this.sink.add(owner, this.species.at(node), site);
    // `Reflect.get(o, key)` under a key not known may read any property of o: its literal's getters.
    const reflected = unknownKeyRead(this.r.checker, node, calleeText(node, f.sf));
    if (reflected) this.sink.add(owner, [...spreadGetters(this.r, reflected), ...literalGetters(this.r, reflected).map((node) => ({ node, kind: 'accessor' as const }))], siteOf(f, reflected));
    for (const e of valuesRead(node, calleeText(node, f.sf))) {
      this.sink.add(owner, spreadGetters(this.r, e), siteOf(f, e));
      if (this.defined.any) this.sink.add(owner, this.defined.everyGetter(e), siteOf(f, e));
    }
    if (!(this.flags.iterators || this.flags.generators || this.flags.conversions || this.proxies.any)) return;
    if (this.flags.conversions) this.sink.add(owner, joinTargets(this.r, node), site);
    const joined = this.proxies.any ? joinedList(this.r, node) : undefined;
    if (joined) this.sink.add(owner, this.proxies.elementsRead(joined), site);
    const u = libraryCallUses(this.r, node);
    if (this.proxies.any) for (const a of u.iterated) this.sink.add(owner, this.proxyIterated(a), site);
    this.sink.add(owner, u.targets, site);
    for (const a of u.iterated) this.iterate(f, a, owner, false);
    if (u.receiver && this.flags.generators) this.iterate(f, u.receiver, owner, false);
  }
}

/** Built-ins that read every own enumerable property of some arguments (so run their getters): from which argument on, or only the first. */
const READ_ALL: ReadonlyMap<string, 'rest' | 'first'> = new Map([
  ['Object.assign', 'rest'],
  ['Object.values', 'first'],
  ['Object.entries', 'first'],
  ['JSON.stringify', 'first'],
  ['structuredClone', 'first'],
]);

function valuesRead(node: CallSite, callee: string): readonly ts.Expression[] {
  const which = ts.isCallExpression(node) ? READ_ALL.get(callee) : undefined;
  if (!which) return [];
  const args = (node as ts.CallExpression).arguments;
  return (which === 'rest' ? args.slice(1) : args.slice(0, 1)).filter((a) => !ts.isSpreadElement(a));
}

/** The object of `Reflect.get(o, k)` when k's names are not known. */
function unknownKeyRead(checker: ts.TypeChecker, node: CallSite, callee: string): ts.Expression | undefined {
  if (callee !== 'Reflect.get' || !ts.isCallExpression(node)) return undefined;
  const [o, k] = node.arguments;
  return o && k && !ts.isSpreadElement(o) && !ts.isSpreadElement(k) && keyNames(checker, k) === undefined ? o : undefined;
}

/** A variable bound by `for…of` or by array destructuring: an element of something iterated. */
function isElement(checker: ts.TypeChecker, expr: ts.Expression): boolean {
  const e = skipWrappers(expr);
  if (!ts.isIdentifier(e)) return false;
  const d = checker.getSymbolAtLocation(e)?.valueDeclaration;
  if (!d) return false;
  if (ts.isBindingElement(d)) return ts.isArrayBindingPattern(d.parent);
  return ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && ts.isForOfStatement(d.parent.parent);
}

/** A call of a library function, maybe awaited: its value comes out of code the flow does not see. */
function fromLibrary(r: Resolver, expr: ts.Expression): boolean {
  let e = skipWrappers(expr);
  if (ts.isAwaitExpression(e)) e = skipWrappers(e.expression);
  return ts.isCallExpression(e) && 'library' in r.callee(e.expression, true);
}

