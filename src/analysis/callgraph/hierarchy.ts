/**
 * Class hierarchy of the app, for calls that may dispatch elsewhere: `x.m()` on a class may run
 * a subclass's override or the method of a class with the same shape (classes are structural
 * too). Interfaces and abstract members: implementations.ts.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode, isStatic } from '../../ids/methodIds.js';
import type { MethodTable } from '../methods.js';
import type { AppFile, LoadedApp } from '../project.js';
import { symbolAt } from '../symbols.js';
import { declaredKeyName } from './keyed-members.js';

export class Hierarchy {
  private index?: { subclasses: Map<ts.Node, ts.ClassLikeDeclaration[]>; implementers: Map<ts.Node, ts.ClassLikeDeclaration[]> };
  private readonly fileOf: Map<ts.SourceFile, AppFile>;

  constructor(
    private readonly app: LoadedApp,
    private readonly table: MethodTable,
  ) {
    this.fileOf = new Map(app.files.map((f) => [f.sf, f]));
  }

  /** The app class that `cls` extends, if any. */
  baseOf(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
    const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    return ext ? this.classesAt(ext.expression)[0] : undefined;
  }

  /** Whether a value typed as one class may hold an instance of the other (same class, a subclass, or the same shape). */
  related(a: ts.ClassLikeDeclaration, b: ts.ClassLikeDeclaration): boolean {
    if (a === b || this.subclassesOf(a).includes(b) || this.subclassesOf(b).includes(a)) return true;
    return this.shapedLike(a).includes(b) || this.shapedLike(b).includes(a);
  }

  /**
   * What a call of class member `m` may run besides `m`: overrides in transitive subclasses, and
   * for instance members the same-named member (own or inherited) of classes with the class's
   * shape, whose instances TypeScript accepts where the class is expected.
   */
  overridesOf(m: ts.ClassElement): ts.Node[] {
    const cls = m.parent;
    if (!ts.isClassLike(cls)) return [];
    const own = this.membersNamed(this.subclassesOf(cls), m, true);
    if (isStatic(m)) return own;
    // Classes related by shape alone are matched by written names, as before keys were read (a class whose only
    // member is `[Symbol.dispose]()` has every such class's shape).
    return [...new Set([...own, ...this.inheritedNamed(this.shapedLike(cls), m, false)])];
  }

  private readonly shapes = new Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]>();

  /**
   * App classes, not extending `cls`, whose instances are assignable to its instances. A class
   * with private or protected members is nominal (only subclasses fit); generic classes, which
   * the checker cannot compare uninstantiated, fit when they have every required member name.
   */
  private shapedLike(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const hit = this.shapes.get(cls);
    if (hit) return hit;
    const out: ts.ClassLikeDeclaration[] = [];
    this.shapes.set(cls, out);
    const names = this.classNames(cls);
    const inst = this.instanceTypes.get(cls);
    if (!names || !inst || this.isNominal(inst)) return out;
    const checker = this.app.checker;
    const required = checker.getPropertiesOfType(inst).filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.getName());
    const subs = new Set(this.subclassesOf(cls));
    for (const other of this.table.classId.keys()) {
      if (other === cls || subs.has(other)) continue;
      const has = this.classNames(other);
      if (!has || !required.every((n) => has.has(n))) continue;
      if (isGeneric(cls) || isGeneric(other) || checker.isTypeAssignableTo(this.instanceTypes.get(other)!, inst)) out.push(other);
    }
    return out;
  }

  private isNominal(inst: ts.Type): boolean {
    return this.app.checker.getPropertiesOfType(inst).some((p) =>
      (p.declarations ?? []).some((d) => {
        const n = (d as ts.NamedDeclaration).name;
        const flags = ts.getCombinedModifierFlags(d);
        return (n !== undefined && ts.isPrivateIdentifier(n)) || (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
      }),
    );
  }

  /** Members named like `m` that instances of these classes have: their own, else the nearest base's (`byKey`: see membersNamed). */
  inheritedNamed(classes: ts.ClassLikeDeclaration[], m: ts.Node, byKey: boolean): ts.Node[] {
    const out: ts.Node[] = [];
    for (const c of classes) {
      let k: ts.ClassLikeDeclaration | undefined = c;
      for (let depth = 0; k && depth < 20; depth++, k = this.baseOf(k)) {
        const found = this.membersNamed([k], m, byKey);
        if (!found.length) continue;
        out.push(...found);
        break;
      }
    }
    return out;
  }

  private readonly namesCache = new Map<ts.ClassLikeDeclaration, Set<string> | undefined>();
  private readonly instanceTypes = new Map<ts.ClassLikeDeclaration, ts.Type>();

  /** Member names of a class's instances (with its instance type kept), once per class. */
  classNames(cls: ts.ClassLikeDeclaration): Set<string> | undefined {
    if (this.namesCache.has(cls)) return this.namesCache.get(cls);
    const checker = this.app.checker;
    const sym = cls.name ? checker.getSymbolAtLocation(cls.name) : (cls as { symbol?: ts.Symbol }).symbol;
    let names: Set<string> | undefined;
    if (sym) {
      const inst = checker.getDeclaredTypeOfSymbol(sym);
      this.instanceTypes.set(cls, inst);
      names = new Set(checker.getPropertiesOfType(inst).map((p) => p.getName()));
    }
    this.namesCache.set(cls, names);
    return names;
  }

  /** Every class of the app. */
  classes(): ts.ClassLikeDeclaration[] {
    return [...this.table.classId.keys()];
  }

  /** Transitive subclasses of `cls` among the app's classes. */
  subclassesOf(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const out: ts.ClassLikeDeclaration[] = [];
    const todo = [cls];
    const subs = this.getIndex().subclasses;
    while (todo.length) {
      for (const s of subs.get(todo.pop()!) ?? []) {
        if (out.includes(s)) continue;
        out.push(s);
        todo.push(s);
      }
    }
    return out;
  }

  /**
   * The members of these classes named as `m` is. With `byKey`, a member under a computed key of one name (`get
   * [Symbol.toStringTag]()`, `[Symbol.iterator]()`, a unique symbol's protocol member) is named by that key, as the checker
   * names it: a subclass's override of it, and the getters of classes fitting an interface or type literal that declares
   * `[Symbol.toStringTag]: string`, are found.
   */
  private membersNamed(classes: ts.ClassLikeDeclaration[], m: ts.Node, byKey: boolean): ts.Node[] {
    const nameOf = (x: ts.Node): string | undefined => (byKey ? this.keyOf(x) : memberName(x));
    const name = nameOf(m);
    if (name === undefined) return [];
    const out: ts.Node[] = [];
    for (const c of classes) {
      for (const member of c.members) {
        if (nameOf(member) !== name || isStatic(member) !== isStatic(m)) continue;
        if (isMethodNode(member) && this.table.idOf.has(member)) out.push(member);
        else if (ts.isPropertyDeclaration(member) && member.initializer && isMethodNode(member.initializer)) {
          out.push(member.initializer);
        }
      }
    }
    return out;
  }

  private keyOf(m: ts.Node): string | undefined {
    return memberName(m) ?? declaredKeyName(this.app.checker, m);
  }

  /** The instance type of a class (kept by classNames). */
  instanceTypeOf(cls: ts.ClassLikeDeclaration): ts.Type | undefined {
    this.classNames(cls);
    return this.instanceTypes.get(cls);
  }

  /** App classes that name interface `iface` in their `implements` clause. */
  implementersOf(iface: ts.InterfaceDeclaration): ts.ClassLikeDeclaration[] {
    return this.getIndex().implementers.get(iface) ?? [];
  }

  private getIndex() {
    if (this.index) return this.index;
    const subclasses = new Map<ts.Node, ts.ClassLikeDeclaration[]>();
    const implementers = new Map<ts.Node, ts.ClassLikeDeclaration[]>();
    const push = (m: Map<ts.Node, ts.ClassLikeDeclaration[]>, k: ts.Node, v: ts.ClassLikeDeclaration) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    // The method table already holds every app class (compiler nodes): no second walk.
    for (const cls of this.table.classId.keys()) {
      for (const h of cls.heritageClauses ?? []) {
        for (const t of h.types) {
          if (h.token === ts.SyntaxKind.ExtendsKeyword) {
            for (const base of this.classesAt(t.expression)) push(subclasses, base, cls);
          } else {
            const s = this.symbolAt(t.expression);
            for (const d of s?.declarations ?? []) if (ts.isInterfaceDeclaration(d)) push(implementers, d, cls);
          }
        }
      }
    }
    return (this.index = { subclasses, implementers });
  }

  private classesAt(e: ts.Expression): ts.ClassLikeDeclaration[] {
    const out: ts.ClassLikeDeclaration[] = [];
    for (const d of this.symbolAt(e)?.declarations ?? []) {
      if (!this.fileOf.has(d.getSourceFile())) continue;
      if (ts.isClassLike(d)) out.push(d);
      else if (ts.isVariableDeclaration(d) && d.initializer && ts.isClassExpression(d.initializer)) out.push(d.initializer);
    }
    return out;
  }

  private symbolAt(node: ts.Node): ts.Symbol | undefined {
    return symbolAt(this.app.checker, node);
  }
}

function isGeneric(cls: ts.ClassLikeDeclaration): boolean {
  return (cls.typeParameters?.length ?? 0) > 0;
}

export function memberName(m: ts.Node): string | undefined {
  const n = (m as { name?: ts.PropertyName }).name;
  if (!n) return undefined;
  return ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) ? n.text : undefined;
}
