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

function signatureFits(c: ts.TypeChecker, s: ts.Signature, t: ts.Signature): boolean {
  const tParams = t.getParameters();
  const tRest = tParams.some((p) => isRest(p));
  if (!tRest && requiredCount(s) > tParams.length) return false;
  const sParams = s.getParameters();
  for (let i = 0; i < Math.min(sParams.length, tParams.length); i++) {
    if (isRest(sParams[i]!) || isRest(tParams[i]!)) break;
    const ps = c.getTypeOfSymbol(sParams[i]!);
    const pt = c.getTypeOfSymbol(tParams[i]!);
    if (namesTypeParameter(c, ps) || namesTypeParameter(c, pt)) continue;
    if (!c.isTypeAssignableTo(pt, ps) && !c.isTypeAssignableTo(ps, pt)) return false;
  }
  const rt = t.getReturnType();
  const rs = s.getReturnType();
  if (rt.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Void) || namesTypeParameter(c, rt) || namesTypeParameter(c, rs)) return true;
  return c.isTypeAssignableTo(rs, rt);
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
