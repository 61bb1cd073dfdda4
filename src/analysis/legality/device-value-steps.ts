/**
 * The steps a device value takes between functions and containers (device-values.ts asks them):
 * what callers pass for a parameter, also through a spread list or a function's `arguments`
 * object; a member of a device object, of a global path, or of an app literal holding device
 * values (`opts.out`, `const { out } = opts`, a parameter's pattern); the elements of a list;
 * what the library hands a listener or callback (emitted and posted values, device objects it
 * gives: emitted-values.ts, library-given.ts).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { accumulatorOf, elementSource, forOfSource, itemsAt, keySource } from '../callgraph/arrays.js';
import { bindingName } from '../callgraph/keys.js';
import type { ValueFlow } from '../callgraph/calls.js';
import type { FunctionValues } from '../callgraph/values.js';
import { fileLine, siteOf, type AppFile } from '../project.js';
import { shorten } from '../sites.js';
import { declaredResult } from '../callgraph/declared.js';
import { elementOfList, receiverMayHold } from './receiver-types.js';
import { declaredByLibrary } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { constantKey, isPlainData } from './device-value-syntax.js';
import { isRejectionHandler, thenReceiver } from './promise-steps.js';
import { argumentsOwner } from './raised-values.js';
import { emitsIn, listenedEvent, listenersIn, type Emit, type Listener } from './emitted-values.js';
import { carriesAppData, deviceCallbacksIn, deviceTypeOfParameter, libraryTypedMember, type DeviceTypeEntries } from './library-given.js';
import type { DeviceValue } from './device-value.js';
import { argumentIndex, argumentParameters } from '../parameters.js';

export abstract class DeviceValueSteps {
  protected abstract readonly flow: ValueFlow;
  protected abstract readonly files: Map<ts.SourceFile, AppFile>;
  protected abstract readonly values: FunctionValues;
  /** The catalogs' device types, which a library callback's parameter may be given (library-given.ts). */
  protected abstract readonly deviceTypes: DeviceTypeEntries;
  /** The library emitters' `emit` calls in the app's files (emitted-values.ts), collected when a listener is first asked about. */
  private emitSites?: Emit[];
  /** The app's functions the library may call with a device object, found when first asked. */
  private calledByLibrary?: Set<ts.Node>;
  /** The app's functions handed to library emitters by reference, with the events they listen to, found when first asked. */
  private listeners?: Map<ts.Node, Listener[]>;

  protected get checker(): ts.TypeChecker {
    return this.flow.resolver.checker;
  }

  /** The device values an expression may hold. */
  abstract of(e: ts.Expression): DeviceValue[];
  /** The values recorded for an origin node. */
  protected abstract valuesAt(n: ts.Node): readonly DeviceValue[];
  /** What a declaration holds besides its initialiser. */
  protected abstract declared(d: ts.Declaration): DeviceValue[];
  /** What a function's callers pass, at any position. */
  protected abstract passed(fn: ts.SignatureDeclaration): DeviceValue[];
  /** What the app may raise, reaching a catch binding or rejection handler's parameter. */
  protected abstract raised(at: ts.BindingName): DeviceValue[];
  /** What a generator yields. */
  protected abstract yielded(fn: ts.FunctionLikeDeclaration): DeviceValue[];
  protected abstract atPath(path: string[], chain: string[], at: ts.Node): DeviceValue[];

  /** What callers pass for a parameter (and the elements of the array whose method runs its function). */
  protected parameter(p: ts.ParameterDeclaration): DeviceValue[] {
    const fn = p.parent;
    const idx = argumentIndex(p);
    const out: DeviceValue[] = [];
    const list = elementSource(this.checker, fn, idx);
    if (list) out.push(...this.elementValues(list));
    const map = keySource(this.checker, fn, idx);
    if (map) for (const n of this.values.keys(map)) out.push(...this.valuesAt(n));
    // A reducer's accumulator holds what the reduction does: its start (else an element) or a return.
    const reduced = accumulatorOf(this.checker, fn, idx);
    if (reduced) out.push(...this.of(reduced.call));
    // `ready.then((s) => s.getItem(k))`: what the promise settles to, handed to the callback.
    const promise = idx === 0 ? thenReceiver(this.checker, fn) : undefined;
    if (promise) for (const v of this.of(promise)) out.push({ ...v, chain: [...v.chain, this.step(p.name)], at: p });
    if (idx === 0 && isRejectionHandler(this.checker, fn)) out.push(...this.raised(p.name));
    const event = listenedEvent(this.checker, fn);
    for (const l of event ? [event] : this.listenedByReference(fn)) out.push(...this.emitted(l, idx, p.name));
    out.push(...this.libraryGiven(p));
    for (const v of this.passedFrom(fn, idx, p.dotDotDotToken !== undefined)) if (this.mayHold(p.name, v)) out.push(v);
    return out;
  }

  /** What emits of the event hand a listener's parameter `idx` (emitted-values.ts). */
  protected emitted(listener: Listener, idx: number, at: ts.BindingName): DeviceValue[] {
    this.emitSites ??= [...this.files.keys()].flatMap((sf) => emitsIn(this.checker, sf));
    const out: DeviceValue[] = [];
    for (const emit of this.emitSites) {
      if (listener.name !== undefined && emit.event !== undefined && emit.event !== listener.name) continue;
      // A posted message reaches an event listener as the `data` of its event.
      const data = emit.posted && listener.receivesEvent ? emit.args[0]! : undefined;
      if (data) out.push(...(idx === 0 && this.of(data).length ? [{ posted: data, chain: [this.step(data)], at: data }] : []));
      else out.push(...this.itemValues(itemsAt(emit.args, idx, false)));
    }
    return out.map((v) => ({ ...v, chain: [...v.chain, this.step(at)], at }));
  }

  /** The events a function listens to when handed by reference (`bus.on('x', onX)`: onX's declaration is not in the call). */
  private listenedByReference(fn: ts.Node): readonly Listener[] {
    if (!this.listeners) {
      this.listeners = new Map();
      for (const sf of this.files.keys()) {
        for (const { handed, listener } of listenersIn(this.checker, sf)) {
          const e = skipWrappers(handed);
          if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) continue; // in place: listenedEvent sees it
          for (const f of this.flow.resolver.values.of(e)) {
            const known = this.listeners.get(f);
            if (known) known.push(listener);
            else this.listeners.set(f, [listener]);
          }
        }
      }
    }
    return this.listeners.get(fn) ?? [];
  }

  /** A device object the library gives a callback's parameter (`(e: MouseEvent) => ...` handed to addEventListener). */
  protected libraryGiven(p: ts.ParameterDeclaration): DeviceValue[] {
    const given = deviceTypeOfParameter(this.checker, p, this.deviceTypes);
    if (!given || !this.libraryCallbacks().has(p.parent)) return [];
    return [{ api: { kind: 'type', ...given }, chain: [this.step(p.name)], at: p.name }];
  }

  /** The app's functions the library may call with a device object (library-given.ts), found when first asked. */
  private libraryCallbacks(): ReadonlySet<ts.Node> {
    if (this.calledByLibrary) return this.calledByLibrary;
    this.calledByLibrary = new Set();
    for (const sf of this.files.keys()) {
      for (const e of deviceCallbacksIn(this.checker, sf, this.deviceTypes)) {
        const fns = ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? [e] : this.flow.resolver.values.of(e);
        for (const fn of fns) this.calledByLibrary.add(fn);
      }
    }
    return this.calledByLibrary;
  }

  /**
   * What callers pass at position `idx` (with `onward`, at any position from idx on): a spread
   * argument (`f(...list)`, `f.apply(t, list)`) may put any of its elements at any later position.
   */
  protected passedFrom(fn: ts.SignatureDeclaration, idx: number, onward: boolean): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const args of this.flow.argumentsTo.get(fn) ?? []) out.push(...this.itemValues(itemsAt(args, idx, onward)));
    return out;
  }

  /**
   * What callers pass at any position (what a function's `arguments` holds), each argument judged
   * by the parameter it meets (receiver-types.ts); past a spread, positions are not known.
   */
  protected passedAnywhere(fn: ts.SignatureDeclaration): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const args of this.flow.argumentsTo.get(fn) ?? []) {
      let spread = false;
      for (const [i, x] of args.entries()) {
        spread ||= ts.isSpreadElement(x);
        if (ts.isSpreadElement(x)) out.push(...this.spreadValues(x.expression));
        else {
          const p = spread ? undefined : parameterAt(fn, i);
          for (const v of this.of(x)) if (!p || this.mayHold(p.name, v)) out.push(v);
        }
      }
    }
    return out;
  }

  /** What the items of an argument list or array literal hold, a spread's elements for a spread. */
  protected itemValues(items: readonly ts.Expression[]): DeviceValue[] {
    return items.flatMap((x) => (ts.isSpreadElement(x) ? this.spreadValues(x.expression) : this.of(x)));
  }

  /** The values a spread list puts in place: its elements (of `arguments`, what its function's callers pass), or parts of a device object. */
  protected spreadValues(list: ts.Expression): DeviceValue[] {
    const owner = argumentsOwner(this.checker, skipWrappers(list));
    return owner ? this.passed(owner) : this.elementValues(list);
  }

  /**
   * What a list's elements may hold: through the value flow, the elements of a literal it may
   * be (one a caller passes, say), or parts of a device object.
   */
  protected elementValues(list: ts.Expression): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const n of this.values.elements(list).nodes) out.push(...this.valuesAt(n));
    for (const v of this.of(list)) out.push(...(v.holder ? this.heldMembers(v.holder, undefined) : v.iterates ? this.yielded(v.iterates) : [v]));
    return out;
  }

  /**
   * An expression reading a function's `arguments` object: an element (`arguments[1]`: what
   * callers pass there), the object itself, or an array made of it (`[...arguments]`,
   * `Array.from(arguments)`, `Array.prototype.slice.call(arguments)`: a library call given it).
   */
  protected argumentsRead(e: ts.Expression): DeviceValue[] | undefined {
    if (ts.isElementAccessExpression(e)) {
      const owner = argumentsOwner(this.checker, skipWrappers(e.expression));
      if (!owner) return undefined;
      const key = constantKey(this.checker, e.argumentExpression);
      const idx = key !== undefined && /^\d+$/.test(key) ? Number(key) : undefined;
      if (idx === undefined) return this.passed(owner);
      // `arguments[i]` is parameter i when one is declared there: it holds what that parameter may.
      const p = parameterAt(owner, idx);
      return this.passedFrom(owner, idx, false).filter((v) => !p || this.mayHold(p.name, v));
    }
    const owner = argumentsOwner(this.checker, e);
    if (owner) return this.passed(owner);
    const given = ts.isArrayLiteralExpression(e) ? e.elements.filter(ts.isSpreadElement).map((x) => x.expression) : ts.isCallExpression(e) ? e.arguments : [];
    const owners = given.map((x) => argumentsOwner(this.checker, skipWrappers(x))).filter((o) => o !== undefined);
    if (!owners.length || (ts.isCallExpression(e) && (!this.byLibrary(e) || this.isPlain(e)))) return undefined;
    return owners.flatMap((o) => this.passed(o));
  }

  /** A call of a library function (`Array.from`, `Array.prototype.slice.call`, `[].concat.apply`). */
  protected byLibrary(call: ts.CallExpression): boolean {
    const callee = skipWrappers(call.expression);
    const named = ts.isPropertyAccessExpression(callee) && /^(call|apply)$/.test(callee.name.text) ? skipWrappers(callee.expression) : callee;
    const name = ts.isPropertyAccessExpression(named) ? named.name : ts.isIdentifier(named) ? named : undefined;
    return name !== undefined && declaredByLibrary(this.checker.getSymbolAtLocation(name));
  }

  /** `base.name`. */
  protected member(at: ts.Node, base: ts.Expression, names: string[]): DeviceValue[] {
    return this.memberOf(at, this.of(base), names, skipWrappers(base));
  }

  /** Member `names` of values (a destructured `{ name }`, `at` being the binding) that `receiver`, when given, holds. */
  protected memberOf(at: ts.Node, values: readonly DeviceValue[], names: string[], receiver?: ts.Node): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const v of values) {
      // A global path goes on to the most specific entry it names (`navigator`, then `navigator.geolocation`).
      const deeper = v.path && this.atPath([...v.path, ...names], [...v.chain, this.step(at)], at);
      if (deeper && (!v.api || (deeper[0]?.api && deeper[0].api !== v.api))) out.push(...deeper);
      else if (v.api && !this.isPlain(at) && !this.appMember(at) && !(v.api.kind === 'type' && carriesAppData(this.checker, at))) {
        if (receiver && !this.mayHold(receiver, v)) continue;
        // `args[0]` of a rest parameter holding an event: the event itself, still of its type.
        const element = receiver !== undefined && names.length === 1 && /^\d+$/.test(names[0]!) && this.elementOf(receiver, v);
        out.push({ api: v.api, chain: [...v.chain, this.step(at)], at: element ? v.at : at });
      }
      else if (v.holder && names.length === 1) for (const x of this.heldMembers(v.holder, names[0])) out.push({ ...x, chain: [...x.chain, this.step(at)], at });
      else if (v.posted && names.length === 1 && names[0] === 'data') for (const x of this.of(v.posted)) out.push({ ...x, chain: [...x.chain, this.step(at)], at });
    }
    // `record.target` of a MutationRecord: a member the library types as a device object is one, whatever holds it.
    const typed = out.length || names.length !== 1 ? undefined : libraryTypedMember(this.checker, at, this.deviceTypes);
    if (typed) out.push({ api: { kind: 'type', ...typed }, chain: [this.step(at)], at });
    return out;
  }

  /**
   * What the pattern a binding belongs to reads: a variable's initialiser or a for-of list's
   * elements, what callers pass for a parameter, an outer binding's values.
   */
  protected destructured(d: ts.BindingElement): DeviceValue[] {
    const pattern = d.parent;
    const owner = pattern.parent;
    const name = ts.isObjectBindingPattern(pattern) ? bindingName(d) : String(pattern.elements.indexOf(d));
    if (name === undefined) return [];
    let base: DeviceValue[] = [];
    if (ts.isVariableDeclaration(owner)) {
      const loop = forOfSource(owner);
      if (owner.initializer) base = this.of(owner.initializer);
      else if (loop) base = this.elementValues(loop);
    } else if (ts.isParameter(owner) && isMethodNode(owner.parent)) base = this.parameter(owner);
    else if (ts.isBindingElement(owner)) base = this.declared(owner);
    return this.memberOf(d, base, [name], pattern);
  }

  /**
   * The values members of a literal may hold: member `name` (an array's element at that index,
   * or from a spread), or any member (undefined).
   */
  protected heldMembers(lit: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, name: string | undefined): DeviceValue[] {
    // `list = [...list, x]`: the literal holds what it held (a cycle the answers' cache does not see,
    // spreads being read here): cut, and counted so that no answer built on it is kept.
    const reading = this.holding.get(lit) ?? this.holding.set(lit, new Set()).get(lit)!;
    if (reading.has(name)) {
      this.holdingCuts++;
      return [];
    }
    reading.add(name);
    try {
      return this.heldMembersNow(lit, name);
    } finally {
      reading.delete(name);
    }
  }

  /** The members of each literal being read (heldMembers; undefined: all), and the reads cut short by one of them. */
  private readonly holding = new Map<ts.Node, Set<string | undefined>>();
  protected holdingCuts = 0;

  private heldMembersNow(lit: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, name: string | undefined): DeviceValue[] {
    const out: DeviceValue[] = [];
    if (ts.isArrayLiteralExpression(lit)) {
      if (name === undefined) return this.itemValues(lit.elements);
      return /^\d+$/.test(name) ? this.itemValues(itemsAt(lit.elements, Number(name), false)) : [];
    }
    for (const p of lit.properties) {
      // `{ ...base }`: base's member of that name.
      if (ts.isSpreadAssignment(p)) out.push(...(name === undefined ? this.of(p.expression) : this.memberOf(p, this.of(p.expression), [name])));
      else if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (name === undefined || this.propertyName(p.name) === name)) {
        out.push(...this.of(ts.isPropertyAssignment(p) ? p.initializer : p.name));
      }
    }
    return out;
  }

  protected propertyName(n: ts.PropertyName): string | undefined {
    if (ts.isComputedPropertyName(n)) return constantKey(this.checker, n.expression);
    return ts.isIdentifier(n) || ts.isStringLiteralLike(n) || ts.isNumericLiteral(n) || ts.isPrivateIdentifier(n) ? n.text : undefined;
  }

  /**
   * A member the app declares itself (a property it hangs on a device object, `node[STASH]` with
   * an app symbol as key): the app's own data, not the platform's object.
   */
  protected appMember(at: ts.Node): boolean {
    if (ts.isElementAccessExpression(at) && this.checker.getTypeAtLocation(at.argumentExpression).flags & ts.TypeFlags.ESSymbolLike) return true;
    const name = ts.isPropertyAccessExpression(at) ? at.name : ts.isElementAccessExpression(at) ? at.argumentExpression : undefined;
    const decls = (name && this.checker.getSymbolAtLocation(name)?.declarations) || [];
    return decls.length > 0 && decls.every((d) => this.files.has(d.getSourceFile()));
  }

  /** Plain data (device-value-syntax.ts isPlainData), by a call's declared result where it has one. */
  protected isPlain(node: ts.Node): boolean {
    // A call's declared class or interface (`expect(x)`: Assertion<T>) is data or not by its
    // name alone, unless an array or promise (then their element's type tells).
    const declared = ts.isCallExpression(node) ? declaredResult(this.checker, node) : undefined;
    const decided = declared && !this.checker.isArrayType(declared) && declared.getSymbol()?.getName() !== 'Promise';
    return isPlainData(this.checker, decided ? declared : this.checker.getTypeAtLocation(node), 0);
  }

  /** Whether a receiver may hold the value, by their types (receiver-types.ts). */
  protected mayHold(receiver: ts.Node, v: DeviceValue): boolean {
    // Holders, generators' results and paths on their way to an API are containers or not yet device objects.
    if (!v.api) return true;
    // A JavaScript file's types (inferred, or JSDoc) are not checked at calls and stores: they bound nothing.
    if ((receiver.getSourceFile().flags | v.at.getSourceFile().flags) & ts.NodeFlags.JavaScriptFile) return true;
    const c = this.checker;
    return receiverMayHold(c, c.getTypeAtLocation(receiver), c.getTypeAtLocation(v.at), (d) => this.files.has(d.getSourceFile()));
  }

  /** Whether the receiver is a list the flow merged with its elements, of which the value is one (receiver-types.ts). */
  protected elementOf(receiver: ts.Node, v: DeviceValue): boolean {
    return elementOfList(this.checker, this.checker.getTypeAtLocation(receiver), this.checker.getTypeAtLocation(v.at));
  }

  /** A step of a value's chain: `'text' at file:line`. */
  protected step(node: ts.Node): string {
    const f = this.files.get(node.getSourceFile())!;
    return `'${shorten(node.getText(f.sf))}' at ${fileLine(siteOf(f, node))}`;
  }
}

/** The parameter argument `i` meets (a declared `this` is none), unless a rest parameter takes it. */
function parameterAt(fn: ts.SignatureDeclaration, i: number): ts.ParameterDeclaration | undefined {
  const p = argumentParameters(fn)[i];
  return p && !p.dotDotDotToken ? p : undefined;
}
