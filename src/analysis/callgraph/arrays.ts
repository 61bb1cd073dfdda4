/**
 * Arrays of functions: `[a, b].forEach((f) => f())`, `Promise.all(tasks.map((t) => t()))`,
 * `for (const f of steps) f()`. The element parameter of a callback given to an array method
 * of the standard library (and a for-of variable) holds the array's elements, found by
 * FunctionValues.elements: array literals, spreads, variables initialised with them, copies.
 * Sets and Maps hold elements too: what `add` and `set` put there, what `new Set(list)` and
 * `new Map(pairs)` start with; their `forEach`, `for…of` and `get` give them back. A Map's keys
 * are kept apart (FunctionValues.keys): `keys()`, the pairs' first place, forEach's second parameter.
 */
import { ts } from '../../typescript.cjs';
import { climbWrappers } from '../../ids/methodIds.js';
import { skipWrappers } from '../expressions.js';
import { argumentIndex } from '../parameters.js';
import { typedAny } from './any-receivers.js';
import { declaredByLibrary } from '../symbols.js';

/** Array methods whose callback receives elements, and at which parameter positions. */
const ELEMENT_PARAMS: Record<string, number[]> = {
  forEach: [0],
  map: [0],
  flatMap: [0],
  filter: [0],
  find: [0],
  findIndex: [0],
  findLast: [0],
  findLastIndex: [0],
  some: [0],
  every: [0],
  reduce: [1],
  reduceRight: [1],
  sort: [0, 1],
  toSorted: [0, 1],
};

/** Methods returning (some of) the receiver's elements. */
export const ARRAY_COPIES = new Set(['slice', 'filter', 'concat', 'reverse', 'toReversed', 'sort', 'toSorted', 'flat', 'values']);

/**
 * When `fn` is the callback of a standard Map's forEach (`map.forEach((v, k) => ...)`) and
 * parameter `idx` receives its keys: the map.
 */
export function keySource(checker: ts.TypeChecker, fn: ts.Node, idx: number): ts.Expression | undefined {
  if (idx !== 1) return undefined;
  const e = climbWrappers(fn);
  const call = e.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== e) return undefined;
  const callee = skipWrappers(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'forEach' && collectionOf(checker, callee.name) === 'Map' ? callee.expression : undefined;
}

/**
 * When `fn` is the callback of a standard array method (`recv.map(fn)`) and parameter `idx`
 * receives the elements: the receiver.
 */
export function elementSource(checker: ts.TypeChecker, fn: ts.Node, idx: number): ts.Expression | undefined {
  const e = climbWrappers(fn);
  const call = e.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const callee = skipWrappers(call.expression);
  // `Array.from(items, (item) => ...)`: the map function gets items' elements.
  if (call.arguments[1] === e && idx === 0 && call.arguments[0] && !ts.isSpreadElement(call.arguments[0]) && isArrayFrom(checker, callee)) return call.arguments[0];
  if (call.arguments[0] !== e) return undefined;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (callee.name.text === 'forEach' && idx <= 1) {
    // Set's forEach gives each value twice (value, value, set); Map's gives (value, key, map).
    const kind = collectionOf(checker, callee.name);
    if (kind === 'Set' || (kind === 'Map' && idx === 0)) return callee.expression;
  }
  if (!ELEMENT_PARAMS[callee.name.text]?.includes(idx)) return undefined;
  return isArrayOrUntypedMethod(checker, callee) ? callee.expression : undefined;
}

/**
 * When `fn` is the reducer of a standard array's `reduce` or `reduceRight` and parameter `idx`
 * is its accumulator: the array and the starting value. The accumulator holds that value (the
 * first element when there is none) and whatever the reducer returns; so does the call's result.
 */
export function accumulatorOf(checker: ts.TypeChecker, fn: ts.Node, idx: number): Reduction | undefined {
  if (idx !== 0) return undefined;
  const e = climbWrappers(fn);
  const call = e.parent;
  return call && ts.isCallExpression(call) && call.arguments[0] === e ? reduction(checker, call) : undefined;
}

export interface Reduction {
  call: ts.CallExpression;
  list: ts.Expression;
  reducer: ts.Expression;
  /** The starting value, if the call gives one. */
  initial: ts.Expression | undefined;
}

/** `list.reduce(reducer, initial?)` (or reduceRight) of an array, or of a value typed any. */
export function reduction(checker: ts.TypeChecker, call: ts.CallExpression): Reduction | undefined {
  const callee = skipWrappers(call.expression);
  const [reducer, initial] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || !/^reduce(Right)?$/.test(callee.name.text) || !reducer || ts.isSpreadElement(reducer)) return undefined;
  if (initial && ts.isSpreadElement(initial)) return undefined;
  return isArrayOrUntypedMethod(checker, callee) ? { call, list: callee.expression, reducer, initial } : undefined;
}

/**
 * `list.map(f)` where `list` is an array, or typed `any` (plain JavaScript: `stores.map(...)` of
 * an untyped parameter): taken as the array method, whose callback gets the elements.
 */
export function isArrayOrUntypedMethod(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression): boolean {
  return isArrayMethod(checker, callee.name) || typedAny(checker, callee.expression);
}

/** The standard collections' interfaces: Set, Map, and their Readonly and Weak kinds. */
const COLLECTION = /^(?:Readonly|Weak)?(Set|Map)$/;

/** Which standard collection `name` is a method of: 'Set' (also WeakSet, ReadonlySet), 'Map' (also WeakMap, ReadonlyMap). */
export function collectionOf(checker: ts.TypeChecker, name: ts.MemberName): 'Set' | 'Map' | undefined {
  const decls = checker.getSymbolAtLocation(name)?.declarations ?? [];
  const owners = decls.map((d) => (ts.isInterfaceDeclaration(d.parent) && d.getSourceFile().isDeclarationFile ? COLLECTION.exec(d.parent.name.text)?.[1] : undefined));
  const first = owners[0];
  return first !== undefined && owners.every((o) => o === first) ? (first as 'Set' | 'Map') : undefined;
}

/** Which standard collection a value's type is ('Set' or 'Map', their Readonly and Weak kinds too). */
export function collectionTyped(checker: ts.TypeChecker, e: ts.Expression): 'Set' | 'Map' | undefined {
  const sym = checker.getTypeAtLocation(e).getSymbol();
  const kind = sym && COLLECTION.exec(sym.getName())?.[1];
  const standard = (sym?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
  return kind && standard ? (kind as 'Set' | 'Map') : undefined;
}

/** `Array.from(items, mapFn?)` of the standard Array. */
export function isArrayFrom(checker: ts.TypeChecker, callee: ts.Expression): callee is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'from' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Array') return false;
  return declaredByLibrary(checker.getSymbolAtLocation(callee.expression));
}

/** The key `recv.set(k, v)` puts into a standard Map: `k`. */
export function mapKeyAdded(checker: ts.TypeChecker, call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set') return undefined;
  return collectionOf(checker, callee.name) === 'Map' ? call.arguments[0] : undefined;
}

/** What `recv.add(v)` / `recv.set(k, v)` puts into a standard Set or Map: `v`. */
export function collectionAdded(checker: ts.TypeChecker, call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const kind = collectionOf(checker, callee.name);
  if (kind === 'Set' && callee.name.text === 'add') return call.arguments[0];
  if (kind === 'Map' && callee.name.text === 'set') return call.arguments[1];
  return undefined;
}

/** `name` is a method of the standard library's Array (or ReadonlyArray). */
export function isArrayMethod(checker: ts.TypeChecker, name: ts.MemberName): boolean {
  const decls = checker.getSymbolAtLocation(name)?.declarations ?? [];
  return decls.length > 0 && decls.every((d) => ts.isInterfaceDeclaration(d.parent) && /^(Readonly)?Array$/.test(d.parent.name.text));
}

/**
 * What may stand at position `idx` of a list written with spreads (arguments, an array
 * literal's elements): the item there, or with `onward` any item from there on; a spread at or
 * before `idx` may put any of its elements there, so from the spread on, everything.
 */
export function itemsAt<T extends ts.Node>(items: readonly T[], idx: number, onward: boolean): T[] {
  const spread = items.findIndex(ts.isSpreadElement);
  const from = spread >= 0 && spread <= idx ? spread : idx;
  return onward || from < idx ? items.slice(from) : items.slice(idx, idx + 1);
}

/** What the calls of a parameter's function pass there (`argumentsTo`: the call graph's argument lists per app function). */
export function argumentsFor(argumentsTo: ReadonlyMap<ts.Node, readonly ts.NodeArray<ts.Expression>[]>, param: ts.ParameterDeclaration): ts.Expression[] {
  const i = argumentIndex(param);
  return (argumentsTo.get(param.parent) ?? []).flatMap((args) => itemsAt(args, i, param.dotDotDotToken !== undefined));
}

/** Array methods that add their arguments (from this position on) to the receiver. */
export const ARRAY_ADDERS: Record<string, number> = { push: 0, unshift: 0, splice: 2 };

/** `for (const f of list)`: the iterated expression of a for-of variable. */
export function forOfSource(d: ts.Node): ts.Expression | undefined {
  const list = d.parent;
  return ts.isVariableDeclaration(d) && list && ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent) ? list.parent.expression : undefined;
}

/**
 * `Object.values(o)` and `Object.entries(o)` (the global Object, not an app's own): which listing
 * of which object. Their elements are o's property values, or [key, value] pairs.
 */
export function objectListing(checker: ts.TypeChecker, e: ts.Expression): { listing: 'values' | 'entries'; object: ts.Expression } | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const listing = callee.name.text;
  const object = e.arguments[0];
  if ((listing !== 'values' && listing !== 'entries') || !object || ts.isSpreadElement(object)) return undefined;
  const global = (checker.getSymbolAtLocation(callee.expression)?.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile);
  return global ? { listing, object } : undefined;
}
