/**
 * What a call through an interface or abstract member runs: its implementations. Interfaces and
 * object type literals are structural, so besides `implements` we take every app class whose
 * instance type the checker finds assignable to the interface (for generic ones, which the
 * checker cannot compare uninstantiated, every class that has all the interface's required
 * member names: an over-approximation), and every member of an object literal whose contextual
 * type is the interface (or whose value fits it: literal-fit.ts): a function written in place, or the
 * functions its value holds (`{ scan: scanNext }`, `{ f }`), followed by values.ts.
 */
import { ts } from '../../typescript.cjs';
import { memberName, type Hierarchy } from './hierarchy.js';
import type { MethodTable } from '../methods.js';
import { fileLine, siteOf, type AppFile, type LoadedApp } from '../project.js';
import { type LiteralMember } from '../walk.js';
import { isNothing, skipWrappers } from '../expressions.js';
import { isMethodNode } from '../../ids/methodIds.js';
import { literalFits, literalTypes, type LiteralTypes } from './literal-fit.js';
import { declaredKeyName } from './keyed-members.js';
import { assignedIntoTypes, mergedOverTypes } from './merged-literals.js';
import { contextDeclares } from './context-declared.js';
import { spreadIntoOwners, writtenAsView } from './partial-spreads.js';
import { assertedIntoOwners } from './asserted-views.js';
import { CycleAwareCache, type AnswerMemo } from './cycle-aware-cache.js';
import { typeLiteralNamesTypeParameters } from './generic-type-literals.js';

/** What an object literal's member may hold, when it is not a function written in place. */
export type LiteralValues = (v: ts.Expression | ts.ShorthandPropertyAssignment) => ts.Node[];

interface Impls {
  nodes: ts.Node[];
  /** file:line of literal members implementing it whose functions are not known statically. */
  unknown: string[];
}

export class Implementations {
  private readonly structural = new Map<ts.Node, ts.ClassLikeDeclaration[]>();
  private readonly literalsByName = new Map<string, LiteralMember[]>();
  private readonly fileOf: Map<ts.SourceFile, AppFile>;
  /** Set by the resolver once function values can be followed. */
  literalValues: LiteralValues = () => [];
  /**
   * Many sites share a member, so answers are kept (cycle-aware-cache.ts), with the parameters
   * their walk met (`{ done: onDone }`): a later site calling the member runs what callers pass
   * there too. A literal member's value may lead back to the member (`{ f: o.f }`): a cycle.
   */
  private readonly cache = new CycleAwareCache<ts.Node, Impls>((m) => this.computeImplementations(m), () => ({ nodes: [], unknown: [] }));

  constructor(
    private readonly app: LoadedApp,
    private readonly table: MethodTable,
    private readonly classes: Hierarchy,
    literalFns: LiteralMember[] = [],
  ) {
    this.fileOf = new Map(app.files.map((f) => [f.sf, f]));
    for (const l of literalFns) (this.literalsByName.get(l.name) ?? this.literalsByName.set(l.name, []).get(l.name)!).push(l);
  }

  /** Set by the resolver with literalValues: value following's, which keeps what answers met. */
  set memo(memo: AnswerMemo) {
    this.cache.memo = memo;
  }

  /** How often a cycle cut a member's implementations short: answers computed meanwhile may lack values. */
  get cycleCuts(): number {
    return this.cache.cuts;
  }

  /** Bodies that implement interface/abstract member `m`. */
  implementationsOf(m: ts.Node): ts.Node[] {
    return this.cache.get(m).nodes;
  }

  /** Object-literal members implementing `m` with a value whose functions are not known (file:line each). */
  unknownImplementationsOf(m: ts.Node): string[] {
    // Lines only: the parameters met were reported when the site asked for the implementations.
    return (this.cache.settled(m) ?? this.cache.get(m)).unknown;
  }

  private computeImplementations(m: ts.Node): Impls {
    const owner = m.parent;
    if (ts.isClassLike(owner)) return { nodes: this.classes.overridesOf(m as ts.ClassElement), unknown: [] };
    if (!ts.isInterfaceDeclaration(owner) && !ts.isTypeLiteralNode(owner)) return { nodes: [], unknown: [] };
    const lits = this.literalMembers(owner, m);
    return { nodes: [...new Set([...this.classMembers(owner, m), ...lits.nodes])], unknown: lits.unknown };
  }

  /** Members named like `m` of the app classes implementing `owner` (by `implements`, by extending one, by shape). */
  private classMembers(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode, m: ts.Node): ts.Node[] {
    const direct = ts.isInterfaceDeclaration(owner) ? this.classes.implementersOf(owner) : [];
    const all = new Set([...direct, ...direct.flatMap((c) => this.classes.subclassesOf(c)), ...this.structuralOf(owner)]);
    return [...this.classes.inheritedNamed([...all], m, true), ...this.fieldValues([...all], m)];
  }

  /**
   * A class implements a method member with a field as well as with a method: a field initialised with a
   * function written elsewhere (hono's RegExpRouter `match: typeof match<Router<T>, T> = match`) runs what its
   * initialiser holds (values.ts); one written in place is the class's own member (Hierarchy.inheritedNamed).
   */
  private fieldValues(classes: ts.ClassLikeDeclaration[], m: ts.Node): ts.Node[] {
    const name = memberName(m);
    if (name === undefined) return [];
    const fields = classes.flatMap((c) => c.members.filter((x): x is ts.PropertyDeclaration => ts.isPropertyDeclaration(x) && memberName(x) === name));
    const held = (f: ts.PropertyDeclaration): boolean => !!f.initializer && !isMethodNode(skipWrappers(f.initializer)) && !ts.getModifiers(f)?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
    return fields.filter(held).flatMap((f) => this.literalValues(f.initializer!));
  }

  private readonly accessors = new Map<ts.Node, ts.Node[]>();

  /**
   * The getters and setters implementing interface member `m`, which reading or writing it may
   * run: of classes, and written in object literals. What a literal member holds otherwise is
   * not run by a read, so it is not searched for (as implementationsOf must).
   */
  accessorsOf(m: ts.Node): ts.Node[] {
    const known = this.accessors.get(m);
    if (known) return known;
    const owner = m.parent;
    const name = this.nameOf(m);
    let out: ts.Node[] = [];
    if ((ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner)) && name !== undefined) {
      const lits = (this.literalsByName.get(name) ?? []).filter((l) => l.fn && ts.isAccessor(l.fn) && this.fits(owner, l.lit)).map((l) => l.fn!);
      out = [...new Set([...this.classMembers(owner, m), ...lits])].filter(ts.isAccessor);
    }
    this.accessors.set(m, out);
    return out;
  }

  /**
   * Getters named `name` written in object literals that fit interface `owner`, which may have the
   * member only through a mapped base (`extends Omit<Base, 'run'>`: the declaration is Base's, and a
   * literal fitting `owner` need not fit Base).
   */
  literalGettersFitting(owner: ts.InterfaceDeclaration, name: string): ts.Node[] {
    return (this.literalsByName.get(name) ?? []).filter((l) => l.fn && ts.isGetAccessorDeclaration(l.fn) && this.fits(owner, l.lit)).map((l) => l.fn!);
  }

  /** App classes whose instances fit interface/type literal `owner` structurally. */
  private structuralOf(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): ts.ClassLikeDeclaration[] {
    const cached = this.structural.get(owner);
    if (cached) return cached;
    const checker = this.app.checker;
    const target = this.typeOf(owner);
    const generic = (ts.isInterfaceDeclaration(owner) && (owner.typeParameters?.length ?? 0) > 0) || typeLiteralNamesTypeParameters(checker, owner, target);
    const required = this.requiredOf(owner);
    const out: ts.ClassLikeDeclaration[] = [];
    for (const cls of this.table.classId.keys()) {
      const names = this.classes.classNames(cls);
      if (!names || !required.every((n) => names.has(n))) continue;
      if (generic || checker.isTypeAssignableTo(this.classes.instanceTypeOf(cls)!, target)) out.push(cls);
    }
    this.structural.set(owner, out);
    return out;
  }

  /** Members named like `m` of object literals typed by (or assignable to) `owner`: functions in place or values holding them. */
  private literalMembers(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode, m: ts.Node): Impls {
    const name = this.nameOf(m);
    const lits = name === undefined ? [] : (this.literalsByName.get(name) ?? []);
    const out = { nodes: [] as ts.Node[], unknown: [] as string[] };
    if (!lits.length) return out;
    for (const l of lits) {
      const fits = this.fits(owner, l.lit);
      if (!fits && !this.spreadInAsView(owner, l.lit, name!, m)) continue;
      // A view spread in: callers outside may pass other views, so the member stays open (its site listed).
      if (!fits) out.unknown.push(this.lineOf(l.lit));
      if (l.fn) {
        out.nodes.push(l.fn);
        continue;
      }
      const fns = l.value ? this.literalValues(l.value) : [];
      out.nodes.push(...fns);
      // A parameter's value (`{ done: onDone }`) is parameter flow's: it lists the site if some callers are not known.
      if (!fns.length && l.value && !holdsNothing(l.value) && !this.isParameter(l.value)) out.unknown.push(this.lineOf(l.value));
    }
    return out;
  }

  /**
   * The values (not functions written in place) of object-literal members implementing interface or type-literal member
   * `m`: `{ constr }`, `{ constr: Ninja }`; for a flow that follows them with origins of its own (literal-held-classes.ts).
   */
  literalValuesOf(m: ts.Node): (ts.Expression | ts.ShorthandPropertyAssignment)[] {
    const owner = m.parent;
    const name = this.nameOf(m);
    if ((!ts.isInterfaceDeclaration(owner) && !ts.isTypeLiteralNode(owner)) || name === undefined) return [];
    return (this.literalsByName.get(name) ?? []).filter((l) => l.value && this.fits(owner, l.lit)).map((l) => l.value!);
  }

  /**
   * Members named like `m` of object literals written as a type mapped over m's interface (context-declared.ts):
   * what a call through a receiver of such a mapped type may run besides m's implementations.
   */
  mappedLiteralMembers(m: ts.Node): ts.Node[] {
    const name = this.nameOf(m);
    const lits = name === undefined ? [] : (this.literalsByName.get(name) ?? []);
    return lits.filter((l) => !this.fits(m.parent as ts.InterfaceDeclaration, l.lit) && contextDeclares(this.app.checker, l.lit, name!, m)).flatMap((l) => (l.fn ? [l.fn] : l.value ? this.literalValues(l.value) : []));
  }

  private spreadOwners?: Set<ts.Node>;

  /**
   * A literal written as a view mapped over `owner`, where the app spreads such views into `owner`'s objects
   * (partial-spreads.ts) or asserts such a view to be one (asserted-views.ts).
   */
  private spreadInAsView(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode, lit: ts.ObjectLiteralExpression, name: string, m: ts.Node): boolean {
    const sfs = this.app.files.map((f) => f.sf);
    this.spreadOwners ??= new Set([...spreadIntoOwners(this.app.checker, sfs), ...assertedIntoOwners(this.app.checker, sfs)]);
    return this.spreadOwners.has(owner) && writtenAsView(this.app.checker, lit, name, m);
  }

  private isParameter(v: ts.Expression | ts.ShorthandPropertyAssignment): boolean {
    const checker = this.app.checker;
    const e = ts.isShorthandPropertyAssignment(v) ? undefined : skipWrappers(v);
    if (e && !ts.isIdentifier(e)) return false;
    const symbol = e ? checker.getSymbolAtLocation(e) : checker.getShorthandAssignmentValueSymbol(v);
    const d = symbol?.valueDeclaration;
    if (d !== undefined && ts.isBindingElement(d) && ts.isObjectBindingPattern(d.parent)) return ts.isParameter(d.parent.parent); // `({ decode }) => ({ decode })`
    return d !== undefined && ts.isParameter(d);
  }

  /** A member's name as literal members are indexed: written, or its computed key's (`[matcher](): P`). */
  private nameOf(m: ts.Node): string | undefined {
    return memberName(m) ?? declaredKeyName(this.app.checker, m);
  }

  private readonly fitCache = new Map<ts.Node, Map<ts.ObjectLiteralExpression, boolean>>();

  /** Does object literal `lit` implement `owner`: typed as it by its context or a cast, or fitting it (literal-fit.ts)? */
  private fits(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode, lit: ts.ObjectLiteralExpression): boolean {
    const known = this.fitCache.get(owner) ?? this.fitCache.set(owner, new Map()).get(owner)!;
    let fit = known.get(lit);
    if (fit !== undefined) return fit;
    const checker = this.app.checker;
    const target = this.typeOf(owner);
    const ownerSym = target.getSymbol();
    // Typed as the interface (also by a cast of a partial mock: `{ send } as unknown as WS`).
    if (ownerSym && this.contextOf(lit).has(ownerSym)) fit = true;
    else fit = literalFits(checker, owner, target, this.literalTypesOf(lit));
    known.set(lit, fit);
    return fit;
  }

  private readonly literalTypeCache = new Map<ts.ObjectLiteralExpression, LiteralTypes>();

  /**
   * A literal's types, once per literal: it is compared with every shape sharing a member name
   * with it, and asking again checks the literal again into a new fresh type, which the
   * checker's cache of comparisons does not know either.
   */
  private literalTypesOf(lit: ts.ObjectLiteralExpression): LiteralTypes {
    let t = this.literalTypeCache.get(lit);
    if (!t) this.literalTypeCache.set(lit, (t = literalTypes(this.app.checker, lit)));
    return t;
  }

  private readonly requiredCache = new Map<ts.Node, string[]>();
  private readonly contextCache = new Map<ts.ObjectLiteralExpression, Set<ts.Symbol>>();

  /** Names of the members an implementation of `owner` must have. */
  private requiredOf(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): string[] {
    let r = this.requiredCache.get(owner);
    if (!r) {
      const props = this.app.checker.getPropertiesOfType(this.typeOf(owner));
      this.requiredCache.set(owner, (r = props.filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.getName())));
    }
    return r;
  }

  /** Symbols (and alias symbols) of a literal's contextual type, once per literal: it costs a call resolution. */
  private contextOf(lit: ts.ObjectLiteralExpression): Set<ts.Symbol> {
    let r = this.contextCache.get(lit);
    if (r) return r;
    r = new Set();
    const ctx = this.app.checker.getContextualType(lit);
    for (const p of [...(ctx ? (ctx.isUnion() ? ctx.types : [ctx]) : []), ...mergedOverTypes(this.app.checker, lit), ...assignedIntoTypes(this.app.checker, lit)]) {
      const a = p.getSymbol();
      if (a) r.add(a);
      if (p.aliasSymbol) r.add(p.aliasSymbol);
    }
    this.contextCache.set(lit, r);
    return r;
  }

  /** Literal members come from app files only (walk.ts). */
  private lineOf(n: ts.Node): string {
    return fileLine(siteOf(this.fileOf.get(n.getSourceFile())!, n));
  }

  private typeOf(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): ts.Type {
    const checker = this.app.checker;
    if (ts.isInterfaceDeclaration(owner)) return checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(owner.name)!);
    return checker.getTypeAtLocation(owner);
  }
}

/** A literal member's value that holds nothing: also `{ undefined }` written short. */
function holdsNothing(v: ts.Expression | ts.ShorthandPropertyAssignment): boolean {
  return ts.isShorthandPropertyAssignment(v) ? v.name.text === 'undefined' : isNothing(v);
}
