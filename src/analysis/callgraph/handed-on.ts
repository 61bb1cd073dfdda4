/**
 * A function received as a parameter and handed on to a library call (`data.map(callbackfn)`,
 * `[...data].sort(compareFn)`): the library may run it, as it may run an app function named
 * there, so the site reaches what the callers pass for that parameter (parameter flow). Only
 * parameters whose type is callable; the library call itself is not unresolved, so not listed.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { siteOf, type AppFile } from '../project.js';
import type { PendingParam } from './parameter-flow.js';
import type { Resolver } from './resolve.js';
import { skipWrappers } from '../walk.js';

export function handedOnParameters(r: Resolver, f: AppFile, call: ts.CallExpression, owner: string): PendingParam[] {
  const out: PendingParam[] = [];
  for (const raw of call.arguments) {
    const a = skipWrappers(raw);
    if (!ts.isIdentifier(a)) continue;
    const d = r.symbolAt(a)?.valueDeclaration;
    if (!d || !ts.isParameter(d) || !ts.isIdentifier(d.name) || !isMethodNode(d.parent) || d.dotDotDotToken) continue;
    if (!r.checker.getNonNullableType(r.checker.getTypeAtLocation(a)).getCallSignatures().length) continue;
    out.push({ from: owner, site: siteOf(f, a), text: a.text, param: d, binding: undefined, args: undefined, listed: true });
  }
  return out;
}
