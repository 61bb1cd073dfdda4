/**
 * Implementations written in object literals, fitted to the receiver a call goes through.
 * implementations.ts finds every literal implementing an interface member once per member:
 * `schema['~run']()` may run any schema's `'~run'`. At a site whose receiver's type (its declared
 * type; a type parameter's constraint) declares tags, members typed by literal values written in the
 * interface itself (`type: 'loose_tuple'` of the union args() takes), a literal written as that
 * interface or one extending it whose own tag cannot be one of those (`string()`'s `type: 'string'`)
 * is not what the receiver holds: its member is dropped there.
 *
 * Only tags decide: the same object may be seen under several instantiations of one generic type,
 * so members whose types the type arguments give are not compared. Kept: literals that only fit the
 * interface (handed to an installer that may adapt them), receivers typed `any`, `unknown`, by an
 * unconstrained type parameter or without the member, and what values cast to the receiver's type
 * hold (cast-away.ts, added as its own targets).
 */
import { ts } from '../../typescript.cjs';
import type { Resolution } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** How deep a type is searched for type parameters; deeper counts as naming one (the comparison is then skipped). */
const MAX_DEPTH = 6;

export function fittedToReceiver(c: ts.TypeChecker, callee: ts.Expression, res: Resolution): Resolution {
  if (!('targets' in res)) return res;
  const literalTargets = res.targets.filter((t) => t.kind === 'hierarchy' && literalOf(t.node) !== undefined);
  if (!literalTargets.length) return res;
  const expr = skipWrappers(callee);
  if (!ts.isPropertyAccessExpression(expr) && !ts.isElementAccessExpression(expr)) return res;
  if (expr.expression.kind === ts.SyntaxKind.SuperKeyword) return res;
  const name = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isStringLiteralLike(expr.argumentExpression) ? expr.argumentExpression.text : undefined;
  if (name === undefined) return res;
  const parts = receiverParts(c, expr.expression, name);
  if (!parts) return res;
  const owners = ownersOf(c, expr);
  if (!owners.length) return res;
  const kept = res.targets.filter((t) => {
    const lit = t.kind === 'hierarchy' ? literalOf(t.node) : undefined;
    return !lit || !declaredAsOwner(c, lit, owners) || parts.some((p) => fitsPart(c, lit, p));
  });
  return kept.length === res.targets.length ? res : { ...res, targets: kept };
}

/** The interfaces declaring the member called (their symbols): what its literal implementations implement. */
function ownersOf(c: ts.TypeChecker, expr: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.Symbol[] {
  const sym = c.getSymbolAtLocation(ts.isPropertyAccessExpression(expr) ? expr.name : expr.argumentExpression);
  const out: ts.Symbol[] = [];
  for (const d of sym?.declarations ?? []) {
    const owner = ts.isInterfaceDeclaration(d.parent) ? c.getSymbolAtLocation(d.parent.name) : undefined;
    if (owner && !out.includes(owner)) out.push(owner);
  }
  return out;
}

/**
 * Is the literal written as a value of an owner interface (its contextual type is one or extends one:
 * `string()`'s literal returned as StringSchema, which extends BaseSchema)? Its value then goes about
 * by that type. One that only fits (literal-fit.ts), such as matchers handed to a library that
 * installs them (`expect.extend({ toWarn(received) {...} })` for `expect(x).toWarn()`), may be run
 * through a value the library makes, of any type: it is kept.
 */
function declaredAsOwner(c: ts.TypeChecker, lit: ts.ObjectLiteralExpression, owners: readonly ts.Symbol[]): boolean {
  const ctx = c.getContextualType(lit);
  if (!ctx) return false;
  const t = c.getNonNullableType(ctx);
  const parts = t.isUnion() ? t.types : [t];
  return parts.length > 0 && parts.every((p) => derivesFrom(c, p, owners, 0));
}

function derivesFrom(c: ts.TypeChecker, t: ts.Type, owners: readonly ts.Symbol[], depth: number): boolean {
  if (t.isIntersection()) return t.types.some((p) => derivesFrom(c, p, owners, depth + 1));
  const sym = t.getSymbol();
  if (sym && owners.includes(sym)) return true;
  if (depth > 8 || !sym || !(sym.flags & ts.SymbolFlags.Interface)) return false;
  const declared = c.getDeclaredTypeOfSymbol(sym);
  return (c.getBaseTypes(declared as ts.InterfaceType) ?? []).some((b) => derivesFrom(c, b, owners, depth + 1));
}

/** The object literal a method or function written in place belongs to (`{ m() {} }`, `{ m: () => {} }`). */
function literalOf(n: ts.Node): ts.ObjectLiteralExpression | undefined {
  if ((ts.isMethodDeclaration(n) || ts.isAccessor(n)) && ts.isObjectLiteralExpression(n.parent)) return n.parent;
  if ((ts.isFunctionExpression(n) || ts.isArrowFunction(n)) && ts.isPropertyAssignment(n.parent) && n.parent.initializer === n && ts.isObjectLiteralExpression(n.parent.parent)) return n.parent.parent;
  return undefined;
}

/**
 * The object types the receiver may be, a type parameter replaced by its constraint; undefined
 * (keep every target) when one is open: `any`, `unknown`, an unconstrained type parameter, a part
 * without the member.
 */
function receiverParts(c: ts.TypeChecker, recv: ts.Expression, name: string): ts.Type[] | undefined {
  let t = declaredType(c, recv);
  if (t.flags & ts.TypeFlags.TypeParameter) {
    const bound = c.getBaseConstraintOfType(t);
    if (!bound) return undefined;
    t = bound;
  }
  t = c.getNonNullableType(t);
  const parts = t.isUnion() ? t.types : [t];
  const out: ts.Type[] = [];
  for (const p of parts) {
    if (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Never)) return undefined;
    if (!(p.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue; // a primitive part holds no literal
    if (!c.getPropertyOfType(p, name)) return undefined;
    out.push(p);
  }
  return out.length ? out : undefined;
}

/** Many sites share a receiver type (a constraint): each literal is compared with it once. */
const fitCache = new WeakMap<ts.Type, Map<ts.ObjectLiteralExpression, boolean>>();

function fitsPart(c: ts.TypeChecker, lit: ts.ObjectLiteralExpression, part: ts.Type): boolean {
  const known = fitCache.get(part) ?? fitCache.set(part, new Map()).get(part)!;
  let fit = known.get(lit);
  if (fit === undefined) known.set(lit, (fit = literalFitsPart(c, lit, part)));
  return fit;
}

/**
 * A named receiver's declared type, not the one narrowed where it is read: a type guard the
 * program writes (`s is Schema<string>`) narrows as a cast does, on the program's word.
 */
function declaredType(c: ts.TypeChecker, recv: ts.Expression): ts.Type {
  const e = skipWrappers(recv);
  const sym = ts.isIdentifier(e) ? c.getSymbolAtLocation(e) : ts.isPropertyAccessExpression(e) ? c.getSymbolAtLocation(e.name) : undefined;
  const own = sym && !(sym.flags & ts.SymbolFlags.Alias) && sym.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property) ? c.getTypeOfSymbol(sym) : undefined;
  return own ?? c.getTypeAtLocation(e);
}

/**
 * The literal fits unless one of its tags cannot be what the receiver's type declares there: a
 * member the receiver declares by literal types only (`type: 'loose_tuple'`, `collection?: never`),
 * written in the interface itself, not picked by its type arguments. Function members and other
 * instantiated ones are not compared: the same object is seen under several instantiations (vue's
 * transition hooks, made as TransitionHooks<TransitionElement>, read from a VNode<any, VShowElement>),
 * whereas a tag is a value the literal holds.
 */
function literalFitsPart(c: ts.TypeChecker, lit: ts.ObjectLiteralExpression, part: ts.Type): boolean {
  const own = c.getTypeAtLocation(lit);
  for (const p of c.getPropertiesOfType(part)) {
    const want = c.getTypeOfSymbol(p);
    if (!isTag(c, want) || !declaredAsTag(c, p)) continue;
    const mine = c.getPropertyOfType(own, p.getName());
    if (!mine) continue;
    const have = c.getTypeOfSymbol(mine);
    if (!isTag(c, have)) continue;
    if (!c.isTypeAssignableTo(have, want)) return false;
  }
  return true;
}

const TAG = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null;

/** A type of literal values only: `'string'`, `'map' | 'seq'`, `undefined`. */
function isTag(c: ts.TypeChecker, t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.length > 0 && parts.every((p) => (p.flags & TAG) !== 0);
}

/** Its declaration writes the type (a property signature's), naming no type parameter. */
function declaredAsTag(c: ts.TypeChecker, p: ts.Symbol): boolean {
  const decls = p.declarations ?? [];
  return decls.length > 0 && decls.every((d) => ts.isPropertySignature(d) && !!d.type && !namesTypeParameterOnce(c, c.getTypeFromTypeNode(d.type)) && isTag(c, c.getTypeFromTypeNode(d.type)));
}

const namesCache = new WeakMap<ts.Type, boolean>();

function namesTypeParameterOnce(c: ts.TypeChecker, t: ts.Type): boolean {
  let names = namesCache.get(t);
  if (names === undefined) namesCache.set(t, (names = namesTypeParameterDeep(c, t)));
  return names;
}

/**
 * Whether a type names a type parameter it does not itself declare: in union or intersection parts,
 * a reference's type arguments (its members follow from them), an anonymous type's members and
 * signatures (a generic signature's own, `map<U>`, are bound there). Searching stops at MAX_DEPTH,
 * answering yes: the caller then does not compare, which keeps the target.
 */
function namesTypeParameterDeep(c: ts.TypeChecker, t: ts.Type, depth = 0, seen = new Set<ts.Type>(), bound = new Set<ts.Type>()): boolean {
  if (t.flags & ts.TypeFlags.TypeParameter) return !bound.has(t);
  if (t.flags & (ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.Index | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return true;
  if (seen.has(t)) return false;
  seen.add(t);
  if (t.isUnionOrIntersection()) return t.types.some((p) => namesTypeParameterDeep(c, p, depth, seen, bound));
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  if (depth >= MAX_DEPTH) return true;
  const next = (u: ts.Type): boolean => namesTypeParameterDeep(c, u, depth + 1, seen, bound);
  const obj = t as ts.ObjectType;
  if (obj.objectFlags & ts.ObjectFlags.Reference) return c.getTypeArguments(t as ts.TypeReference).some(next);
  if (obj.objectFlags & ts.ObjectFlags.Mapped) return true;
  for (const s of [...t.getCallSignatures(), ...t.getConstructSignatures()]) {
    for (const tp of s.getTypeParameters() ?? []) bound.add(tp);
    if (next(s.getReturnType()) || s.getParameters().some((p) => next(c.getTypeOfSymbol(p)))) return true;
  }
  return c.getPropertiesOfType(t).some((p) => next(c.getTypeOfSymbol(p)));
}
