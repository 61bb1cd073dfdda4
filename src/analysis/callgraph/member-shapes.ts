/**
 * Types no pick of type parameters can make assignable, by the members they must have. A type
 * argument fills a hole in a shape (`Right<A>`'s `right: A`), it does not add or remove members:
 * `Validation<A>` (`Left<Errors> | Right<A>`) needs a `_tag` whatever A is, so a function
 * returning a `Codec<I, O, B>` (no `_tag`) never fits a callee returning one. Where type
 * parameters are erased (generic-fit.ts), this is what is left to compare.
 *
 * Only what the type arguments cannot change counts: the names of the target's required
 * members, its call and construct signatures, against a source whose members are all known (an
 * object type without index signatures; a type parameter, a mapped type over one or an
 * intersection with one may have any member, so is never ruled out). Members are looked up as
 * TypeScript does (a function has `length` and `call`, every object `toString`).
 */
import { ts } from '../../typescript.cjs';

const MAX_DEPTH = 4;
const OPEN = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.Index | ts.TypeFlags.NonPrimitive;

/** What a target type needs of any value assigned to it, whatever its type arguments. */
interface Needs {
  names: Set<string>;
  callable: boolean;
  constructible: boolean;
}

/**
 * Whether `source` can never be assigned to `target`, whatever their type parameters are: each
 * part of the source lacks a member (or a call or construct signature) each part of the target needs.
 */
export function lacksNeededMembers(c: ts.TypeChecker, source: ts.Type, target: ts.Type, depth = 0): boolean {
  if (depth >= MAX_DEPTH) return false;
  if (source.isUnion()) return source.types.every((s) => lacksNeededMembers(c, s, target, depth + 1));
  if (target.isUnion()) return target.types.every((t) => lacksNeededMembers(c, source, t, depth + 1));
  if (!knownMembers(c, source)) return false;
  const needs = needsOf(c, target, depth);
  if (!needs) return false;
  if (needs.callable && !source.getCallSignatures().length) return true;
  if (needs.constructible && !source.getConstructSignatures().length) return true;
  for (const name of needs.names) if (!c.getPropertyOfType(source, name)) return true;
  return false;
}

/** An object type whose members its declaration lists (or an intersection of them): no type parameter, mapped type or index signature may add others. */
function knownMembers(c: ts.TypeChecker, t: ts.Type, depth = 0): boolean {
  if (depth >= MAX_DEPTH || t.flags & OPEN) return false;
  if (t.isIntersection()) return t.types.every((p) => knownMembers(c, p, depth + 1));
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  if ((t as ts.ObjectType).objectFlags & (ts.ObjectFlags.Mapped | ts.ObjectFlags.ReverseMapped)) return false;
  return !c.getIndexInfosOfType(t).length;
}

/** The members, call and construct signatures a value of the target type must have; undefined when it needs nothing we can tell. */
function needsOf(c: ts.TypeChecker, t: ts.Type, depth: number): Needs | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  // A type parameter's values have what its bound needs (`T extends Base`).
  if (t.flags & ts.TypeFlags.TypeParameter) {
    const bound = c.getBaseConstraintOfType(t);
    return bound && bound !== t && !bound.isUnion() ? needsOf(c, bound, depth + 1) : undefined;
  }
  if (t.isIntersection()) {
    const parts = t.types.map((p) => needsOf(c, p, depth + 1)).filter((n): n is Needs => !!n);
    if (!parts.length) return undefined;
    return { names: new Set(parts.flatMap((n) => [...n.names])), callable: parts.some((n) => n.callable), constructible: parts.some((n) => n.constructible) };
  }
  if (!(t.flags & ts.TypeFlags.Object)) return undefined;
  // A mapped type's members are what its keys turn out to be.
  if ((t as ts.ObjectType).objectFlags & (ts.ObjectFlags.Mapped | ts.ObjectFlags.ReverseMapped)) return undefined;
  // Members keyed by a symbol or a private name (escaped as `__@…`, `__#…`) are left out: looked up by name they would not be found.
  const required = c.getPropertiesOfType(t).filter((p) => !(p.flags & ts.SymbolFlags.Optional) && !(p.escapedName as string).startsWith('__'));
  const names = new Set(required.map((p) => p.name));
  return { names, callable: t.getCallSignatures().length > 0, constructible: t.getConstructSignatures().length > 0 };
}
