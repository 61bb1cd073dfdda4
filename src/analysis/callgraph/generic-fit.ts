/**
 * Does a function fit a callee whose type names type parameters? Inside a generic function the
 * callee's type is written in them (`fn: (value: T, index: number) => PropertyKey | undefined`),
 * and each caller picks them: `countBy(words, identity())` makes T `string`. Compared as
 * written, identity's `<U>(x: U) => U` never fits (U is not a PropertyKey until T is known). So
 * the type parameters are erased, as literal-fit.ts does for generic interfaces: a parameter
 * or result that names one (on either side) fits whatever is there; the rest must be assignable
 * (a parameter either way, as TypeScript compares method parameters), and the function must not
 * need more arguments than the callee's type passes.
 */
import { ts } from '../../typescript.cjs';
import { lacksNeededMembers } from './member-shapes.js';

const MAX_DEPTH = 4;

/** Whether a type names a type parameter, at any depth up to a few levels (members of unions, type arguments, signatures). */
export function namesTypeParameter(c: ts.TypeChecker, t: ts.Type, depth = 0): boolean {
  if (t.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.Index)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (t.isUnionOrIntersection()) return t.types.some((p) => namesTypeParameter(c, p, depth + 1));
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  if ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference && c.getTypeArguments(t as ts.TypeReference).some((a) => namesTypeParameter(c, a, depth + 1))) return true;
  return t.getCallSignatures().some((s) => namesTypeParameter(c, s.getReturnType(), depth + 1) || s.getParameters().some((p) => namesTypeParameter(c, c.getTypeOfSymbol(p), depth + 1)));
}

/**
 * `source` (a function's type) fits callee type `target` once the type parameters either names
 * are erased: by their call signatures, or by their construct signatures for a `new`.
 */
export function fitsErased(c: ts.TypeChecker, source: ts.Type, target: ts.Type, how: 'call' | 'construct' = 'call'): boolean {
  const signatures = (t: ts.Type): readonly ts.Signature[] => (how === 'call' ? t.getCallSignatures() : t.getConstructSignatures());
  return signatures(source).some((s) => signatures(target).some((t) => signatureFits(c, s, t) && (how === 'call' || madeFits(c, s, t))));
}

function signatureFits(c: ts.TypeChecker, s: ts.Signature, t: ts.Signature, depth = 0): boolean {
  if (!parametersFit(c, s, t) || !predicateFits(c, s, t)) return false;
  const rt = t.getReturnType();
  const rs = s.getReturnType();
  if (rt.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Void)) return true;
  if (namesTypeParameter(c, rt) || namesTypeParameter(c, rs)) return !clash(c, rs, rt) && !lacksNeededMembers(c, rs, rt) && resultsMayFit(c, rs, rt, depth);
  return c.isTypeAssignableTo(rs, rt);
}

/**
 * A callee typed as a type guard (`is: (u: unknown) => u is A`) runs only type guards: TypeScript
 * assigns no other function to it, whatever A is ("Signature '(u: unknown): boolean' must be a
 * type predicate"), one returning `any` included; the guard must be of the same parameter (or
 * `this`), and its type must fit, compared erased as results are. Asserting predicates return void:
 * no such rule.
 */
function predicateFits(c: ts.TypeChecker, s: ts.Signature, t: ts.Signature): boolean {
  const wanted = c.getTypePredicateOfSignature(t);
  if (!wanted || (wanted.kind !== ts.TypePredicateKind.Identifier && wanted.kind !== ts.TypePredicateKind.This)) return true;
  const given = c.getTypePredicateOfSignature(s);
  if (!given || given.kind !== wanted.kind) return false;
  if (given.kind === ts.TypePredicateKind.Identifier && given.parameterIndex !== (wanted as ts.IdentifierTypePredicate).parameterIndex) return false;
  if (!given.type || !wanted.type) return true;
  if (namesTypeParameter(c, given.type) || namesTypeParameter(c, wanted.type)) return !clash(c, given.type, wanted.type);
  return c.isTypeAssignableTo(given.type, wanted.type);
}

/** Whether a function type guards a type written in type parameters (`(u: unknown) => u is A`): its result, a boolean, does not say so. */
export function guardsTypeParameter(c: ts.TypeChecker, t: ts.Type): boolean {
  return t.getCallSignatures().some((s) => {
    const p = c.getTypePredicateOfSignature(s);
    return !!p?.type && namesTypeParameter(c, p.type);
  });
}

/**
 * A function returned where a function is wanted (`(a) => (b) => Validation<A>`): one of its
 * signatures must fit one of the wanted ones, compared the same way, a few levels deep.
 */
function resultsMayFit(c: ts.TypeChecker, rs: ts.Type, rt: ts.Type, depth: number): boolean {
  const wanted = rt.getCallSignatures();
  const given = rs.getCallSignatures();
  if (depth >= MAX_DEPTH || !wanted.length || !given.length || rt.isUnionOrIntersection() || rs.isUnionOrIntersection()) return true;
  return given.some((s) => wanted.some((t) => signatureFits(c, s, t, depth + 1)));
}

function parametersFit(c: ts.TypeChecker, s: ts.Signature, t: ts.Signature): boolean {
  const tParams = t.getParameters();
  const tRest = tParams.some((p) => isRest(p));
  if (!tRest && requiredCount(s) > tParams.length) return false;
  const sParams = s.getParameters();
  for (let i = 0; i < Math.min(sParams.length, tParams.length); i++) {
    if (isRest(sParams[i]!) || isRest(tParams[i]!)) break;
    const ps = c.getTypeOfSymbol(sParams[i]!);
    const pt = c.getTypeOfSymbol(tParams[i]!);
    if (namesTypeParameter(c, ps) || namesTypeParameter(c, pt)) {
      // Either way round: as for a method's parameters, one side holding the other's values is enough.
      if (clash(c, ps, pt) || (lacksNeededMembers(c, ps, pt) && lacksNeededMembers(c, pt, ps))) return false;
      continue;
    }
    if (!c.isTypeAssignableTo(pt, ps) && !c.isTypeAssignableTo(ps, pt)) return false;
  }
  return true;
}

/**
 * A construct signature making a type parameter (`new (def: D): T`, T extends ZodTrait) makes
 * only what its constraint admits: an instance the callee's type makes must be comparable with
 * that constraint (a `$ZodString` is a ZodTrait; `Function`, what `new Function(...)` makes, is not).
 */
function madeFits(c: ts.TypeChecker, s: ts.Signature, t: ts.Signature): boolean {
  const rs = s.getReturnType();
  const rt = t.getReturnType();
  const bound = rs.flags & ts.TypeFlags.TypeParameter ? c.getBaseConstraintOfType(rs) : undefined;
  if (!bound || rt.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || namesTypeParameter(c, rt)) return true;
  return c.isTypeAssignableTo(rt, bound) || c.isTypeAssignableTo(bound, rt);
}

/**
 * Types no pick of type parameters can make meet: one only objects (`Value[]`, `readonly T[]`, a
 * type parameter bounded by objects), the other only primitives (`PropertyKey | undefined`,
 * `boolean`), which that object type does not admit either (`{}` admits a number). Erasure stops
 * there: a type argument fills a hole in a shape, it does not change it.
 */
function clash(c: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  const ba = bounded(c, a);
  const bb = bounded(c, b);
  const sa = ba && sort(c, ba);
  const sb = bb && sort(c, bb);
  if (sa === 'object' && sb === 'primitive') return !admitsAny(c, ba!, bb!);
  if (sa === 'primitive' && sb === 'object') return !admitsAny(c, bb!, ba!);
  return false;
}

/**
 * Whether some part of the primitives `p` is assignable to the object type `o`; to an intersection,
 * to each of its parts by their bounds (`A & B` with A, B extending Object admits a boolean, as
 * Object does: A = B = boolean).
 */
function admitsAny(c: ts.TypeChecker, o: ts.Type, p: ts.Type): boolean {
  const wanted = o.isIntersection() ? o.types.map((m) => bounded(c, m) ?? m) : [o];
  return (p.isUnion() ? p.types : [p]).some((part) => wanted.every((m) => c.isTypeAssignableTo(part, m)));
}

const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
const PICKED = ts.TypeFlags.TypeParameter | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution;

/** A type whose shape the type arguments decide, by its bound (`T extends object`: object); undefined when it has none. */
function bounded(c: ts.TypeChecker, t: ts.Type): ts.Type | undefined {
  for (let depth = 0; t.flags & PICKED; depth++) {
    const bound = depth < MAX_DEPTH ? c.getBaseConstraintOfType(t) : undefined;
    if (!bound || bound === t) return undefined;
    t = bound;
  }
  return t;
}

/** 'object' or 'primitive' when every part of the type (a union's or an intersection's) is one; undefined when open or mixed. */
function sort(c: ts.TypeChecker, t: ts.Type, depth = 0): 'object' | 'primitive' | undefined {
  if (t.flags & PRIMITIVE) return 'primitive';
  if (t.flags & ts.TypeFlags.Object) return 'object';
  // Every value of an intersection is a value of each part: objects when each part holds only objects
  // (a function type with members, `((set: S) => U) & { $$storeMutators?: M }`), as for a union.
  if (t.isUnionOrIntersection() && depth < MAX_DEPTH) {
    const parts = t.types.map((p) => {
      const b = bounded(c, p);
      return b && sort(c, b, depth + 1);
    });
    return parts.every((p) => p === parts[0]) ? parts[0] : undefined;
  }
  return undefined;
}

/** Arguments a signature needs: its parameters before the first optional, defaulted or rest one (none known: none needed). */
function requiredCount(s: ts.Signature): number {
  let n = 0;
  for (const p of s.getParameters()) {
    const d = p.valueDeclaration;
    if (!d || !ts.isParameter(d) || d.questionToken || d.initializer || d.dotDotDotToken) break;
    n++;
  }
  return n;
}

function isRest(p: ts.Symbol): boolean {
  const d = p.valueDeclaration;
  return !!d && ts.isParameter(d) && !!d.dotDotDotToken;
}
