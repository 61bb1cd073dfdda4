/**
 * Interfaces whose objects the app assembles from partial views by spreading: `this.options = { ...defaults(),
 * ...options }` with `options: Partial<Options>` and the literal typed Options. A literal written as such a view
 * (`new Model({ matches: ... })`, its parameter `Partial<Options>`) need not fit Options, so literal-fit.ts does not
 * take it, and context-declared.ts takes it only at receivers of the mapped type; but once spread into an Options
 * its members are Options' members, reached by `options.matches(...)` with no cast. So for an interface D into
 * whose literals (typed D) the app spreads a value of a type mapped over D (Partial, Readonly, Pick, Omit; also as
 * a part of an intersection), the literals written as a type mapped over D implement D's members too
 * (implementations.ts). Interfaces nothing is spread into that way keep the narrower rule.
 * A literal that spreads such a view and writes the members the view leaves out (`{ ...spec, [isOptionSymbol]: true }`
 * with `spec: Omit<CommandOption<T>, typeof isOptionSymbol>`, clipanion's options) has every member of D whatever it
 * is typed as, even cast away (`as any as T`): it assembles a D too.
 */
import { ts } from '../../typescript.cjs';

/** The interfaces and type literals that some literal typed by them receives a spread of a mapped view of. */
export function spreadIntoOwners(checker: ts.TypeChecker, files: Iterable<ts.SourceFile>): Set<ts.Node> {
  const out = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n) && n.properties.some(ts.isSpreadAssignment)) addOwners(checker, n, out);
    ts.forEachChild(n, visit);
  };
  for (const sf of files) visit(sf);
  return out;
}

function addOwners(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression, out: Set<ts.Node>): void {
  const ctx = checker.getContextualType(lit);
  const typedAs = new Set<ts.Symbol>();
  for (const t of !ctx ? [] : ctx.isUnion() ? ctx.types : [ctx]) {
    const s = t.getSymbol();
    if (s) typedAs.add(s);
    if (t.aliasSymbol) typedAs.add(t.aliasSymbol);
  }
  const owners = new Set<ts.InterfaceDeclaration | ts.TypeLiteralNode>();
  for (const spread of lit.properties.filter(ts.isSpreadAssignment)) {
    const t = checker.getNonNullableType(checker.getTypeAtLocation(spread.expression));
    for (const view of mappedParts(t)) {
      for (const p of checker.getPropertiesOfType(view)) {
        for (const d of p.declarations ?? []) {
          const owner = d.parent;
          if (ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner)) owners.add(owner);
        }
      }
    }
  }
  for (const owner of owners) {
    if (out.has(owner)) continue;
    const s = ts.isInterfaceDeclaration(owner) ? checker.getSymbolAtLocation(owner.name) : checker.getTypeAtLocation(owner).getSymbol();
    if ((s && typedAs.has(s)) || completes(checker, lit, owner)) out.add(owner);
  }
}

/** Whether the literal's own type (before any assertion) has every property the interface or type literal declares. */
function completes(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression, owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): boolean {
  const own = new Set(checker.getPropertiesOfType(checker.getTypeAtLocation(lit)).map((p) => p.escapedName));
  const declared = checker.getPropertiesOfType(checker.getTypeAtLocation(owner));
  return declared.length > 0 && declared.every((p) => own.has(p.escapedName));
}

/** Is the literal written as a view mapped over `m`'s owner: a mapped part of its contextual type declaring `name` by `m`? */
export function writtenAsView(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression, name: string, m: ts.Node): boolean {
  const ctx = checker.getContextualType(lit);
  return (ctx ? mappedParts(ctx) : []).some((t) => checker.getPropertyOfType(t, name)?.declarations?.includes(m as ts.Declaration) ?? false);
}

/** The mapped types among a type's union and intersection parts. */
export function mappedParts(t: ts.Type): ts.Type[] {
  if (t.isUnionOrIntersection()) return t.types.flatMap(mappedParts);
  return (t.flags & ts.TypeFlags.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped) !== 0 ? [t] : [];
}
