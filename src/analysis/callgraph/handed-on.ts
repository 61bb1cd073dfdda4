/**
 * A function received as a parameter and handed on to a library call (`data.map(callbackfn)`,
 * `[...data].sort(compareFn)`): the library may run it, as it may run an app function named
 * there, so the site reaches what the callers pass for that parameter (parameter flow). Only
 * where the library declares a function type; the library call itself is not unresolved, so not listed.
 * When those callers are not all known (the function escapes, or is exported), what they pass
 * may be a function the app handed out to them (`filter(xs, isNot(f))`): those whose type fits
 * the parameter's run there too, as at an unresolved call (handed-back.ts). Only where the
 * parameter's type fixes what the function returns (a predicate's boolean, a comparator's
 * number): one returning `void` or a free type parameter (`forEach`'s, `map`'s U) is fitted by
 * every function handed out, so the fit tells nothing there (remeda: 85 edges for 4).
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { siteOf, type AppFile } from '../project.js';
import { namesTypeParameter } from './generic-fit.js';
import { handedBackTo, type Handed } from './handed-back.js';
import type { PendingParam } from './parameter-flow.js';
import type { Resolver, Target } from './resolve.js';
import { skipWrappers } from '../expressions.js';
import { argumentParameters } from '../parameters.js';

export class HandedOn {
  /** Each handed-on site's parameter read, by the pending site made for it. */
  private readonly read = new Map<PendingParam, ts.Identifier>();

  constructor(private readonly r: Resolver) {}

  /** The parameters a library call is handed, as sites for parameter flow. */
  parameters(f: AppFile, call: ts.CallExpression, owner: string): PendingParam[] {
    const out: PendingParam[] = [];
    // The arguments naming an app function's parameter first: the call's signature (its
    // resolution may infer type arguments) is asked only when some argument is one.
    const reads: { a: ts.Identifier; d: ts.ParameterDeclaration; i: number }[] = [];
    call.arguments.forEach((raw, i) => {
      const a = skipWrappers(raw);
      if (!ts.isIdentifier(a)) return;
      const d = this.r.symbolAt(a)?.valueDeclaration;
      if (!d || !ts.isParameter(d) || !ts.isIdentifier(d.name) || !isMethodNode(d.parent) || d.dotDotDotToken) return;
      reads.push({ a, d, i });
    });
    if (!reads.length) return out;
    // `Array.prototype.forEach.call(list, fn)`: forEach's own parameters, one place on.
    const through = calledThrough(this.r.checker, call);
    const declared = through ? undefined : this.r.checker.getResolvedSignature(call)?.getDeclaration();
    for (const { a, d, i } of reads) {
      if (through ? !through.some((decl) => takesFunction(this.r.checker, decl, i - 1)) : !takesFunction(this.r.checker, declared, i)) continue;
      const p: PendingParam = { from: owner, site: siteOf(f, a), text: a.text, param: d, binding: undefined, args: undefined, listed: true };
      this.read.set(p, a);
      out.push(p);
    }
    return out;
  }

  /** At each site whose callers are not all known (`open`, from parameter flow): the handed-out functions that fit. */
  handedBack(open: ReadonlySet<PendingParam>, handed: readonly Handed[], add: (from: string, targets: Target[], site: string) => void): void {
    for (const [p, a] of this.read) if (open.has(p) && fixesResult(this.r.checker, a)) add(p.from, handedBackTo(this.r.checker, a, handed), p.site);
  }
}

/** Whether every signature of a function value's type declares a result that rules some functions out. */
function fixesResult(c: ts.TypeChecker, fn: ts.Expression): boolean {
  const sigs = c.getNonNullableType(c.getTypeAtLocation(fn)).getCallSignatures();
  const free = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Void | ts.TypeFlags.Undefined;
  return sigs.length > 0 && sigs.every((s) => {
    const rt = s.getReturnType();
    return !(rt.flags & free) && !namesTypeParameter(c, rt);
  });
}

/** The declarations of a library function called by its `call` (`Array.prototype.forEach.call(list, fn)`), or undefined for any other call. */
function calledThrough(c: ts.TypeChecker, call: ts.CallExpression): ts.Declaration[] | undefined {
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'call') return undefined;
  const sigs = c.getTypeAtLocation(callee.expression).getCallSignatures();
  const decls = sigs.map((s) => s.getDeclaration()).filter((d): d is ts.SignatureDeclaration => d !== undefined && d.getSourceFile().isDeclarationFile);
  return decls.length ? decls : undefined;
}

/**
 * Whether the library declares a function type at that position (`compareFn?: (a: T, b: T) =>
 * number`): one declared `T` (`push(...items: T[])`, `Object.assign(target: T, ...)`) only keeps it.
 */
function takesFunction(c: ts.TypeChecker, decl: ts.Declaration | undefined, i: number): boolean {
  if (!decl || !ts.isFunctionLike(decl)) return false;
  // A declared `this` (`call(this: Function, thisArg: any, ...)`) is no argument.
  const p = argumentParameters(decl)[i];
  if (!p?.type || p.dotDotDotToken) return false;
  return c.getNonNullableType(c.getTypeFromTypeNode(p.type)).getCallSignatures().length > 0;
}
