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
 * Retries. When the outermost lookup ends, the provisional answers are searched again, in
 * passes, each while the others' provisional answers stand, until a pass changes nothing. Each
 * provisional answer holds only what its key may hold (what it lacks is what a cut key has), and
 * a search from answers that hold no more than theirs finds no more than its own; once a pass
 * changes nothing, each answer is what its key finds from the others' answers, a fixed point,
 * which holds at least what the keys reach: so they are exact, and final. Retrying each key once
 * and keeping what is still provisional, as implementations.ts did, is not sound: a retry may
 * use another provisional answer that is not retried yet and never see what it gains
 * (test/analysis/cycle-aware-cache.test.ts has such a graph). A pass in which an answer is not
 * kept (cut for another reason, above) ends nothing: the provisional answers are then dropped
 * (counted in leftProvisional), so a later use asks afresh.
 *
 * Refusals. The owner may bound how deep lookups nest (device-questions.ts) and refuse one
 * there (`refused`): it is a cut on the refused key, as a cycle's is (the answers above it are
 * provisional on it), and the key is searched from the top before the passes, the latest refused
 * first (a chain longer than the bound is then found from its far end back); what a search of a
 * refused key refuses is searched in turn. So no answer depends on the bound, which only sets how
 * many stretches a long chain is walked in.
 */
import type { Sunk } from './value-memo.js';

/**
 * Passes over provisional answers at most. A chain settles in one pass, a cycle in two or three;
 * on zod 80 of 177 searches of provisional answers did not settle in 100 passes (answers whose
 * size changes every pass; why is not known yet): those are dropped after this many (counted in
 * leftProvisional), as every provisional answer was before, and asked afresh later.
 */
const MAX_PASSES = 10;

/** What keeping answers needs of value following (values.ts). */
/** The one key object for `node` in `table` (a question's answers are found by its key's identity). */
export function interned<N, K>(table: Map<N, K>, node: N, make: () => K): K {
  let key = table.get(node);
  if (!key) table.set(node, (key = make()));
  return key;
}

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
  /** `stretch`: which search from the top found it (see searchProvisionalAgain). */
  private readonly provisional = new Map<K, Kept<V> & { cutOn: K[]; stretch: number }>();
  /** Searches from the top so far (the outermost lookup's, then each refused key's). */
  private stretch = 0;
  private readonly underWay = new Set<K>();
  /** The keys the lookups under way were cut on. */
  private readonly cut: K[] = [];
  /** Keys refused (see `refused`) and not searched since: searched from the top, the latest first. */
  private readonly pending = new Set<K>();
  private readonly pendingOrder: K[] = [];
  /** Answers still provisional when the passes stopped unsettled or one was not kept (dropped; each may lack values). */
  leftProvisional = 0;

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
    if (early || this.underWay.has(key)) return this.cutOn(key);
    const out = this.search(key);
    if (this.underWay.size === 0) this.searchProvisionalAgain();
    return this.final.get(key)?.value ?? out;
  }

  /**
   * The answer for `key` where the owner refuses to search it (a bound on nesting): its final or
   * provisional answer if there is one, else nothing, as a cut on `key` that the outermost lookup
   * searches again from the top. Only while a lookup is under way (the owner's bound is below one).
   */
  refused(key: K): V {
    const hit = this.final.get(key);
    if (hit) {
      this.memo.replay(hit.met);
      return hit.value;
    }
    if (!this.provisional.has(key) && !this.underWay.has(key) && !this.pending.has(key)) {
      this.pending.add(key);
      this.pendingOrder.push(key);
    }
    return this.cutOn(key);
  }

  /** A lookup of `key` cut short: its provisional answer, else nothing, and the lookups under way are cut on what it was cut on. */
  private cutOn(key: K): V {
    const early = this.provisional.get(key);
    this.cuts++;
    this.cut.push(...(early ? early.cutOn : [key]));
    if (early) this.memo.replay(early.met);
    return early ? early.value : this.empty();
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
      this.provisional.set(key, { ...answer, cutOn, stretch: this.stretch });
      this.cut.push(...cutOn); // the lookups around this one were cut on them too
    } else this.final.set(key, answer);
    return answer.value;
  }

  /**
   * Refused keys first, then passes over the provisional answers, those of the latest search from
   * the top first and each search's in the order found (the deepest first): so a chain's far end
   * is final before what uses it, and a chain takes one pass however long it is. Each is searched
   * again while the others' provisional answers stand, until a pass changes nothing: the answers
   * then agree with each other (each is what its key finds from the others'), a fixed point, and
   * since each holds only what its key may hold, they are final. Each search here has its key
   * under way, so none of them comes back here.
   */
  private searchProvisionalAgain(): void {
    const retries = this.provisional.size > 0 || this.pending.size > 0;
    let passes = 0;
    for (;;) {
      this.searchRefused();
      if (!this.provisional.size) break;
      // What value following kept for the walk meanwhile was built on provisional answers: not reused.
      this.memo.forgetWithinWalk?.();
      let dropped = false;
      let grew = false;
      // The latest stretch first (a chain's far end), each in the order found (the deepest first).
      const order = [...this.provisional].sort(([, a], [, b]) => b.stretch - a.stretch);
      for (const [key, was] of order) {
        if (!this.provisional.delete(key)) continue;
        const now = this.search(key);
        const still = this.provisional.get(key);
        if (still) still.stretch = was.stretch;
        dropped ||= !this.final.has(key) && !still;
        grew ||= !sameSize(was.value, now);
      }
      const more = this.pending.size > 0 || grew;
      if (more && ++passes < MAX_PASSES) continue;
      if (dropped || more) this.leftProvisional += this.provisional.size;
      else for (const [key, { value, met }] of this.provisional) this.final.set(key, { value, met });
      break;
    }
    if (retries) this.memo.forgetWithinWalk?.();
    this.provisional.clear();
    this.pending.clear();
    this.pendingOrder.length = 0;
    this.cut.length = 0;
  }

  /** Searches the refused keys from the top, the latest refused first (its stretch of a chain is the farthest). */
  private searchRefused(): void {
    while (this.pendingOrder.length) {
      const key = this.pendingOrder.pop()!;
      this.pending.delete(key);
      if (this.final.has(key) || this.provisional.has(key)) continue;
      this.memo.forgetWithinWalk?.(); // as before a pass (above)
      this.stretch++;
      this.search(key);
    }
  }
}

/**
 * Whether two answers of a key hold as much, list by list (a list, or implementations.ts's nodes
 * and unknown): answers found from answers that only grow only grow, so the same size is the same
 * answer. Counted without repeats (a deep walk's nodes may repeat, more often the more it is asked).
 */
function sameSize(a: unknown, b: unknown): boolean {
  const lists = (v: unknown): unknown[][] => (Array.isArray(v) ? [v] : v && typeof v === 'object' ? Object.values(v).filter(Array.isArray) : []);
  const [la, lb] = [lists(a), lists(b)];
  return la.length === lb.length && la.every((l, i) => distinct(l) === distinct(lb[i]!));
}

function distinct(list: unknown[]): number {
  return list.length < 2 ? list.length : new Set(list).size;
}
