/**
 * `new X()` where X is a value rather than a class name (`new tag.nodeClass()`,
 * `new (obj.constructor as typeof C)()`, `new Ctor()` with `Ctor = a ?? B`): the classes X's type
 * admits. A value of type `typeof C` is C or one of its subclasses (each part of a union
 * likewise), so those are what the construction may run. The type is read from the expression as
 * written, casts included: a cast is how such code says what it constructs. Where the type says
 * nothing (`new (this.constructor as any)()`, `const C: any = x.constructor; new C()`), an
 * object's `constructor` is its own class: the class of the receiver's type or a subclass of it.
 * And the converse: whether a receiver may hold an instance of a class, by its type.
 */
import { ts } from '../../typescript.cjs';
import { MAX_CONST_ALIASES, constInitializer, symbolAt } from '../symbols.js';
import { skipWrappers } from '../expressions.js';
import type { Hierarchy } from './hierarchy.js';
import { isGetPrototypeOf } from './installer-syntax.js';


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

/**
 * A class held by a `const` whose type says nothing (`const K: any = Derived`), or `x.constructor`
 * (also `Object.getPrototypeOf(x).constructor`), as written or so held: that class; the app classes x's type is an instance of, and their subclasses.
 */
export function classesOfConstructorRead(checker: ts.TypeChecker, hierarchy: Hierarchy, written: ts.Expression, isApp: (d: ts.Node) => boolean): ts.ClassLikeDeclaration[] {
  let e = skipWrappers(written);
  for (let i = 0; i < MAX_CONST_ALIASES && ts.isIdentifier(e); i++) {
    const named = (symbolAt(checker, e)?.declarations ?? []).filter((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d) && isApp(d));
    if (named.length) return named;
    const init = constInitializer(checker, e);
    if (!init) return [];
    e = skipWrappers(init);
  }
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'constructor') return [];
  // `Object.getPrototypeOf(x).constructor` is x's too.
  const proto = skipWrappers(e.expression);
  const recv = ts.isCallExpression(proto) && isGetPrototypeOf(proto.expression) && proto.arguments[0] ? proto.arguments[0] : e.expression;
  const t = checker.getTypeAtLocation(recv);
  const out: ts.ClassLikeDeclaration[] = [];
  for (const part of t.isUnion() ? t.types : [t]) {
    const instance = checker.getApparentType(part); // `this`: its class
    if (instance.getConstructSignatures().length) continue; // `typeof C`: the class itself, whose constructor is Function
    for (const d of instance.getSymbol()?.declarations ?? []) {
      if (!ts.isClassLike(d) || !isApp(d)) continue;
      for (const c of [d, ...hierarchy.subclassesOf(d)]) if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}

const NOT_OBJECT = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;

/**
 * May `recv` hold an instance of `cls` (or of a class related to it)? Untyped receivers,
 * interfaces and object types may (structural); primitives and unrelated classes may not.
 */
export function mayHoldInstance(checker: ts.TypeChecker, hierarchy: Hierarchy, recv: ts.Expression, cls: ts.ClassLikeDeclaration): boolean {
  const t = checker.getTypeAtLocation(recv);
  const parts = t.isUnionOrIntersection() ? t.types : [t];
  return parts.some((raw) => {
    if (raw.flags & NOT_OBJECT) return false;
    const p = checker.getApparentType(raw); // `this` and type parameters: their constraint
    if (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    const classes = (p.getSymbol()?.declarations ?? []).filter(ts.isClassLike);
    return classes.length === 0 || classes.some((k) => hierarchy.related(k, cls));
  });
}

/** May `recv` hold the object an object literal makes: untyped, or of a type the literal fits. */
export function mayHoldLiteral(checker: ts.TypeChecker, recv: ts.Expression, literal: ts.ObjectLiteralExpression): boolean {
  const t = checker.getTypeAtLocation(recv);
  return (t.isUnion() ? t.types : [t]).some((raw) => {
    if (raw.flags & NOT_OBJECT) return false;
    const p = checker.getApparentType(raw);
    if (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    // A class's instances are made by it, never by a literal, whatever their shapes (as mayHoldInstance).
    if ((p.getSymbol()?.declarations ?? []).some(ts.isClassLike)) return false;
    // Widened: a fresh literal's type would fail on its members the target does not name.
    return checker.isTypeAssignableTo(checker.getWidenedType(checker.getTypeAtLocation(literal)), p);
  });
}
