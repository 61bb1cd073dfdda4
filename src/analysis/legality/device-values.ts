/**
 * Device values that travel: where a device object (`navigator`, `window.localStorage`, a canvas
 * context, `process.stdout`, a stream, a device module's handle) may go once it leaves the
 * expression that names it. The call graph's value flow (values.ts: variables, properties
 * stored anywhere, object and array members, destructuring, returns, closures, re-exports)
 * carries device values as it carries functions; this module says which expressions *are*
 * device values in themselves (origins), and adds the steps that function values do not take:
 *
 * - a global path (`navigator`, `globalThis.navigator.geolocation`, `self['local' + 'Storage']`,
 *   a computed key folded from string constants) is followed member by member: `navigator` is
 *   not device-only by itself, `navigator.geolocation` is; `globalThis` may become anything;
 * - a member of a device object and the result of calling one are device values unless their
 *   type is plain data (`localStorage.getItem(k)` is a string, `getContext('2d')` a handle);
 * - destructuring renames (`const { stdout: out } = process`), also of a parameter;
 * - a parameter holds what every call site passes (`paint(canvas.getContext('2d'))`, also spread
 *   or applied, and read through `arguments`), and the elements of the array whose method calls it;
 * - an app literal holding a device value (`{ out: process.stdout }`) is followed as a value
 *   itself, and a member read of it gives that member (device-value-steps.ts);
 * - what the app raises (`throw`, `Promise.reject`) reaches every catch (raised-values.ts);
 * - a `let`/`var` (or a field, through the stores) holds what is assigned to it anywhere;
 * - `obj[key]` with a key of no finite type may be any of obj's properties, and on a global
 *   object any global (the sound reading of a name we cannot compute);
 * - a callback the library calls with a device object (an event listener, a connection
 *   handler) holds one in that parameter (library-given.ts), and what is emitted, dispatched or
 *   posted reaches the listeners of its event (emitted-values.ts).
 *
 * Each value keeps its chain: the catalog API it comes from, where, and each derivation.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { forOfSource } from '../callgraph/arrays.js';
import { keyNames } from '../callgraph/keys.js';
import { requireSpec } from '../library.js';
import type { ValueFlow } from '../callgraph/calls.js';
import type { AppFile } from '../project.js';
import { GLOBAL_OBJECTS, symbolAt } from '../symbols.js';
import type { PlatformCatalog } from '../types.js';
import { FunctionValues, type DeepQuestion } from '../callgraph/values.js';
import { isGenerator } from '../callgraph/call-returns.js';
import { CycleAwareCache, interned } from '../callgraph/cycle-aware-cache.js';
import { NestedQuestions, RAISED, type ArgumentsKey, type DeclarationKey, type DeepKey, type Question, type ThisKey, type YieldsKey } from './device-questions.js';
import { isConstructorOfFunction, takenAsFunction } from '../callgraph/function-makers.js';
import { skipWrappers, thisFunction } from '../expressions.js';
import { executorResolved, isPromiseStatic } from './promise-steps.js';
import { isCatchBinding, raisedIn } from './raised-values.js';
import { libraryReturn } from './library-returns.js';
import { eventInit, yieldsOf } from './emitted-values.js';
import { DeviceValueSteps } from './device-value-steps.js';
import { typesMayMeet } from './receiver-types.js';
import { distinctValues, mostSpecific, type Api, type DeviceValue } from './device-value.js';
import { deviceTypeEntries, type DeviceTypeEntries } from './library-given.js';
import { constantKey, isGlobalSymbol, isProcessModule, processImport } from './device-value-syntax.js';

export class DeviceValues extends DeviceValueSteps {
  protected readonly values: FunctionValues;
  /**
   * Answers to the origin questions (an expression's own device values) and the declaration
   * questions, which ask each other in cycles (a parameter passed back to its own function): an
   * answer is kept once no cycle or nesting limit cut its walk short, or once the answers so cut
   * settle (cycle-aware-cache.ts), so that what a method is found to use does not depend on the
   * order in which the rules ask, nor on the nesting limit.
   */
  private readonly answers: CycleAwareCache<Question, DeviceValue[] | ts.Node[]>;
  private readonly declarationKeys = new Map<ts.Declaration, DeclarationKey>();
  private readonly argumentsKeys = new Map<ts.SignatureDeclaration, ArgumentsKey>();
  private readonly yieldsKeys = new Map<ts.FunctionLikeDeclaration, YieldsKey>();
  private readonly thisKeys = new Map<ts.FunctionLikeDeclaration, ThisKey>();
  /** By question and position (elementAt's, eachAt's), then node. */
  private readonly deepKeys = new Map<string, Map<ts.Node, DeepKey>>();
  /** What the app's files raise (raised-values.ts), collected when a catch is first asked about. */
  private raisedSites?: ts.Expression[];
  /**
   * The latest answer for each origin the cache holds no final answer for (provisional, or cut
   * short): what the walk that asked reads its nodes' values from. Final answers are read from
   * the cache, not held twice.
   */
  private readonly unsettled = new Map<ts.Node, DeviceValue[]>();
  /** How deep questions nest; a question refused there is a cut on it, searched from the top later (device-questions.ts). */
  private readonly nesting = new NestedQuestions();
  /** The catalogs' globals, each an API. */
  private readonly globals: Api[];
  /** What a global read by a name we cannot compute may be. */
  private readonly anyGlobal: Api;
  protected readonly deviceTypes: DeviceTypeEntries;

  constructor(
    protected readonly flow: ValueFlow,
    protected readonly files: Map<ts.SourceFile, AppFile>,
    catalogs: PlatformCatalog[],
    /** A device module binding, `require('m')` of a device module, or a module-level value derived from a device API. */
    private readonly direct: (node: ts.Node) => Api | undefined,
  ) {
    super();
    this.globals = catalogs.flatMap((catalog) => catalog.globals.map((entry) => ({ kind: 'global' as const, entry, catalog })));
    this.deviceTypes = deviceTypeEntries(catalogs);
    const platforms = catalogs.map((c) => c.platform).join(' or ');
    this.anyGlobal = {
      kind: 'global',
      entry: { name: 'any global', why: 'a member of the global object read by a name the analysis cannot compute may be any device API' },
      catalog: { platform: platforms, file: '', modules: [], globals: [], types: [] },
    };
    // A device value is data, not code: a field's stores count only from receivers that may be of
    // its class, so that `this.canvas = createCanvas()` in one class does not reach another's `canvas`.
    this.values = new FunctionValues(flow.resolver, flow.stores, {
      origins: (e) => this.originAt(e),
      ownStores: true,
      // The nesting bound's refusals are the cache's cuts (CycleAwareCache.refused), counted there.
      originCuts: () => this.answers.cuts + this.holdingCuts,
      tracksParameters: false,
      beyondDepth: (question, node, index, afresh) => this.deeper(question, node, index, afresh),
    });
    this.answers = new CycleAwareCache<Question, DeviceValue[] | ts.Node[]>(
      (key) =>
        key !== RAISED && 'deep' in key
          ? key.afresh()
          : distinctValues(
              key === RAISED ? this.raisedNow() : 'declaration' in key ? this.declaredNow(key.declaration) : 'argumentsOf' in key ? this.passedAnywhere(key.argumentsOf) : 'yieldsOf' in key ? this.yieldedNow(key.yieldsOf) : 'thisOf' in key ? this.thisGivenNow(key.thisOf) : this.compute(key as ts.Expression),
            ),
      () => [],
      this.values,
    );
  }

  /** A value-flow walk past its depth bound, asked afresh as a question of its own (DeepKey). */
  private deeper(question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]): ts.Node[] {
    const byNode = interned(this.deepKeys, `${question}:${index}`, () => new Map<ts.Node, DeepKey>());
    return this.answer(interned(byNode, node, () => ({ deep: question, node, afresh }))) as ts.Node[];
  }

  /** The device values an expression may hold, through every flow the call graph follows. */
  of(e: ts.Expression): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const n of this.values.of(e)) for (const v of this.valuesAt(n)) out.push(v);
    return distinctValues(out);
  }

  /**
   * A value whose use touches the device (a catalog API, not a path on its way to one) and whose
   * type fits the use: properties are matched by name across the app (every `ref.current = v`
   * reaches every `current` of that interface), and a canvas cannot be where the checker says
   * a function is.
   */
  used(e: ts.Expression): DeviceValue | undefined {
    // The local symbol a name stands for (an import binding is one per file) decides the answer
    // for a name of plain functions (see namesOnlyFunctions); nearly every callee is one.
    const local = ts.isIdentifier(e) ? this.checker.getSymbolAtLocation(e) : undefined;
    if (local && this.plainFunctionNames.has(local)) return undefined;
    if (!this.namesOnlyFunctions(e)) return this.of(e).find((v) => v.api && this.fits(v, e));
    // Its only origins (compute) are a device binding or `arguments`: a function declaration nothing
    // is stored over holds nothing (declaredNow). Nearly every question; no cache entry for it.
    if (!this.direct(e) && !this.argumentsRead(e)) {
      if (local) this.plainFunctionNames.add(local);
      return undefined;
    }
    const values = this.ownValues(e);
    // Only an answer worked out in full (not one cut short by a cycle or the nesting limit) is kept.
    if (local && values.length === 0 && this.answers.settled(e)?.length === 0) this.plainFunctionNames.add(local);
    return values.find((v) => v.api && this.fits(v, e));
  }

  /**
   * Names (by their local symbol) of plain app functions that are no device value themselves:
   * asked again at every call of such a function, the same way (the name's symbol, its
   * declarations, what is stored over them, whether it is a device module's binding), always to
   * find none.
   */
  private readonly plainFunctionNames = new Set<ts.Symbol>();

  /**
   * An identifier naming only app function declarations (`helper(x)`, the commonest callee), none
   * of them assigned over: the value flow finds those functions and nothing past them, so the
   * device values it may hold are the ones the name itself is an origin of (a device module's
   * binding). Asked without the flow's walk, whose answer per node held every such callee.
   */
  private namesOnlyFunctions(e: ts.Expression): e is ts.Identifier {
    if (!ts.isIdentifier(e)) return false;
    const sym = this.flow.resolver.named(e);
    const decls = sym?.declarations;
    const plain = (d: ts.Declaration): boolean => ts.isFunctionDeclaration(d) && d.body !== undefined && this.files.has(d.getSourceFile()) && this.flow.stores.assigned(d).length === 0;
    if (!decls?.length || !decls.every(plain)) return false;
    return symbolAt(this.checker, e) === sym;
  }

  /** What `of` finds for a name of plain functions (namesOnlyFunctions): its own values as an origin, each once. */
  private ownValues(e: ts.Identifier): DeviceValue[] {
    if (!this.originAt(e).length) return [];
    const out: DeviceValue[] = [];
    for (const v of this.valuesAt(e)) if (!out.includes(v)) out.push(v);
    return out;
  }

  private fits(v: DeviceValue, use: ts.Expression): boolean {
    const want = this.checker.getTypeAtLocation(skipWrappers(use));
    const have = this.checker.getTypeAtLocation(v.at);
    const open = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter;
    if ((want.flags | have.flags) & open) return true;
    return typesMayMeet(this.checker, want, have);
  }

  /** The values `e` is an origin of, recorded; [e] when there are some. */
  private originAt(e: ts.Expression): ts.Node[] {
    // Asked of each node a walk meets: a known one (only app nodes are) needs no climb to its file.
    const final = this.answers.settled(e);
    if (final) return final.length ? [e] : [];
    if (!this.unsettled.has(e) && !this.files.has(e.getSourceFile())) return [];
    // A final answer is served past the limit (above): only a question still to work out is refused.
    const vs = this.nesting.ask(this.nesting.origins, () => this.answers.get(e), () => this.answers.refused(e)) as DeviceValue[];
    if (this.answers.settled(e)) this.unsettled.delete(e);
    else this.unsettled.set(e, vs);
    return vs.length ? [e] : [];
  }

  /**
   * A question other than an origin's (a declaration's, a function's arguments, ...), nested at
   * most MAX_NESTED deep among themselves as origins are: a chain through patterns, callers'
   * arguments and literals' members may ask these without an origin between them.
   */
  private ask(key: Exclude<Question, DeepKey>): DeviceValue[] {
    return this.answer(key) as DeviceValue[];
  }

  /** ask, for any question (a deep walk's answer is nodes). */
  private answer(key: Question): DeviceValue[] | ts.Node[] {
    const final = this.answers.settled(key);
    if (final) return final;
    return this.nesting.ask(this.nesting.others, () => this.answers.get(key), () => this.answers.refused(key));
  }

  /** The values recorded for an origin node (see originAt): its final answer, else its latest. */
  protected valuesAt(n: ts.Node): readonly DeviceValue[] {
    return (this.answers.settled(n) as DeviceValue[] | undefined) ?? this.unsettled.get(n) ?? [];
  }

  /** `obj[key]`, also as `Reflect.get(obj, key)`: the member a constant key names, else any. */
  private keyed(e: ts.Expression, obj: ts.Expression, key: ts.Expression): DeviceValue[] {
    const name = constantKey(this.checker, key);
    if (name !== undefined) return this.member(e, obj, [name]);
    return this.anyMember(obj, e, Boolean(keyNames(this.checker, key)) || Boolean(this.checker.getTypeAtLocation(key).flags & ts.TypeFlags.ESSymbolLike));
  }

  private compute(e: ts.Expression): DeviceValue[] {
    const api = this.direct(e);
    if (api) return [{ api, chain: [this.step(e)], at: e }];
    // `arguments[0]`, `arguments`, `[...arguments]`, `Array.prototype.slice.call(arguments)`: what callers pass.
    const fromArguments = this.argumentsRead(e);
    if (fromArguments) return fromArguments.map((v) => ({ ...v, chain: [...v.chain, this.step(e)], at: e }));
    if (ts.isIdentifier(e)) return this.identifier(e);
    // `this` of a function given one by `f.call(t)`, `f.apply(t)`, `f.bind(t)`.
    const owner = e.kind === ts.SyntaxKind.ThisKeyword ? thisFunction(e) : undefined;
    if (owner) return this.thisGiven(owner).map((v) => ({ ...v, chain: [...v.chain, this.step(e)], at: e }));
    if ((ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e)) && this.heldMembers(e, undefined).length) return [{ holder: e, chain: [this.step(e)], at: e }];
    // `(async () => {}).constructor`: the Function constructor's kind, not named.
    if (isConstructorOfFunction(this.checker, e)) return this.atPath(['Function'], [this.step(e)], e);
    if (ts.isPropertyAccessExpression(e)) return this.member(e, e.expression, [e.name.text]);
    if (ts.isElementAccessExpression(e)) return this.keyed(e, e.expression, e.argumentExpression);
    if (ts.isCallExpression(e) && isProcessModule(requireSpec(e))) return this.atPath(['process'], [this.step(e)], e);
    // What the library hands back of a device object is more of it, unless plain data (`process.argv.slice(2)`: a copy of strings).
    const handedBack = ts.isCallExpression(e) || ts.isNewExpression(e) ? libraryReturn(this.checker, e) : undefined;
    if (handedBack && this.isPlain(e)) return [];
    if (handedBack && 'memberOf' in handedBack) return this.keyed(e, handedBack.memberOf, handedBack.key);
    if (handedBack) return 'whole' in handedBack ? handedBack.whole.flatMap((x) => this.of(x)) : 'membersOf' in handedBack ? this.anyMember(handedBack.membersOf, e, false) : this.elementValues(handedBack.elementsOf);
    // `Promise.resolve(x)` settles to x (see thenReceiver).
    if (ts.isCallExpression(e) && e.arguments[0] && isPromiseStatic(this.checker, e.expression, 'resolve')) return this.of(e.arguments[0]);
    if (ts.isCallExpression(e)) {
      // `outputs()` of a generator yielding device values: what iterates it gets them.
      const generators = this.values.of(e.expression).filter(isGenerator) as ts.FunctionLikeDeclaration[];
      const iterated = generators.filter((fn) => this.yielded(fn).length).map((fn) => ({ iterates: fn, chain: [this.step(e)], at: e }));
      if (iterated.length) return iterated;
    }
    // `new Promise((resolve) => resolve(x))` settles to x, for `then` and `await` alike.
    if (ts.isNewExpression(e)) {
      const settled = executorResolved(this.checker, e);
      if (settled?.length) return [...settled.flatMap((x) => this.of(x)), ...this.result(e)];
    }
    // `new CustomEvent('ready', { detail })`: what its listeners read of it is what the init holds.
    const init = ts.isNewExpression(e) ? eventInit(this.checker, e) : undefined;
    if (init) return this.of(init);
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.result(e);
    return [];
  }

  private identifier(e: ts.Identifier): DeviceValue[] {
    // `{ process }`: the value the shorthand names, not the property it makes.
    const shorthand = ts.isShorthandPropertyAssignment(e.parent) && e.parent.name === e;
    const raw = shorthand ? this.checker.getShorthandAssignmentValueSymbol(e.parent) : this.checker.getSymbolAtLocation(e);
    if (isGlobalSymbol(raw) && (GLOBAL_OBJECTS.has(e.text) || this.globals.some((g) => g.entry.name.split('.')[0] === e.text))) {
      return this.atPath([e.text], [this.step(e)], e);
    }
    const fromProcess = processImport(raw);
    if (fromProcess) return this.atPath(fromProcess.path, [this.step(fromProcess.at)], e);
    const sym = raw && raw.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(raw) : raw;
    return (sym?.declarations ?? []).flatMap((d) => this.declared(d));
  }

  /** What a declaration holds besides its initialiser (which the value flow follows): once per declaration, for all its uses. */
  protected declared(d: ts.Declaration): DeviceValue[] {
    return this.ask(interned(this.declarationKeys, d, () => ({ declaration: d })));
  }

  private declaredNow(d: ts.Declaration): DeviceValue[] {
    const out: DeviceValue[] = [];
    if (this.files.has(d.getSourceFile())) {
      // `const { stdout: out } = process`, `function f({ out })`: a member of what the pattern reads.
      if (ts.isBindingElement(d) && !d.dotDotDotToken) out.push(...this.destructured(d));
      if (ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent)) out.push(...this.parameter(d));
      if (isCatchBinding(d)) out.push(...this.raised(d.name));
      const loop = ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) ? forOfSource(d) : undefined;
      if (loop) out.push(...this.elementValues(loop));
      for (const v of this.flow.stores.assigned(d)) out.push(...this.of(v));
    }
    return out;
  }

  protected yielded(fn: ts.FunctionLikeDeclaration): DeviceValue[] {
    return this.ask(interned(this.yieldsKeys, fn, () => ({ yieldsOf: fn })));
  }

  private yieldedNow(fn: ts.FunctionLikeDeclaration): DeviceValue[] {
    return yieldsOf(fn).flatMap((y) => (y.asteriskToken ? this.elementValues(y.expression!) : this.of(y.expression!)));
  }

  private thisGiven(fn: ts.FunctionLikeDeclaration): DeviceValue[] {
    return this.ask(interned(this.thisKeys, fn, () => ({ thisOf: fn })));
  }

  private thisGivenNow(fn: ts.FunctionLikeDeclaration): DeviceValue[] {
    return (this.flow.thisTo.get(fn) ?? []).flatMap((t) => this.of(t));
  }

  protected passed(fn: ts.SignatureDeclaration): DeviceValue[] {
    return this.ask(interned(this.argumentsKeys, fn, () => ({ argumentsOf: fn })));
  }

  /** Whether `e` is a `this` whose function a call, apply or bind gives a `this` (the flow's only source of one). */
  givenThis(e: ts.Expression): boolean {
    const x = skipWrappers(e);
    const owner = x.kind === ts.SyntaxKind.ThisKeyword ? thisFunction(x) : undefined;
    return owner !== undefined && this.flow.thisTo.has(owner);
  }

  /** What the app may raise, reaching a catch binding or rejection handler's parameter `at`. */
  protected raised(at: ts.BindingName): DeviceValue[] {
    return this.ask(RAISED).map((v) => ({ ...v, chain: [...v.chain, this.step(at)], at }));
  }

  private raisedNow(): DeviceValue[] {
    this.raisedSites ??= [...this.files.keys()].flatMap((sf) => raisedIn(this.checker, sf));
    return this.raisedSites.flatMap((x) => this.of(x));
  }

  /**
   * `obj[key]` with a key we cannot name (at `e`), or obj's members listed (`Object.values(obj)`):
   * any global on a global object, any member of a device object, any property of an app object.
   * `flowFollowsKey`: a key of a finite type (the value flow follows it) or a symbol (the app's own slot).
   */
  private anyMember(obj: ts.Expression, e: ts.Expression, flowFollowsKey: boolean): DeviceValue[] {
    const out: DeviceValue[] = [];
    for (const v of this.of(obj)) {
      if (v.holder) for (const x of this.heldMembers(v.holder, undefined)) out.push({ ...x, chain: [...x.chain, this.step(e)], at: e });
      if (v.posted) for (const x of this.of(v.posted)) out.push({ ...x, chain: [...x.chain, this.step(e)], at: e });
      if (v.api && !this.appMember(e)) out.push({ api: v.api, chain: [...v.chain, this.step(e)], at: e });
      else if (v.path && v.path.every((p) => GLOBAL_OBJECTS.has(p)) && this.globals.length) out.push({ api: this.anyGlobal, chain: [...v.chain, this.step(e)], at: e });
    }
    // Any property of an app object, for a key whose names are not known.
    if (flowFollowsKey) return out;
    const target = skipWrappers(obj);
    const keys = this.checker.getPropertiesOfType(this.checker.getTypeAtLocation(target));
    for (const k of keys) for (const n of this.values.propertyOf(target, k.getName())) for (const v of this.valuesAt(n)) out.push({ ...v, chain: [...v.chain, this.step(e)], at: e });
    return out;
  }

  /** A call or `new` of a device function, or a method of a device object: its result, unless plain data. */
  private result(e: ts.CallExpression | ts.NewExpression): DeviceValue[] {
    if (this.isPlain(e)) return [];
    const callee = skipWrappers(e.expression);
    const receiver = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? skipWrappers(callee.expression) : undefined;
    const from = [...this.of(callee), ...(receiver ? this.of(receiver).filter((v) => this.mayHold(receiver, v)) : [])];
    const v = from.find((x) => x.api);
    if (!v) return [];
    // What code made from text returns is more such code only where the app takes it for a
    // function (`factory(...) as Check`, then `check(x)`); a result returned or stored as typed
    // (`payload = fast(payload)`) is data the device computed, as any function's result is.
    if (v.api!.entry.results === 'code' && !takenAsFunction(this.checker, e)) return [];
    // `document.getElementById('c')`: one step for the call, not one for its callee and one for it.
    const chain = v.chain[v.chain.length - 1] === this.step(callee) ? v.chain.slice(0, -1) : v.chain;
    return [{ api: v.api, chain: [...chain, this.step(e)], at: e }];
  }

  /** A global member path: a device value when it names a catalog global or may still lead to one. */
  protected atPath(path: string[], chain: string[], at: ts.Node): DeviceValue[] {
    const forms = GLOBAL_OBJECTS.has(path[0]!) ? [path, path.slice(1)] : [path];
    for (const f of forms) {
      const api = mostSpecific(this.globals, f);
      if (api) return [{ api, path, chain, at }];
    }
    const leads = forms.some((f) => f.every((p) => GLOBAL_OBJECTS.has(p)) || this.globals.some((g) => f.every((w, i) => g.entry.name.split('.')[i] === w)));
    return leads ? [{ path, chain, at }] : [];
  }
}
