/**
 * A spread `{ ...x }` reads every own enumerable property of x, so it runs the getters written in the
 * object literals x may be (`{ ...schema }` with `schema: T extends BaseSchema`, where factories return
 * `{ get '~standard'() {...} }`): for each property x's type declares, the literal getters that a read of
 * that property would run (Implementations.accessorsOf: literals of that member name fitting the
 * declaring interface), those fitting the app interface x is typed by when it has the property through
 * a mapped base (`extends Omit<BaseSchema, '~run'>`; also as a member of an intersection), and a getter the type itself declares in a literal.
 * Class getters are left out: they live on the prototype, which a spread does not read.
 */
import { ts } from '../../typescript.cjs';
import type { Resolver, Target } from './resolve.js';

export function spreadGetters(r: Resolver, expr: ts.Expression): Target[] {
  const checker = r.checker;
  const type = checker.getApparentType(checker.getTypeAtLocation(expr));
  const out = new Set<ts.Node>();
  for (const part of type.isUnion() ? type.types : [type]) {
    const apparent = checker.getApparentType(part);
    // The app interfaces it is typed by, also as a member of an intersection (`T & { pipe?: never }`).
    const typedBy = (apparent.isIntersection() ? apparent.types : [apparent])
      .map((t) => t.getSymbol()?.declarations?.find(ts.isInterfaceDeclaration))
      .filter((d): d is ts.InterfaceDeclaration => d !== undefined && r.isApp(d));
    for (const p of apparent.getProperties()) {
      // An optional member (`error?: ...`) is fitted by nearly every literal sharing its name (zod's params
      // spreads reached each result literal's `error` getter): not taken as evidence.
      const decls = (p.declarations ?? []).filter((d) => r.isApp(d) && !(ts.isPropertySignature(d) && d.questionToken));
      for (const d of decls) {
        if (ts.isGetAccessorDeclaration(d)) out.add(d);
        else if (ts.isPropertySignature(d)) for (const a of r.implementations.accessorsOf(d)) if (ts.isGetAccessorDeclaration(a)) out.add(a);
      }
      for (const owner of typedBy) if (decls.some((d) => d.parent !== owner)) for (const g of r.implementations.literalGettersFitting(owner, p.name)) out.add(g);
    }
  }
  return [...out].filter((g) => ts.isObjectLiteralExpression(g.parent)).map((node) => ({ node, kind: 'accessor' as const }));
}
