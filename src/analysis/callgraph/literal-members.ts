/**
 * On a receiver typed `any`, `x.listen(f)` may run an app object literal's member of that name
 * (`{ listen(l) {} }`, `{ listen: f }`) or a function the app stored into a property of that name
 * (`store.listen = (l) => ...`). In plain JavaScript every receiver is `any` and most objects are
 * literals, so without these a call through a parameter reached nothing.
 *
 * Many sites ask about one name, so each answer is kept with the parameters it met (reported
 * again when it is reused, as values.ts does). A value found for a name may read the same name
 * again (`const original = $store.listen; $store.listen = (...a) => original(...a)`): that
 * re-entry gets nothing, which adds nothing to the name's own answer, so that answer is kept.
 * A name looked up meanwhile whose answer was cut on another name under way may lack what that
 * name has: its answer is provisional (a use counts as a cut, so answers built on it are not
 * kept either) until it is looked up again once the outermost lookup has ended, as
 * implementations.ts does for interface members. An answer computed while a walk was cut short
 * for another reason (values.ts cuts) is not kept at all: a later use asks afresh.
 */
import type { ts } from '../../typescript.cjs';
import type { Stores } from './stores.js';
import type { Sunk } from './value-memo.js';
import type { LiteralMember } from '../walk.js';

/** What keeping answers needs of value following (values.ts). */
export interface NameMemo {
  captured<T>(compute: () => T): { result: T; met: Sunk[] };
  replay(met: readonly Sunk[]): void;
  /** Walks cut short so far, by any cycle (this one's included). */
  cuts(): number;
}

interface Answer {
  nodes: ts.Node[];
  met: Sunk[];
}

export class LiteralMembersByName {
  private byName: Map<string, LiteralMember[]> | undefined;
  /** Names being looked up: a value that reads one of them again meanwhile gets its provisional answer, or nothing (a cut). */
  private readonly walking = new Set<string>();
  /** How often that cut a lookup short: answers computed meanwhile may lack values (values.ts does not keep them). */
  cuts = 0;
  private readonly known = new Map<string, Answer>();
  private readonly provisional = new Map<string, Answer & { cutOn: string[] }>();
  /** The names lookups were cut on, in the lookups under way. */
  private readonly cut: string[] = [];

  constructor(
    private readonly literals: readonly LiteralMember[],
    private readonly stores: Stores,
    /** Functions a literal's value or a stored value may be (values.ts: remembered there, with the parameters they met). */
    private readonly valuesOf: (v: ts.Expression | ts.ShorthandPropertyAssignment) => ts.Node[],
    private readonly memo: NameMemo,
  ) {}

  of(name: string): ts.Node[] {
    const hit = this.known.get(name);
    if (hit) {
      this.memo.replay(hit.met);
      return hit.nodes;
    }
    const early = this.provisional.get(name);
    if (early || this.walking.has(name)) {
      this.cuts++;
      this.cut.push(...(early ? early.cutOn : [name]));
      if (early) this.memo.replay(early.met);
      return early?.nodes ?? [];
    }
    const out = this.search(name);
    if (this.walking.size === 0) this.searchProvisionalAgain();
    const kept = this.known.get(name) ?? this.provisional.get(name);
    return kept ? kept.nodes : out;
  }

  private search(name: string): ts.Node[] {
    const before = this.cut.length;
    const cuts = this.memo.cuts();
    const own = this.cuts;
    this.walking.add(name);
    let answer: Answer;
    try {
      const { result, met } = this.memo.captured(() => this.compute(name));
      answer = { nodes: result, met };
    } finally {
      this.walking.delete(name);
    }
    const cutOn = [...new Set(this.cut.slice(before))].filter((c) => c !== name);
    this.cut.length = before;
    // Cut short for another reason than a name (a cycle through calls' results, say): not kept.
    if (this.memo.cuts() - cuts > this.cuts - own) return answer.nodes;
    if (cutOn.length) {
      this.provisional.set(name, { ...answer, cutOn });
      this.cut.push(...cutOn); // the lookups around this one were cut on them too
    } else this.known.set(name, answer);
    return answer.nodes;
  }

  /**
   * The provisional answers are looked up again from the top, where the names they were cut on
   * are known in full by now, while that makes answers known (at most once per name, so this
   * ends); one still cut short is dropped, so a later use asks afresh, as without answers kept.
   * Each lookup here has its name under way, so none of them comes back here.
   */
  private searchProvisionalAgain(): void {
    let known = -1;
    while (this.provisional.size && this.known.size > known) {
      known = this.known.size;
      const names = [...this.provisional.keys()];
      this.provisional.clear();
      for (const name of names) if (!this.known.has(name) && !this.provisional.has(name)) this.search(name);
    }
    this.provisional.clear();
    this.cut.length = 0;
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
