/**
 * `this` in a class's method is typed by the polymorphic this type, a type parameter to the
 * checker, so rules asking whether a receiver may be any object took it for one. Its value is an
 * instance of the class or of a subclass, whose prototype chain the class declarations fix (the
 * class's own prototype, its bases', Object.prototype).
 *
 * An accessor installed on `Object.getPrototypeOf(x)` (`proto` typed any) sits on the prototype
 * of a value of x's type. `this.k` in a class method runs it only when that prototype is in the
 * chain of `this`: x is a direct instance of the class, of a base class or of a subclass, so one
 * of those classes' instances is of x's type. A v3 class reading `this._def` does not run a
 * getter installed on the prototype of a v4 schema no v3 class can be.
 * (A plain object of x's type has Object.prototype for a prototype: the analysis does not follow
 * accessors installed there, for `this` as for any receiver declared with a class.)
 */
import { ts } from '../../typescript.cjs';
import { skipWrappers } from '../expressions.js';
import { initializerOf, isGetPrototypeOf } from './installer-syntax.js';
import type { Hierarchy } from './hierarchy.js';

/** For `Object.getPrototypeOf(x)` (also held by a const): x's type, unless it may be any object. */
export function prototypeOwner(c: ts.TypeChecker, o: ts.Expression): ts.Type | undefined {
  let e = skipWrappers(o);
  if (ts.isIdentifier(e)) e = skipWrappers(initializerOf(c, e) ?? e);
  if (!ts.isCallExpression(e) || !isGetPrototypeOf(e.expression) || e.arguments.length !== 1) return undefined;
  const t = c.getTypeAtLocation(e.arguments[0]!);
  const open = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive;
  return (t.isUnion() ? t.types : [t]).some((p) => p.flags & open) ? undefined : t;
}

/** The app class whose method `e` is `this` in, when its type is the class's polymorphic this type. */
export function thisClass(c: ts.TypeChecker, e: ts.Expression): ts.ClassLikeDeclaration | undefined {
  if (e.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const t = c.getTypeAtLocation(e);
  if (!(t.flags & ts.TypeFlags.TypeParameter)) return undefined;
  // A this type's symbol is its class's; a declared type parameter's (`this: T`) is its own.
  const owner = t.getSymbol();
  if (!owner || !(owner.flags & ts.SymbolFlags.Class)) return undefined;
  const decls = (owner.declarations ?? []).filter(ts.isClassLike);
  return decls.length === 1 ? decls[0] : undefined;
}

/** Whether a direct instance of `cls`, of one of its bases or of one of its app subclasses may be of type `owner`. */
export function mayShareChain(c: ts.TypeChecker, hierarchy: Hierarchy, cls: ts.ClassLikeDeclaration, owner: ts.Type): boolean {
  const sym = cls.name && c.getSymbolAtLocation(cls.name);
  if (!sym) return true;
  const own = c.getDeclaredTypeOfSymbol(sym);
  const lineage: ts.Type[] = [own, ...basesOf(c, own)];
  for (const sub of hierarchy.subclassesOf(cls)) {
    const s = sub.name && c.getSymbolAtLocation(sub.name);
    if (!s) return true;
    lineage.push(c.getDeclaredTypeOfSymbol(s));
  }
  return lineage.some((t) => c.isTypeAssignableTo(t, owner));
}

/** The classes a class type extends, all the way up (the app's and the library's). */
function basesOf(c: ts.TypeChecker, t: ts.Type): ts.Type[] {
  const out: ts.Type[] = [];
  const todo = [t];
  for (let at = todo.pop(); at; at = todo.pop()) {
    if (!(at.flags & ts.TypeFlags.Object) || !((at as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) continue;
    for (const b of c.getBaseTypes(at as ts.InterfaceType)) if (!out.includes(b)) out.push(b), todo.push(b);
  }
  return out;
}
