/**
 * The main thread's own search while GLPK works on a dynamic-nesting model: the Lagrangian
 * bound with its rounded partitions, then single-change improvement of the best one. It gives
 * the answer a proven lower bound (so a cut-short run reports its gap) and a legal partition
 * to fall back on when GLPK finds none in time. It takes a reduced problem (reduce.ts), where
 * no pinned context is left to keep off the clone; native-state groups and a budget it makes
 * legal itself.
 */
import type { PartitionProblem } from '../model/types.js';
import { compactTree, namesOf } from './compact.js';
import { legalizer } from './legalize.js';
import { lagrangianSearch } from './lagrangian.js';
import { improve } from './local-search.js';
import type { SearchResult } from './types.js';

/** Subgradient steps at most; on large trees the deadline ends them first (the bound keeps rising slowly: 1.6% gap after 400 steps on the bench's 100k tree, 0.43% by its 60 s limit). */
const MAX_STEPS = 5000;

export interface SearchLimits {
  /** performance.now() by which the bound's steps end, and the whole search. */
  boundDeadline: number;
  deadline: number;
  /** Polled between steps: true ends the search early (GLPK has proven its answer). */
  stop?: () => boolean;
}

export function searchDynamic(problem: PartitionProblem, limits: SearchLimits): SearchResult {
  if (problem.pinned.length > 0) throw new Error('searchDynamic takes a reduced problem, without pinned methods (a bug)');
  const tree = compactTree(problem);
  const legalize = legalizer(problem, tree);
  const stop = limits.stop ?? (() => false);
  const relaxed = lagrangianSearch(tree, { deadline: limits.boundDeadline, stop, maxSteps: MAX_STEPS, legalize });
  if (!Number.isFinite(relaxed.cost)) return { lowerBound: relaxed.lowerBound };
  const polished = improve(tree, relaxed.chosen, { deadline: limits.deadline, stop, legalize });
  const better = polished.cost < relaxed.cost ? polished : relaxed;
  return { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, better.chosen), cost: better.cost } };
}
