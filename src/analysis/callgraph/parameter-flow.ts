/**
 * Calls through parameters (`cb()`, `props.onX()`, `const { f } = options; f()`): the functions
 * passed there at every call site of their function, following parameters passed on and the
 * arguments of calls through parameters (a callback handed a callback). A site is also listed
 * as unresolved when its function escapes as a value (callers unknown) or a call site passes
 * something not known statically.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { accumulatorOf, elementSource, keySource } from './arrays.js';
import { HandedTogether } from './handed-together.js';
import type { Resolver, Target } from './resolve.js';
import { isGenerator } from './call-returns.js';
import { LOOP_DEPTH } from './values.js';
import { bindingName } from './keys.js';
import type { UnresolvedCall } from '../types.js';
import { isNothing, skipWrappers } from '../expressions.js';
import { SlotClosures, type Flow, type Slot, type SlotGraph, type SlotHere } from './slot-closure.js';
import { argumentIndex, argumentParameters } from '../parameters.js';
import { declaredPrimitive } from './primitive-parameters.js';
import { lacks, typedLoosely } from './argument-checks.js';

export interface PendingParam {
  from: string;
  site: string;
  text: string;
  param: ts.ParameterDeclaration;
  /** Set when the callee was destructured from the parameter (`{ onDone }`). */
  binding: ts.BindingElement | undefined;
  /** What the functions found for the parameter receive at this call. */
  args: ts.NodeArray<ts.Expression> | undefined;
  /** The callee holds what was stored or added from the parameter (Resolution.via), not the parameter itself. */
  stored?: true;
  /** The callee is this property of the parameter (`props.onChange()`): what callers pass there. */
  property?: string;
  /** The callee is an element of the array passed there (`list[i]()`, `const { tests } = options; tests[i]()`). */
  elements?: true;
  /** With elements: the element at this position only (`blocks[14]()` of a tuple passed there). */
  at?: number;
  /** The callee is what the functions passed there return (`const destroy = init(payload); destroy()`). */
  returns?: true;
  /** The site iterates the parameter: only the generators passed run (their bodies), implicitly. */
  generators?: true;
  /** Why the site was not resolved otherwise: its reason when no caller passes anything known. */
  otherwise?: string;
  /** The site is already listed as unresolved for another reason: not again. */
  listed?: true;
}

/**
 * Work done by parameter flow, summed over the process: a test counts it on generated programs
 * (a per-site walk of the whole program once made zod take minutes; time would be too noisy to guard it).
 */
export const parameterFlowWork = { slotsFound: 0, slotsVisited: 0 };

/** Rounds of parameter flow: a function found for a parameter call may itself call a parameter. */
const MAX_FLOW_ROUNDS = 8;

export class ParameterFlow implements SlotGraph {
  readonly pending: PendingParam[] = [];
  /** Function node -> argument lists of the calls that run it. */
  readonly callsTo = new Map<ts.Node, ts.NodeArray<ts.Expression>[]>();
  /** Pending sites whose callers are not all known, once run (handed-on.ts asks about its own). */
  readonly open = new Set<PendingParam>();
  /** Functions handed out as values: their callers are not all known. */
  readonly escaped = new Set<ts.Node>();
  /** App functions handed to one library call with others (handed-together.ts). */
  readonly together: HandedTogether;

  /** What a decorator function's parameter holds where the language applies it (decorators.ts). */
  decorated: (fn: ts.Node, idx: number, property: string | undefined) => ts.Node[] = () => [];

  constructor(private readonly r: Resolver) {
    this.together = new HandedTogether(r);
  }

  calledWith(fn: ts.Node, args: ts.NodeArray<ts.Expression>): void {
    (this.callsTo.get(fn) ?? this.callsTo.set(fn, []).get(fn)!).push(args);
    this.ownParts.delete(fn);
    this.widest = Math.max(this.widest, args.length);
    if (!this.shrinks) this.shrinks = this.spreadsRestEarlier(args);
  }

  /**
   * Calls through parameters: the functions passed there at the call sites of their function.
   * A function found that way receives the arguments of that call too (a callback handed a
   * callback), so this repeats until no call site is added.
   */
  run(add: (from: string, targets: Target[], site: string) => void, unresolved: UnresolvedCall[]): void {
    const flows = new Map<PendingParam, Flow>();
    let added = true;
    for (let round = 0; added && round < MAX_FLOW_ROUNDS; round++) {
      added = false;
      // All sites are asked of one set of call sites (the slot graph is shared by their questions); then the calls found are added.
      const now = this.askAll();
      for (const [p, flow] of now) {
        const before = flows.get(p)?.values;
        for (const v of flow.values) {
          if (before?.has(v) || !p.args) continue;
          this.calledWith(v, p.args);
          added = true;
        }
        flows.set(p, flow);
      }
    }
    // A round that added call sites left the flows computed before them stale: compute afresh.
    const final = added ? this.askAll() : flows;
    // One site may depend on several parameters for the same reason (`rec[k]` of an untyped `rec`: its elements and entries): listed once.
    const listed = new Set<string>();
    for (const p of this.pending) {
      const flow = final.get(p)!;
      const values = p.generators ? [...flow.values].filter(isGenerator) : [...flow.values];
      add(p.from, values.map((node) => ({ node, kind: p.generators ? ('implicit' as const) : ('callback' as const) })), p.site);
      if (flow.values.size && flow.complete) continue;
      this.open.add(p);
      if (p.listed) continue;
      const how = p.returns
        ? 'function value returned by a function received as a parameter (or a property of one)'
        : p.elements
          ? 'function value in an array received as a parameter (or a property of one)'
          : p.binding
            ? 'function value destructured from a parameter'
            : p.property !== undefined
              ? "function value read from a parameter's property"
              : p.stored
                ? 'function value stored from a parameter'
                : 'function value received as a parameter';
      const reason = flow.values.size ? `${how}; ${flow.values.size} passed value(s) found, but other callers are not known statically` : (p.otherwise ?? how);
      const key = `${p.from}\0${p.site}\0${reason}`;
      if (listed.has(key)) continue;
      listed.add(key);
      unresolved.push({ from: p.from, site: p.site, text: p.text, reason });
    }
  }

  /** Every pending site's flow, for the call sites known now. */
  private askAll(): Map<PendingParam, Flow> {
    this.closures = new SlotClosures(this);
    // Many sites ask about one parameter (zod: 3135 sites, 418 questions).
    const asked = new Map<string, Flow>();
    return new Map(this.pending.map((p) => [p, this.flowOfOnce(p, asked)]));
  }

  private closures = new SlotClosures(this);

  /** The most arguments a call site passes: no site passes anything directly at a later position. */
  private widest = 0;
  /** Some site spreads a rest parameter at an earlier position than its own (see forwarded). */
  private shrinks = false;

  /**
   * `(...rest) => f(x, ...rest)`: what the wrapper's callers pass at position i lands at f's
   * i + 1. Without such a site a forwarded position never gets smaller along a chain of rest
   * parameters spread on, so a position past every call's arguments and its function's
   * parameters holds nothing (and `(a, ...rest) => g(...rest)` calling back through f would
   * otherwise ask ever later positions).
   */
  private spreadsRestEarlier(args: readonly ts.Expression[]): boolean {
    const spread = this.spreadRest(args);
    return spread !== undefined && argumentIndex(spread.rest) < spread.at;
  }

  /** The first spread argument, when it spreads a rest parameter of an app function (`f(x, ...rest)`): its position, that parameter and function. */
  private spreadRest(args: readonly ts.Expression[]): { at: number; rest: ts.ParameterDeclaration; fn: ts.SignatureDeclaration } | undefined {
    const at = args.findIndex(ts.isSpreadElement);
    const spread = at >= 0 ? skipWrappers((args[at] as ts.SpreadElement).expression) : undefined;
    const rest = spread && ts.isIdentifier(spread) ? this.r.symbolAt(spread)?.valueDeclaration : undefined;
    return rest && ts.isParameter(rest) && rest.dotDotDotToken && isMethodNode(rest.parent) ? { at, rest, fn: rest.parent } : undefined;
  }

  private readonly slotIds = new Map<string, number>();
  /** A number per slot (its `returns` aside), kept on the slot: the closures ask it of every slot they meet. */
  id(slot: Slot): number {
    if (slot.id !== undefined) return slot.id;
    const key = `${this.nodeKey(slot.fn)}:${slot.idx}:${slot.property === undefined ? '' : `.${slot.property}`}:${slot.elements ? `[${slot.at ?? ''}]` : ''}`;
    return (slot.id = this.slotIds.get(key) ?? this.slotIds.set(key, this.slotIds.size).get(key)!);
  }

  private readonly keys = new Map<ts.Node, number>();
  private nodeKey(n: ts.Node): number {
    return this.keys.get(n) ?? this.keys.set(n, this.keys.size).get(n)!;
  }

  /** flowOf, asked once per question: what a site's flow depends on (passedFlow reads no more of it). */
  private flowOfOnce(p: PendingParam, asked: Map<string, Flow>): Flow {
    const binding = p.binding ? (p.binding.initializer ? `=${this.nodeKey(p.binding)}` : 'b') : '';
    const property = p.property ?? (p.binding && bindingName(p.binding));
    const key = `${this.nodeKey(p.param)}\0${property === undefined ? '' : `.${property}`}\0${binding}\0${p.elements ? `[${p.at ?? ''}]` : ''}${p.returns ? 1 : 0}`;
    return asked.get(key) ?? asked.set(key, this.flowOf(p)).get(key)!;
  }

  private flowOf(p: PendingParam): Flow {
    const flow = this.passedFlow(p);
    return p.returns ? this.closures.returnedOf(flow) : flow;
  }

  /** The functions (or array elements) the parameter of a pending site may hold. */
  private passedFlow(p: PendingParam): Flow {
    const fn = p.param.parent;
    const property = p.property ?? (p.binding && bindingName(p.binding));
    const idx = argumentIndex(p.param);
    // An element of the array passed there: its default and what is assigned to it were followed by values.ts.
    if (p.elements) return this.closures.of({ fn, idx, property, elements: true, ...(p.at !== undefined ? { at: p.at } : {}) });
    const values = new Set<ts.Node>();
    for (const v of p.binding?.initializer ? this.r.values.of(p.binding.initializer) : []) values.add(v); // `{ f = g }`
    // `(f = g) => f()`: a caller that passes nothing (or undefined) runs the default.
    for (const v of !p.binding && property === undefined && p.param.initializer ? this.r.values.of(p.param.initializer) : []) values.add(v);
    // `if (!g) g = () => ...`: what the function assigns to the parameter itself.
    for (const v of !p.binding && property === undefined ? this.r.values.assignedTo(p.param) : []) values.add(v);
    const passed = this.closures.of({ fn, idx, property });
    for (const v of passed.values) values.add(v);
    return { values, complete: passed.complete };
  }

  /** Nothing is passed at a negative position, nor past every call's arguments and the function's parameters (spreadsRestEarlier). */
  cut(slot: Slot): { complete: boolean } | undefined {
    if (slot.idx < 0) return { complete: true };
    // Where positions may shrink along rest parameters spread on, this cut may lose some: not complete then.
    if (slot.idx >= this.widest && slot.idx >= argumentParameters(slot.fn as ts.SignatureDeclaration).length) return { complete: !this.shrinks };
    return undefined;
  }

  private readonly primitives = new Map<ts.ParameterDeclaration, boolean>();

  /** A parameter declared with primitive types only (primitive-parameters.ts), asked once. */
  private primitive(p: ts.ParameterDeclaration | undefined): boolean {
    if (!p || p.dotDotDotToken || !ts.isIdentifier(p.name)) return false;
    const known = this.primitives.get(p);
    if (known !== undefined) return known;
    const is = declaredPrimitive(this.r.checker, p.name);
    this.primitives.set(p, is);
    return is;
  }

  /**
   * What a function returns: a call of a parameter (`init(payload)`) returns what each function
   * passed there returns, and a parameter returned (`(h) => h`) what its callers pass. Complete
   * when each returned value was found (a returned value not known may be a function).
   */
  returnedBy(fn: ts.Node): { values: ts.Node[]; slots: Slot[]; complete: boolean } {
    const out = { values: [] as ts.Node[], slots: [] as Slot[], complete: true };
    for (const ret of this.r.values.returnsOf(fn)) {
      const held = this.r.values.collectParameters(() => this.r.values.of(ret));
      out.values.push(...held.result);
      for (const via of held.parameters) out.slots.push({ fn: via.param.parent, idx: argumentIndex(via.param), ...via });
      if (!held.result.length && !held.parameters.length && !isNothing(ret)) out.complete = false;
    }
    return out;
  }

  visited(): void {
    parameterFlowWork.slotsVisited++;
  }

  /** Slot id -> its own part, per function (a call site added to the function drops them). */
  private readonly ownParts = new Map<ts.Node, Map<number, SlotHere>>();

  /**
   * What a slot gets from its function's call sites directly, and the slots whose values it
   * also holds (a parameter passed on, a parameter a passed value came from). It reads only the
   * function's call sites and fixed facts, so it is kept until a call site is added.
   */
  here(slot: Slot): SlotHere {
    const { fn, idx, property, at } = slot;
    const elements = slot.elements ?? false;
    const byFn = this.ownParts.get(fn) ?? this.ownParts.set(fn, new Map()).get(fn)!;
    const key = this.id(slot);
    const kept = byFn.get(key);
    if (kept) return kept;
    parameterFlowWork.slotsFound++;
    const here: SlotHere = { values: [], complete: true, next: [] };
    // Elements added from a parameter (`listeners.add(listener)`) are what its callers pass.
    const found = (find: () => ts.Node[]): ts.Node[] => {
      const held = this.r.values.collectParameters(find);
      for (const via of held.parameters) here.next.push({ fn: via.param.parent, idx: argumentIndex(via.param), ...via });
      return held.result;
    };
    const add = (vs: Iterable<ts.Node>) => {
      for (const v of vs) here.values.push(v);
    };
    if (!elements) add(this.decorated(fn, idx, property));
    // The element parameter of a callback given to an array method: the array's elements.
    const list = property === undefined && !elements ? elementSource(this.r.checker, fn, idx) : undefined;
    if (list) add(found(() => this.r.values.elements(list).nodes));
    const map = property === undefined && !elements ? keySource(this.r.checker, fn, idx) : undefined;
    if (map) add(found(() => this.r.values.keys(map)));
    // A reducer's accumulator: the starting value (else the elements) and what the reducer returns.
    const reduced = property === undefined && !elements ? accumulatorOf(this.r.checker, fn, idx) : undefined;
    if (reduced) add(found(() => this.r.values.of(reduced.call)));
    const co = property === undefined && !elements ? this.together.with(fn) : undefined;
    const param = argumentParameters(fn as ts.SignatureDeclaration)[idx];
    const primitive = this.primitive(param);
    if (co && param && this.r.checker.getTypeAtLocation(param).getCallSignatures().length > 0) {
      for (const a of co) add(this.r.values.of(a).filter((v) => v !== fn));
    }
    const sites = this.callsTo.get(fn) ?? [];
    if (this.escaped.has(fn) || sites.length === 0 || param?.dotDotDotToken) here.complete = false;
    for (const args of sites) {
      // Forwarded through a rest parameter spread on, a position is not kept (any element).
      if (this.forwarded(args, idx, here, property, elements)) continue;
      // The element at a position of a rest parameter: the argument there (values.ts itemAt), unless a spread before it shifts it.
      if (elements && at !== undefined && property === undefined && param?.dotDotDotToken && !args.slice(0, idx).some(ts.isSpreadElement)) {
        add(found(() => this.r.values.itemAt(args.slice(idx), at, LOOP_DEPTH)));
        continue;
      }
      // A rest parameter's elements are the arguments from its position on (`pipe(...steps)` called as `pipe(a, b)`).
      if (elements && property === undefined && param?.dotDotDotToken) {
        for (const x of args.slice(idx)) add(found(() => (ts.isSpreadElement(x) ? this.r.values.elements(x.expression, LOOP_DEPTH).nodes : this.r.values.of(x))));
        continue;
      }
      if (args.slice(0, idx + 1).some(ts.isSpreadElement)) {
        here.complete = false;
        // `run(...pair, x)`: what stands at the parameter's position (positions.ts): an argument, a position of a spread
        // tuple, or, past a spread of a length not known, any element or argument from there on.
        if (property === undefined && !elements && !param?.dotDotDotToken) {
          add(found(() => this.r.values.itemAt(args, idx, LOOP_DEPTH)));
          continue;
        }
      }
      const a = args[idx] && skipWrappers(args[idx]); // `reducer as Fn` passes the parameter on
      if (!a) continue;
      // A parameter declared primitive takes only what its type admits, unless the argument is untyped:
      // the flow may find functions in a typed argument (it does not narrow), never run them there.
      if (primitive && !typedLoosely(this.r.checker, args[idx]!)) continue;
      const sym = ts.isIdentifier(a) ? this.r.symbolAt(a) : undefined;
      const passedOn = sym?.valueDeclaration && ts.isParameter(sym.valueDeclaration) ? sym.valueDeclaration : undefined;
      if (passedOn && isMethodNode(passedOn.parent)) {
        // A parameter passed on: what its callers pass, or its default when they pass nothing.
        if (passedOn.initializer && property === undefined && !elements) add(this.r.values.of(passedOn.initializer));
        here.next.push({ fn: passedOn.parent, idx: argumentIndex(passedOn), property, elements, ...(at !== undefined ? { at } : {}) });
        continue;
      }
      if (elements) {
        // `run({ tests: this.tests })`, `callEach(this.listeners)`: the elements of the array passed.
        const vs = found(() => (property === undefined ? (at !== undefined ? this.r.values.elementAt(a, at, LOOP_DEPTH) : this.r.values.elements(a, LOOP_DEPTH).nodes) : this.r.values.elementsOf(a, property)));
        add(vs);
        if (!vs.length && !(property === undefined ? isNothing(a) : lacks(a, property))) here.complete = false;
        continue;
      }
      // `purry(impl, args, toSingle(lazy))`: a value returned from a parameter is what is passed there.
      const vs = found(() => (property === undefined ? this.r.values.of(a) : this.r.values.propertyOf(a, property)));
      add(vs);
      const none = property === undefined ? isNothing(a) : lacks(a, property); // `run({})`: the default applies
      if ((!vs.length && !none) || this.r.values.incomplete(a)) here.complete = false;
    }
    // Many sites pass the same values and parameters: kept once each (in the order first met).
    here.values = [...new Set(here.values)];
    const nextIds = new Set<number>();
    here.next = here.next.filter((s) => {
      const id = this.id(s) * 2 + (s.returns ? 1 : 0);
      return !nextIds.has(id) && !!nextIds.add(id);
    });
    byFn.set(key, here);
    return here;
  }

  /**
   * `(...args) => func(...args, extra)`: a rest parameter spread on passes what the wrapper's
   * callers pass, shifted by the spread's position; the rest may be shorter, so the arguments
   * after the spread may land at `idx` too.
   */
  private forwarded(args: readonly ts.Expression[], idx: number, here: SlotHere, property: string | undefined, elements: boolean): boolean {
    const spread = this.spreadRest(args);
    if (!spread || spread.at > idx || args.slice(spread.at + 1, idx + 1).some(ts.isSpreadElement)) return false;
    const { at, rest, fn } = spread;
    here.next.push({ fn, idx: argumentIndex(rest) + idx - at, property, elements });
    if (property === undefined && !elements) for (const a of args.slice(at + 1, idx + 1)) here.values.push(...this.r.values.of(a));
    return true;
  }
}

