/**
 * Array methods that make a new array make it with the receiver's constructor (ArraySpeciesCreate:
 * `new this.constructor[Symbol.species](n)`): `seq.map(f)`, `filter`, `slice`, `splice`, `concat`,
 * `flat`, `flatMap` on an instance of an app class extending Array run that class's constructor,
 * `super.splice(...)` in such a class the constructor of whichever subclass `this` is. And the
 * static `from` and `of` it inherits from Array construct the class they are called on
 * (`(this.constructor as typeof Seq).from(xs)`: Seq or a subclass).
 * A receiver typed by the library's Array may hold such an instance when the class's instances
 * are assignable to its type (a type parameter in it admits them too).
 */
import { ts } from '../../typescript.cjs';
import type { Resolver, Target } from './resolve.js';
import { skipWrappers } from '../expressions.js';

const SPECIES_CREATING = new Set(['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap']);
const INHERITED_STATIC = new Set(['from', 'of']);

export class ArraySpecies {
  /** App classes extending Array, directly or through app classes. */
  private readonly arrays: ts.ClassLikeDeclaration[] = [];

  constructor(private readonly r: Resolver) {
    for (const cls of r.hierarchy.classes()) {
      if (!extendsLibraryArray(r, cls)) continue;
      for (const c of [cls, ...r.hierarchy.subclassesOf(cls)]) if (!this.arrays.includes(c)) this.arrays.push(c);
    }
  }

  get any(): boolean {
    return this.arrays.length > 0;
  }

  /** The constructors a library call `recv.m(...)` runs to make its result. */
  at(call: ts.CallExpression): Target[] {
    const callee = skipWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    const name = callee.name.text;
    const recv = callee.expression;
    let classes: ts.ClassLikeDeclaration[] = [];
    if (SPECIES_CREATING.has(name)) classes = recv.kind === ts.SyntaxKind.SuperKeyword ? this.ofThis(recv) : this.held(recv);
    else if (INHERITED_STATIC.has(name)) classes = this.constructedBy(recv);
    const ctors = classes.map((c) => this.r.constructorOf(c)).filter((c): c is ts.Node => c !== undefined);
    return [...new Set(ctors)].map((node) => ({ node, kind: 'constructor' as const }));
  }

  /** `super.m()` inside an array class: `this` is it or a subclass. */
  private ofThis(at: ts.Node): ts.ClassLikeDeclaration[] {
    let n: ts.Node | undefined = at;
    while (n && !ts.isClassLike(n)) n = n.parent;
    return n && this.arrays.includes(n) ? this.arrays.filter((c) => c === n || this.r.hierarchy.subclassesOf(n as ts.ClassLikeDeclaration).includes(c)) : [];
  }

  /** The array classes whose instances the receiver may hold. */
  private held(recv: ts.Expression): ts.ClassLikeDeclaration[] {
    const checker = this.r.checker;
    const t = checker.getTypeAtLocation(recv);
    const parts = (t.isUnion() ? t.types : [t]).map((p) => checker.getApparentType(p));
    return this.arrays.filter((c) => {
      const instance = this.r.hierarchy.instanceTypeOf(c);
      return parts.some((p) => {
        if (p.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
        const declared = (p.getSymbol()?.declarations ?? []).filter(ts.isClassLike);
        if (declared.length) return declared.some((d) => d === c || this.r.hierarchy.subclassesOf(d).includes(c));
        if (!checker.isArrayType(p)) return false;
        return instance === undefined || mentionsTypeParameter(checker, p) || checker.isTypeAssignableTo(instance, p);
      });
    });
  }

  /** `C.from(...)` with C of type `typeof C` (a cast included): C and its subclasses. */
  private constructedBy(recv: ts.Expression): ts.ClassLikeDeclaration[] {
    const t = this.r.checker.getTypeAtLocation(recv);
    const out: ts.ClassLikeDeclaration[] = [];
    for (const part of t.isUnion() ? t.types : [t]) {
      if (!part.getConstructSignatures().length) continue;
      for (const d of part.getSymbol()?.declarations ?? []) {
        if (!ts.isClassLike(d) || !this.arrays.includes(d)) continue;
        for (const c of [d, ...this.r.hierarchy.subclassesOf(d)]) if (!out.includes(c)) out.push(c);
      }
    }
    return out;
  }
}

function extendsLibraryArray(r: Resolver, cls: ts.ClassLikeDeclaration): boolean {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return false;
  const sym = r.checker.getSymbolAtLocation(ext.expression);
  const decls = sym?.declarations ?? [];
  return sym?.getName() === 'Array' && decls.length > 0 && !decls.some((d) => r.isApp(d));
}

function mentionsTypeParameter(checker: ts.TypeChecker, t: ts.Type, depth = 0): boolean {
  if (depth > 4) return false;
  if (t.flags & ts.TypeFlags.TypeParameter) return true;
  if (t.isUnionOrIntersection()) return t.types.some((p) => mentionsTypeParameter(checker, p, depth + 1));
  if (t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
    return checker.getTypeArguments(t as ts.TypeReference).some((p) => mentionsTypeParameter(checker, p, depth + 1));
  }
  return false;
}
