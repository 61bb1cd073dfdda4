/**
 * `new X()` where X is a value rather than a class name (`new tag.nodeClass()`,
 * `new (obj.constructor as typeof C)()`, `new Ctor()` with `Ctor = a ?? B`): the classes X's type
 * admits. A value of type `typeof C` is C or one of its subclasses (each part of a union
 * likewise), so those are what the construction may run. The type is read from the expression as
 * written, casts included: a cast is how such code says what it constructs.
 */
import { ts } from '../../typescript.cjs';
import type { Hierarchy } from './hierarchy.js';

export function constructedClasses(checker: ts.TypeChecker, hierarchy: Hierarchy, written: ts.Expression, isApp: (d: ts.Node) => boolean): ts.ClassLikeDeclaration[] {
  const t = checker.getTypeAtLocation(written);
  const out: ts.ClassLikeDeclaration[] = [];
  for (const part of t.isUnion() ? t.types : [t]) {
    if (!part.getConstructSignatures().length) continue;
    for (const d of part.getSymbol()?.declarations ?? []) {
      if (!ts.isClassLike(d) || !isApp(d)) continue;
      for (const c of [d, ...hierarchy.subclassesOf(d)]) if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}
