/**
 * Proxy traps: `new Proxy(target, handler)` makes every read of a property of the proxy run the
 * handler's `get`, every write its `set`, `k in p` its `has`, `delete p.k` its `deleteProperty`,
 * listing its keys (`Object.keys(p)`, `for…in`, a spread `{ ...p }`) its `ownKeys` and
 * `getOwnPropertyDescriptor`, and `p instanceof C` or `Object.getPrototypeOf(p)` its
 * `getPrototypeOf`. A built-in method called on a proxy (`p.splice(0, 1)`, `p.hasOwnProperty(k)`)
 * reads, writes, tests, deletes and lists its properties through the traps; and what a call
 * `p.m()` or iterating `p` runs is what its `get` trap returns (`handle.bind(target.proxy)`),
 * of a return under a test of the key only what it returns for that name (trap-key-guards.ts).
 *
 * Handlers: the app's object literals typed `ProxyHandler` (by their contextual type: declared
 * so, or written where one is expected), what is stored into a member of one
 * (`handler.set = () => false`), and the members of what is passed as the handler of a
 * `new Proxy` written in the app; instances of handler classes and members holding a made function
 * (handler-classes.ts). The proxy has its target's type, and the target is usually of
 * a type that says little (a type parameter, `object`, `unknown`, `any`, a record): so a
 * receiver may be a proxy when its type is one of those (also `{}` or `Object`, before a cast too:
 * `(x as any as Adm)[k]` of an `x: Object`; or when an app function returns the parameter it
 * was passed such a value in: `ensure(target)` returning its `target: any` as Adm), or the type of a target the app wraps, and it is in a module linked by imports (either way, directly or not) to one that
 * makes a proxy or handler (a proxy is used where it is made, by the code its module serves,
 * and by the code the modules it reaches hand it to: `internal.createDraft` is how one module
 * calls another without importing it; in a generic code base, every receiver of a type
 * parameter anywhere would run every trap, modules that never import each other pass nothing).
 * `this` in a function a `get` trap returns may be the proxy (`p.keys()` runs it on `p`), and so
 * may a parameter of an app function some call passes a possible proxy (`untracked(this, 'push')`).
 * A built-in applied to one (`raw[method].apply(self, args)`) uses it as a call on it would
 * (proxy-uses.ts); `list.join()` reads each element, through the get trap when they may be proxies.
 * When the app makes no proxy, nothing here costs anything.
 */
import { ts } from '../../typescript.cjs';
import { declaredResult } from './declared.js';
import { iteratorOfValue, nextOf } from './value-members.js';
import { handlerTrapsBeyondLiterals } from './handler-classes.js';
import { keyNames } from './keys.js';
import { literalEntries } from './literal-entries.js';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolver, Target } from './resolve.js';
import type { FileSites } from '../walk.js';
import { skipWrappers, thisFunction } from '../expressions.js';
import { calledDeclaration } from './installer-syntax.js';
import { declaredByLibrary } from '../symbols.js';
import { argumentIndex } from '../parameters.js';
import { branchesOf, keysReturnedFor } from './trap-key-guards.js';
import { isWellKnownKey } from '../symbol-keys.js';

export type TrapUse = 'get' | 'set' | 'has' | 'deleteProperty' | 'ownKeys' | 'getPrototypeOf';
const TRAPS_OF: Record<TrapUse, string[]> = {
  get: ['get'],
  set: ['set', 'defineProperty'],
  has: ['has'],
  deleteProperty: ['deleteProperty'],
  ownKeys: ['ownKeys', 'getOwnPropertyDescriptor'],
  getPrototypeOf: ['getPrototypeOf'],
};
/** What a built-in method called on a proxy may do to it (an array's splice reads, tests, writes and deletes; hasOwnProperty asks a descriptor). */
export const BUILTIN_USES: readonly TrapUse[] = ['get', 'set', 'has', 'deleteProperty', 'ownKeys'];
const ALL_TRAPS = new Set(Object.values(TRAPS_OF).flat());

export class Proxies {
  private readonly traps = new Map<string, Set<ts.Node>>();
  private readonly targetTypes = new Set<ts.Type>();
  private readonly targetClasses = new Set<ts.Symbol | undefined>();
  private readonly verdicts = new Map<ts.Type, boolean>();
  /** The module that makes each trap's proxy or handler. */
  private readonly madeIn = new Map<ts.Node, ts.SourceFile>();
  /** Per such module: itself and the app modules importing (or re-exporting) it. */
  private readonly near = new Map<ts.SourceFile, Set<ts.SourceFile>>();

  constructor(
    private readonly r: Resolver,
    all: FileSites[],
  ) {
    const c = r.checker;
    for (const s of all) {
      for (const l of s.literalFns) {
        if (!ALL_TRAPS.has(l.name) || !l.fn || !isHandlerType(c.getContextualType(l.lit))) continue;
        this.trap(l.name, l.fn);
      }
      for (const st of s.stores) {
        // Under a computed key, the names its type (or loop: for-in-keys.ts) admits: `arrayTraps[key] = function () {}`.
        for (const name of st.name !== undefined ? [st.name] : (keyNames(c, (st.left as ts.ElementAccessExpression).argumentExpression) ?? [])) {
          if (ALL_TRAPS.has(name) && isHandlerType(c.getTypeAtLocation(st.left.expression))) for (const v of r.values.of(st.value)) this.trap(name, v);
        }
      }
      for (const { node } of s.calls) {
        if (!ts.isNewExpression(node) || !isProxyConstructor(skipWrappers(node.expression)) || !node.arguments || node.arguments.length < 2) continue;
        const [target, handler] = node.arguments;
        const type = c.getTypeAtLocation(target!);
        this.targetTypes.add(type);
        this.targetClasses.add(type.getSymbol());
        for (const t of ALL_TRAPS) for (const v of r.values.propertyOf(handler!, t)) this.trap(t, v, node);
      }
    }
    for (const t of handlerTrapsBeyondLiterals(r, all, ALL_TRAPS, isHandlerType)) this.trap(t.name, t.fn);
    if (this.traps.size) this.importers(all);
  }

  private trap(name: string, fn: ts.Node, at: ts.Node = fn): void {
    (this.traps.get(name) ?? this.traps.set(name, new Set()).get(name)!).add(fn);
    if (!this.madeIn.has(fn)) this.madeIn.set(fn, at.getSourceFile());
    if (!this.near.has(at.getSourceFile())) this.near.set(at.getSourceFile(), new Set([at.getSourceFile()]));
  }

  /**
   * Adds to each module's `near` the app modules linked to it by imports and re-exports, either
   * way, directly or not. An import or re-export of types only (`import type`, `export type`,
   * every name marked `type`) carries no value, so no proxy: it is no link.
   */
  private importers(all: FileSites[]): void {
    const links = new Map<ts.SourceFile, ts.SourceFile[]>();
    const link = (a: ts.SourceFile, b: ts.SourceFile) => (links.get(a) ?? links.set(a, []).get(a)!).push(b);
    for (const s of all) {
      for (const st of s.file.sf.statements) {
        const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && !typesOnly(st) && st.moduleSpecifier;
        const target = spec ? this.r.checker.getSymbolAtLocation(spec)?.valueDeclaration : undefined;
        if (!target || !ts.isSourceFile(target)) continue;
        link(s.file.sf, target);
        link(target, s.file.sf);
      }
    }
    for (const [maker, near] of this.near) {
      const todo = [maker];
      for (let m = todo.pop(); m; m = todo.pop()) {
        for (const i of links.get(m) ?? []) if (!near.has(i)) near.add(i), todo.push(i);
      }
    }
  }

  private returnedByGet?: Set<ts.Node>;
  /** Of the functions the `get` traps return, those handed out only as a literal's entry of a name (literal-entries.ts): the names. */
  private readonly entryNames = new Map<ts.Node, Set<string>>();
  /** The functions the `get` traps return. */
  /** `this` in a function the get trap returns. */
  private isReturnedThis(e: ts.Expression): boolean {
    const owner = e.kind === ts.SyntaxKind.ThisKeyword ? thisFunction(e) : undefined;
    return owner !== undefined && this.returned().has(owner);
  }

  private returned(): Set<ts.Node> {
    if (this.returnedByGet) return this.returnedByGet;
    const any = new Set<ts.Node>();
    const named = new Map<ts.Node, Set<string>>();
    for (const trap of this.traps.get('get') ?? []) {
      for (const ret of this.r.values.returnsOf(trap).flatMap(branchesOf)) {
        // `if (key === 'subscribe') return wrap(...)`: handed out for reads of that name only (trap-key-guards.ts).
        const guarded = keysReturnedFor(this.r.checker, trap, ret);
        const entries = guarded ? undefined : this.entriesReturned(ret);
        if (guarded) for (const fn of this.r.values.of(ret)) for (const name of guarded) (named.get(fn) ?? named.set(fn, new Set()).get(fn)!).add(name);
        else if (!entries) for (const fn of this.r.values.of(ret)) any.add(fn);
        for (const { name, value } of entries ?? []) {
          for (const fn of isMethodNode(value) ? [value] : this.r.values.of(value as ts.Expression)) (named.get(fn) ?? named.set(fn, new Set()).get(fn)!).add(name);
        }
      }
    }
    for (const [fn, names] of named) if (!any.has(fn)) this.entryNames.set(fn, names);
    this.returnedByGet = new Set([...any, ...named.keys()]);
    return this.returnedByGet;
  }

  /** `return table[key]`, or `return fn` of a variable assigned so (`if (fn = table[key]) return fn`): the literal's entries. */
  private entriesReturned(ret: ts.Expression): ReturnType<typeof literalEntries> {
    const direct = literalEntries(this.r.checker, this.r.stores, ret);
    const e = skipWrappers(ret);
    const d = direct || !ts.isIdentifier(e) ? undefined : this.r.symbolAt(e)?.valueDeclaration;
    if (!d || !ts.isVariableDeclaration(d)) return direct;
    const held = [...(d.initializer ? [d.initializer] : []), ...this.r.stores.assigned(d)].map((v) => literalEntries(this.r.checker, this.r.stores, v));
    return held.some((h) => h === undefined) ? undefined : held.flatMap((h) => h!);
  }

  /**
   * What a call `receiver.<name>()` (`name` undefined: a computed key) or iterating it (`name`
   * '[Symbol.iterator]') may run when it is a proxy: the functions its `get` traps return, of
   * those named, the ones of that name (the trap hands out `handlers[key]`), and any unnamed.
   */
  returnedAt(receiver: ts.Expression, name: string | undefined): Target[] {
    if (!this.at(receiver, 'get').length) return [];
    const fits = (fn: ts.Node): boolean => {
      const own = this.entryNames.get(fn) ?? memberName(this.r.checker, fn);
      if (own === undefined || name === undefined) return true;
      return typeof own === 'string' ? own === name || (name === '[Symbol.iterator]' && isWellKnownKey(own, 'iterator')) : own.has(name);
    };
    const fns = [...this.returned()].filter(fits);
    // Iterating runs the `next` of the iterator the returned `[Symbol.iterator]` method returns.
    const next = name === '[Symbol.iterator]' ? nextOf(this.r, fns) : [];
    return [...fns, ...next].map((node) => ({ node, kind: 'callback' as const }));
  }

  /** The app makes proxies with handlers of its own. */
  get any(): boolean {
    return this.traps.size > 0;
  }

  /**
   * Converting each element of `list` to a string (`list.join()`) reads its `Symbol.toPrimitive`
   * and `toString`: the get traps, when the elements' type may be a proxy's (`T[]`, `unknown[]`).
   */
  elementsRead(list: ts.Expression): Target[] {
    const file = list.getSourceFile();
    const traps = [...(this.traps.get('get') ?? [])].filter((fn) => this.near.get(this.madeIn.get(fn)!)!.has(file));
    if (!traps.length) return [];
    const c = this.r.checker;
    const el = c.getIndexTypeOfType(c.getTypeAtLocation(list), ts.IndexKind.Number);
    if (!el || !(el.isUnion() ? el.types : [el]).some((p) => this.targetTypes.has(p) || opaque(c, p))) return [];
    return traps.map((node) => ({ node, kind: 'implicit' as const }));
  }

  /** The traps using `receiver` this way may run: none unless it may be a proxy. */
  at(receiver: ts.Expression, use: TrapUse): Target[] {
    const file = receiver.getSourceFile();
    const traps = TRAPS_OF[use].flatMap((n) => [...(this.traps.get(n) ?? [])]).filter((fn) => this.near.get(this.madeIn.get(fn)!)!.has(file));
    if (!traps.length || !this.mayBeProxy(receiver)) return [];
    return traps.map((node) => ({ node, kind: 'implicit' as const }));
  }

  /**
   * What iterating the result of `recv.m()` runs when recv may be a proxy: the `[Symbol.iterator]`
   * (and its `next`) of what the functions its get trap hands out as `m` return.
   */
  iteratedResult(e: ts.Expression): Target[] {
    const call = skipWrappers(e);
    if (!ts.isCallExpression(call)) return [];
    const callee = skipWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    const fns = this.returnedAt(callee.expression, callee.name.text).map((t) => t.node);
    const results = fns.flatMap((fn) => this.r.values.returnsOf(fn));
    return results.flatMap((ret) => iteratorOfValue(this.r, ret)).map((node) => ({ node, kind: 'implicit' as const }));
  }

  /**
   * Its type, or the type of what it is before a cast (`(obj as { k?: T })[k]`), may be a proxy's;
   * so may a variable declared with such a type and narrowed since (`Array.isArray(x)`, `x
   * instanceof Map` of an `x: any`): a narrowing does not change the value.
   */
  private mayBeProxy(receiver: ts.Expression): boolean {
    const inner = skipWrappers(receiver);
    if (this.isReturnedThis(inner)) return true;
    // The standard library's own objects (`Object.prototype`, typed Object) are none; an app
    // constructor's `prototype` (declared by the library's `Function`) may have been given one.
    if (ts.isPropertyAccessExpression(inner) && this.ofLibraryGlobal(inner)) return false;
    return this.typeMayBeProxy(receiver) || (inner !== receiver && this.typeMayBeProxy(inner)) || this.declaredMayBeProxy(inner) || this.returnsProxy(inner) || this.passedProxy(inner);
  }

  /**
   * A path of members the standard library declares from a global it declares (`Object.prototype`,
   * `Array.prototype.slice`); not what the app hangs on a global (`(window as any).store`).
   */
  private ofLibraryGlobal(e: ts.Expression): boolean {
    let at = e;
    while (ts.isPropertyAccessExpression(at)) {
      if (!declaredByLibrary(this.r.symbolAt(at.name))) return false;
      at = skipWrappers(at.expression);
    }
    return ts.isIdentifier(at) && declaredByLibrary(this.r.symbolAt(at));
  }

  /** A proxy for certain, not by its type: `this` in a function the get trap hands out, or a parameter passed one. */
  private handedProxy(e: ts.Expression): boolean {
    const inner = skipWrappers(e);
    return this.isReturnedThis(inner) || this.passedProxy(inner);
  }

  private readonly passed = new Map<ts.ParameterDeclaration, boolean>();
  /**
   * A parameter of an app function some call passes a proxy (`noTracking(this, 'pop')` in a method
   * the get trap hands out). Arguments that may be proxies only by their type (`any`) are not taken:
   * the parameter's own type says as much of them.
   */
  private passedProxy(e: ts.Expression): boolean {
    const d = ts.isIdentifier(e) ? this.r.symbolAt(e)?.valueDeclaration : undefined;
    if (!d || !ts.isParameter(d) || !ts.isFunctionDeclaration(d.parent) || d.dotDotDotToken) return false;
    const known = this.passed.get(d);
    if (known !== undefined) return known;
    this.passed.set(d, false); // a recursive call passes nothing new
    const i = argumentIndex(d);
    const v = (this.r.callers?.of(d.parent) ?? []).some((call) => {
      const arg = call.arguments[i];
      return arg !== undefined && !ts.isSpreadElement(arg) && this.handedProxy(arg);
    });
    this.passed.set(d, v);
    return v;
  }

  /**
   * A call of an app function that returns one of its parameters (`asObservable(target)` returning
   * its `target: any` as declared `Adm`): the argument passed there, which may be a proxy.
   */
  private returnsProxy(e: ts.Expression): boolean {
    if (!ts.isCallExpression(e)) return false;
    const fn = calledDeclaration(this.r.checker, e.expression);
    if (!fn || !this.r.isApp(fn)) return false;
    return this.r.values.returnsOf(fn).some((ret) => {
      const x = skipWrappers(ret);
      const d = ts.isIdentifier(x) ? this.r.symbolAt(x)?.valueDeclaration : undefined;
      const i = d && ts.isParameter(d) && d.parent === fn && !d.dotDotDotToken ? argumentIndex(d) : -1;
      const arg = i >= 0 ? e.arguments[i] : undefined;
      return arg !== undefined && !ts.isSpreadElement(arg) && this.mayBeProxy(arg);
    });
  }

  private declaredMayBeProxy(e: ts.Expression): boolean {
    if (!ts.isIdentifier(e)) return false;
    const d = this.r.symbolAt(e)?.valueDeclaration;
    if (!d || !(ts.isParameter(d) || ts.isVariableDeclaration(d)) || !d.type) return false;
    const t = this.r.checker.getTypeFromTypeNode(d.type);
    return (t.isUnion() ? t.types : [t]).some((p) => this.targetTypes.has(p) || opaque(this.r.checker, p));
  }

  private typeMayBeProxy(receiver: ts.Expression): boolean {
    const c = this.r.checker;
    // A call's declared class or interface (`expect(x)`: Assertion<T>) says as much as the
    // inferred one, unless a target is of that class: then only the very type tells.
    const declared = declaredResult(c, receiver);
    const t = declared && !this.targetClasses.has(declared.getSymbol()) ? declared : c.getTypeAtLocation(receiver);
    let v = this.verdicts.get(t);
    if (v === undefined) {
      const parts = t.isUnion() ? t.types : [t];
      v = parts.some((p) => this.targetTypes.has(p) || opaque(c, p));
      this.verdicts.set(t, v);
    }
    return v;
  }
}

/**
 * A type that tells nothing of the object's own class: a type parameter (or a type computed from
 * one), any, unknown, object, `{}`, Object, a record, or never (a narrowing the checker could not follow).
 */
function opaque(c: ts.TypeChecker, t: ts.Type): boolean {
  const OPAQUE = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.IndexedAccess;
  if (t.flags & OPAQUE) return true;
  if (t.isIntersection()) return t.types.some((p) => opaque(c, p)); // `T & object`, a narrowed type parameter
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  // `{}` and the standard library's `Object` admit any value but null and undefined.
  if (c.getPropertiesOfType(t).length === 0 && !t.getCallSignatures().length && !t.getConstructSignatures().length) return true;
  if (t.getSymbol()?.getName() === 'Object' && declaredByLibrary(t.getSymbol())) return true;
  return c.getIndexInfosOfType(t).length > 0 && !c.isArrayType(t) && !c.isTupleType(t);
}

/** The property name a function is declared under (`keys() {}`, `size: () => 0`, `[iteratorSymbol]() {}`: its symbol's), if any. */
function memberName(c: ts.TypeChecker, fn: ts.Node): string | undefined {
  const named = ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
  if (!named) return undefined;
  if (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name)) return named.name.text;
  return c.getSymbolAtLocation(named.name)?.escapedName as string | undefined;
}

function isHandlerType(t: ts.Type | undefined): boolean {
  if (!t) return false;
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => (p.aliasSymbol ?? p.getSymbol())?.getName() === 'ProxyHandler');
}

function isProxyConstructor(e: ts.Expression): boolean {
  return ts.isIdentifier(e) && e.text === 'Proxy';
}

/** Whether an import or re-export names types only: erased from the emitted code, it links no values. */
function typesOnly(st: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(st)) {
    const names = st.exportClause;
    return st.isTypeOnly || (names !== undefined && ts.isNamedExports(names) && names.elements.length > 0 && names.elements.every((e) => e.isTypeOnly));
  }
  const clause = st.importClause;
  if (!clause) return false; // `import './setup'` runs the module
  const names = clause.namedBindings;
  return clause.isTypeOnly || (!clause.name && names !== undefined && ts.isNamedImports(names) && names.elements.length > 0 && names.elements.every((e) => e.isTypeOnly));
}
