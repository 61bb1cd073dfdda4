/**
 * Functions the app hands to its callers come back. An exported function's result that is a
 * function (`return effectOper.bind(e)`, `return () => unsubscribe(id)`) is held by code outside
 * the app, which may pass it back to any app function taking a function (`trigger(signal())`)
 * or call it from a callback the app runs (`effectScope(() => dispose())`). So a call through a
 * function value that is not known statically (a parameter whose callers are outside, a member
 * holding what they passed) may run any of those functions whose type fits the callee's.
 * Exported functions themselves come back too (`create(base, fn, { mark: markSimpleObject })`),
 * but rarely: counting them at every such call ran every small exported function from every
 * callback site (a third more edges, no more found), so they are not.
 */
import { ts } from '../../typescript.cjs';
import { isAsync } from '../../ids/methodIds.js';
import { constructible } from './constructors.js';
import type { AppFile } from '../project.js';
import { fitsErased, guardsTypeParameter, namesTypeParameter } from './generic-fit.js';
import type { Resolver, Target } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/**
 * The function values the app's exported functions return, each with the types it is known by
 * outside: its own, and the result type its exported function declares
 * (`signalOper.bind(node)` needs an argument, `signal()`'s result may be called without).
 * A result type written out is all the callers know (knownOutside): `$constructor(...):
 * $constructor<T, D>` returns its inner `_` as any, a type with no call signature, so no
 * callee's type admits `_` without a cast. It has a construct signature: callers `new` it, so
 * `_` comes back to a `new` whose callee's type that fits (constructs).
 */
export function handedOut(r: Resolver, files: readonly AppFile[]): Handed[] {
  const c = r.checker;
  const out = new Map<ts.Node, ts.Type[]>();
  const constructs = new Map<ts.Node, ts.Type[]>();
  for (const f of files) {
    const module = c.getSymbolAtLocation(f.sf);
    if (!module) continue;
    for (const exported of c.getExportsOfModule(module)) {
      const sym = exported.flags & ts.SymbolFlags.Alias ? c.getAliasedSymbol(exported) : exported;
      for (const d of sym.declarations ?? []) {
        const fn = exportedFunction(d);
        if (!fn || !r.isApp(fn)) continue;
        const written = knownOutside(c, fn);
        const declared = c.getSignatureFromDeclaration(fn);
        const result = declared && c.getNonNullableType(c.getReturnTypeOfSignature(declared));
        const newable = constructibleOutside(c, fn);
        for (const ret of r.values.returnsOf(fn)) {
          for (const v of r.values.of(ret)) {
            const types = out.get(v) ?? out.set(v, []).get(v)!;
            const known = written ?? [typeOfFunction(c, v), ...(result && result.getCallSignatures().length ? [result] : [])];
            for (const t of known) if (!types.includes(t)) types.push(t);
            if (!constructible(v)) continue;
            const ctors = constructs.get(v) ?? constructs.set(v, []).get(v)!;
            const own = typeOfFunction(c, v);
            for (const t of [...newable, ...(own.getConstructSignatures().length ? [own] : [])]) if (!ctors.includes(t)) ctors.push(t);
          }
        }
      }
    }
  }
  return [...out].map(([node, types]) => ({ node, types, constructs: constructs.get(node) ?? [] })).filter((h) => h.types.length || h.constructs.length);
}

/**
 * The parts of a function's written result type (awaited, for an async function) that callers
 * may `new`: those with construct signatures (`$constructor<T, D>`'s `new (def: D): T`).
 */
function constructibleOutside(c: ts.TypeChecker, fn: ts.SignatureDeclaration): ts.Type[] {
  if (!fn.type || (fn as ts.FunctionLikeDeclaration).asteriskToken) return [];
  let t = c.getTypeFromTypeNode(fn.type);
  if (isAsync(fn)) t = c.getAwaitedType(t) ?? t;
  t = c.getNonNullableType(t);
  return (t.isUnion() ? t.types : [t]).filter((p) => p.getConstructSignatures().length > 0);
}

/**
 * The types a function's written result type lets its callers call what it returns by: the
 * parts of the result (awaited, for an async function) that have call signatures, maybe none.
 * Undefined (the function's own type counts too) when no result type is written, for a
 * generator (what it returns comes out of `next()`), for overloads, or when the written type leaves it to the
 * callers: a part that is `any`, `unknown`, `Function`, one the type arguments decide (a type
 * parameter, `T[K]`, a conditional type), or a callable part written in type parameters
 * (compared as written, `(x: T) => void` would fit no callee taking a string, yet T may be one).
 * A part that only names them (`$constructor<T, D>`) has the call signatures its declaration gives.
 */
function knownOutside(c: ts.TypeChecker, fn: ts.SignatureDeclaration): ts.Type[] | undefined {
  if (!fn.type || (fn as ts.FunctionLikeDeclaration).asteriskToken) return undefined;
  // An overloaded function's callers see its overloads, not the implementation's result.
  // (Only functions count: an interface of the same name, as `$constructor`'s, merges into its symbol.)
  if (ts.isFunctionDeclaration(fn) && fn.name && (c.getSymbolAtLocation(fn.name)?.declarations ?? []).filter(ts.isFunctionDeclaration).length > 1) return undefined;
  let t = c.getTypeFromTypeNode(fn.type);
  if (isAsync(fn)) t = c.getAwaitedType(t) ?? t;
  // Asked before dropping null and undefined: `unknown` without them is `{}`.
  const open = (p: ts.Type): boolean => (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || pickedByCaller(p) || isGlobalFunction(p);
  if ((t.isUnion() ? t.types : [t]).some(open)) return undefined;
  t = c.getNonNullableType(t);
  const parts = t.isUnion() ? t.types : [t];
  const callable = parts.filter((p) => p.getCallSignatures().length > 0);
  return callable.some((p) => namesTypeParameter(c, p)) ? undefined : callable;
}

/** A type whose shape the type arguments decide: a type parameter, `T[K]`, a conditional type, or an intersection with one. */
function pickedByCaller(t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution)) return true;
  return t.isIntersection() && t.types.some(pickedByCaller);
}

/** The library's `Function` (`CallableFunction`, `NewableFunction`): a value of that type may be called with anything. */
function isGlobalFunction(t: ts.Type): boolean {
  const s = t.getSymbol();
  return !!s && /^(Callable|Newable)?Function$/.test(s.name) && (s.declarations ?? []).some((d) => d.getSourceFile().isDeclarationFile);
}

export interface Handed {
  node: ts.Node;
  /** The types callers call it by. */
  types: ts.Type[];
  /** The types callers may `new` it by: with construct signatures. */
  constructs: ts.Type[];
}

/**
 * Of the handed-out functions, those a call through `callee` may run: the callee's type has call
 * signatures (an `any` callee says nothing) and the function's type is assignable to it.
 */
export function handedBackTo(c: ts.TypeChecker, callee: ts.Expression, handed: readonly Handed[]): Target[] {
  const want = c.getTypeAtLocation(callee);
  if (want.flags & ts.TypeFlags.Any || !c.getNonNullableType(want).getCallSignatures().length) return [];
  const target = c.getNonNullableType(want);
  // Written in the enclosing function's type parameters (a guard's type too), the callee's type is compared with them erased (generic-fit.ts).
  const generic = namesTypeParameter(c, target) || guardsTypeParameter(c, target);
  const fits = (t: ts.Type): boolean => c.isTypeAssignableTo(t, target) || (generic && fitsErased(c, t, target));
  return handed.filter((h) => h.types.some(fits)).map((h) => ({ node: h.node, kind: 'callback' as const }));
}

/**
 * The expression whose type says what a call may run: `f` of `f.call(t, x)` and `f.apply(t, xs)`,
 * which run f's value. `call`'s own type (`call<T, A, R>(this: (this: T, ...args: A) => R, ...)`)
 * is generic with a rest parameter, so every function fits it once erased; f's type is what the
 * value run must have. A receiver without call signatures (typed `Function`, a union of unlike
 * signatures) says less than `call` does, so the callee stays.
 */
export function calleeRun(r: Resolver, call: ts.CallExpression): ts.Expression {
  const callee = skipWrappers(call.expression);
  const member = r.fnMember(callee);
  if ((member !== 'call' && member !== 'apply') || !ts.isPropertyAccessExpression(callee)) return call.expression;
  const receiver = r.checker.getTypeAtLocation(callee.expression);
  if (receiver.flags & ts.TypeFlags.Any || !r.checker.getNonNullableType(receiver).getCallSignatures().length) return call.expression;
  return callee.expression;
}

/**
 * Of the handed-out functions, those `new callee()` may run: the callee's type has construct
 * signatures and a function's constructible type is assignable to it, or fits it once type
 * parameters are erased (`$constructor<T, D>` returned, `$constructor<ZodMiniString>` at the site).
 */
export function handedBackToNew(c: ts.TypeChecker, callee: ts.Expression, handed: readonly Handed[]): Target[] {
  const want = c.getTypeAtLocation(callee);
  if (want.flags & ts.TypeFlags.Any) return [];
  const target = c.getNonNullableType(want);
  if (!target.getConstructSignatures().length) return [];
  const fits = (t: ts.Type): boolean => c.isTypeAssignableTo(t, target) || ((namesTypeParameter(c, t) || namesTypeParameter(c, target)) && fitsErased(c, t, target, 'construct'));
  return handed.filter((h) => h.constructs.some(fits)).map((h) => ({ node: h.node, kind: 'constructor' as const }));
}

function exportedFunction(d: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(d) && d.body) return d;
  // Also under a cast (`((initial) => ...) as Create`): what it returns goes out all the same.
  const init = ts.isVariableDeclaration(d) && d.initializer && skipWrappers(d.initializer);
  if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
  return undefined;
}

function typeOfFunction(c: ts.TypeChecker, fn: ts.Node): ts.Type {
  const named = (fn as ts.NamedDeclaration).name;
  return c.getTypeAtLocation(named && !ts.isFunctionExpression(fn) ? named : fn);
}
