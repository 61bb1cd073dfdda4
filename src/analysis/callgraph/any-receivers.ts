/**
 * Calls and reads on a receiver typed `any` whose value the flow does not see (untyped.ts
 * follows the ones it does): the type that would pick the member is gone, so the name is all
 * there is. The app's class members of that name, its object literals' members of that name and
 * the functions it stores into a property of that name may run; the site stays listed as
 * unresolved, since a library's value may be there too.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { memberName } from './hierarchy.js';
import type { Resolution } from './resolve.js';
import type { Stores } from './stores.js';
import type { LiteralMember } from '../walk.js';
import { LiteralMembersByName } from './literal-members.js';
import type { AnswerMemo } from './cycle-aware-cache.js';
import { shownKey } from '../symbol-keys.js';

/** Whether an expression is typed `any`: its members are known by name only. */
export function typedAny(checker: ts.TypeChecker, e: ts.Expression): boolean {
  return (checker.getTypeAtLocation(e).flags & ts.TypeFlags.Any) !== 0;
}

export class AnyReceiverMembers {
  private readonly classMembers: MembersByName;
  private readonly literalMembers: LiteralMembersByName;

  constructor(
    checker: ts.TypeChecker,
    classes: () => Iterable<ts.ClassLikeDeclaration>,
    literals: readonly LiteralMember[],
    stores: Stores,
    valuesOf: (v: ts.Expression | ts.ShorthandPropertyAssignment) => ts.Node[],
    memo: AnswerMemo,
  ) {
    this.classMembers = new MembersByName(checker, classes);
    this.literalMembers = new LiteralMembersByName(literals, stores, valuesOf, memo);
  }

  /** `x.name()`: the class members through `fromDecls` (with their overrides), then the rest; undefined when `fromDecls` resolves to no targets. */
  call(names: readonly string[], fromDecls: (decls: readonly ts.Declaration[]) => Resolution): Resolution | undefined {
    const named = names.flatMap((n) => this.classMembers.of(n));
    const r = named.length ? fromDecls(named) : { targets: [] };
    if (!('targets' in r)) return undefined;
    const seen = new Set(r.targets.map((t) => t.node));
    const loose = names.flatMap((n) => this.literalMembers.of(n)).filter((node) => !seen.has(node) && seen.add(node));
    const targets = [...r.targets, ...loose.map((node) => ({ node, kind: 'callback' as const }))];
    return { ...r, targets, partial: r.partial ?? `receiver typed any: the app's members named ${names.map(shownKey).join(', ')}, and what else it may hold` };
  }

  /** `const original = x.name`: the functions the member may hold. */
  read(name: string): ts.Node[] {
    return [...this.classMembers.of(name).filter(isMethodNode), ...this.literalMembers.of(name)];
  }

  /** Lookups cut short by a cycle through the same name (see values.ts cuts). */
  get cuts(): number {
    return this.literalMembers.cuts;
  }
}

/**
 * `x.name(...)` on a receiver typed `any` whose value the flow does not see: the type that
 * would pick the member is gone, so the name is all there is. The app's class members of that
 * name that are functions (methods, function-typed fields), as a call through their class would
 * resolve them; the site stays listed as unresolved, since an object literal or a library value may be there too.
 */
class MembersByName {
  private byName: Map<string, ts.Declaration[]> | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly classes: () => Iterable<ts.ClassLikeDeclaration>,
  ) {}

  of(name: string): ts.Declaration[] {
    if (!this.byName) this.byName = this.index();
    return this.byName.get(name) ?? [];
  }

  private index(): Map<string, ts.Declaration[]> {
    const out = new Map<string, ts.Declaration[]>();
    for (const cls of this.classes()) {
      for (const m of cls.members) {
        const fn = (ts.isMethodDeclaration(m) && m.body !== undefined) || (ts.isPropertyDeclaration(m) && this.checker.getTypeAtLocation(m).getCallSignatures().length > 0);
        const name = fn ? memberName(m) : undefined;
        if (name !== undefined) (out.get(name) ?? out.set(name, []).get(name)!).push(m);
      }
    }
    return out;
  }
}
