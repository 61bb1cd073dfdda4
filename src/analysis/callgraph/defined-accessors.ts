/**
 * Accessors installed at run time: `Object.defineProperty(o, 'k', { get() {...}, set(v) {...} })`
 * (also `Reflect.defineProperty`, and each entry of `Object.defineProperties(o, { k: {...} })`).
 * A read of `k` runs the getter and a write the setter wherever the receiver may be that object:
 * the receiver's `k` has the same declaration as `o`'s (the property the accessor replaces) or one
 * that declaration redeclares (in an interface or class extending the receiver's), or,
 * when `o`'s type does not declare `k`, the receiver has `o`'s type or one that says nothing of
 * its class (any, unknown, object, a type parameter, a record). `this` in a class's method says
 * which chain of prototypes it has: on `Object.getPrototypeOf(x)` only if x may be a direct
 * instance of the class, of a base or of a subclass (this-types.ts).
 */
import { ts } from '../../typescript.cjs';
import { propertyDecls } from './keys.js';
import type { Resolver, Target } from './resolve.js';
import { propertyDefinitions } from './property-definitions.js';
import { initializerOf } from './installer-syntax.js';
import { skipWrappers } from '../expressions.js';
import { mayShareChain, prototypeOwner, thisClass } from './this-types.js';
import type { FileSites } from '../walk.js';

interface Installed {
  decls: readonly ts.Declaration[];
  type: ts.Type;
  get: ts.Node[];
  set: ts.Node[];
  /** Installed on `Object.getPrototypeOf(x)`: x's type (this-types.ts). */
  protoOf?: ts.Type;
}

export class DefinedAccessors {
  private readonly byName = new Map<string, Installed[]>();

  constructor(
    private readonly r: Resolver,
    all: FileSites[],
  ) {
    for (const s of all) {
      for (const { node } of s.calls) {
        if (ts.isCallExpression(node)) for (const d of propertyDefinitions(node)) this.install(d.recv, d.name, d.desc);
      }
    }
    for (const i of r.installed) (this.byName.get(i.name) ?? this.byName.set(i.name, []).get(i.name)!).push(i);
  }

  private install(o: ts.Expression, name: string, desc: ts.Expression): void {
    const get = this.r.values.propertyOf(desc, 'get');
    const set = this.r.values.propertyOf(desc, 'set');
    if (!get.length && !set.length) return;
    const list = this.byName.get(name) ?? this.byName.set(name, []).get(name)!;
    list.push({ decls: propertyDecls(this.r.checker, o, name), type: this.r.checker.getTypeAtLocation(o), get, set, protoOf: prototypeOwner(this.r.checker, o) });
  }

  private readonly bases = new Map<ts.Node, Set<ts.Node>>();
  /** Per class and prototype owner's type: mayShareChain's answer. */
  private readonly chains = new Map<ts.ClassLikeDeclaration, Map<ts.Type, boolean>>();

  /**
   * The receiver's property is one the installed property redeclares: `optin` read on a
   * `$ZodTypeInternals` whose subinterface, where the accessor was installed, declares it again.
   */
  private redeclared(installed: readonly ts.Declaration[], read: ts.Declaration): boolean {
    const owner = read.parent;
    return installed.some((d) => d.parent !== owner && basesOf(this.r.checker, d.parent, this.bases).has(owner));
  }

  get any(): boolean {
    return this.byName.size > 0;
  }

  /**
   * The installed getters reading every own property of `recv` may run (a spread `{ ...recv }`,
   * `Object.assign(t, recv)`): by each name as a read would, and also those installed on a
   * property a subtype of the receiver's type declares (a `$ZodTypeDef` spread may be a `$ZodObjectDef`).
   */
  everyGetter(recv: ts.Expression): Target[] {
    const owners = new Set(this.origins(recv).flatMap((e) => ownerDecls(this.r.checker.getTypeAtLocation(e))));
    const out: Target[] = [];
    for (const [name, list] of this.byName) {
      const read = this.at(recv, name, false);
      out.push(...read);
      const found = new Set(read.map((t) => t.node));
      for (const i of list) {
        if (!this.onSubtype(i, owners)) continue;
        for (const node of i.get) if (!found.has(node)) out.push({ node, kind: 'accessor' });
      }
    }
    return out;
  }

  /** Installed on a property declared by a subtype of one of these interfaces or classes. */
  private onSubtype(i: Installed, owners: ReadonlySet<ts.Node>): boolean {
    return owners.size > 0 && i.decls.some((d) => [...basesOf(this.r.checker, d.parent, this.bases)].some((b) => owners.has(b)));
  }

  /** The installed accessors a read (or write) of `name` on `recv` (or what it was cast from) may run. */
  at(recv: ts.Expression, name: string, write: boolean): Target[] {
    const list = this.byName.get(name);
    if (!list) return [];
    const c = this.r.checker;
    const out = new Set<ts.Node>();
    const [, cast] = this.origins(recv);
    for (const e of cast ? [recv, cast] : [recv]) {
      const decls = propertyDecls(c, e, name);
      const t = c.getTypeAtLocation(e);
      const cls = thisClass(c, e);
      // Asserted to have `name` when its own type has not: a subtype declaring it, as a spread would (everyGetter).
      const owners = e === cast && !decls.length ? new Set(ownerDecls(t)) : undefined;
      for (const i of list) {
        const same = i.decls.length ? decls.some((d) => i.decls.includes(d) || this.redeclared(i.decls, d)) || (!!owners && this.onSubtype(i, owners)) : this.untypedHit(i, t, cls);
        if (same) for (const node of write ? i.set : i.get) out.add(node);
      }
    }
    return [...out].map((node) => ({ node, kind: 'accessor' as const }));
  }

  /** An accessor installed where the object's type does not declare it: at receivers of that type or an open one; at `this` of a class, if the prototype may be in its chain. */
  private untypedHit(i: Installed, t: ts.Type, cls: ts.ClassLikeDeclaration | undefined): boolean {
    if (t === i.type) return true;
    if (cls && i.protoOf) {
      const known = this.chains.get(cls) ?? this.chains.set(cls, new Map()).get(cls)!;
      let v = known.get(i.protoOf);
      if (v === undefined) known.set(i.protoOf, (v = mayShareChain(this.r.checker, this.r.hierarchy, cls, i.protoOf)));
      return v;
    }
    return opaque(t);
  }

  /**
   * The receiver and, when it is a type assertion (also held by a `const`: `const def = s._zod.def as any`),
   * what was asserted: the value is still that, of its own type (unless that tells nothing: any, unknown).
   */
  private origins(recv: ts.Expression): ts.Expression[] {
    let e: ts.Expression = recv;
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isIdentifier(e)) {
      const init = initializerOf(this.r.checker, e);
      if (init) e = init;
    }
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (!ts.isAsExpression(e) && !ts.isTypeAssertionExpression(e)) return [recv];
    const operand = skipWrappers(e);
    return this.r.checker.getTypeAtLocation(operand).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ? [recv] : [recv, operand];
  }
}

/** The interfaces and classes a type declaration extends or implements, all the way up. */
function basesOf(c: ts.TypeChecker, owner: ts.Node, memo: Map<ts.Node, Set<ts.Node>>): Set<ts.Node> {
  const known = memo.get(owner);
  if (known) return known;
  const out = new Set<ts.Node>();
  memo.set(owner, out);
  if (!ts.isInterfaceDeclaration(owner) && !ts.isClassLike(owner)) return out;
  for (const clause of owner.heritageClauses ?? []) {
    for (const t of clause.types) {
      let sym = c.getSymbolAtLocation(t.expression);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = c.getAliasedSymbol(sym);
      for (const b of sym?.declarations ?? []) {
        out.add(b);
        for (const up of basesOf(c, b, memo)) out.add(up);
      }
    }
  }
  return out;
}

/** The interfaces and classes a type is (each part of a union or intersection). */
function ownerDecls(t: ts.Type): ts.Node[] {
  const parts = t.isUnionOrIntersection() ? t.types : [t];
  return parts.flatMap((p) => (p.getSymbol()?.declarations ?? []).filter((d) => ts.isInterfaceDeclaration(d) || ts.isClassLike(d)));
}

function opaque(t: ts.Type): boolean {
  return !!(t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive));
}
