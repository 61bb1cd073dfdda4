/**
 * A member of a call's result read from the return type the callee declares, without resolving
 * the call: `expect(x).toEqual` asks the checker to infer expect's type arguments from x first,
 * which checks x (on a test suite, most of the time spent resolving calls).
 *
 * Exact where it answers, else undefined (ask the checker):
 * - the signature the checker picks is known without inference: the callee's only one, or the
 *   first in the checker's order (overload sets of one symbol declared in several places come
 *   later block first) when any arguments fit it (each argument's parameter is typed by a type
 *   parameter of its own, unconstrained, or any/unknown): vitest's `<T>(actual: T):
 *   Assertion<T>` before chai's `(val: any): Assertion`;
 * - that signature returns an interface or a class (with type arguments or not): its members
 *   are the same declarations whatever the arguments. Unions, intersections, type parameters,
 *   mapped and conditional types are left to the checker.
 *
 * The symbol is the declared return type's (`Assertion<T>`'s member), not the inferred one's
 * (`Assertion<number>`'s): the same declarations, parent and name, which is all the call graph
 * reads of it (its declarations, a library leaf's qualified name).
 */
import { ts } from '../../typescript.cjs';
import { isThisParameter } from '../parameters.js';

/** The member `access` names on its receiver, a call, by the callee's declared return type; undefined: ask the checker. */
export function declaredMember(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): ts.Symbol | undefined {
  if (!ts.isIdentifier(access.name)) return undefined;
  const ret = declaredResult(checker, access.expression);
  const member = ret && checker.getPropertyOfType(ret, access.name.text);
  return member?.declarations?.length ? member : undefined;
}

/**
 * The type of `expr` for questions that depend only on which class or interface it is (the
 * members it declares, its name), never on its type arguments: of a call, the declared return
 * type when it answers as declaredMember does; otherwise the checker's type.
 */
export function classOrInterfaceOf(checker: ts.TypeChecker, expr: ts.Expression): ts.Type {
  return declaredResult(checker, expr) ?? checker.getTypeAtLocation(expr);
}

/** Of a call, its declared class or interface (as classOrInterfaceOf), else undefined. */
export function declaredResult(checker: ts.TypeChecker, expr: ts.Expression): ts.Type | undefined {
  let e: ts.Expression = expr;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const sig = ts.isCallExpression(e) ? knownSignature(checker, e) : undefined;
  const ret = sig && checker.getReturnTypeOfSignature(sig);
  return ret && hasDeclaredMembers(ret) ? ret : undefined;
}

/**
 * The call signatures of `member` (a method, or a property of a function type) by its declared
 * type: the resolved call's member has these instantiated, with the same declarations and
 * parameters. Undefined when its type could change with the type arguments (a union, an
 * intersection, a type parameter, a mapped or conditional type).
 */
export function declaredSignatures(checker: ts.TypeChecker, member: ts.Symbol): readonly ts.Signature[] | undefined {
  const t = checker.getTypeOfSymbol(member);
  if (t.flags !== ts.TypeFlags.Object || (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped) return undefined;
  return t.getCallSignatures();
}

/** Per checker and call: its known signature, or null (several passes ask about one call). */
const known = new WeakMap<ts.TypeChecker, WeakMap<ts.CallExpression, ts.Signature | null>>();

/** The signature the checker resolves `call` to, when that needs no inference; else undefined. */
function knownSignature(checker: ts.TypeChecker, call: ts.CallExpression): ts.Signature | undefined {
  let byCall = known.get(checker);
  if (!byCall) known.set(checker, (byCall = new WeakMap()));
  let sig = byCall.get(call);
  if (sig === undefined) byCall.set(call, (sig = findSignature(checker, call) ?? null));
  return sig ?? undefined;
}

function findSignature(checker: ts.TypeChecker, call: ts.CallExpression): ts.Signature | undefined {
  const callee = call.expression;
  // In an optional chain the checker's type adds undefined: left to it.
  if (call.flags & ts.NodeFlags.OptionalChain) return undefined;
  if (callee.kind === ts.SyntaxKind.SuperKeyword || callee.kind === ts.SyntaxKind.ImportKeyword) return undefined;
  const sigs = checker.getTypeAtLocation(callee).getCallSignatures();
  if (sigs.length === 1) return sigs[0];
  // Signatures with literal-typed parameters go first whatever their place (GH#1133): not followed.
  if (sigs.length === 0 || sigs.some((s) => !s.declaration || hasLiteralParameter(s.declaration))) return undefined;
  const first = firstCandidate(checker, sigs);
  return first && fitsAnyArguments(first, call) ? first : undefined;
}

/**
 * The first signature in the checker's order (its reorderCandidates): signatures of one symbol
 * declared in several places (merged interfaces, ambient overloads in several files) are
 * ordered later place first; a signature of another symbol starts a group that stays behind.
 */
function firstCandidate(checker: ts.TypeChecker, sigs: readonly ts.Signature[]): ts.Signature | undefined {
  const key0 = symbolKey(checker, sigs[0]!.declaration!);
  if (key0 === undefined) return undefined;
  let first = sigs[0];
  for (let i = 1; i < sigs.length; i++) {
    const key = symbolKey(checker, sigs[i]!.declaration!);
    if (key === undefined) return undefined;
    if (key !== key0) break;
    if (sigs[i]!.declaration!.parent !== sigs[i - 1]!.declaration!.parent) first = sigs[i];
  }
  return first;
}

/** What identifies the symbol a signature's declaration belongs to (merged across files); undefined when not known. */
function symbolKey(checker: ts.TypeChecker, d: ts.SignatureDeclaration | ts.JSDocSignature): object | undefined {
  if (ts.isCallSignatureDeclaration(d)) {
    // `__call` of its interface (merged with the interface) or of a type literal (never merged).
    if (ts.isInterfaceDeclaration(d.parent)) return checker.getSymbolAtLocation(d.parent.name);
    return ts.isTypeLiteralNode(d.parent) ? d.parent : undefined;
  }
  if ((ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d) || ts.isMethodSignature(d)) && d.name) return checker.getSymbolAtLocation(d.name);
  // A symbol of its own.
  return ts.isFunctionTypeNode(d) || ts.isArrowFunction(d) || ts.isFunctionExpression(d) ? d : undefined;
}

function hasLiteralParameter(d: ts.SignatureDeclaration | ts.JSDocSignature): boolean {
  return !ts.isJSDocSignature(d) && d.parameters.some((p) => p.type !== undefined && ts.isLiteralTypeNode(p.type));
}

/**
 * Whether any arguments of the call's number fit the signature: no spread, no type arguments
 * written, no `this` or rest parameter, and each argument's parameter typed any, unknown, or a
 * type parameter of the signature without constraint that no other parameter mentions.
 */
function fitsAnyArguments(sig: ts.Signature, call: ts.CallExpression): boolean {
  const d = sig.declaration;
  if (!d || ts.isJSDocSignature(d) || call.typeArguments || call.arguments.some(ts.isSpreadElement)) return false;
  const params = d.parameters;
  if (params.some((p) => p.dotDotDotToken || isThisParameter(p))) return false;
  const n = call.arguments.length;
  if (n > params.length || params.slice(n).some((p) => !p.questionToken && !p.initializer)) return false;
  const own = new Map((d.typeParameters ?? []).map((t) => [t.name.text, t]));
  return params.slice(0, n).every((p) => {
    const t = p.type;
    if (!t) return false;
    if (t.kind === ts.SyntaxKind.AnyKeyword || t.kind === ts.SyntaxKind.UnknownKeyword) return true;
    if (!ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName) || t.typeArguments) return false;
    const name = t.typeName.text;
    const tp = own.get(name);
    return tp !== undefined && !tp.constraint && params.every((q) => q === p || !mentions(q, name));
  });
}

/** Whether an identifier `name` occurs anywhere in the node (a parameter's type or default). */
function mentions(node: ts.Node, name: string): boolean {
  return (ts.isIdentifier(node) && node.text === name) || (ts.forEachChild(node, (c) => mentions(c, name) || undefined) ?? false);
}

/** An interface or a class (or a reference to one with type arguments): members declared, whatever the arguments. */
function hasDeclaredMembers(t: ts.Type): boolean {
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  const o = t as ts.ObjectType;
  const target = o.objectFlags & ts.ObjectFlags.Reference ? (o as ts.TypeReference).target : o;
  // Written through an alias, a type could keep it (the checker's instantiation would name it too): not followed.
  return (target.objectFlags & ts.ObjectFlags.ClassOrInterface) !== 0 && !t.aliasSymbol;
}
