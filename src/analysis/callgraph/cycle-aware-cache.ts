/**
 * A cache of answers that may ask each other in cycles: the implementations of an interface
 * member (implementations.ts), what the app keeps under a name (literal-members.ts). Many sites
 * ask about one key, so each answer is kept, with the parameters its walk met (value-memo.ts),
 * which a reuse reports again: a later site runs what callers pass there too.
 *
 * Cycles. A key looked up again while its own lookup is under way gets nothing (a cut): that adds
 * nothing to the key's own answer, so an answer cut only on its own key is final. A key looked up
 * meanwhile that was cut on another key under way may lack what that key has: its answer is
 * provisional. A use of a provisional answer counts as a cut on the keys it was cut on, so
 * answers built on it are provisional too (and value following, which counts this cache's cuts,
 * does not keep them). An answer computed while a walk was cut short for another reason (a cycle
 * through calls' results, another cache's) is not kept at all: a later use asks afresh.
 *
 * Retries. When the outermost lookup ends, the provisional answers are searched again from the
 * top, in rounds, while a round makes answers final; what is still provisional then is dropped,
 * so a later use asks afresh. Retrying each key once and keeping what is still provisional, as
 * implementations.ts did, is not sound: a retry may use another provisional answer that is not
 * retried yet (cut on a key that is final by now), stay provisional for good, and every later
 * use gets that partial answer (test/analysis/cycle-aware-cache.test.ts has such a graph). Each
 * round either makes an answer final or stops, so this ends.
 */
import type { Sunk } from './value-memo.js';

/** What keeping answers needs of value following (values.ts). */
export interface AnswerMemo {
  /** Runs `compute`, returning also the parameters it met (reported to the walks around it as usual). */
  captured<T>(compute: () => T): { result: T; met: Sunk[] };
  /** Reports the parameters a kept answer met, as computing it afresh would. */
  replay(met: readonly Sunk[]): void;
  /** Walks cut short so far by any cycle, this cache's included. */
  cuts(): number;
  /** Drops the answers kept only for the walk under way (computed while provisional answers were used). */
  forgetWithinWalk?(): void;
}

/** Until value following is there: nothing is met, nothing cut but this cache's own. */
export const noMemo: AnswerMemo = { captured: (compute) => ({ result: compute(), met: [] }), replay: () => {}, cuts: () => 0 };

interface Kept<V> {
  value: V;
  met: Sunk[];
}

export class CycleAwareCache<K, V> {
  /** How often a cycle cut a lookup short (or it used a provisional answer): see AnswerMemo.cuts. */
  cuts = 0;
  private readonly final = new Map<K, Kept<V>>();
  private readonly provisional = new Map<K, Kept<V> & { cutOn: K[] }>();
  private readonly underWay = new Set<K>();
  /** The keys the lookups under way were cut on. */
  private readonly cut: K[] = [];

  constructor(
    private readonly compute: (key: K) => V,
    /** The answer of a lookup cut short: nothing. */
    private readonly empty: () => V,
    /** Value following's, once there (its cuts() must count this cache's cuts). */
    public memo: AnswerMemo = noMemo,
  ) {}

  /** The answer for `key`: kept, provisional, nothing (a cycle), or searched. */
  get(key: K): V {
    const hit = this.final.get(key);
    if (hit) {
      this.memo.replay(hit.met);
      return hit.value;
    }
    const early = this.provisional.get(key);
    if (early || this.underWay.has(key)) {
      this.cuts++;
      this.cut.push(...(early ? early.cutOn : [key]));
      if (early) this.memo.replay(early.met);
      return early ? early.value : this.empty();
    }
    const out = this.search(key);
    if (this.underWay.size === 0) this.searchProvisionalAgain();
    return this.final.get(key)?.value ?? out;
  }

  /** How many keys have a final answer: grows while retries make progress. */
  get settledCount(): number {
    return this.final.size;
  }

  /** The final answer for `key` if there is one, without reporting what it met. */
  settled(key: K): V | undefined {
    return this.final.get(key)?.value;
  }

  private search(key: K): V {
    const before = this.cut.length;
    const cuts = this.memo.cuts();
    const own = this.cuts;
    this.underWay.add(key);
    let answer: Kept<V>;
    try {
      const { result, met } = this.memo.captured(() => this.compute(key));
      answer = { value: result, met };
    } finally {
      this.underWay.delete(key);
    }
    // Most searches meet no cut: no lists made for them.
    const cutOn = this.cut.length > before ? [...new Set(this.cut.slice(before))].filter((c) => c !== key) : [];
    this.cut.length = before;
    // Cut short for another reason than a key of this cache (a cycle through calls' results, say): not kept.
    if (this.memo.cuts() - cuts > this.cuts - own) return answer.value;
    if (cutOn.length) {
      this.provisional.set(key, { ...answer, cutOn });
      this.cut.push(...cutOn); // the lookups around this one were cut on them too
    } else this.final.set(key, answer);
    return answer.value;
  }

  /** Each search here has its key under way, so none of them comes back here. */
  private searchProvisionalAgain(): void {
    let settled = -1;
    if (this.provisional.size) this.memo.forgetWithinWalk?.();
    while (this.provisional.size && this.final.size > settled) {
      settled = this.final.size;
      const keys = [...this.provisional.keys()];
      this.provisional.clear();
      for (const key of keys) if (!this.final.has(key) && !this.provisional.has(key)) this.search(key);
      this.memo.forgetWithinWalk?.();
    }
    this.provisional.clear();
    this.cut.length = 0;
  }
}
