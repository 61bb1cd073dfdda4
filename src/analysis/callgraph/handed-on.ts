/**
 * A function received as a parameter and handed on to a library call (`data.map(callbackfn)`,
 * `[...data].sort(compareFn)`): the library may run it, as it may run an app function named
 * there, so the site reaches what the callers pass for that parameter (parameter flow). Only
 * where the library declares a function type; the library call itself is not unresolved, so not listed.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { siteOf, type AppFile } from '../project.js';
import type { PendingParam } from './parameter-flow.js';
import type { Resolver } from './resolve.js';
import { skipWrappers } from '../walk.js';

export function handedOnParameters(r: Resolver, f: AppFile, call: ts.CallExpression, owner: string): PendingParam[] {
  const out: PendingParam[] = [];
  const declared = r.checker.getResolvedSignature(call)?.getDeclaration();
  call.arguments.forEach((raw, i) => {
    if (!takesFunction(r.checker, declared, i)) return;
    const a = skipWrappers(raw);
    if (!ts.isIdentifier(a)) return;
    const d = r.symbolAt(a)?.valueDeclaration;
    if (!d || !ts.isParameter(d) || !ts.isIdentifier(d.name) || !isMethodNode(d.parent) || d.dotDotDotToken) return;
    out.push({ from: owner, site: siteOf(f, a), text: a.text, param: d, binding: undefined, args: undefined, listed: true });
  });
  return out;
}

/**
 * Whether the library declares a function type at that position (`compareFn?: (a: T, b: T) =>
 * number`): one declared `T` (`push(...items: T[])`, `Object.assign(target: T, ...)`) only keeps it.
 */
function takesFunction(c: ts.TypeChecker, decl: ts.Declaration | undefined, i: number): boolean {
  if (!decl || !ts.isFunctionLike(decl)) return false;
  // A declared `this` (`call(this: Function, thisArg: any, ...)`) is no argument.
  const p = decl.parameters.filter((q) => !(ts.isIdentifier(q.name) && q.name.text === 'this'))[i];
  if (!p?.type || p.dotDotDotToken) return false;
  return c.getNonNullableType(c.getTypeFromTypeNode(p.type)).getCallSignatures().length > 0;
}
