/**
 * Interfaces whose objects the app assembles from a partial view and then asserts whole: `const c:
 * Omit<FetchContext, 'signal'> = { fetchFn, ... }`, the left-out member added at run time
 * (`Object.defineProperty(c, 'signal', { get })`), then `return c as FetchContext`. The assertion
 * is how such code says the view became a D; from then on `context.fetchFn()` runs the literal's
 * member through D's declaration, which a literal lacking `signal` does not fit (literal-fit.ts).
 * So, as for views spread into D's literals (partial-spreads.ts), an interface D that a value
 * typed by a view mapped over D (Omit, Pick, Partial, Readonly; also as part of an intersection)
 * is asserted to: the literals written as such a view implement D's members too (implementations.ts).
 */
import { ts } from '../../typescript.cjs';
import { mappedParts } from './partial-spreads.js';

type Owner = ts.InterfaceDeclaration | ts.TypeLiteralNode;

/** The interfaces and type literals that a value typed by a view mapped over them is asserted to (`view as D`). */
export function assertedIntoOwners(checker: ts.TypeChecker, files: Iterable<ts.SourceFile>): Set<ts.Node> {
  const out = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if ((ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) && !ts.isConstTypeReference(n.type)) addOwners(checker, n, out);
    ts.forEachChild(n, visit);
  };
  for (const sf of files) visit(sf);
  return out;
}

function addOwners(checker: ts.TypeChecker, cast: ts.AsExpression | ts.TypeAssertion, out: Set<ts.Node>): void {
  const target = checker.getTypeFromTypeNode(cast.type);
  const owners = new Set<Owner>();
  for (const t of target.isUnionOrIntersection() ? target.types : [target]) {
    for (const d of t.getSymbol()?.declarations ?? []) if (ts.isInterfaceDeclaration(d) || ts.isTypeLiteralNode(d)) owners.add(d);
  }
  if (!owners.size) return;
  const own = checker.getNonNullableType(checker.getTypeAtLocation(cast.expression));
  for (const view of mappedParts(own)) {
    for (const p of checker.getPropertiesOfType(view)) {
      for (const d of p.declarations ?? []) {
        const owner = d.parent;
        if ((ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner)) && owners.has(owner)) out.add(owner);
      }
    }
  }
}
