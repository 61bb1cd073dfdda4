/**
 * Methods the language runs without a call written at the site ('implicit' edges):
 * - iterating a value (`for…of`, a spread, array destructuring, `yield*`, a library function
 *   taking an iterable: `Array.from(x)`, `new Set(x)`, `Promise.all(x)`) runs its
 *   `[Symbol.iterator]` (`[Symbol.asyncIterator]` for `for await`) and the `next` of the
 *   iterator that returns; for a generator, its body (calls.ts follows which generators flow
 *   there: a generator function's call is its generator, values.ts);
 * - calling `next`/`return`/`throw` of a library iterator type runs the body of the generators
 *   that flow to the receiver;
 * - converting a value to a primitive (a template's operand, arithmetic, `+`, comparisons) runs
 *   its `toString`, `valueOf` or `[Symbol.toPrimitive]`; `JSON.stringify(x)` runs `x.toJSON`;
 * - `new Proxy(target, handler)`: see proxies.ts.
 * The members are found on the value's type (its declarations, overrides and implementations,
 * as for a call); plain data out: targets, or an expression whose generator values are wanted.
 */
import { ts } from '../../typescript.cjs';
import { isAsync as isAsyncFunction } from '../../ids/methodIds.js';
import { declaredMember, declaredSignatures } from './declared.js';
import type { Resolver, Target } from './resolve.js';
import { type CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { wellKnownProperties } from '../symbol-keys.js';
import { generatorsReturnedBy } from './iterator-generators.js';

const ITERATOR_METHODS = new Set(['next', 'return', 'throw']);
const CONVERSIONS = ['toString', 'valueOf'];
/** Library types whose iteration is the engine's own (no app code runs): skip them. */
const NATIVE_ITERABLES = new Set(['Array', 'ReadonlyArray', 'String', 'Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'Int8Array', 'Uint8Array', 'Float64Array', 'Arguments']);

/** Members of `expr`'s type (each part of a union) whose property name is `name`, or a well-known symbol `Symbol.<name>` when `symbol`. */
function members(r: Resolver, expr: ts.Node, name: string, symbol: boolean): ts.Declaration[] {
  return membersOfType(r, r.checker.getTypeAtLocation(expr), name, symbol);
}

function membersOfType(r: Resolver, type: ts.Type, name: string, symbol: boolean): ts.Declaration[] {
  const c = r.checker;
  const t = c.getApparentType(type);
  const out: ts.Declaration[] = [];
  for (const part of t.isUnion() ? t.types : [t]) {
    const p = symbol ? wellKnownProperties(c.getApparentType(part), name)[0] : c.getPropertyOfType(c.getApparentType(part), name);
    out.push(...(p?.declarations ?? []));
  }
  return out;
}

function targetsOf(r: Resolver, decls: ts.Declaration[]): Target[] {
  const app = decls.filter((d) => r.isApp(d));
  if (!app.length) return [];
  const res = r.fromDecls(app);
  return 'targets' in res ? res.targets.map((t) => ({ node: t.node, kind: 'implicit' as const })) : [];
}

/** What iterating a value of `type` runs of the app's classes and literals: `[Symbol.iterator]` and the `next` of what it returns. */
export function iterationTargets(r: Resolver, type: ts.Type, isAsync: boolean, held: ts.Node[] = []): Target[] {
  // `held`: the app's iterator methods a library-typed value may hold (library-subtypes.ts).
  const decls = [...membersOfType(r, type, isAsync ? 'asyncIterator' : 'iterator', true).filter((d) => r.isApp(d)), ...(held as ts.Declaration[])];
  const out = targetsOf(r, decls);
  for (const d of decls) {
    const sig = ts.isFunctionLike(d) ? r.checker.getSignatureFromDeclaration(d as ts.SignatureDeclaration) : undefined;
    if (!sig || (d as ts.FunctionLikeDeclaration).asteriskToken) continue; // a generator method: its body is the target already
    if (r.isApp(d)) out.push(...generatorsReturnedBy(r, d));
    // The declared return type (often the library's Iterator) and the types of what is returned.
    const types = [r.checker.getReturnTypeOfSignature(sig), ...r.values.returnsOf(d).map((e) => r.checker.getTypeAtLocation(e))];
    for (const t of types) {
      for (const m of ITERATOR_METHODS) {
        const p = r.checker.getPropertyOfType(r.checker.getApparentType(t), m);
        out.push(...targetsOf(r, [...(p?.declarations ?? [])]));
      }
    }
  }
  return out;
}

/** Whether generators may flow to `expr` (of type `t`): that is not only arrays, strings, maps and sets (iterated natively). */
export function mayHoldGenerator(r: Resolver, expr: ts.Expression, t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => {
    if (p.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return false;
    const name = p.getSymbol()?.getName();
    return !(name && NATIVE_ITERABLES.has(name) && !r.isApp(p.getSymbol()!.declarations?.[0] ?? expr));
  });
}

/**
 * The app's generator functions whose generators a value the flow cannot follow (an element of
 * an iterable, a for…of variable) may be: those whose generator type is assignable to the
 * value's type, every one when that type is generic (`Iterable<T>`: the type says nothing).
 */
export function generatorsOfType(r: Resolver, expr: ts.Expression, generators: readonly ts.Node[], isAsync: boolean): Target[] {
  const c = r.checker;
  const t = c.getTypeAtLocation(expr);
  const generic = (t.isUnion() ? t.types : [t]).some((p) => (p.flags & ts.TypeFlags.TypeParameter) !== 0 || ((p as ts.TypeReference).target !== undefined && c.getTypeArguments(p as ts.TypeReference).some((a) => (a.flags & ts.TypeFlags.TypeParameter) !== 0)));
  const out: Target[] = [];
  for (const g of generators) {
    if (ts.isFunctionLike(g) && isAsyncFunction(g) !== isAsync) continue;
    const sig = c.getSignatureFromDeclaration(g as ts.SignatureDeclaration);
    if (generic || (sig && c.isTypeAssignableTo(c.getReturnTypeOfSignature(sig), t))) out.push({ node: g, kind: 'implicit' });
  }
  return out;
}

/** What converting `expr` to a primitive runs: its `toString`, `valueOf`, `[Symbol.toPrimitive]` of the app. */
export function conversionTargets(r: Resolver, expr: ts.Expression): Target[] {
  const t = r.checker.getTypeAtLocation(expr);
  if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike)) return [];
  // Without a toString of its own, Object.prototype.toString reads [Symbol.toStringTag].
  return [...CONVERSIONS.flatMap((n) => targetsOf(r, members(r, expr, n, false))), ...targetsOf(r, members(r, expr, 'toPrimitive', true)), ...targetsOf(r, members(r, expr, 'toStringTag', true))];
}

/** What converting a value of type `t` runs (conversionTargets by type: an array's elements joined). */
export function conversionTargetsOfType(r: Resolver, t: ts.Type): Target[] {
  if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike)) return [];
  return [...CONVERSIONS.flatMap((n) => targetsOf(r, membersOfType(r, t, n, false))), ...targetsOf(r, membersOfType(r, t, 'toPrimitive', true)), ...targetsOf(r, membersOfType(r, t, 'toStringTag', true))];
}

/** What a `using` declaration holds runs its [Symbol.dispose] at the block's end; `await using` its [Symbol.asyncDispose], or [Symbol.dispose] when it has none. */
export function disposeTargets(r: Resolver, expr: ts.Expression, isAsync: boolean): Target[] {
  const own = isAsync ? members(r, expr, 'asyncDispose', true) : [];
  return targetsOf(r, [...own, ...members(r, expr, 'dispose', true)]);
}

/** `x instanceof C` runs C's static `[Symbol.hasInstance]` of the app (own or inherited), or of the classes a value `C` may hold. */
export function hasInstanceTargets(r: Resolver, expr: ts.Expression): Target[] {
  return targetsOf(r, members(r, expr, 'hasInstance', true));
}

/** Methods of built-ins that make a new object of the receiver's kind through `constructor[Symbol.species]`. */
const SPECIES_USERS = new Set(['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap', 'then', 'catch', 'finally', 'subarray']);

/** `l.map(f)` on an app class extending Array (Promise, a typed array): its static `[Symbol.species]` getter runs. */
function speciesTargets(r: Resolver, recv: ts.Expression): Target[] {
  const c = r.checker;
  const t = c.getTypeAtLocation(recv);
  const out: Target[] = [];
  for (const part of t.isUnion() ? t.types : [t]) {
    const cls = part.getSymbol()?.declarations?.find(ts.isClassLike);
    if (!cls || !r.isApp(cls)) continue;
    const ctor = c.getTypeOfSymbolAtLocation(part.getSymbol()!, cls);
    const species = wellKnownProperties(ctor, 'species')[0];
    out.push(...targetsOf(r, [...(species?.declarations ?? [])]));
  }
  return out;
}

/**
 * What a call to a library function runs implicitly: the iterables it takes are iterated
 * (returned as `iterated`), `JSON.stringify(x)` runs x's toJSON, and `it.next()` on a library
 * iterator runs what the receiver holds (`receiver`).
 */
export function libraryCallUses(r: Resolver, site: CallSite): { targets: Target[]; iterated: ts.Expression[]; receiver?: ts.Expression } {
  const out = { targets: [] as Target[], iterated: [] as ts.Expression[], receiver: undefined as ts.Expression | undefined };
  if (!ts.isCallExpression(site) && !ts.isNewExpression(site)) return out;
  const callee = skipWrappers(site.expression);
  if (ts.isCallExpression(site) && ts.isPropertyAccessExpression(callee) && ITERATOR_METHODS.has(callee.name.text)) out.receiver = callee.expression;
  if (ts.isPropertyAccessExpression(callee) && SPECIES_USERS.has(callee.name.text)) out.targets.push(...speciesTargets(r, callee.expression));
  const args = site.arguments ?? [];
  if (!args.length) return out;
  const written = callee.getText();
  if (written === 'JSON.stringify') out.targets.push(...targetsOf(r, members(r, args[0]!, 'toJSON', false)));
  // String(x), Object.prototype.toString.call(x): a conversion of x.
  if (written === 'String' || written === 'Object.prototype.toString.call') out.targets.push(...conversionTargets(r, args[0]!));
  // Arguments that may be an iterable holding app code: not literals nor functions written in
  // place (an array literal is iterated natively). Their parameters, in any signature of the
  // callee, declared as an iterable (read from the declarations: resolving each library call's
  // signature would cost more than the rest of the analysis).
  const candidates = args.map((a, i) => [a, i] as const).filter(([a]) => mayBeIterableArgument(a));
  if (!candidates.length) return out;
  const sigs = ts.isNewExpression(site) ? r.checker.getTypeAtLocation(site.expression).getConstructSignatures() : callSignatures(r.checker, site.expression);
  for (const [a, i] of candidates) if (sigs.some((sig) => iterableParameter(sig, i))) out.iterated.push(a);
  return out;
}

/** The callee's call signatures; of `f(x).m`, m's declared ones when they are known without resolving `f(x)` (declared.ts). */
function callSignatures(checker: ts.TypeChecker, callee: ts.Expression): readonly ts.Signature[] {
  const member = ts.isPropertyAccessExpression(callee) ? declaredMember(checker, callee) : undefined;
  return (member && declaredSignatures(checker, member)) ?? checker.getTypeAtLocation(callee).getCallSignatures();
}

function mayBeIterableArgument(a: ts.Expression): boolean {
  const e = skipWrappers(a);
  return ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isConditionalExpression(e) || ts.isBinaryExpression(e);
}

function iterableParameter(sig: ts.Signature, i: number): boolean {
  const params = sig.getParameters();
  const p = params[Math.min(i, params.length - 1)]?.valueDeclaration;
  const type = p && ts.isParameter(p) ? p.type : undefined;
  return !!type && /\b(Async)?Iterable(Iterator)?\b/.test(type.getText());
}
