/**
 * Does an object literal's value fit an interface or object type literal of the app, as the
 * checker would let it be passed there? A literal written in place has a fresh type, which the
 * checker holds to no excess members; passed on (`Object.freeze<T>(lit)`, `const o = lit`) it
 * has its widened one, so either counts. A generic interface or type literal (`Context<C>`, or
 * `{ ... }` inside a generic alias or function) cannot be compared uninstantiated, so its type
 * parameters are erased: each of its members must be in the literal (unless optional), and the
 * ones whose declared type does not mention a type parameter (nor `this`) must be assignable.
 */
import { ts } from '../../typescript.cjs';
import { propertyNamed } from '../symbol-keys.js';

export type Shape = ts.InterfaceDeclaration | ts.TypeLiteralNode;

/** An object literal's type as written in place (fresh) and widened, as literalFits compares them. */
export interface LiteralTypes {
  fresh: ts.Type;
  own: ts.Type;
}

export function literalTypes(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression): LiteralTypes {
  const fresh = checker.getTypeAtLocation(lit);
  return { fresh, own: checker.getWidenedType(fresh) };
}

export function literalFits(checker: ts.TypeChecker, owner: Shape, target: ts.Type, { fresh, own }: LiteralTypes): boolean {
  const params = typeParameterNames(owner);
  if (!params.size) return checker.isTypeAssignableTo(fresh, target) || checker.isTypeAssignableTo(own, target);
  for (const p of checker.getPropertiesOfType(target)) {
    const mine = propertyLike(checker, own, p);
    if (!mine) {
      if (p.flags & ts.SymbolFlags.Optional) continue;
      return false;
    }
    if ((p.declarations ?? []).some((d) => mentions(d, params))) continue;
    const want = checker.getTypeOfSymbol(p);
    if (!checker.isTypeAssignableTo(checker.getTypeOfSymbol(mine), want)) return false;
  }
  return true;
}

/** `t`'s property of `p`'s name (symbol-keys.ts). */
function propertyLike(checker: ts.TypeChecker, t: ts.Type, p: ts.Symbol): ts.Symbol | undefined {
  return propertyNamed(checker, t, p.getName());
}

/** Names of the type parameters in scope at `node`: its own and those of the declarations around it. */
function typeParameterNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const tps = (n as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
    if (ts.isSourceFile(n)) break;
    for (const tp of tps ?? []) names.add(tp.name.text);
  }
  return names;
}

/**
 * Does a member's declaration name one of these type parameters (by name: an over-approximation that only skips a check)?
 * The polymorphic `this` type counts as one: it is an implicit type parameter of every interface (`loadModules(): this`
 * is whatever type the literal is taken as), which the erased comparison cannot check either.
 */
function mentions(d: ts.Node, params: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisType) found = true;
    else if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && params.has(n.typeName.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(d);
  return found;
}
