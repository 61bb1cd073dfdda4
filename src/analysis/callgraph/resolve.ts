/**
 * What a call site, a member access or a value may run, asked of the type checker.
 * Kinds: 'direct' (a declared function, also through imports and IIFEs), 'method' (a class or
 * object method), 'constructor' (`new`), 'super' (`super(...)`, `super.m()`), 'hierarchy' (an
 * override, an implementation of an interface/abstract member, a class of the same shape),
 * 'callback' (a function value: stored in a variable/property, returned by a factory, passed
 * along, `f.call/apply/bind`, an array element, a value assigned over a method),
 * 'accessor' (a getter/setter run by a property read/write), 'jsx' (`<Comp/>` runs the component
 * function, or a class component's constructor and `render`), 'tagged-template' (tag`...`).
 */
import { ts } from '../../typescript.cjs';
import { overloadedResultMembers } from './overloaded-results.js';
import type { Callers } from './callers.js';
import { isMethodNode } from '../../ids/methodIds.js';
import { forOfSource } from './arrays.js';
import { declaredMember } from './declared.js';
import { Hierarchy } from './hierarchy.js';
import { Implementations } from './implementations.js';
import { bindingName, propertyDecls } from './keys.js';
import { libraryLeaf } from '../library.js';
import type { MethodTable } from '../methods.js';
import type { LoadedApp } from '../project.js';
import { uncast } from './casts.js';
import { withFunctionReceiver } from './function-receivers.js';
import { fittedToReceiver } from './receiver-fit.js';
import { callableParameters } from './callable-parameters.js';
import { withMappedContextLiterals } from './context-declared.js';
import { CastAway } from './cast-away.js';
import { ClassShapedLiterals } from './class-shaped.js';
import { mayHoldInstance } from './constructed.js';
import { construct, constructorOf, jsx } from './constructors.js';
import { superClassesOfDecorated } from './decorated-classes.js';
import { overloadTypedMember, untypedMembers, type UntypedContext } from './untyped.js';
import { AnyReceiverMembers, typedAny } from './any-receivers.js';
import type { Stores } from './stores.js';
import { literalEntries } from './literal-entries.js';
import { computedCallee, computedReason } from './computed-calls.js';
import type { InstalledAccessor } from './installers.js';
import { symbolAt } from '../symbols.js';
import type { EdgeKind } from '../types.js';
import { FunctionValues, LOOP_DEPTH, type ViaParameter } from './values.js';
import { isFnMember, type CallSite, type LiteralMember } from '../walk.js';
import { skipWrappers } from '../expressions.js';

export interface Target {
  node: ts.Node;
  kind: EdgeKind;
}

/**
 * `partial`: the targets found are not all: the site is also listed as unresolved with this reason.
 * `via`: parameters (or their properties) whose values the callee may also be (stored into a
 * property, added to an array, read into a variable): the site runs what callers pass there
 * too, found by parameter flow (calls.ts).
 */
export type Resolution =
  | { targets: Target[]; partial?: string; via?: ViaParameter[] }
  | { library: string | undefined }
  | { reason: string; param?: ts.ParameterDeclaration; binding?: ts.BindingElement; via?: ViaParameter[]; partial?: true; declared?: Target[] };

export class Resolver {
  readonly checker: ts.TypeChecker;
  readonly hierarchy: Hierarchy;
  readonly implementations: Implementations;
  readonly values: FunctionValues;
  readonly castAway: CastAway;
  readonly classShaped: ClassShapedLiterals;
  /** Accessors helpers install (installers.ts), for defined-accessors.ts. */
  installed: readonly InstalledAccessor[] = [];
  loopMembers: ReadonlyMap<ts.VariableDeclaration, readonly ts.Expression[]> = new Map();
  /** The app calls of each function (callers.ts), for what a parameter holds (passed-members.ts). */
  callers: Callers | undefined;
  private readonly appFiles: Set<ts.SourceFile>;

  constructor(
    app: LoadedApp,
    readonly table: MethodTable,
    literalFns: LiteralMember[],
    readonly stores: Stores,
  ) {
    this.checker = app.checker;
    this.hierarchy = new Hierarchy(app, table);
    this.implementations = new Implementations(app, table, this.hierarchy, literalFns);
    this.appFiles = new Set(app.files.map((f) => f.sf));
    this.castAway = new CastAway(app.checker, app.files.map((f) => f.sf));
    this.classShaped = new ClassShapedLiterals(app.checker, literalFns, () => this.implementations.literalValues);
    this.values = new FunctionValues(this, stores, { endAtCycles: true });
    this.implementations.literalValues = (v) => (ts.isShorthandPropertyAssignment(v) ? this.values.ofDeclaration(v, 1) : this.values.of(v, 1));
    this.implementations.memo = this.values;
    this.anyMembers = new AnyReceiverMembers(app.checker, () => table.classId.keys(), literalFns, stores, this.implementations.literalValues, this.values);
  }

  call(site: CallSite): Resolution {
    if (ts.isJsxOpeningElement(site) || ts.isJsxSelfClosingElement(site)) return jsx(this, site.tagName);
    if (ts.isTaggedTemplateExpression(site)) return this.relabel(this.callee(site.tag, false), 'tagged-template');
    if (ts.isNewExpression(site)) return construct(this, skipWrappers(site.expression), site.expression);
    const fitted = fittedToReceiver(this.checker, site.expression, this.callee(site.expression, true));
    return withMappedContextLiterals(this, site.expression, withFunctionReceiver(this, site.expression, uncast(this, site.expression, fitted)));
  }

  /**
   * Targets of a called expression. `depth` is the value-flow depth when this is asked while
   * following what a call returns (values.ts): a function returning a call of itself,
   * `return f(1)(x)`, would otherwise restart that walk at 0 forever.
   */
  callee(raw: ts.Expression, isCall: boolean, depth = 0): Resolution {
    const expr = skipWrappers(raw);
    if (expr.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = ts.findAncestor(expr, ts.isClassLike);
      const base = cls && this.hierarchy.baseOf(cls);
      const ctors = [...new Set([base, ...(cls ? superClassesOfDecorated(this, cls, base) : [])].map((c) => c && this.constructorOf(c)).filter((c): c is ts.Node => c !== undefined))];
      return ctors.length ? { targets: ctors.map((node) => ({ node, kind: 'super' as const })) } : { library: undefined };
    }
    if (expr.kind === ts.SyntaxKind.ImportKeyword) return { library: undefined }; // loads a module: its top level runs at load
    if (isMethodNode(expr)) return { targets: [{ node: expr, kind: 'direct' }] }; // IIFE
    if (isCall && ts.isPropertyAccessExpression(expr) && this.fnMember(expr)) {
      // As `f()` would: with the parameters f's value comes from (`const { f } = options`).
      const { result: fns, parameters } = this.values.collectParameters(() => this.values.of(expr.expression, depth));
      // `table[k].call(...)` of a literal's members under a key not known stays listed, as `table[k]()` does (computed).
      const read = skipWrappers(expr.expression);
      const keyed = ts.isElementAccessExpression(read) && literalEntries(this.checker, this.stores, read) ? { partial: computedReason(read) } : {};
      if (fns.length) return { targets: fns.map((node) => ({ node, kind: 'callback' })), ...keyed, ...(parameters.length ? { via: parameters } : {}) };
      // `f.call(x)` runs f: resolve f as the callee (a library function stays a library leaf).
      if (expr.name.text !== 'bind' && this.isAppExpr(expr.expression)) return this.relabel(this.callee(expr.expression, true, depth), 'callback');
    }
    if (ts.isElementAccessExpression(expr) && !ts.isStringLiteralLike(expr.argumentExpression) && !ts.isNumericLiteral(expr.argumentExpression)) {
      return computedCallee(this, expr);
    }
    // `hooks[1]()` of an array or tuple: what its elements may be, as for `const h = hooks[1]; h()` (the checker's
    // symbol there is the tuple's member, which declares no value). A receiver typed `any` (array-like to the checker,
    // a member of an untyped import say) goes on as before.
    const indexed = ts.isElementAccessExpression(expr) && ts.isNumericLiteral(expr.argumentExpression) && !typedAny(this.checker, expr.expression);
    if (indexed && this.checker.isArrayLikeType(this.checker.getTypeAtLocation(expr.expression))) {
      return this.valueCallee(expr, depth) ?? { reason: 'array element not known statically' };
    }
    const sym = this.named(expr);
    const decls = sym?.declarations ?? [];
    if (!sym && ts.isIdentifier(expr)) return { library: `lib:globals#${expr.text}` }; // undeclared global
    if (!sym && !ts.isPropertyAccessExpression(expr)) {
      // `make()()`, `(a || b)()`; `handlers.get(k)()` of a Map filled from parameters: what their callers pass.
      const r = this.valueCallee(expr, depth);
      if (r) return r;
    }
    if (!sym && ts.isPropertyAccessExpression(expr)) {
      // An untyped receiver whose value the flow sees (untyped.ts).
      const fns = untypedMembers(this.untypedContext(depth), expr.expression, expr.name.text);
      if (fns.length) return { targets: fns.map((node) => ({ node, kind: 'callback' })) };
      const overloaded = overloadTypedMember(this.checker, expr.expression, expr.name.text);
      if (overloaded.some((d) => this.isApp(d))) return this.fromDecls(overloaded);
      if (typedAny(this.checker, expr.expression)) {
        const r = this.onAnyReceiver([expr.name.text]);
        if (r) return r;
      }
    }
    if (!sym || decls.length === 0) {
      // A member of a library's container typed by the app's function (`Object.fromEntries(entries)`'s
      // index signature over an app arrow's type): the arrow that type was inferred from, and maybe others.
      const inferred = this.isAppExpr(expr) ? [] : this.checker.getTypeAtLocation(expr).getCallSignatures().flatMap((sig) => (sig.declaration && this.isApp(sig.declaration) && isMethodNode(sig.declaration) ? [sig.declaration] : []));
      if (inferred.length) return { targets: inferred.map((node) => ({ node, kind: 'callback' as const })), partial: 'function value held by a library container, typed by an app function' };
      const leaf = libraryLeaf(this.checker, expr, undefined); // a member of an untyped import
      if (leaf) return { library: leaf };
      if (!this.isAppExpr(expr)) return { library: libraryLeaf(this.checker, expr, sym) };
      return { reason: sym ? 'callee symbol has no declaration' : 'callee has no symbol (untyped or any)' };
    }
    if (decls.every((d) => !this.isApp(d))) {
      // `const it = this.values(); it.next()`, values() declared IterableIterator and returning a literal: the literal's next.
      // And a value cast away to the receiver's type (`{ exec } as unknown as RegExp`): its own member.
      const held = ts.isPropertyAccessExpression(expr) ? this.values.memberOf(expr.expression, expr.name.text, depth) : [];
      const own = [...new Set([...held, ...this.castAwayMembers(decls)])];
      return own.length ? { targets: own.map((node) => ({ node, kind: 'callback' })) } : { library: libraryLeaf(this.checker, expr, sym) };
    }
    const viaSuper = (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) && expr.expression.kind === ts.SyntaxKind.SuperKeyword;
    if (viaSuper) return this.fromDecls(decls, true);
    // Many sites call one symbol: its targets (overrides, implementations, values) once.
    let r = this.bySymbol.get(sym);
    if (r) return r;
    const cuts = this.values.cuts();
    r = this.fromDecls(decls);
    // Not kept when a cycle (through calls' results or interface implementations) was cut
    // meanwhile: a later site asks afresh.
    if (this.values.cuts() === cuts) this.bySymbol.set(sym, r);
    return r;
  }

  /** The functions an expression's value may be (values.ts), and the parameters it came through; undefined when neither. */
  private valueCallee(expr: ts.Expression, depth: number): Resolution | undefined {
    const { result: fns, parameters } = this.values.collectParameters(() => this.values.of(expr, depth));
    // Elements of an array callers pass count beside what was found (`return steps.length === 1 ? steps[0] : composed`),
    // where they may be functions; other parameters met are those of functions the found ones call (`f(1)(o)`).
    const callable = callableParameters(this.checker, parameters.filter((p) => p.elements));
    if (fns.length) return { targets: fns.map((node) => ({ node, kind: 'callback' })), ...(callable.length ? { via: callable } : {}) };
    if (parameters.length) return { reason: 'function value received as a parameter', via: parameters };
    return undefined;
  }

  /** Literals not known statically among the implementations of the member a variable's object pattern reads. */
  private destructuredUnknown(d: ts.BindingElement): string[] {
    const owner = d.parent.parent;
    const name = ts.isObjectBindingPattern(d.parent) && ts.isVariableDeclaration(owner) && owner.initializer ? bindingName(d) : undefined;
    if (name === undefined) return [];
    const members = propertyDecls(this.checker, (owner as ts.VariableDeclaration).initializer!, name);
    return members.flatMap((m) => (ts.isPropertySignature(m) || ts.isMethodSignature(m) ? this.implementations.unknownImplementationsOf(m) : []));
  }

  private readonly bySymbol = new Map<ts.Symbol, Resolution>();
  readonly anyMembers: AnyReceiverMembers;

  private untypedContext(depth: number): UntypedContext {
    return { checker: this.checker, hierarchy: this.hierarchy, valuesOf: (e) => this.values.of(e, depth + 1), isApp: (d) => this.isApp(d) };
  }

  /**
   * `x.name()` on a receiver typed `any` whose value the flow does not see (any-receivers.ts);
   * what was stored there from a parameter (`target.onChange = cb`) is what its callers pass.
   */
  onAnyReceiver(names: readonly string[]): Resolution | undefined {
    const { result: r, parameters } = this.values.collectParameters(() => this.anyMembers.call(names, (decls) => this.fromDecls(decls)));
    if (!r || !('targets' in r) || (!r.targets.length && !parameters.length)) return undefined;
    return parameters.length ? { ...r, via: [...(r.via ?? []), ...parameters] } : r;
  }

  /** Functions `x.name` may hold on such a receiver. */
  membersOnAny(name: string): ts.Node[] {
    return this.anyMembers.read(name);
  }

  /** The members of values cast away to a type whose member `decls` declare (cast-away.ts). */
  private castAwayMembers(decls: readonly ts.Declaration[]): ts.Node[] {
    return this.castAway.members(decls, (value, name) => this.values.memberOf(value, name), this.values);
  }

  /** `f.call`, `f.apply`, `f.bind` of Function itself (not an app method named `call`): the name. */
  fnMember(expr: ts.Expression): 'call' | 'apply' | 'bind' | undefined {
    if (!ts.isPropertyAccessExpression(expr) || !isFnMember(expr.name.text)) return undefined;
    const decls = this.symbolAt(expr.name)?.declarations ?? [];
    return decls.some((d) => this.isApp(d)) ? undefined : (expr.name.text as 'call' | 'apply' | 'bind');
  }

  /** Targets of a symbol's declarations when it is called or read as a function value. */
  fromDecls(decls: readonly ts.Declaration[], viaSuper = false): Resolution {
    const via = this.values.collectParameters(() => this.declTargets(decls, viaSuper));
    const r = via.result;
    if (via.parameters.length === 0) return r;
    return { ...r, via: [...('via' in r ? (r.via ?? []) : []), ...via.parameters] };
  }

  private declTargets(decls: readonly ts.Declaration[], viaSuper: boolean): Resolution {
    const targets: Target[] = [];
    let why = 'callee is not a statically known function';
    let param: ts.ParameterDeclaration | undefined;
    let binding: ts.BindingElement | undefined;
    let partial: string | undefined;
    const via: ViaParameter[] = [];
    const declaredTargets: Target[] = [];
    for (const d of decls) {
      if (isMethodNode(d)) {
        const fn = ts.isFunctionDeclaration(d) || ts.isFunctionExpression(d) || ts.isArrowFunction(d);
        targets.push({ node: d, kind: viaSuper ? 'super' : fn ? 'direct' : 'method' });
        if (!viaSuper && ts.isClassElement(d)) for (const o of this.hierarchy.overridesOf(d)) targets.push({ node: o, kind: 'hierarchy' });
        // Assigned over the method (`r.text = wrap(r.text)`): the instance runs the stored value.
        if (!viaSuper && ts.isMethodDeclaration(d)) for (const o of this.values.storedOver(d)) targets.push({ node: o, kind: 'callback' });
        // Written in an object literal typed by the class (`hooks?: Partial<Hooks>`): the literal's (class-shaped.ts).
        if (!viaSuper && ts.isMethodDeclaration(d) && ts.isClassLike(d.parent)) for (const o of this.classShaped.membersFor(d)) targets.push({ node: o, kind: 'hierarchy' });
        continue;
      }
      if (ts.isMethodSignature(d) || ts.isPropertySignature(d) || isAbstract(d)) {
        const impls = this.implementations.implementationsOf(d);
        for (const o of impls) targets.push({ node: o, kind: 'hierarchy' });
        // Stored over (`inst.parse = ...`): a member declared as a method is as writable as one declared as a property.
        const stored = ts.isPropertySignature(d) || ts.isMethodSignature(d) ? this.values.stored(d) : [];
        for (const o of stored) targets.push({ node: o, kind: 'callback' });
        const unknown = this.implementations.unknownImplementationsOf(d);
        if (unknown.length) partial = `object literal member(s) implementing it hold values not known statically (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', ...' : ''})`;
        if (impls.length + stored.length === 0) why = partial ?? 'interface or abstract member without an implementation in the app';
        continue;
      }
      if (ts.isParameter(d)) {
        why = 'function value received as a parameter';
        param = d;
        continue;
      }
      // `function f({ onDone }) { onDone() }`: the property of what callers pass.
      const from = ts.isBindingElement(d) && ts.isObjectBindingPattern(d.parent) ? d.parent.parent : undefined;
      if (from && ts.isParameter(from) && isMethodNode(from.parent) && bindingName(d as ts.BindingElement) !== undefined) {
        why = 'function value destructured from a parameter';
        // Besides what callers pass (parameter flow, the binding), what the parameter's declared type holds there.
        const declared = this.values.collectParameters(() => this.values.declaredMember(from, bindingName(d as ts.BindingElement)!));
        for (const node of declared.result) declaredTargets.push({ node, kind: 'callback' });
        via.push(...declared.parameters);
        param = from;
        binding = d as ts.BindingElement;
        continue;
      }
      const loop = forOfSource(d);
      if (loop) {
        // `for (const f of list) f()`: the list's elements; a list in a variable may grow elsewhere.
        const el = this.values.elements(loop, LOOP_DEPTH);
        for (const node of el.nodes) targets.push({ node, kind: 'callback' });
        if (!el.complete) partial = why = 'loop variable over an iterable whose elements are not all known statically';
        continue;
      }
      if (ts.isBindingElement(d) && ts.isArrayBindingPattern(d.parent) && forOfSource(d.parent.parent)) {
        // `for (const [name, run] of Object.entries(handlers)) run()`: the same, at a position.
        for (const node of this.values.ofDeclaration(d, LOOP_DEPTH)) targets.push({ node, kind: 'callback' });
        partial = why = 'loop variable over an iterable whose elements are not all known statically';
        continue;
      }
      if (ts.isPropertyDeclaration(d) && ts.isClassElement(d) && !viaSuper) {
        for (const o of this.hierarchy.overridesOf(d)) targets.push({ node: o, kind: 'hierarchy' });
      }
      // `const { filterEvents } = resolveOptions(...)`: as open as `options.filterEvents()` when a literal implementing
      // the member holds what is not known (a view spread in: callers outside may pass others).
      const unknown = ts.isBindingElement(d) ? this.destructuredUnknown(d) : [];
      if (unknown.length) partial = why = `object literal member(s) implementing it hold values not known statically (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', ...' : ''})`;
      for (const node of this.values.ofDeclaration(d, 0)) targets.push({ node, kind: 'callback' });
    }
    if (!viaSuper) for (const node of this.castAwayMembers(decls)) targets.push({ node, kind: 'method' });
    if (!viaSuper) for (const node of overloadedResultMembers(this, decls)) if (ts.isMethodDeclaration(node)) targets.push({ node, kind: 'method' });
    if (targets.length) return { targets, ...(partial ? { partial } : {}), ...(via.length ? { via } : {}) };
    if (param) return { reason: why, param, binding, ...(declaredTargets.length ? { declared: declaredTargets } : {}), ...(via.length ? { via } : {}) };
    return partial ? { reason: why, partial: true } : { reason: why };
  }

  /**
   * May `recv` hold an instance of `cls` (or of a class related to it)? Untyped receivers,
   * interfaces and object types may (structural); primitives and unrelated classes may not.
   */
  mayHold(recv: ts.Expression, cls: ts.ClassLikeDeclaration): boolean {
    return mayHoldInstance(this.checker, this.hierarchy, recv, cls);
  }

  /** What `new cls()` runs first (constructors.ts). */
  constructorOf(cls: ts.ClassLikeDeclaration): ts.Node | undefined {
    return constructorOf(this.table, this.hierarchy, cls);
  }

  private relabel(r: Resolution, kind: EdgeKind): Resolution {
    return 'targets' in r ? { ...r, targets: r.targets.map((t) => ({ node: t.node, kind })) } : r;
  }

  /** The parameter `e` reads a property of (`props.onX`, `(handlers as H)[kind]`, with a plain parameter of an app function). */
  parameterRead(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.ParameterDeclaration | undefined {
    const recv = skipWrappers(e.expression);
    const d = ts.isIdentifier(recv) ? this.symbolAt(recv)?.valueDeclaration : undefined;
    return d && ts.isParameter(d) && ts.isIdentifier(d.name) && isMethodNode(d.parent) ? d : undefined;
  }

  /**
   * The symbol a name stands for (through aliases). The call graph, the value flow and parameter
   * flow ask about the same names many times (itertools: 11,163 questions about 3,147 nodes);
   * the checker remembers each node's symbol (symbols.ts, rememberingChecker) and each alias's
   * target (the alias's links). A map of this resolver's own held a second entry per node asked
   * (a third of a million at 40k methods), and two lookups per first question.
   */
  symbolAt(node: ts.Node): ts.Symbol | undefined {
    return symbolAt(this.checker, node);
  }

  /**
   * The symbol an expression names (a member its name, an element access its key); of `f(x).m`,
   * m from f's declared return type when that settles it, without inferring f's type arguments (declared.ts).
   */
  named(e: ts.Expression): ts.Symbol | undefined {
    if (ts.isPropertyAccessExpression(e)) return declaredMember(this.checker, e) ?? this.symbolAt(e.name);
    return this.symbolAt(ts.isElementAccessExpression(e) ? e.argumentExpression : e);
  }

  appSources(): ReadonlySet<ts.SourceFile> {
    return this.appFiles;
  }

  isApp(d: ts.Node): boolean {
    return this.appFiles.has(d.getSourceFile());
  }

  /** A member access whose receiver is typed by the app (so a missing symbol is our gap, not a library's). */
  isAppExpr(expr: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(expr) && !ts.isElementAccessExpression(expr)) return true;
    const t = this.checker.getTypeAtLocation(expr.expression);
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    const decls = (t.getSymbol() ?? t.aliasSymbol)?.declarations ?? [];
    return decls.length === 0 || decls.some((d) => this.isApp(d));
  }
}


function isAbstract(d: ts.Node): boolean {
  return ts.isMethodDeclaration(d) && !d.body && (ts.getModifiers(d)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ?? false);
}
