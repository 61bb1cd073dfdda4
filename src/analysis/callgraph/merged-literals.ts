/**
 * `Object.assign({ commentString: stringifyComment, ... }, defaults, options)`: the object the
 * call returns is the literal with the sources' members merged over it, so where a source is of an
 * interface (`options: ToStringOptions`) the result is read as one, and a member the sources lack
 * is the literal's. The literal implements the sources' types as if it were written as one, though
 * it has no contextual type of its own (Object.assign's target is generic) and need not fit them
 * alone (in yaml's defaults it does not).
 * And the other way: `const NonEmptyList: NonEmptyListTypeRef = Object.assign(make, { fromArray, ... })`: the
 * call's result is the target with every literal argument's members on it, so where the result is typed
 * (the declared type of what holds it, a return type), each literal argument implements that type's members
 * it has, though it has no contextual type of its own either.
 */
import { ts } from '../../typescript.cjs';
import { builtinName } from './installer-syntax.js';

/** The types of the sources merged over `lit` when it is the target of `Object.assign`. */
export function mergedOverTypes(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression): ts.Type[] {
  let e: ts.Node = lit;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isSatisfiesExpression(e.parent)) e = e.parent;
  const call = e.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== e || builtinName(call.expression) !== 'Object.assign') return [];
  return call.arguments.slice(1).filter((a) => !ts.isSpreadElement(a)).map((a) => checker.getNonNullableType(checker.getTypeAtLocation(a)));
}

/** The type the result of the `Object.assign` call `lit` is an argument of is expected to have (its contextual type). */
export function assignedIntoTypes(checker: ts.TypeChecker, lit: ts.ObjectLiteralExpression): ts.Type[] {
  let e: ts.Node = lit;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isSatisfiesExpression(e.parent)) e = e.parent;
  const call = e.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(e as ts.Expression) || builtinName(call.expression) !== 'Object.assign') return [];
  // A source's getters are read once, where assign runs: the result holds their values, not them (descriptor copies
  // are descriptor-copies.ts's). Such a source is left to that rule; the target keeps its own accessors.
  if (call.arguments[0] !== e && lit.properties.some((p) => ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p))) return [];
  const ctx = checker.getContextualType(call);
  return ctx ? (ctx.isUnion() ? ctx.types : [ctx]) : [];
}
