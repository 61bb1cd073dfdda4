/**
 * A receiver typed by a library type (`Map`, `Set`, `Array`, `Iterable`, `Iterator`, ...) may
 * hold an instance of an app class that extends or implements it: a call of a library method
 * there may run the app's own member of that name (`m.get(k)` with `m: Map` runs `MyMap.get`
 * when a MyMap is passed), and iterating an `Iterable` may run any app class's
 * `[Symbol.iterator]` (iteration is structural: no `implements` clause is needed).
 * Candidates: the app classes naming the library type in `extends`/`implements`, their
 * subclasses, and for the iteration protocol every class declaring it.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Hierarchy } from './hierarchy.js';
import { symbolAt } from '../symbols.js';
import { skipWrappers } from '../expressions.js';

const PROTOCOL = /^\[Symbol\.(async)?[iI]terator\]$/;

export class LibrarySubtypes {
  private readonly byName = new Map<string, ts.ClassLikeDeclaration[]>();
  private readonly iterables: ts.ClassLikeDeclaration[] = [];

  constructor(
    checker: ts.TypeChecker,
    hierarchy: Hierarchy,
    classes: Iterable<ts.ClassLikeDeclaration>,
    isApp: (d: ts.Node) => boolean,
  ) {
    for (const cls of classes) {
      if (cls.members.some((m) => PROTOCOL.test(nameOf(m) ?? ''))) this.iterables.push(cls);
      for (const sym of libraryBases(checker, cls, isApp)) {
        const list = this.byName.get(sym.getName()) ?? this.byName.set(sym.getName(), []).get(sym.getName())!;
        for (const c of [cls, ...hierarchy.subclassesOf(cls)]) if (!list.includes(c)) list.push(c);
      }
    }
  }

  get any(): boolean {
    return this.byName.size > 0 || this.iterables.length > 0;
  }

  /** The app's members named `name` (`[Symbol.iterator]` for a well-known symbol) that a receiver of library type `t` may run. */
  members(t: ts.Type, name: string, isApp: (d: ts.Node) => boolean): ts.Node[] {
    const out: ts.Node[] = [];
    for (const part of t.isUnion() ? t.types : [t]) {
      const sym = part.aliasSymbol ?? part.getSymbol();
      if (!sym || (sym.declarations ?? []).some(isApp)) continue;
      const classes = [...(this.byName.get(sym.getName()) ?? []), ...(PROTOCOL.test(name) && /Iter/.test(sym.getName()) ? this.iterables : [])];
      for (const cls of classes) {
        for (const m of cls.members) {
          const fn = nameOf(m) === name ? functionOf(m) : undefined;
          if (fn && !out.includes(fn)) out.push(fn);
        }
      }
    }
    return out;
  }
}

/**
 * The library types a class names in its heritage, also through the app interfaces it implements
 * (`class EitherAsyncImpl implements EitherAsync`, `interface EitherAsync extends PromiseLike<...>`).
 */
function libraryBases(checker: ts.TypeChecker, decl: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, isApp: (d: ts.Node) => boolean, seen = new Set<ts.Node>()): ts.Symbol[] {
  const out: ts.Symbol[] = [];
  seen.add(decl);
  for (const h of decl.heritageClauses ?? []) {
    for (const t of h.types) {
      const sym = symbolAt(checker, t.expression);
      const decls = sym?.declarations ?? [];
      if (!sym || !decls.length) continue;
      if (!decls.some(isApp)) out.push(sym);
      // Only an implemented interface's bases: an extended app class's are its own (its subclasses are listed with it).
      else if (ts.isInterfaceDeclaration(decl) || h.token === ts.SyntaxKind.ImplementsKeyword) {
        for (const d of decls) if (ts.isInterfaceDeclaration(d) && isApp(d) && !seen.has(d)) out.push(...libraryBases(checker, d, isApp, seen));
      }
    }
  }
  return out;
}

/** A method, or a field initialised with a function (`then: PromiseLike<T>['then'] = (ok, fail) => ...`). */
function functionOf(m: ts.ClassElement): ts.Node | undefined {
  if (isMethodNode(m)) return m;
  const init = ts.isPropertyDeclaration(m) ? m.initializer && skipWrappers(m.initializer) : undefined;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

function nameOf(m: ts.Node): string | undefined {
  const n = (m as { name?: ts.PropertyName }).name;
  if (!n) return undefined;
  if (ts.isComputedPropertyName(n)) return `[${n.expression.getText()}]`;
  return ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}
