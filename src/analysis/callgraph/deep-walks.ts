/**
 * Value following past its step bound, for the call graph (values.ts beyondDepth): a walk that
 * reaches MAX_DEPTH asks the rest as a question of its own (the node, the kind of walk and its
 * position), answered afresh from depth 0 and kept in a cycle-aware cache (cycle-aware-cache.ts),
 * as the device questions do. So a walk ends where it meets itself again, not after a count of
 * steps: a chain of any length is followed (jotai reads its store's functions back through a
 * call, a WeakMap, Object.freeze, `.map` and a tuple literal, about 16 steps), and a cycle of
 * values (`a = b; b = a`) ends as any cycle does in that cache, its answers searched again until
 * they settle.
 *
 * Questions nest at most MAX_NESTED deep, which keeps the stack bounded: one refused there is a
 * cut on its key (CycleAwareCache.refused), searched from the top once the outermost question
 * ends, so the answers do not depend on the bound either.
 */
import type { ts } from '../../typescript.cjs';
import { CycleAwareCache, type AnswerMemo } from './cycle-aware-cache.js';
import { NestingLimit } from './nesting-limit.js';
import type { DeepQuestion } from './element-values.js';

/** Deep questions nested at most (each up to MAX_DEPTH steps of a walk deeper). */
const MAX_NESTED = 24;

interface DeepKey {
  node: ts.Node;
  afresh: () => ts.Node[];
}

export class DeepWalks {
  private readonly cache = new CycleAwareCache<DeepKey, ts.Node[]>(
    (key) => key.afresh(),
    () => [],
  );
  private readonly nesting = new NestingLimit(MAX_NESTED);
  /** One key per question, position and node: the cache finds answers by the key's identity. */
  private readonly keys = new Map<string, Map<ts.Node, DeepKey>>();

  /** Value following, whose cuts() must count this cache's (see cuts). */
  set memo(memo: AnswerMemo) {
    this.cache.memo = memo;
  }

  /** Questions cut short by a cycle, a use of a provisional answer, or the nesting bound (all counted by the cache). */
  get cuts(): number {
    return this.cache.cuts;
  }

  /** What a walk gone past its bound holds: `afresh()` (the same walk from depth 0), kept once per question. */
  ask(question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]): ts.Node[] {
    const name = `${question}:${index}`;
    let byNode = this.keys.get(name);
    if (!byNode) this.keys.set(name, (byNode = new Map()));
    let key = byNode.get(node);
    if (!key) byNode.set(node, (key = { node, afresh }));
    const k = key;
    return this.nesting.within(() => this.cache.get(k)) ?? this.cache.refused(k);
  }
}
