/**
 * Object literals written as a type mapped over an interface: `partial = { next: fn, error }` with `partial:
 * Partial<Observer<T>>` (also Readonly, Pick, Omit, `{ [K in keyof O]?: ... }`). Such a literal need not fit the
 * interface (its members may be optional or undefined there), so literal-fit.ts does not take it; but the checker
 * declares the mapped type's properties by the interface's members, so a call through a receiver of such a mapped
 * type (`partial.next(v)`, its symbol the interface's `next`) may run the literal's member. Only such receivers:
 * a value typed by the interface itself cannot be such a literal without a cast (a literal holding `undefined`
 * where the interface wants a function does not fit it). The class counterpart is class-shaped.ts.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolution, Resolver, Target } from './resolve.js';
import { withAddedTargets } from './added-targets.js';

/** Is the property `name` of the literal's contextual type (a part of a union) declared by `m`? */
export function contextDeclares(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression, name: string, m: ts.Node): boolean {
  const ctx = checker.getContextualType(lit);
  const parts = ctx ? (ctx.isUnion() ? ctx.types : [ctx]) : [];
  return parts.some((t) => isMapped(t) && (checker.getPropertyOfType(t, name)?.declarations?.includes(m as ts.Declaration) ?? false));
}

/** `recv.name(...)` on a receiver of a mapped type over an interface: the literals written as such a type run too. */
export function withMappedContextLiterals(r: Resolver, callee: ts.Expression, res: Resolution): Resolution {
  if (!ts.isPropertyAccessExpression(callee) || !('targets' in res || 'reason' in res)) return res;
  const recv = r.checker.getNonNullableType(r.checker.getTypeAtLocation(callee.expression));
  if (!(recv.isUnion() ? recv.types : [recv]).some(isMapped)) return res;
  const decls = (r.symbolAt(callee.name)?.declarations ?? []).filter((d) => (ts.isPropertySignature(d) || ts.isMethodSignature(d)) && ts.isInterfaceDeclaration(d.parent) && r.isApp(d));
  if (!decls.length) return res;
  const { result, parameters } = r.values.collectParameters(() => decls.flatMap((d) => r.implementations.mappedLiteralMembers(d)));
  const fns = [...new Set(result.filter(isMethodNode))];
  if (!fns.length && !parameters.length) return res;
  return withAddedTargets(res, fns.map((node): Target => ({ node, kind: 'hierarchy' })), parameters);
}

function isMapped(t: ts.Type): boolean {
  return (t.flags & ts.TypeFlags.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped) !== 0;
}
