/**
 * `list.join(sep)` of a standard array converts each element to a string: their toString,
 * valueOf, [Symbol.toPrimitive] and [Symbol.toStringTag] of the app run (implicitly). The
 * elements' types come from the array's type; when TypeScript reduced them to `unknown` or
 * `any` (`Set<unknown | Reference>` is `Set<unknown>`), and the array is copied from an app
 * class extending a library collection (`Array.from(set)`, `[...set]`), from the type arguments
 * written in that class's `extends` clause (`Reference`).
 */
import { ts } from '../../typescript.cjs';
import { isArrayMethod } from './arrays.js';
import { conversionTargetsOfType } from './implicit.js';
import type { Resolver, Target } from './resolve.js';
import { type CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';

export function joinTargets(r: Resolver, site: CallSite): Target[] {
  const list = joinedList(r, site);
  return list ? elementTypes(r, list).flatMap((t) => conversionTargetsOfType(r, t)) : [];
}

/** The array whose elements `list.join(sep)` converts, if the site is such a call. */
export function joinedList(r: Resolver, site: CallSite): ts.Expression | undefined {
  if (!ts.isCallExpression(site)) return undefined;
  const callee = skipWrappers(site.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'join' && isArrayMethod(r.checker, callee.name) ? callee.expression : undefined;
}

function elementTypes(r: Resolver, list: ts.Expression): ts.Type[] {
  const c = r.checker;
  const t = c.getTypeAtLocation(list);
  const el = c.getIndexTypeOfType(t, ts.IndexKind.Number);
  if (el && !(el.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any))) return [el];
  const src = copiedFrom(skipWrappers(list));
  return src ? writtenElements(r, src) : [];
}

/** `Array.from(x)`, `[...x]`: x. */
function copiedFrom(e: ts.Expression): ts.Expression | undefined {
  if (ts.isCallExpression(e) && e.expression.getText() === 'Array.from' && e.arguments[0] && !ts.isSpreadElement(e.arguments[0])) return e.arguments[0];
  if (ts.isArrayLiteralExpression(e) && e.elements.length === 1 && ts.isSpreadElement(e.elements[0]!)) return e.elements[0].expression;
  return undefined;
}

/** The type arguments written in the `extends` clause of the app class x's type names (each member of a union). */
function writtenElements(r: Resolver, x: ts.Expression): ts.Type[] {
  const c = r.checker;
  const decls = c.getTypeAtLocation(x).getSymbol()?.declarations ?? [];
  const out: ts.Type[] = [];
  for (const d of decls) {
    if (!ts.isClassLike(d) || !r.isApp(d)) continue;
    for (const h of d.heritageClauses ?? []) {
      if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const arg of h.types.flatMap((e) => e.typeArguments ?? [])) {
        for (const n of ts.isUnionTypeNode(arg) ? arg.types : [arg]) out.push(c.getTypeFromTypeNode(n));
      }
    }
  }
  return out;
}
