/**
 * Object literals shaped by a class. A class is a type too: `use({ hooks: { preprocess(md) { ... } } })`
 * with `hooks?: Partial<Hooks>` (Hooks a class), `const r: Renderer = { ... }`, a mapped type over
 * the class (Partial, Pick, Omit, `{ [K in keyof C]?: ... }`): the checker declares such a literal's
 * properties by the class's members. Where the program calls the class member through a value that
 * may be such a literal (a parameter, a record read by key) it runs the literal's member, which
 * overrides of the class member do not include. Found by the literal's contextual type: its property
 * of that name is declared by the class member.
 */
import { ts } from '../../typescript.cjs';
import { memberName } from './hierarchy.js';
import type { LiteralValues } from './implementations.js';
import type { LiteralMember } from '../walk.js';

export class ClassShapedLiterals {
  private readonly byName = new Map<string, LiteralMember[]>();
  private readonly answers = new Map<ts.Node, ts.Node[]>();
  private readonly contexts = new Map<ts.ObjectLiteralExpression, readonly ts.Type[]>();

  constructor(
    private readonly checker: ts.TypeChecker,
    literalFns: readonly LiteralMember[],
    private readonly literalValues: () => LiteralValues,
  ) {
    for (const l of literalFns) (this.byName.get(l.name) ?? this.byName.set(l.name, []).get(l.name)!).push(l);
  }

  /** The functions of object literals whose member `m` (a class method) declares by their contextual type. */
  membersFor(m: ts.MethodDeclaration): ts.Node[] {
    const known = this.answers.get(m);
    if (known) return known;
    // A literal's value leading back here (`{ pre: other.pre }`): cut, and counted (values.ts cuts).
    if (this.following.has(m)) {
      this.cutCount++;
      return [];
    }
    const name = memberName(m);
    const out = new Set<ts.Node>();
    const cuts = this.cutCount;
    this.following.add(m);
    try {
      for (const l of name === undefined ? [] : (this.byName.get(name) ?? [])) {
        if (!this.contextOf(l.lit).some((t) => this.checker.getPropertyOfType(t, name!)?.declarations?.includes(m))) continue;
        if (l.fn) out.add(l.fn);
        else if (l.value) for (const f of this.literalValues()(l.value)) out.add(f);
      }
    } finally {
      this.following.delete(m);
    }
    const r = [...out];
    if (this.cutCount === cuts) this.answers.set(m, r);
    return r;
  }

  private readonly following = new Set<ts.Node>();
  private cutCount = 0;

  /** Answers cut short by a cycle so far. */
  get cuts(): number {
    return this.cutCount;
  }

  /** The object types a literal is written as (the parts of a union with undefined), once per literal. */
  private contextOf(lit: ts.ObjectLiteralExpression): readonly ts.Type[] {
    let r = this.contexts.get(lit);
    if (r) return r;
    const ctx = this.checker.getContextualType(lit);
    r = ctx ? (ctx.isUnion() ? ctx.types : [ctx]).filter((t) => t.flags & ts.TypeFlags.Object) : [];
    this.contexts.set(lit, r);
    return r;
  }
}
