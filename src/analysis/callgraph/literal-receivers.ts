import { ts } from '../../typescript.cjs';

const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;

/** May `recv` hold the object an object literal makes: untyped, or of a type the literal fits. */
export function mayHoldLiteral(checker: ts.TypeChecker, recv: ts.Expression, literal: ts.ObjectLiteralExpression): boolean {
  const t = checker.getTypeAtLocation(recv);
  return (t.isUnion() ? t.types : [t]).some((raw) => {
    if (raw.flags & PRIMITIVE) return false;
    const p = checker.getApparentType(raw);
    if (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    // A class's instances are made by it, never by a literal, whatever their shapes (as mayHold).
    if ((p.getSymbol()?.declarations ?? []).some(ts.isClassLike)) return false;
    // Widened: a fresh literal's type would fail on its members the target does not name.
    return checker.isTypeAssignableTo(checker.getWidenedType(checker.getTypeAtLocation(literal)), p);
  });
}
