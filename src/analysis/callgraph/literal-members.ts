/**
 * On a receiver typed `any`, `x.listen(f)` may run an app object literal's member of that name
 * (`{ listen(l) {} }`, `{ listen: f }`) or a function the app stored into a property of that name
 * (`store.listen = (l) => ...`). In plain JavaScript every receiver is `any` and most objects are
 * literals, so without these a call through a parameter reached nothing.
 *
 * Many sites ask about one name, so answers are kept by name with the parameters they met
 * (cycle-aware-cache.ts). A value found for a name may read the same name again
 * (`const original = $store.listen; $store.listen = (...a) => original(...a)`): that re-entry
 * gets nothing, which adds nothing to the name's own answer.
 */
import type { ts } from '../../typescript.cjs';
import type { Stores } from './stores.js';
import type { LiteralMember } from '../walk.js';
import { CycleAwareCache, type AnswerMemo } from './cycle-aware-cache.js';

export class LiteralMembersByName {
  private byName: Map<string, LiteralMember[]> | undefined;
  private readonly cache: CycleAwareCache<string, ts.Node[]>;

  constructor(
    private readonly literals: readonly LiteralMember[],
    private readonly stores: Stores,
    /** Functions a literal's value or a stored value may be (values.ts: remembered there, with the parameters they met). */
    private readonly valuesOf: (v: ts.Expression | ts.ShorthandPropertyAssignment) => ts.Node[],
    memo: AnswerMemo,
  ) {
    this.cache = new CycleAwareCache((name) => this.compute(name), () => [], memo);
  }

  of(name: string): ts.Node[] {
    return this.cache.get(name);
  }

  /** Lookups cut short by a cycle through names (values.ts counts them). */
  get cuts(): number {
    return this.cache.cuts;
  }

  private compute(name: string): ts.Node[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const l of this.literals) (this.byName.get(l.name) ?? this.byName.set(l.name, []).get(l.name)!).push(l);
    }
    const out = new Set<ts.Node>();
    for (const l of this.byName.get(name) ?? []) {
      if (l.fn) out.add(l.fn);
      else if (l.value) for (const f of this.valuesOf(l.value)) out.add(f);
    }
    for (const s of this.stores.named(name)) for (const f of this.valuesOf(s.value)) out.add(f);
    return [...out];
  }
}
