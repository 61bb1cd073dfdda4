/**
 * `new X()` where X is typed by a construct signature no class declares: a type literal
 * (`nodeClass?: { new (schema: Schema): Node }`) or an interface with `new (...)`. Such a value
 * may be any class whose constructor fits that type (its static side `typeof C` is assignable to
 * it), wherever it was stored: in literals kept in arrays, searched at run time, handed in by
 * callers outside. The checker's assignability decides: a constructor taking other parameters,
 * making instances of another shape, or abstract does not fit. A signature whose instance type
 * is a type parameter (`new () => T`) is fitted by no class (T is not known here); such sites keep
 * what the value flow finds.
 */
import { ts } from '../../typescript.cjs';

export function classesFittingConstructSignatures(checker: ts.TypeChecker, classes: readonly ts.ClassLikeDeclaration[], written: ts.Expression): ts.ClassLikeDeclaration[] {
  const t = checker.getTypeAtLocation(written);
  const parts = (t.isUnion() ? t.types : [t]).filter((p) => p.getConstructSignatures().length > 0 && !declaredByClass(p));
  if (parts.length === 0) return [];
  return classes.filter((c) => {
    const staticSide = staticTypeOf(checker, c);
    return staticSide !== undefined && parts.some((p) => checker.isTypeAssignableTo(staticSide, p));
  });
}

/** `typeof C` is a class's own type: constructed.ts answers it by the class and its subclasses. */
function declaredByClass(t: ts.Type): boolean {
  return (t.getSymbol()?.declarations ?? []).some((d) => ts.isClassLike(d));
}

function staticTypeOf(checker: ts.TypeChecker, c: ts.ClassLikeDeclaration): ts.Type | undefined {
  if (ts.isClassExpression(c)) return checker.getTypeAtLocation(c);
  const sym = c.name ? checker.getSymbolAtLocation(c.name) : undefined;
  return sym ? checker.getTypeOfSymbol(sym) : undefined;
}
