/**
 * Members of a value that a helper hands back, when the helper's declared result is the library's
 * (value-members.ts follows calls into the app functions they run, and what those return):
 * - `Object.assign(target, ...sources)` (or a const holding Object.assign) returns its target with
 *   the sources' own members copied on: a member of the result is any argument's member;
 * - a parameter holds what the function's callers pass there (the app calls of it), and what the
 *   function itself stores onto it under that name (`iterator[Symbol.iterator] = getSelf`).
 * So `makeIterable({ next() {...} })`, returning `assign(Object.create(proto), iterator)`, hands
 * out the literal's `next` and the stored `[Symbol.iterator]`: what iterating its result runs.
 * And an iterator method returning `this` (getSelf) makes the value its own iterator: iterating
 * it runs the value's own `next`.
 */
import { ts } from '../../typescript.cjs';
import { builtinName } from './installer-syntax.js';
import type { Callers } from './callers.js';
import type { Resolver } from './resolve.js';
import type { StoredValue, Stores } from './stores.js';
import { isGeneratorOrAsync, ITERATOR } from './value-members.js';
import { isMethodNode } from '../../ids/methodIds.js';
import { constInitializer, symbolAt } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import { argumentIndex } from '../parameters.js';
import { isWellKnownKey } from '../symbol-keys.js';

/** The arguments of `Object.assign(...)` (also called through a const holding it), whose members the result has; else undefined. */
export function assignedSources(checker: ts.TypeChecker, call: ts.CallExpression): readonly ts.Expression[] | undefined {
  return isObjectAssign(checker, call.expression) ? call.arguments.filter((a) => !ts.isSpreadElement(a)) : undefined;
}

/** `Object.assign`, or a const holding it (`const assign = Object.assign`). */
export function isObjectAssign(checker: ts.TypeChecker, callee: ts.Expression): boolean {
  const e = skipWrappers(callee);
  return builtinName(constInitializer(checker, e) ?? e) === 'Object.assign';
}

/** Parameters handed on from one to the next (`makeIterableForSet(iterator)` passing it to `makeIterable(iterator)`) followed as one step: at most this many. */
const MAX_PARAMETERS = 8;

/**
 * Of a parameter of an app function: the expressions its app callers pass there, and the values
 * stored onto it under `name` inside the function; an argument that is itself a parameter is
 * followed on to its own callers (one step of the value flow, so that a chain of helpers stays
 * within its depth). Undefined when `e` names no such parameter.
 */
export function parameterSources(r: Resolver, stores: Stores, e: ts.Identifier, name: string): { passed: ts.Expression[]; stored: ts.Expression[] } | undefined {
  const first = appParameter(r, e);
  if (!first || !r.callers) return undefined;
  const { passed, parameters } = passedTo(r, r.callers, first);
  const stored: ts.Expression[] = [];
  for (const d of parameters) for (const v of storedOnto(r, stores, d, name)) stored.push(v);
  return { passed, stored };
}

/** What callers pass to a parameter, whatever the name read: per parameter, found once (asked 366k times on zod). */
const passedAnswers = new WeakMap<Callers, Map<ts.ParameterDeclaration, { passed: ts.Expression[]; parameters: ts.ParameterDeclaration[] }>>();

/**
 * The expressions app callers pass for a parameter, following an argument that is itself a
 * parameter on to its own callers, and the parameters so met, first the one asked, in the order met.
 */
function passedTo(r: Resolver, callers: Callers, first: ts.ParameterDeclaration): { passed: ts.Expression[]; parameters: ts.ParameterDeclaration[] } {
  let known = passedAnswers.get(callers);
  if (!known) passedAnswers.set(callers, (known = new Map()));
  const kept = known.get(first);
  if (kept) return kept;
  const out = { passed: [] as ts.Expression[], parameters: [] as ts.ParameterDeclaration[] };
  const seen = new Set<ts.ParameterDeclaration>([first]);
  const queue = [first];
  while (queue.length) {
    const d = queue.shift()!;
    out.parameters.push(d);
    const i = argumentIndex(d);
    for (const call of callers.of(d.parent)) {
      const a = call.arguments[i];
      if (!a || call.arguments.slice(0, i + 1).some(ts.isSpreadElement)) continue;
      const inner = ts.isIdentifier(skipWrappers(a)) ? appParameter(r, skipWrappers(a) as ts.Identifier) : undefined;
      if (!inner) out.passed.push(a);
      else if (!seen.has(inner) && seen.size < MAX_PARAMETERS) {
        seen.add(inner);
        queue.push(inner);
      }
    }
  }
  known.set(first, out);
  return out;
}

function appParameter(r: Resolver, e: ts.Identifier): ts.ParameterDeclaration | undefined {
  const d = symbolAt(r.checker, e)?.valueDeclaration;
  return d && ts.isParameter(d) && ts.isIdentifier(d.name) && !d.dotDotDotToken && r.isApp(d) ? d : undefined;
}

/** A call being followed into its callee's returns: the callee's parameters are what this call passes (`outer`: the call it sits in, when its arguments are parameters too). */
export interface CallContext {
  fn: ts.Node;
  call: ts.CallExpression;
  outer?: CallContext;
}

const MAX_DEPTH = 6;

/**
 * Member `name` of a value `fn` returns, as `ctx.call` calls it: a parameter of `fn` is what that
 * call passes (not what every caller does: `makeIterable(iterator)` returns each caller's own
 * literal), through Object.assign and inner calls handing the parameter on; anything else as
 * value-members.ts finds it.
 */
export function memberInCall(r: Resolver, stores: Stores, e: ts.Expression, name: string, depth: number, ctx: CallContext): ts.Node[] {
  if (depth > MAX_DEPTH) return [];
  const v = skipWrappers(e);
  const p = ts.isIdentifier(v) ? appParameter(r, v) : undefined;
  if (p && p.parent === ctx.fn) {
    const i = argumentIndex(p);
    const a = ctx.call.arguments[i];
    const stored = storedOnto(r, stores, p, name).flatMap((x) => r.values.of(x, depth + 1));
    if (!a || ctx.call.arguments.slice(0, i + 1).some(ts.isSpreadElement)) return [...r.values.memberOf(v, name, depth), ...stored];
    // Outward through the calls followed in (finitely many), so no step of depth.
    return [...(ctx.outer ? memberInCall(r, stores, a, name, depth, ctx.outer) : r.values.memberOf(a, name, depth)), ...stored];
  }
  if (ts.isCallExpression(v)) {
    const sources = assignedSources(r.checker, v);
    if (sources) return sources.flatMap((x) => memberInCall(r, stores, x, name, depth, ctx));
    const handsOn = v.arguments.some((a) => ts.isIdentifier(skipWrappers(a)) && appParameter(r, skipWrappers(a) as ts.Identifier)?.parent === ctx.fn);
    const callees = handsOn ? r.callee(v.expression, true, depth) : undefined;
    // A helper calling a helper: direct calls of one function. Not followed (answers not kept) through calls of many
    // implementations (`inst._zod.run(payload, ctx)`), whose returns the kept answers below cover anyway.
    if (callees && 'targets' in callees && callees.targets.length === 1 && callees.targets[0]!.kind === 'direct') {
      const inner = callees.targets.filter((t) => isMethodNode(t.node) && !isGeneratorOrAsync(t.node));
      return inner.flatMap((t) => r.values.returnsOf(t.node).flatMap((ret) => memberInCall(r, stores, ret, name, depth + 1, { fn: t.node, call: v, outer: ctx })));
    }
  }
  return r.values.memberOf(v, name, depth);
}

const iteratorNames = new WeakMap<Stores, string[]>();

function storedOnto(r: Resolver, stores: Stores, d: ts.ParameterDeclaration, name: string): ts.Expression[] {
  let iterators = iteratorNames.get(stores);
  if (!iterators) iteratorNames.set(stores, (iterators = [...stores.names()].filter((n) => isWellKnownKey(n, 'iterator'))));
  const names = name === ITERATOR ? iterators : [name];
  const out: ts.Expression[] = [];
  for (const n of names) for (const v of byReceiver(r.checker, stores.named(n)).get(d) ?? NO_VALUES) out.push(v);
  return out;
}

const NO_VALUES: readonly ts.Expression[] = [];

/** One name's stores by the declaration their receiver names, with the list's length when indexed (installers add to it later). */
const receiverIndex = new WeakMap<readonly StoredValue[], { length: number; byDecl: Map<ts.Declaration | undefined, ts.Expression[]> }>();

/**
 * Asked for every parameter read as a receiver, of every store of one name (thousands on zod for
 * `_zod`): each list is indexed by receiver once, in its order, and again only when it grew.
 */
function byReceiver(checker: ts.TypeChecker, list: readonly StoredValue[]): Map<ts.Declaration | undefined, ts.Expression[]> {
  const known = receiverIndex.get(list);
  if (known && known.length === list.length) return known.byDecl;
  const byDecl = new Map<ts.Declaration | undefined, ts.Expression[]>();
  for (const s of list) {
    const d = symbolAt(checker, skipWrappers(s.recv))?.valueDeclaration;
    const values = byDecl.get(d);
    if (values) values.push(s.value);
    else byDecl.set(d, [s.value]);
  }
  if (list.length) receiverIndex.set(list, { length: list.length, byDecl });
  return byDecl;
}

/** Whether one of these iterator methods returns `this` (the value is its own iterator: iterating it runs the value's `next`). */
export function returnsSelf(r: Resolver, iterators: readonly ts.Node[]): boolean {
  return iterators.some((fn) => r.values.returnsOf(fn).some((ret) => skipWrappers(ret).kind === ts.SyntaxKind.ThisKeyword));
}
