/**
 * The main thread's own search while GLPK works on a dynamic-nesting model: the Lagrangian
 * bound with its rounded partitions, then single-change improvement of the best one. It gives
 * the answer a proven lower bound (so a cut-short run reports its gap) and a legal partition
 * to fall back on when GLPK finds none in time. Now and then the bound is used to fix methods
 * (fixing.ts); once the methods fixed cover a good share of the contexts, the search ends
 * with the smaller problem over the others, which the caller solves the same way. It takes a
 * reduced problem (reduce.ts), where no pinned context is left to keep off the clone;
 * native-state groups and a budget it makes legal itself.
 */
import type { PartitionProblem } from '../model/types.js';
import { compactTree, costTolerance, namesOf, type CompactTree } from './compact.js';
import { fixByBound, residualProblem, type Fixings } from './fixing.js';
import { legalizer } from './legalize.js';
import { lagrangianSearch, type Prices } from './lagrangian.js';
import { improve } from './local-search.js';
import type { SearchResult } from './types.js';

/** Subgradient steps at most; on large trees the deadline ends them first (the bound keeps rising slowly: 1.6% gap after 400 steps on the bench's 100k tree, 0.43% by its 60 s limit). */
const MAX_STEPS = 5000;
/** Share of the candidate contexts whose method must be fixed for the search to hand over the rest. */
const HAND_OVER_SHARE = 0.1;

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
  const improveOptions = { deadline: limits.deadline, stop, legalize };
  let handOver: { fixings: Fixings; chosen: Uint8Array; cost: number } | undefined;
  const checkpoint = problem.budget
    ? undefined
    : (prices: Prices, lowerBound: number, chosen: Uint8Array, cost: number): boolean => {
        if (!Number.isFinite(cost)) return false;
        const polished = improve(tree, chosen, improveOptions);
        const fixings = fixByBound(tree, prices, polished.chosen, polished.cost);
        if (fixedShare(tree, fixings) < HAND_OVER_SHARE || polished.cost - lowerBound <= costTolerance(tree)) return false;
        handOver = { fixings, ...polished };
        return true;
      };
  const relaxed = lagrangianSearch(tree, { deadline: limits.boundDeadline, stop, maxSteps: MAX_STEPS, legalize, checkpoint });
  if (!Number.isFinite(relaxed.cost)) return { lowerBound: relaxed.lowerBound };
  const polished = handOver ?? improve(tree, relaxed.chosen, improveOptions);
  const better = polished.cost < relaxed.cost ? polished : relaxed;
  const result: SearchResult = { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, better.chosen), cost: better.cost } };
  if (problem.budget || better.cost - relaxed.lowerBound <= costTolerance(tree)) return result;
  const fixings = handOver?.fixings ?? fixByBound(tree, relaxed.prices, better.chosen, better.cost);
  const residual = residualProblem(problem, tree, fixings);
  // Each hand-over leaves fewer candidates, so solving the rest the same way ends.
  if (residual.problem.candidates.length < problem.candidates.length) result.residual = residual;
  return result;
}

/** Share of the candidate contexts whose method is fixed. */
function fixedShare(tree: CompactTree, fixings: Fixings): number {
  let candidates = 0;
  let fixed = 0;
  for (const k of tree.method) {
    if (k < 0) continue;
    candidates++;
    if (fixings[k]! >= 0) fixed++;
  }
  return candidates === 0 ? 0 : fixed / candidates;
}
