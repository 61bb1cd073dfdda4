/**
 * What a call evaluates to, for value following (values.ts): what the app functions it may run
 * return (factories, `once(f)`-style wrappers). A call of a function received as a parameter
 * (`const destroy = init(payload)`, `make()()`) returns what the functions passed there return;
 * those are known only once every call site is, so the parameter is reported (as a
 * ViaParameter with `returns`) and parameter flow finishes the job.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { ElementSources } from './array-sources.js';
import type { Resolution } from './resolve.js';
import { bindingName } from './keys.js';
import { NestingLimit } from './nesting-limit.js';
import { DistinctNodes } from './value-memo.js';
import { returnedAt } from './argument-branches.js';
import { settledValues } from './promise-settled.js';
import { skipWrappers } from '../expressions.js';

/**
 * Nested "what does this call return" walks at most. Finding a call's callee can start a fresh
 * walk (a symbol's targets are computed once, from depth 0), so depth alone does not end a
 * cycle through calls' results: `const h = make()` with `make` returning `h()()`.
 */
const MAX_NESTED_RETURNS = 8;

export abstract class CallReturns extends ElementSources {
  /**
   * Cuts (MAX_NESTED_RETURNS reached) leave a result computed meanwhile short of values. A walk
   * that goes on past its depth bound (values.ts beyondDepth) has no such limit: each call's
   * result is a step deeper, and past the bound a question of the walk's owner, which ends cycles.
   */
  protected nestedReturns = new NestingLimit(MAX_NESTED_RETURNS);
  private readonly returned = new Map<ts.Node, ts.Expression[]>();

  /**
   * What the app functions a call may run return, each returned expression mapped by `each` (to
   * the functions it holds, or its elements). With `functions` (each maps to the functions a
   * returned value holds), a callee received as a parameter is reported too.
   */
  protected fromReturns(call: ts.CallExpression, depth: number, each: (ret: ts.Expression) => ts.Node[], functions = false): ts.Node[] {
    return this.nestedReturns.within(() => this.returnedBy(call, depth, each, functions)) ?? [];
  }

  private returnedBy(call: ts.CallExpression, depth: number, each: (ret: ts.Expression) => ts.Node[], functions: boolean): ts.Node[] {
    const r = this.r.callee(call.expression, false, depth);
    if (functions) this.sinkReturns(r);
    if (!('targets' in r)) return [];
    // A generator function's call returns its generator, whose body runs where it is iterated:
    // the generator stands for the function, as a function value does (iterating "calls" it).
    // Pushed into one list (flatMap over spreads made two arrays per target); lengths read first, as flatMap does.
    // The functions found are kept each once by `of` anyway, and the returns of many targets are
    // often one kept answer: on zod the list came to 19M entries, 144k of them distinct.
    const out = functions ? new DistinctNodes() : new NodeList();
    const targets = r.targets;
    for (let i = 0, n = targets.length; i < n; i++) {
      const fn = targets[i]!.node;
      if (functions && isGenerator(fn)) out.add(fn);
      const rets = returnedAt(this.r.checker, call, fn, this.returnsOf(fn));
      for (let j = 0, m = rets.length; j < m; j++) out.addAll(each(rets[j]!));
    }
    return out.nodes();
  }

  /** The parameters a callee's value comes from: the call returns what the functions passed there return. */
  private sinkReturns(r: Resolution): void {
    if ('param' in r && r.param) {
      const name = r.binding ? bindingName(r.binding) : '';
      if (name !== undefined) this.sinkParameter(r.param, name, false, true);
    }
    // Already the returns of a parameter's functions (the value of `init()()`): not followed further.
    for (const v of ('via' in r && r.via) || []) if (!v.returns) this.sinkParameter(v.param, v.property, v.elements, true);
  }

  /** Functions a getter returns. */
  protected fromBody(getter: ts.GetAccessorDeclaration, depth: number): ts.Node[] {
    return this.returnsOf(getter).flatMap((ret) => this.of(ret, depth + 1));
  }

  /**
   * The expressions a function returns: its expression body, or its return statements (not those of functions inside).
   * A promise it makes there (`return new Promise((resolve) => ...)`) returns, as an async function does, what it
   * settles to too (promise-settled.ts): `await` of the call is that value.
   */
  returnsOf(fn: ts.Node): ts.Expression[] {
    const known = this.returned.get(fn);
    if (known) return known;
    const out: ts.Expression[] = [];
    const body = isMethodNode(fn) ? fn.body : undefined;
    if (body && !ts.isBlock(body)) out.push(body);
    const visit = (n: ts.Node): void => {
      if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
      if (!isMethodNode(n)) ts.forEachChild(n, visit);
    };
    if (body && ts.isBlock(body)) ts.forEachChild(body, visit);
    for (const ret of [...out]) {
      const e = skipWrappers(ret);
      if (ts.isNewExpression(e)) out.push(...(settledValues(this.r, e) ?? []));
    }
    this.returned.set(fn, out);
    return out;
  }
}

/** A generator function (also async): calling it runs nothing of its body yet. */
export function isGenerator(n: ts.Node): boolean {
  return isMethodNode(n) && !!(n as ts.FunctionLikeDeclaration).asteriskToken;
}

/** The values of a call's returns, as found. */
class NodeList {
  private readonly list: ts.Node[] = [];

  add(n: ts.Node): void {
    this.list.push(n);
  }

  addAll(nodes: readonly ts.Node[]): void {
    for (let i = 0, n = nodes.length; i < n; i++) this.list.push(nodes[i]!);
  }

  nodes(): ts.Node[] {
    return this.list;
  }
}
