/**
 * A library parameter declared with primitive types only (`test(string: string)`,
 * `isNaN(number: number)`, `JSON.parse(text: string, ...)`) takes a value it may convert, never
 * one it calls: a function handed there (a field typed `unknown` that may hold one,
 * `this.requirement.test(dataset.value)`) is not run by that call. Converting a function runs
 * Function.prototype.toString, not app code; an own `toString` is a conversion site's edge
 * (implicit-sites.ts), not the function's. A parameter declared by a type parameter (`includes(x: T)`,
 * `push(...items: T[])`) or an object type may hold or call what it gets, so it is not one of these.
 */
import { ts } from '../../typescript.cjs';
import { argumentParameters } from '../parameters.js';

const PRIMITIVE =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void |
  ts.TypeFlags.Never;

/** Whether every declaration the library call may take (its overloads too) types that argument's parameter by primitives only. */
export function takesPrimitivesOnly(c: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, arg: ts.Expression): boolean {
  const i = call.arguments?.indexOf(arg) ?? -1;
  if (i < 0 || call.arguments!.slice(0, i).some(ts.isSpreadElement)) return false;
  const decls = calleeDeclarations(c, call, c.getResolvedSignature(call)?.getDeclaration());
  return decls.length > 0 && decls.every((d) => primitiveAt(c, d, i));
}

/** The resolved declaration and its overloads: the resolved one may be picked on a type the value does not truly have. */
function calleeDeclarations(c: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, resolved: ts.Declaration | undefined): ts.Declaration[] {
  if (!resolved) return [];
  const sym = c.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
  const all: ts.Declaration[] = sym?.declarations?.filter((d) => ts.isFunctionLike(d)) ?? [];
  return all.includes(resolved) ? all : [resolved];
}

function primitiveAt(c: ts.TypeChecker, decl: ts.Declaration, i: number): boolean {
  if (!ts.isFunctionLike(decl)) return false;
  const params = argumentParameters(decl);
  const p = params[i] ?? (params.at(-1)?.dotDotDotToken ? params.at(-1) : undefined);
  if (!p?.type) return false;
  if (p.dotDotDotToken) return ts.isArrayTypeNode(p.type) && primitiveType(c.getTypeFromTypeNode(p.type.elementType));
  return primitiveType(c.getTypeFromTypeNode(p.type));
}

/**
 * A variable or parameter of a TypeScript file declared (or inferred at its declaration) with
 * primitive types only (`let s = count * 2`): nothing assigned to it can be a function, so a
 * reference to it need not be asked of the value flow as a possible callback. JavaScript files
 * are not taken: their types do not bound what is assigned later.
 */
export function declaredPrimitive(c: ts.TypeChecker, name: ts.Identifier): boolean {
  if (name.getSourceFile().flags & ts.NodeFlags.JavaScriptFile) return false;
  const sym = c.getSymbolAtLocation(name);
  const d = sym?.valueDeclaration;
  if (!sym || !d || !(ts.isVariableDeclaration(d) || ts.isParameter(d))) return false;
  return primitiveType(c.getTypeOfSymbol(sym));
}

function primitiveType(t: ts.Type): boolean {
  return t.isUnion() ? t.types.every(primitiveType) : (t.flags & PRIMITIVE) !== 0 && !(t.flags & ts.TypeFlags.TypeParameter);
}
