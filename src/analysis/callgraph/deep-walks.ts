/**
 * The call graph's walks of one position past the step bound (values.ts beyond, element-values.ts
 * elementAt): a walk of a position that reaches MAX_DEPTH asks the rest as a question of its own
 * (the node and the position), answered afresh from depth 0 and kept in a cycle-aware cache
 * (cycle-aware-cache.ts), as the device questions do; so does the value such a walk ends at
 * (`itemValue`). So a position's walk ends where it meets itself again, not after a count of
 * steps: jotai reads its store's functions back through a call, a WeakMap, Object.freeze, `.map`
 * and a tuple literal, about 16 steps. Only positions: a walk of one element does not fan out,
 * while every walk going on so (each then taking in all a node may reach) made zod's analysis
 * more than 2.3x slower.
 *
 * Questions nest at most MAX_NESTED deep, which keeps the stack bounded: one refused there is a
 * cut on its key (CycleAwareCache.refused), searched from the top once the outermost question
 * ends, so the answers do not depend on the bound either.
 */
import type { ts } from '../../typescript.cjs';
import { CycleAwareCache, interned, type AnswerMemo } from './cycle-aware-cache.js';
import { NestingLimit } from './nesting-limit.js';
import type { DeepQuestion } from './element-values.js';

/** Deep questions nested at most (each up to MAX_DEPTH steps of a walk deeper). */
const MAX_NESTED = 24;

interface DeepKey {
  node: ts.Node;
  afresh: () => ts.Node[];
}

export class DeepWalks {
  private readonly cache: CycleAwareCache<DeepKey, ts.Node[]>;
  private readonly nesting = new NestingLimit(MAX_NESTED);
  /** One key per question, position and node: the cache finds answers by the key's identity. */
  private readonly keys = new Map<string, Map<ts.Node, DeepKey>>();

  /** `memo`: value following, whose cuts() must count this cache's (see cuts). */
  constructor(memo: AnswerMemo) {
    this.cache = new CycleAwareCache<DeepKey, ts.Node[]>(
      (key) => key.afresh(),
      () => [],
      memo,
    );
  }

  /** Questions cut short by a cycle, a use of a provisional answer, or the nesting bound (all counted by the cache). */
  get cuts(): number {
    return this.cache.cuts;
  }

  /** What a walk gone past its bound holds: `afresh()` (the same walk from depth 0), kept once per question. */
  ask(question: DeepQuestion, node: ts.Node, index: number, afresh: () => ts.Node[]): ts.Node[] {
    const byNode = interned(this.keys, `${question}:${index}`, () => new Map<ts.Node, DeepKey>());
    const key = interned(byNode, node, () => ({ node, afresh }));
    return this.nesting.within(() => this.cache.get(key)) ?? this.cache.refused(key);
  }
}
