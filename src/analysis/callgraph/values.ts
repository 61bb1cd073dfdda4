/**
 * Which app functions an expression or declaration may hold, following simple data flow:
 * `const g = f`, `a ? f : g`, `a ?? f`, `f.bind(x)`, factories (`const h = make()` holds what
 * `make` returns), properties assigned anywhere in the app by name (`this.onData = () => ...`,
 * `api.handler = f`, also over a method: `r.text = wrap(r.text)`), element access with a finite
 * key type (`obj[k]`, k: 'a' | 'b'). Depth-limited, so a cycle of aliases ends (but a walk of one
 * position, and device values' walks, go on as questions of a cycle-aware cache: deep-walks.ts);
 * what is not found here stays an unresolved call with its reason.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { tableEntries } from './literal-entries.js';
import { argumentIndex } from '../parameters.js';
import { collectionOf, elementSource, forOfSource, reduction, type Reduction } from './arrays.js';
import { bindingName, keyNames, propertyDecls, propertyDeclsOf } from './keys.js';
import { classOrInterfaceOf } from './declared.js';
import type { Resolver } from './resolve.js';
import type { StoredValue, Stores } from './stores.js';
import { MemberReceivers } from './member-receivers.js';
import { isFnMember } from '../walk.js';
import { skipWrappers, valueOperands } from '../expressions.js';
import { isGenerator } from './call-returns.js';
import { ElementValues, MAX_DEPTH, type DeepQuestion } from './element-values.js';
import { NestingLimit } from './nesting-limit.js';
import { memberOfValue } from './value-members.js';
import { nestedPropertyDecls } from './nested-bindings.js';
import { AnswerTable } from './value-memo.js';
import { mayHoldLiteral } from './constructed.js';
import { loopElement } from './installers.js';
import { isObjectAssign } from './passed-members.js';
import { typedAny } from './any-receivers.js';
import { shorthandValueSymbol } from '../symbols.js';
import { holdsNoFunction } from './typeof-guards.js';
import { DeepWalks } from './deep-walks.js';

export type { ViaParameter } from './value-memo.js';

/**
 * Where the walk starts for a function called through a loop variable: below 0, so twice the
 * steps. What a loop runs was built up in stages (mapped, prepared, pushed, passed on), each a
 * step or two; answers are kept by depth, so a deeper walk does not mix with shallower ones.
 */
export const LOOP_DEPTH = -MAX_DEPTH;
const ELEMENT_TAKERS = new Set(['pop', 'shift', 'at', 'find', 'findLast']);

/** What value following walks besides the app's functions, and how (see FunctionValues). */
export interface FollowingOptions {
  /**
   * Other values to follow besides the app's functions: nodes an expression is itself an
   * origin of (legality/device-values.ts uses this for device objects). They travel as functions do.
   */
  origins?: (e: ts.Expression) => ts.Node[];
  /** Take a class field's stores only from receivers that may hold an instance of its class (not every `x.name = v` of the app). */
  ownStores?: boolean;
  /** How often the origins' own questions were cut short (by a cycle or a limit): counted in cuts(), so that no walk keeps an answer built on one. */
  originCuts?: () => number;
  /**
   * False when no one calls collectParameters (values followed for their origins, which ask
   * callers' arguments themselves): answers then keep no list of the parameters they met.
   */
  tracksParameters?: boolean;
  /**
   * Where a walk reaches MAX_DEPTH: the nodes the question holds, asked afresh from depth 0 by
   * `afresh` (the owner keeps the answer and ends cycles). Without it the walk stops there: the
   * call graph's bound, whatever is not found stays an unresolved call. Device values go on: a
   * device object that travelled further than the bound was lost, and the method using it became
   * a migration candidate or not depending on where the walk started.
   */
  beyondDepth?: (question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]) => ts.Node[];
  /** Without beyondDepth: a walk of one position reaching MAX_DEPTH goes on (deep-walks.ts); others stop there. */
  endAtCycles?: boolean;
}

export type { DeepQuestion } from './element-values.js';

export class FunctionValues extends ElementValues {
  private readonly origins: ((e: ts.Expression) => ts.Node[]) | undefined;
  private readonly ownStores: boolean;
  private readonly originCuts: () => number;
  protected readonly tracksParameters: boolean;
  private readonly beyondDepth: FollowingOptions['beyondDepth'];
  /** The call graph's walks of positions past the bound (endAtCycles). */
  private readonly deep: DeepWalks | undefined;

  constructor(
    protected readonly r: Resolver,
    /** Values assigned to properties anywhere in the app, by property name. */
    protected readonly stores: Stores,
    options: FollowingOptions = {},
  ) {
    super();
    this.origins = options.origins;
    this.ownStores = options.ownStores ?? false;
    this.tracksParameters = options.tracksParameters ?? true;
    this.beyondDepth = options.beyondDepth;
    const deep = (this.deep = !options.beyondDepth && options.endAtCycles ? new DeepWalks(this) : undefined);
    const originCuts = options.originCuts ?? (() => 0);
    this.originCuts = deep ? () => originCuts() + deep.cuts : originCuts;
    if (this.beyondDepth) this.nestedReturns = new NestingLimit(Infinity);
  }

  /**
   * Device values ask what an array declaration's sources hold as a question of their own: a
   * cycle through the declaration (a walk of its elements reaching it again) cut every walk above
   * it, so none was kept and each was asked again wherever it was met (valibot's analysis ran past
   * 5 minutes of CPU, 32 s before device values went past the depth bound).
   */
  protected override sourcedAsQuestion(d: ts.Declaration, afresh: () => ts.Node[]): ts.Node[] | undefined {
    return this.beyondDepth?.('sourced', d, 0, afresh);
  }

  /** What a value a position's walk ended at holds: with the call graph's deep walks, asked afresh (deep-walks.ts). */
  protected itemValue(value: ts.Expression, depth: number): ts.Node[] {
    return this.deep ? this.deep.ask('itemValue', value, 0, () => this.of(value)) : this.of(value, depth);
  }

  /** Past MAX_DEPTH: what the owner finds afresh (FollowingOptions.beyondDepth); for the call graph, a position's walk only (deep-walks.ts); else nothing. */
  protected beyond(question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]): ts.Node[] {
    if (this.beyondDepth) return this.beyondDepth(question, node, index, afresh);
    return question === 'elementAt' && this.deep ? this.deep.ask(question, node, index, afresh) : [];
  }

  /** Functions an expression may evaluate to. */
  of(raw: ts.Expression, depth = 0): ts.Node[] {
    if (depth > MAX_DEPTH) return this.beyond('of', raw, 0, () => this.of(raw));
    return this.remembered(raw, depth) ?? this.rememberAfresh(raw, depth, () => {
      const found = this.evaluate(raw, depth);
      const own = this.origins?.(skipWrappers(raw));
      return own?.length ? [...own, ...found] : found;
    });
  }

  private evaluate(raw: ts.Expression, depth: number): ts.Node[] {
    const e = skipWrappers(raw);
    if (isMethodNode(e)) return [e];
    const operands = valueOperands(e);
    if (operands) return operands.flatMap((o) => this.of(o, depth + 1));
    if (ts.isBinaryExpression(e)) return [];
    if (ts.isCallExpression(e)) {
      const callee = skipWrappers(e.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return this.of(callee.expression, depth + 1);
      // `Object.assign(fn, { extra })` is fn, with members added (also through a const holding Object.assign).
      if (e.arguments[0] && isObjectAssign(this.r.checker, callee)) {
        return this.of(e.arguments[0], depth + 1);
      }
      // `byName.get(k)` of a standard Map: any of its values; `queue.pop()` of an array: any element.
      if (ts.isPropertyAccessExpression(callee) && ((callee.name.text === 'get' && collectionOf(this.r.checker, callee.name) === 'Map') || (ELEMENT_TAKERS.has(callee.name.text) && this.r.checker.isArrayLikeType(this.r.checker.getTypeAtLocation(callee.expression))))) {
        return this.elements(callee.expression, depth + 1).nodes;
      }
      // `list.reduce(reducer, initial)`: the starting value (else the elements) or what the reducer returns.
      const reduced = reduction(this.r.checker, e);
      if (reduced) return this.reducedValues(reduced, depth + 1);
      // A generator's `[Symbol.iterator]()` is the generator itself.
      if (ts.isElementAccessExpression(callee) && /^Symbol\.(async)?[iI]terator$/.test(callee.argumentExpression.getText())) {
        return this.of(callee.expression, depth + 1).filter(isGenerator);
      }
      // What an app generic container was given as T, when its member's result is typed T (generic-containers.ts).
      return [...this.fromReturns(e, depth + 1, (ret) => this.of(ret, depth + 1), true), ...this.givenAsT(e, depth)];
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (ts.isPropertyAccessExpression(e) && isFnMember(e.name.text)) return [];
      if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
        const param = this.r.parameterRead(e);
        if (param) this.sinkParameter(param, e.name.text);
      }
      if (ts.isElementAccessExpression(e) && !ts.isStringLiteralLike(e.argumentExpression) && !ts.isNumericLiteral(e.argumentExpression)) return this.keyed(e, depth);
      // `steps[0]` of an array (of a parameter: what callers pass) is any element, as `steps[i]` is.
      if (ts.isElementAccessExpression(e) && ts.isNumericLiteral(e.argumentExpression) && this.r.checker.isArrayLikeType(this.r.checker.getTypeAtLocation(e.expression))) {
        // `blocks[14]` of a tuple (its shape is the type's): the element at 14 where the walk keeps positions (elementAt).
        const tuple = this.r.checker.isTupleType(this.r.checker.getNonNullableType(this.r.checker.getTypeAtLocation(e.expression)));
        return [...(tuple ? this.elementAt(e.expression, Number(e.argumentExpression.text), depth + 1) : this.indexed(e, depth)), ...this.givenAsT(e, depth)];
      }
      // `typeof x === 'function' ? x(s) : x`: the last `x` holds no function (typeof-guards.ts); device values may be any object.
      if (ts.isIdentifier(e) && !this.origins && holdsNoFunction(this.r.checker, e)) return [];
      const sym = this.r.named(e);
      // `table['a']` where no member is declared under that name (an index signature: `Record<string, F>`): as a key
      // not written in place, whose finite key names it (the literal's member, else the entries stored).
      if (!sym && ts.isElementAccessExpression(e)) return this.keyed(e, depth);
      // `const original = store.listen` of an untyped `store`: whatever the app keeps under that name.
      if (!sym && ts.isPropertyAccessExpression(e) && typedAny(this.r.checker, e.expression)) return this.r.membersOnAny(e.name.text);
      if (ts.isIdentifier(e) && sym?.valueDeclaration && ts.isShorthandPropertyAssignment(sym.valueDeclaration)) {
        const s = shorthandValueSymbol(this.r.checker, sym.valueDeclaration);
        return (s?.declarations ?? []).flatMap((d) => this.ofDeclaration(d, depth + 1));
      }
      const decls = (sym?.declarations ?? []).filter((d) => this.r.isApp(d));
      // `handler.set` with `const handler: ProxyHandler<T> = { set() {} }`: the library's member names what the value holds.
      if (!decls.length && sym && ts.isPropertyAccessExpression(e)) return this.memberOf(e.expression, e.name.text, depth + 1);
      return decls.flatMap((d) => this.heldBy(d, depth));
    }
    return [];
  }

  /** What member `name` of an expression's value holds, found through the value when its type is the library's (value-members.ts). */
  memberOf(e: ts.Expression, name: string, depth = 0): ts.Node[] {
    let table = this.memberAnswers.get(name);
    if (!table) this.memberAnswers.set(name, (table = new AnswerTable<ts.Node[]>()));
    // Most asks are repeats (a cast-away follow asks each value's member again): looked up before any closure is made.
    return this.recall(table, e, depth) ?? this.rememberNodesAfresh(table, e, depth, () => memberOfValue(this.r, this.stores, e, name, depth));
  }

  /** Chained calls (`z.string().min(1).max(9)`) ask the same calls' returns for one member again and again. */
  private readonly memberAnswers = new Map<string, AnswerTable<ts.Node[]>>();

  /** Functions assigned to a variable or parameter after its declaration (`if (!g) g = () => ...`). */
  assignedTo(d: ts.Declaration): ts.Node[] {
    return this.stores.assigned(d).flatMap((v) => this.of(v, 1));
  }

  /** What an app declaration named by a use holds: a function itself (a method with what was stored over it), or its value. */
  protected heldBy(d: ts.Declaration, depth: number): ts.Node[] {
    // Reading a getter's property gives what the getter returns (the read runs it: an accessor edge).
    if (ts.isGetAccessorDeclaration(d)) return this.fromBody(d, depth);
    if (ts.isSetAccessorDeclaration(d)) return [];
    if (!isMethodNode(d)) return this.ofDeclaration(d, depth + 1);
    // A class method also names the members of object literals typed by the class (class-shaped.ts).
    return ts.isMethodDeclaration(d) ? [d, ...this.storedOver(d, depth), ...(ts.isClassLike(d.parent) ? this.r.classShaped.membersFor(d) : [])] : [d];
  }

  /** Functions a variable, property or parameter-less declaration holds. */
  ofDeclaration(d: ts.Declaration, depth: number): ts.Node[] {
    if (depth > MAX_DEPTH) return this.beyond('ofDeclaration', d, 0, () => this.ofDeclaration(d, 0));
    if (isMethodNode(d)) return [d];
    return this.remembered(d, depth) ?? this.rememberAfresh(d, depth, () => this.declared(d, depth));
  }

  private declared(d: ts.Declaration, depth: number): ts.Node[] {
    const assigned = (): ts.Node[] => this.stores.assigned(d).flatMap((v) => this.of(v, depth + 1));
    if (ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent)) {
      this.sinkParameter(d);
      // A parameter property (`constructor(private out: Writable)`) read as `this.out` is met here,
      // not through a name: the origins' own parameter step (what callers pass) is asked of its name.
      const passed = this.origins && ts.isParameterPropertyDeclaration(d, d.parent) ? this.origins(d.name) : [];
      return [...passed, ...(d.initializer ? this.of(d.initializer, depth + 1) : []), ...assigned()];
    }
    if (ts.isShorthandPropertyAssignment(d)) {
      const s = shorthandValueSymbol(this.r.checker, d);
      return [...(s?.declarations ?? []).flatMap((x) => this.ofDeclaration(x, depth + 1)), ...this.storedOverLiteral(d, depth)];
    }
    if (ts.isBinaryExpression(d)) return this.of(d.right, depth + 1); // JS expando `a.b = fn`
    // ...declared by its left side (`Creator.build = (id) => ...` on a function a `let` holds)
    if (ts.isPropertyAccessExpression(d) && ts.isBinaryExpression(d.parent) && d.parent.left === d && d.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.of(d.parent.right, depth + 1);
    if (ts.isJsxAttribute(d)) return d.initializer && ts.isJsxExpression(d.initializer) && d.initializer.expression ? this.of(d.initializer.expression, depth + 1) : [];
    if (ts.isBindingElement(d)) return this.destructured(d, depth);
    const loop = forOfSource(d);
    if (loop) return this.elements(loop, depth + 1).nodes;
    const init = ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d) || ts.isPropertyDeclaration(d) ? d.initializer : undefined;
    const fromInit = init ? this.of(init, depth + 1) : [];
    if (ts.isPropertyDeclaration(d)) return [...fromInit, ...this.stored(d, depth)];
    if (ts.isPropertyAssignment(d)) return [...fromInit, ...this.storedOverLiteral(d, depth)];
    // An interface member: what object literals and classes implementing it hold there.
    if (ts.isPropertySignature(d) || ts.isMethodSignature(d)) return [...this.r.implementations.implementationsOf(d), ...this.stored(d, depth)];
    return ts.isVariableDeclaration(d) ? [...fromInit, ...assigned()] : fromInit;
  }

  /** What property `name` of an expression's value holds: its app declarations' values. */
  propertyOf(e: ts.Expression, name: string, depth = 0): ts.Node[] {
    if (ts.isJsxAttributes(e)) {
      // The props of `<C onPick={f} />`: the attribute written there (the checker's type here is C's props type).
      const attr = e.properties.find((p) => ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && p.name.text === name);
      return attr ? this.ofDeclaration(attr, depth + 1) : [];
    }
    // Of a call, by its declared class or interface when that needs no inference (declared.ts): the same declarations.
    const decls = propertyDeclsOf(this.r.checker, classOrInterfaceOf(this.r.checker, skipWrappers(e)), name).filter((d) => this.r.isApp(d));
    return decls.flatMap((d) => this.heldBy(d, depth));
  }

  /**
   * What member `name` of a parameter's declared type holds, where an app interface or type literal declares it:
   * `function f({ k }: T) { k() }` runs what `function f(o: T) { o.k() }` would (implementations, stores on objects
   * that may be a T), besides what callers pass there.
   */
  declaredMember(param: ts.ParameterDeclaration, name: string, depth = 0): ts.Node[] {
    const decls = propertyDeclsOf(this.r.checker, this.r.checker.getTypeAtLocation(param), name).filter((x) => (ts.isPropertySignature(x) || ts.isMethodSignature(x)) && this.r.isApp(x));
    return decls.flatMap((x) => this.heldBy(x, depth));
  }

  /** `const { f = g } = x` holds x.f and g; destructured parameters, and variables destructuring one, are followed by parameter flow. */
  private destructured(d: ts.BindingElement, depth: number): ts.Node[] {
    const defaults = d.initializer ? this.of(d.initializer, depth + 1) : [];
    const name = bindingName(d);
    const src = d.parent.parent;
    // `for (const [name, run] of Object.entries(handlers))`: position `run` of each element.
    const loop = ts.isArrayBindingPattern(d.parent) && !d.dotDotDotToken ? forOfSource(src) : undefined;
    if (loop) return [...defaults, ...this.eachAt(loop, d.parent.elements.indexOf(d), depth + 1)];
    // `pairs.forEach(([, run]) => run())`: the same, for the element parameter of an array method's callback.
    const list = ts.isArrayBindingPattern(d.parent) && !d.dotDotDotToken && ts.isParameter(src) ? elementSource(this.r.checker, src.parent, argumentIndex(src)) : undefined;
    if (list) return [...defaults, ...this.eachAt(list, d.parent.elements.indexOf(d), depth + 1)];
    if (ts.isBindingElement(src)) return [...defaults, ...nestedPropertyDecls(this.r.checker, d).filter((x) => this.r.isApp(x)).flatMap((x) => this.heldBy(x, depth))];
    // `function custom({ decode }) { return { decode } }`: the property of what callers pass (parameter flow).
    if (ts.isParameter(src) && ts.isObjectBindingPattern(d.parent) && !d.dotDotDotToken && name !== undefined && isMethodNode(src.parent)) this.sinkParameter(src, name);
    if (!ts.isVariableDeclaration(src) || !src.initializer) return defaults;
    // `const [get, set] = makeStore()`: what the array holds at that position (a rest holds an array).
    if (ts.isArrayBindingPattern(d.parent)) return d.dotDotDotToken ? defaults : [...defaults, ...this.elementAt(src.initializer, d.parent.elements.indexOf(d), depth)];
    // `const { [direction]: f } = table`, direction 'asc' | 'desc': the members of those names.
    const computed = name === undefined && d.propertyName && ts.isComputedPropertyName(d.propertyName) ? keyNames(this.r.checker, d.propertyName.expression) : undefined;
    if (computed) return [...defaults, ...computed.flatMap((n) => this.propertyOf(src.initializer!, n, depth))];
    if (name === undefined) return defaults;
    // `const { onDone } = options`, options a parameter: also what callers pass there (parameter flow).
    const init = skipWrappers(src.initializer);
    const param = ts.isIdentifier(init) ? this.r.symbolAt(init)?.valueDeclaration : undefined;
    if (param && ts.isParameter(param) && ts.isIdentifier(param.name) && isMethodNode(param.parent)) this.sinkParameter(param, name);
    return [...defaults, ...this.propertyOf(src.initializer, name, depth)];
  }

  /** What `list.reduce(reducer, initial)` gives: the starting value (the elements without one), or what the reducer returns. */
  private reducedValues(r: Reduction, depth: number): ts.Node[] {
    const start = r.initial ? this.of(r.initial, depth) : this.elements(r.list, depth).nodes;
    const returned = this.of(r.reducer, depth).flatMap((fn) => this.returnsOf(fn)).flatMap((ret) => this.of(ret, depth + 1));
    return [...start, ...returned];
  }

  /** An interface member read (`v.onBegin`) some implementation of which holds a value not known statically. */
  incomplete(raw: ts.Expression): boolean {
    const e = skipWrappers(raw);
    if (!ts.isPropertyAccessExpression(e)) return false;
    const decls = this.r.symbolAt(e.name)?.declarations ?? [];
    return decls.some((d) => (ts.isPropertySignature(d) || ts.isMethodSignature(d)) && this.r.implementations.unknownImplementationsOf(d).length > 0);
  }

  /**
   * Functions assigned (`x.name = v`) to a property with this declaration's name: a class field
   * (by name), or an interface's or type literal's property or method, from receivers that may
   * be an object with that member (member-receivers.ts).
   */
  stored(d: ts.PropertyDeclaration | ts.PropertySignature | ts.MethodSignature, depth = 0): ts.Node[] {
    const name = declName(d);
    const cls = this.ownStores && ts.isPropertyDeclaration(d) && ts.isClassLike(d.parent) ? d.parent : undefined;
    const stores = name === undefined ? [] : this.stores.named(name);
    const mayWrite = cls ? (s: StoredValue) => this.r.mayHold(s.recv, cls) : ts.isPropertyDeclaration(d) ? undefined : (s: StoredValue) => this.memberReceivers.mayWrite(s.recv, name!, d);
    return (mayWrite ? stores.filter(mayWrite) : stores).flatMap((s) => this.of(s.value, depth + 1));
  }

  /**
   * What is assigned over an object literal's own property (`state.sink = o` on `const state = { sink: ... }`):
   * the property is writable, so a read may give any value stored there from a receiver that may
   * hold the literal, as storedOver does for its methods.
   */
  private storedOverLiteral(d: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, depth: number): ts.Node[] {
    return this.storedInLiteral(d).flatMap((v) => this.of(v, depth + 1));
  }

  private receivers?: MemberReceivers;

  private get memberReceivers(): MemberReceivers {
    return (this.receivers ??= new MemberReceivers(this.r.checker, () => this.r.appSources()));
  }

  /**
   * Functions assigned over method `m` on receivers that may hold its object: an instance of its
   * class, or for a method of an object literal (an own, writable property) the literal itself,
   * reached through an untyped receiver or one whose type the literal fits (`$store.listen = f`).
   */
  storedOver(m: ts.MethodDeclaration, depth = 0): ts.Node[] {
    const name = declName(m);
    const owner = m.parent;
    if (name === undefined) return [];
    const mayHold = ts.isClassLike(owner)
      ? (recv: ts.Expression) => this.r.mayHold(recv, owner)
      : ts.isObjectLiteralExpression(owner)
        ? (recv: ts.Expression) => mayHoldLiteral(this.r.checker, recv, owner)
        : undefined;
    if (!mayHold) return [];
    return this.stores.named(name).flatMap((s) => (mayHold(s.recv) ? this.of(s.value, depth + 1) : []));
  }

  /** `obj[k]` with a finite key type: what each named property holds (`obj.a`, `obj.b`, ...). */
  private keyed(e: ts.ElementAccessExpression, depth: number): ts.Node[] {
    const copied = loopElement(this.r, e);
    if (copied) return copied.flatMap((v) => this.of(v, depth + 1));
    const names = keyNames(this.r.checker, e.argumentExpression);
    // `const check = checks[i]`: any element of the array, or any entry of a record stored as a function; of a
    // variable holding an object literal (`formatter = nameFormatters[name]`), any member of it, as `nameFormatters[name]()`
    // runs (resolve.ts computed).
    if (!names) return [...this.indexed(e, depth), ...this.literalMembers(e.expression, depth)];
    const out: ts.Node[] = [];
    // `(handlers as H)[node.kind]` of a parameter, H mapping the names (no member declared): each
    // named property of what the callers pass.
    const param = this.r.parameterRead(e);
    for (const name of names) {
      const decls = propertyDecls(this.r.checker, e.expression, name);
      // `const original = $store[clean]`: on an untyped receiver, what the app keeps under that name;
      // a unique symbol's member no type declares (a JavaScript expando): what the app stores under it.
      if (!decls.length && typedAny(this.r.checker, e.expression)) out.push(...this.r.membersOnAny(name), ...this.entryFunctions(e, depth));
      else if (!decls.length && name.startsWith('__@')) out.push(...this.stores.named(name).flatMap((s) => this.of(s.value, depth + 1)));
      else if (!decls.length && param) this.sinkParameter(param, name);
      else if (!decls.length) {
        // An index signature (`Record<string, F>`) over a variable holding an object literal: the literal's member of
        // that name, or an entry stored under a key not known; else not known by name, the use stays unresolved.
        const own = this.literalMembers(e.expression, depth, name);
        if (!own.length) return [];
        out.push(...own, ...this.entryFunctions(e, depth));
      }
      for (const d of decls) {
        if (this.r.isApp(d)) out.push(...this.heldBy(d, depth));
      }
      // Declared by a library's type only (`traps[k]`, `const traps: ProxyHandler<S> = { get() {} }`): what the value holds there, as `traps.get`.
      if (decls.length && !decls.some((d) => this.r.isApp(d))) out.push(...this.memberOf(e.expression, name, depth + 1));
    }
    return out;
  }

  /** The members of the object literal a variable holds (its own and those stored onto it; literal-entries.ts), of one name or all. */
  private literalMembers(table: ts.Expression, depth: number, name?: string): ts.Node[] {
    const entries = (tableEntries(this.r.checker, this.stores, table) ?? []).filter((en) => name === undefined || en.name === name);
    return entries.flatMap((en) => (isMethodNode(en.value) ? [en.value] : this.of(en.value as ts.Expression, depth + 1)));
  }

  /** Walks cut short so far, by any cycle: an answer computed while this grew may lack values, so it is not kept. */
  cuts(): number {
    return this.originCuts() + this.nestedReturns.cuts + this.elementCuts + this.r.implementations.cycleCuts + this.r.anyMembers.cuts + this.r.castAway.cuts + this.r.classShaped.cuts;
  }
}

function declName(d: ts.NamedDeclaration): string | undefined {
  const n = d.name;
  return n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNumericLiteral(n)) ? n.text : undefined;
}
