/**
 * The call graph: edges between app methods, library leaves, and what stays unresolved.
 *
 * Decisions (sound approximations, see walk.ts / resolve.ts / values.ts / parameter-flow.ts for the details):
 * - A site belongs to the innermost enclosing method; field initialisers belong to the
 *   (possibly synthetic) constructor, static initialisers to `Class.static.<init>`; other
 *   top-level code runs once at load and belongs to no method.
 * - A function value handed out by a method (an unbound function expression created there, a
 *   function or method referenced as a value: `arr.map(f)`, `on('x', this.h)`, `f.bind(o)`) is
 *   treated as called by that method: 'callback' edge at the point it is handed out. Whoever
 *   really calls it (a library, an event loop) runs on behalf of that method.
 * - A call through a parameter (`cb()`) is resolved to the functions passed for that parameter
 *   at every call site of its function, following parameters passed on and the arguments of
 *   calls through parameters (a callback handed a callback; parameter flow). It is
 *   also listed as unresolved when the function escapes as a value (callers unknown) or a call
 *   site passes something not known statically.
 * - A call through an interface member implemented by object literals is a 'hierarchy' edge to
 *   each literal's function, whether written in place, named (`{ f: g }`) or shorthand (`{ f }`);
 *   a literal member whose value is not known (a parameter, `any`) keeps the site unresolved too.
 * - `obj[key]()` with a key of a finite type (literal union, enum, `keyof`) is `obj.a()`, `obj.b()`,
 *   ... (keys.ts); with any other key, reflection and untyped callees it is unresolved, with the
 *   candidates found (function members of the object literal, elements of the array) kept as edges.
 * - Values assigned to a property anywhere (`x.f = g`, `obj[k] = wrap(prev)`) are what calls
 *   through it run, also over a method (stores.ts); arrays of functions reach the callbacks of
 *   array methods and for-of variables (arrays.ts).
 * - Reading or writing a property that is a getter/setter of the app is an 'accessor' edge.
 * - Calls into node_modules/lib are `libraryCalls` to leaf ids (`lib:fs#readFileSync`, see
 *   library.ts), one per (caller, leaf) with its first site; they are not in `edges`.
 */
import { ts } from '../../typescript.cjs';
import { accessorTargets } from './accessor-targets.js';
import { EdgeSet, byEdge } from './edge-set.js';
import { isMethodNode } from '../../ids/methodIds.js';
import type { MethodTable } from '../methods.js';
import { siteOf, type AppFile, type LoadedApp } from '../project.js';
import { calleeRun, handedBackTo, handedBackToNew, handedOut } from './handed-back.js';
import { HandedOn } from './handed-on.js';
import { MadeCalls } from './made-calls.js';
import { PassedClasses } from './passed-classes.js';
import { staticInitialiserRuns } from './static-initialisers.js';
import { eventListenerRuns, type ListenerRun } from './event-listeners.js';
import { ImplicitSites, type ImplicitFlags } from './implicit-sites.js';
import { EmitterListeners } from './emitters.js';
import { storedOverLibraryMember } from './library-member-stores.js';
import { bindingName, keyNames, propertyDecls } from './keys.js';
import { ParameterFlow } from './parameter-flow.js';
import { Resolver, type Target } from './resolve.js';
import { Decorators } from './decorators.js';
import { openKeyedParameter, passedNames, type OpenKeyedSite } from './open-keys.js';
import { Stores } from './stores.js';
import { declaredPrimitive, takesPrimitivesOnly } from './primitive-parameters.js';
import { isGenerator } from './call-returns.js';
import type { CallEdge, UnresolvedCall } from '../types.js';
import { calleeText, cmp, cmpSite, siteNode } from '../sites.js';
import { assignedValue, reflectedApply } from './reflected-calls.js';
import { argumentsOf, libraryTyped, parameterProperty, thisGiven } from './call-arguments.js';
import { type CallSite, type FileSites } from '../walk.js';
import { isAssigned, skipWrappers } from '../expressions.js';
import { memberNames, resolverFor, type Names } from './graph-inputs.js';

export interface CallGraph {
  edges: CallEdge[];
  unresolved: UnresolvedCall[];
  libraryCalls: CallEdge[];
}

/** What the call graph was built with, for following other values the same way (legality/device-values.ts). */
export interface ValueFlow {
  resolver: Resolver;
  stores: Stores;
  /** App function node -> the argument lists of the calls that run it. */
  argumentsTo: ReadonlyMap<ts.Node, readonly ts.NodeArray<ts.Expression>[]>;
  /** App function node -> the `this` that `f.call(t)`, `f.apply(t)` and `f.bind(t)` give it. */
  thisTo: ReadonlyMap<ts.Node, readonly ts.Expression[]>;
  /** References (value uses of a name) of variables and parameters declared with primitive types only (declaredPrimitive). */
  primitiveRefs: ReadonlySet<ts.Node>;
}

export { resolverFor };

export function resolveCalls(app: LoadedApp, table: MethodTable): CallGraph & { flow: ValueFlow } {
  const { all, stores, resolver } = resolverFor(app, table);
  const names = memberNames(table, all, stores);
  const b = new GraphBuilder(table, resolver, all, names, new Decorators(resolver, app.program.getCompilerOptions().experimentalDecorators === true));
  // Every decorator first: the members they replace are known before any edge reaches them.
  for (const s of all) b.decorate(s);
  for (const s of all) b.file(s, names);
  b.openKeys();
  b.parameterFlow();
  b.handedBack(handedOut(resolver, app.files));
  b.madeCalls(new MadeCalls(resolver, stores, all, b.argumentsTo()));
  b.passedClasses(new PassedClasses(resolver, stores, b.argumentsTo()));
  b.implicitSuper(app.files);
  b.staticInitialisers(app.files);
  b.listenerRuns(eventListenerRuns(resolver, all));
  return { ...b.result(), flow: { resolver, stores, argumentsTo: b.argumentsTo(), thisTo: b.thisTo, primitiveRefs: b.primitiveRefs } };
}

class GraphBuilder {
  private readonly edges = new EdgeSet();
  private readonly lib = new Map<string, CallEdge>();
  private readonly unresolved: UnresolvedCall[] = [];
  readonly primitiveRefs = new Set<ts.Node>();
  private readonly params: ParameterFlow;
  /** Call sites by their site string, for what is left unresolved at them (handedBack). */
  /** The calls at each site that may be listed unresolved: several when one starts where another does (`make(10)(input)`). */
  private readonly callAt = new Map<string, CallSite[]>();

  constructor(
    private readonly table: MethodTable,
    private readonly r: Resolver,
    all: FileSites[],
    flags: ImplicitFlags,
    private readonly decorators: Decorators,
  ) {
    this.params = new ParameterFlow(r);
    this.params.decorated = (fn, idx, property) => decorators.heldBy(fn, idx, property);
    this.handedOn = new HandedOn(r);
    this.emitters = new EmitterListeners(r, all.map((s) => s.file));
    this.implicit = new ImplicitSites(r, all, table.classId.keys(), [...table.idOf.keys()].filter(isGenerator), flags, {
      add: (from, targets, site) => this.add(from, targets, site),
      // Generators passed for a parameter that is iterated: never listed as unresolved, as
      // iterating what is not known (an array, most often) runs no app code.
      pend: (p) => this.params.pending.push({ ...p, args: undefined, generators: true, listed: true }),
      calledWith: (fn, args) => this.params.calledWith(fn, args),
    });
  }

  private readonly implicit: ImplicitSites;
  private readonly handedOn: HandedOn;
  private readonly emitters: EmitterListeners;

  /** Decorators run where their class is defined (decorators.ts). */
  decorate(s: FileSites): void {
    for (const { node, owner } of s.decorators) {
      const fns = this.decorators.apply(node);
      if (owner) this.add(owner, fns.map((n) => ({ node: n, kind: 'implicit' as const })), siteOf(s.file, node.expression));
    }
  }

  file(s: FileSites, names: Names): void {
    const f = s.file;
    for (const { node, owner } of s.escapes) {
      this.params.escaped.add(node);
      this.add(owner, [{ node, kind: 'callback' }], siteOf(f, node));
    }
    for (const { node, owner } of s.calls) this.call(f, node, owner);
    this.implicit.file(s);
    for (const { node, owner } of s.members) {
      const name = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
      if (ts.isElementAccessExpression(node) && !ts.isStringLiteralLike(name) && !ts.isNumericLiteral(name)) this.keyedMember(f, node, owner);
      else if ((ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) && names.members.has(name.text)) {
        const sym = this.r.symbolAt(name);
        this.member(f, node, (sym?.declarations ?? []).filter((d) => this.r.isApp(d)), siteOf(f, name), owner);
      }
    }
    for (const { node, owner } of s.reads) {
      const name = bindingName(node);
      if (name === undefined || !names.members.has(name)) continue;
      const decls = propertyDecls(this.r.checker, node.parent, name).filter((d) => this.r.isApp(d));
      this.add(owner, accessorTargets(this.r, decls, false), siteOf(f, node));
    }
    for (const { node, owner } of s.refs) {
      // A primitive is no callback; the device uses skip it too (flow.primitiveRefs).
      if (!names.refs.has(node.text) || (declaredPrimitive(this.r.checker, node) && this.primitiveRefs.add(node))) continue;
      const fns = this.r.values.of(node);
      for (const fn of fns) this.params.escaped.add(fn);
      this.add(owner, fns.map((n) => ({ node: n, kind: 'callback' as const })), siteOf(f, node));
    }
  }

  private call(f: AppFile, node: CallSite, owner: string): void {
    const r = this.r.call(node);
    const args = argumentsOf(this.r, node);
    const via = (from: string, site: string, text: string, listed: boolean): void => {
      for (const { param, property, elements, at, returns } of ('via' in r && r.via) || []) {
        const how = property === undefined ? { stored: true as const } : { property };
        const what = { ...(elements ? { elements } : {}), ...(at !== undefined ? { at } : {}), ...(returns ? { returns } : {}) };
        this.params.pending.push({ from, site, text, param, binding: undefined, args, ...how, ...what, ...(listed ? { listed: true as const } : {}) });
      }
    };
    if ('targets' in r) {
      if (args) for (const t of r.targets) this.params.calledWith(t.node, args);
      const given = thisGiven(this.r, node);
      if (given) for (const t of r.targets) this.giveThis(t.node, given);
      if (!owner) return;
      const site = siteOf(f, siteNode(node));
      const text = calleeText(node, f.sf);
      // Only a site that may be listed unresolved (partial, or through parameter flow) is looked up again.
      if (r.partial || ('via' in r && r.via?.length)) this.callsAt(site).push(node);
      this.add(owner, r.targets, site);
      if (r.partial) this.unresolved.push({ from: owner, site, text, reason: r.partial });
      via(owner, site, text, r.partial !== undefined);
      return;
    }
    if (!owner) return;
    const site = siteOf(f, siteNode(node));
    if ('library' in r) {
      this.implicit.libraryCall(f, node, owner);
      if (ts.isCallExpression(node)) {
        this.params.together.add(node.arguments);
        this.params.pending.push(...this.handedOn.parameters(f, node, owner));
        this.reflectedApply(node);
        this.add(owner, this.emitters.of(node), site);
        this.add(owner, storedOverLibraryMember(this.r, node), site);
      }
      if (r.library && !this.lib.has(`${owner}\0${r.library}`)) this.lib.set(`${owner}\0${r.library}`, { from: owner, to: r.library, site, kind: 'library' });
      return;
    }
    this.callsAt(site).push(node);
    const text = calleeText(node, f.sf);
    // A callee not resolved whose type only a library declares (`const { useStoreX } = libExports`).
    if (ts.isCallExpression(node)) this.params.together.add(node.arguments, () => libraryTyped(this.r.checker, node.expression));
    if (r.param) {
      this.params.pending.push({ from: owner, site, text, param: r.param, binding: r.binding, args });
      // `function f({ k }: T) { k() }`: also what T's member holds (resolve.ts), as for `o.k()`.
      if (r.declared && args) for (const t of r.declared) this.params.calledWith(t.node, args);
      if (r.declared) this.add(owner, r.declared, site);
      via(owner, site, text, false);
      return;
    }
    // Parameters stored or added where the callee comes from: parameter flow lists the site if
    // what callers pass is not all known; a source known to be incomplete is listed anyway.
    // `p[k]()` also reads arrays passed as p (via): the names are asked besides, the site listed as before.
    const viaElements = Boolean(r.via?.length);
    const read = parameterProperty(this.r, node, viaElements);
    if (read) {
      for (const property of read.names) this.params.pending.push({ from: owner, site, text, param: read.param, binding: undefined, property, args, otherwise: r.reason, ...(viaElements ? { listed: true } : {}) });
      if (!viaElements) return;
    }
    const listed = !r.via?.length || r.partial === true;
    if (listed) this.unresolved.push({ from: owner, site, text, reason: r.reason });
    via(owner, site, text, listed);
    // `p[k]()` with a key of no finite type: any member of what callers pass (open-keys.ts), once every caller is walked.
    const open = read ? undefined : openKeyedParameter(this.r, node);
    if (open) this.openKeyed.push({ from: owner, site, text, param: open, args });
  }

  private readonly openKeyed: OpenKeyedSite[] = [];

  /** `p[k]()` under an open key: parameter flow asks each name the passed values' types have; the site is listed already. */
  openKeys(): void {
    for (const o of this.openKeyed) {
      for (const property of passedNames(this.r.checker, this.params.callsTo.get(o.param.parent) ?? [], o.param)) {
        this.params.pending.push({ from: o.from, site: o.site, text: o.text, param: o.param, binding: undefined, property, args: o.args, listed: true });
      }
    }
  }

  readonly thisTo = new Map<ts.Node, ts.Expression[]>();

  private callsAt(site: string): CallSite[] {
    return this.callAt.get(site) ?? this.callAt.set(site, []).get(site)!;
  }

  argumentsTo(): ReadonlyMap<ts.Node, readonly ts.NodeArray<ts.Expression>[]> {
    return this.params.callsTo;
  }

  /** Calls through parameters (parameter-flow.ts). */
  parameterFlow(): void {
    this.params.run((from, targets, site) => this.add(from, targets, site), this.unresolved);
  }

  /** Unresolved calls and `new`s through function values, and library calls handed a parameter, may run the functions the app hands out (handed-back.ts). */
  handedBack(handed: ReturnType<typeof handedOut>): void {
    if (!handed.length) return;
    for (const u of this.unresolved) {
      for (const node of this.callAt.get(u.site) ?? []) {
        if (ts.isCallExpression(node)) this.add(u.from, handedBackTo(this.r.checker, calleeRun(this.r, node), handed), u.site);
        if (ts.isNewExpression(node)) this.add(u.from, handedBackToNew(this.r.checker, node.expression, handed), u.site);
      }
    }
    // And parameters handed on to library calls whose callers are not all known (handed-on.ts).
    this.handedOn.handedBack(this.params.open, handed, (from, targets, site) => this.add(from, targets, site));
  }

  /** `Reflect.apply(f, t, [a, b])` calls the app's f with `this` t and those arguments (reflected-calls.ts). */
  private reflectedApply(node: ts.CallExpression): void {
    const reflected = reflectedApply(this.r.checker, node);
    if (!reflected) return;
    for (const target of this.r.values.of(reflected.fn)) {
      if (!isMethodNode(target)) continue;
      this.params.calledWith(target, reflected.args);
      this.giveThis(target, reflected.given);
    }
  }

  private giveThis(fn: ts.Node, given: ts.Expression): void {
    (this.thisTo.get(fn) ?? this.thisTo.set(fn, []).get(fn)!).push(given);
  }

  /** `obj[k]` with a finite key type reads (or writes) each property `k` may name. */
  private keyedMember(f: AppFile, node: ts.ElementAccessExpression, owner: string): void {
    const names = keyNames(this.r.checker, node.argumentExpression);
    if (!names) return;
    const decls = names.flatMap((n) => propertyDecls(this.r.checker, node.expression, n)).filter((d) => this.r.isApp(d));
    this.member(f, node, decls, siteOf(f, node.argumentExpression), owner);
  }

  /** `obj.x` may run a getter/setter, or hand out a method as a value. */
  private member(f: AppFile, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, decls: ts.Declaration[], site: string, owner: string): void {
    if (!decls.length) return;
    const targets = accessorTargets(this.r, decls, node.expression.kind === ts.SyntaxKind.SuperKeyword);
    // `d.handler = onFire` calls the setter with the value: its parameter holds what is assigned.
    const value = assignedValue(node);
    if (value) for (const t of targets) if (ts.isSetAccessorDeclaration(t.node)) this.params.calledWith(t.node, ts.factory.createNodeArray([value]));
    const methods = decls.filter((d) => ts.isMethodDeclaration(d) || ts.isMethodSignature(d) || isFunctionProperty(d));
    // A field holding a function, handed to a library call (`errors.sort(this.compare)`): what it
    // holds, as for a method. An app callee runs it through its parameter (parameter flow).
    const call = node.parent;
    if (!methods.length && ts.isCallOrNewExpression(call) && call.arguments?.includes(node as ts.Expression) && 'library' in this.r.call(call) && !takesPrimitivesOnly(this.r.checker, call, node)) {
      for (const fn of this.r.values.of(node)) {
        this.params.escaped.add(fn);
        targets.push({ node: fn, kind: 'callback' });
      }
    }
    if (methods.length && !isAssigned(node)) {
      const r = this.r.fromDecls(methods, node.expression.kind === ts.SyntaxKind.SuperKeyword);
      if ('targets' in r) {
        for (const t of r.targets) {
          this.params.escaped.add(t.node);
          targets.push({ node: t.node, kind: 'callback' });
        }
      }
    }
    this.add(owner, targets, site);
  }

  private add(from: string, targets: Target[], site: string): void {
    for (const t of targets) {
      this.addOne(from, t, site);
      // A member a decorator replaced: what reaches it reaches the replacement (which itself runs the member it was handed).
      // Asked for every edge: no list is made when the member has no replacement (the usual case).
      const replaced = this.decorators.replacements.get(t.node);
      if (replaced) for (const w of replaced) if (this.table.idOf.get(w) !== from) this.addOne(from, { node: w, kind: t.kind }, site);
    }
  }

  private addOne(from: string, t: Target, site: string): void {
    const to = this.table.idOf.get(t.node);
    if (to) this.edges.add(from, to, site, t.kind);
  }

  /** Unresolved calls that may run a function made from text (made-calls.ts): what it was handed. */
  madeCalls(made: MadeCalls): void {
    if (!made.found) return;
    for (const u of this.unresolved) {
      for (const node of this.callAt.get(u.site) ?? []) this.add(u.from, made.reachedAt(node).map((n) => ({ node: n, kind: 'callback' as const })), u.site);
    }
  }

  /** Unresolved `new` sites of a class handed in as a value (passed-classes.ts): the constructors of the classes passed. */
  passedClasses(passed: PassedClasses): void {
    for (const u of this.unresolved) {
      for (const node of this.callAt.get(u.site) ?? []) {
        if (!ts.isNewExpression(node)) continue;
        const ctors = passed.constructedAt(node).map((c) => this.r.constructorOf(c));
        this.add(u.from, ctors.filter((c): c is ts.Node => c !== undefined).map((c) => ({ node: c, kind: 'constructor' as const })), u.site);
      }
    }
  }

  /** A synthetic constructor (field initialisers) first runs the base class's constructor. */
  implicitSuper(files: AppFile[]): void {
    const fileOf = new Map(files.map((f) => [f.sf, f]));
    for (const [id, m] of this.table.byId) {
      if (m.synthetic?.kind !== 'constructor') continue;
      const base = this.r.hierarchy.baseOf(m.synthetic.cls);
      const ctor = base && this.r.constructorOf(base);
      const f = fileOf.get(m.synthetic.cls.getSourceFile());
      if (ctor && f) this.add(id, [{ node: ctor, kind: 'super' }], siteOf(f, m.synthetic.cls));
    }
  }

  /** A class defined inside a method runs its static initialisers there (static-initialisers.ts). */
  staticInitialisers(files: AppFile[]): void {
    const fileOf = new Map(files.map((f) => [f.sf, f]));
    for (const run of staticInitialiserRuns(this.table)) {
      const f = fileOf.get(run.cls.getSourceFile());
      if (f) this.edges.add(run.from, run.to, siteOf(f, run.cls), 'implicit');
    }
  }

  /** A dispatch runs the listeners registered on its target (event-listeners.ts). */
  listenerRuns(runs: ListenerRun[]): void {
    for (const run of runs) this.add(run.from, run.listeners.map((node) => ({ node, kind: 'callback' as const })), siteOf(run.file, run.site));
  }

  result(): CallGraph {
    return {
      edges: this.edges.sorted(),
      unresolved: this.unresolved.sort((a, b) => cmp(a.from, b.from) || cmpSite(a.site, b.site)),
      libraryCalls: [...this.lib.values()].sort(byEdge),
    };
  }
}

function isFunctionProperty(d: ts.Node): boolean {
  return (ts.isPropertyDeclaration(d) || ts.isPropertyAssignment(d)) && !!d.initializer && isMethodNode(d.initializer);
}
