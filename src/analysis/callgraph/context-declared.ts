/**
 * Object literals written as a type mapped over an interface: `partial = { next: fn, error }` with `partial:
 * Partial<Observer<T>>` (also Readonly, Pick, Omit, `{ [K in keyof O]?: ... }`). Such a literal need not fit the
 * interface (its members may be optional or undefined there), so literal-fit.ts does not take it; but the checker
 * declares the mapped type's properties by the interface's members, so a call through the member (`partial.next(v)`,
 * its symbol the interface's `next`) may run the literal's. The class counterpart is class-shaped.ts.
 */
import { ts } from '../../typescript.cjs';

/** Is the property `name` of the literal's contextual type (a part of a union) declared by `m`? */
export function contextDeclares(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression, name: string, m: ts.Node): boolean {
  const ctx = checker.getContextualType(lit);
  const parts = ctx ? (ctx.isUnion() ? ctx.types : [ctx]) : [];
  return parts.some((t) => (t.flags & ts.TypeFlags.Object) !== 0 && (checker.getPropertyOfType(t, name)?.declarations?.includes(m as ts.Declaration) ?? false));
}
