/**
 * Decorators (`@d` on a class, a member or a parameter). The language evaluates each decorator
 * expression where the class is defined and calls its value there, in order (walk.ts gives the
 * decorator that owner, not the member it sits on): an 'implicit' edge from that owner to each
 * function the expression may be (`@Logged()`: what Logged returns; `@Sealed`: Sealed).
 *
 * What a decorator of a method or accessor receives and what it leaves in place depend on the
 * dialect the program is compiled with:
 * - experimentalDecorators (TypeScript's legacy decorators): it is called with (target, key,
 *   descriptor); the descriptor's `value` is the method (`get`/`set` the accessors), and what the
 *   decorator stores into `descriptor.value` (`get`, `set`), or puts there in a descriptor it
 *   returns, is the member from then on;
 * - standard decorators (TC39, TypeScript 5 without that option): it is called with (value,
 *   context); `value` is the member itself, and a function it returns replaces it.
 * So a parameter of a decorator holds the members it is applied to (parameter-flow.ts asks
 * `heldBy`), and whatever reaches a replaced member also reaches its replacements (`replacements`).
 * Class decorators returning a class, and field decorators' initialisers, are not followed.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import type { Resolver } from './resolve.js';
import { skipWrappers } from '../expressions.js';

/** The descriptor members a legacy decorator sees, by the kind of member it decorates. */
const DESCRIPTOR_PARTS = ['value', 'get', 'set'] as const;
type Part = (typeof DESCRIPTOR_PARTS)[number];

export class Decorators {
  /** Decorator function -> the members it is applied to (methods and accessors). */
  private readonly applied = new Map<ts.Node, ts.Node[]>();
  /** Member -> the functions its decorators leave in its place. */
  readonly replacements = new Map<ts.Node, ts.Node[]>();

  constructor(
    private readonly r: Resolver,
    private readonly legacy: boolean,
  ) {}

  /** The functions a decorator runs where its class is defined; recorded for what they receive and replace. */
  apply(d: ts.Decorator): ts.Node[] {
    const fns = this.r.values.of(d.expression).filter(isMethodNode);
    const member = d.parent;
    if (!ts.isMethodDeclaration(member) && !ts.isAccessor(member)) return fns;
    // A legacy decorator on either accessor of a pair gets one descriptor holding both.
    const parts: Part[] = ts.isMethodDeclaration(member) ? ['value'] : ['get', 'set'];
    for (const fn of fns) {
      const list = this.applied.get(fn) ?? this.applied.set(fn, []).get(fn)!;
      if (!list.includes(member)) list.push(member);
      if (!this.legacy) this.replace(member, this.r.values.returnsOf(fn).flatMap((e) => this.r.values.of(e)));
      else for (const part of parts) for (const m of partOf(member, part)) this.replace(m, this.replacing(fn, part));
    }
    return fns;
  }

  private replace(member: ts.Node, by: readonly ts.Node[]): void {
    for (const w of by.filter(isMethodNode)) {
      const was = this.replacements.get(member) ?? this.replacements.set(member, []).get(member)!;
      if (!was.includes(w)) was.push(w);
    }
  }

  /** What parameter `idx` (its `property`) of a decorator function holds: the members it decorates. */
  heldBy(fn: ts.Node, idx: number, property: string | undefined): ts.Node[] {
    const members = this.applied.get(fn);
    if (!members) return [];
    if (!this.legacy) return idx === 0 && property === undefined ? members : [];
    if (idx !== 2 || property === undefined) return [];
    return members.flatMap((m) => partOf(m, property));
  }

  /** What a legacy decorator `fn` leaves under `part` of the descriptor it is given. */
  private replacing(fn: ts.Node, part: Part): ts.Node[] {
    const descriptor = (fn as ts.FunctionLikeDeclaration).parameters[2];
    if (!descriptor || !ts.isIdentifier(descriptor.name)) return [];
    // `descriptor.value = wrapper`, anywhere in the decorator's body: a store onto the parameter (stores.ts).
    const out = this.r.stores
      .storedOn(this.r.checker, descriptor)
      .filter(([name]) => name === part)
      .flatMap(([, value]) => this.r.values.of(value));
    // `return { ...descriptor, value: wrapper }`: the descriptor returned is the one defined.
    for (const ret of this.r.values.returnsOf(fn)) {
      const lit = skipWrappers(ret);
      if (!ts.isObjectLiteralExpression(lit)) continue;
      for (const p of lit.properties) {
        if (!p.name || !ts.isIdentifier(p.name) || p.name.text !== part) continue;
        if (ts.isPropertyAssignment(p)) out.push(...this.r.values.of(p.initializer));
        else if (isMethodNode(p)) out.push(p);
      }
    }
    return out.filter(isMethodNode);
  }
}

/** The function under a descriptor's `value`, `get` or `set` for a decorated member. */
function partOf(member: ts.Node, property: string): ts.Node[] {
  if (!(DESCRIPTOR_PARTS as readonly string[]).includes(property)) return [];
  const part = property as Part;
  if (ts.isMethodDeclaration(member)) return part === 'value' ? [member] : [];
  if (!ts.isAccessor(member)) return [];
  // The descriptor of an accessor holds both halves of the pair.
  const cls = member.parent;
  const name = member.name.getText();
  const kind = part === 'get' ? ts.SyntaxKind.GetAccessor : part === 'set' ? ts.SyntaxKind.SetAccessor : undefined;
  if (kind === undefined || !ts.isClassLike(cls)) return [];
  return cls.members.filter((m) => m.kind === kind && m.name?.getText() === name && isMethodNode(m));
}
