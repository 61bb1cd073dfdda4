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
const HAND_OVER_SHARE = 0.2;

export interface SearchLimits {
  /** performance.now() by which the bound's steps end, and the whole search. */
  boundDeadline: number;
  deadline: number;
  /** Polled between steps: true ends the search early (GLPK has proven its answer). */
  stop?: () => boolean;
  /** Prices λ per context to start the bound from (carried over from a larger problem's search). */
  start?: Float64Array;
  /** Steps of the bound at most (default MAX_STEPS). */
  maxSteps?: number;
}

export function searchDynamic(problem: PartitionProblem, limits: SearchLimits): SearchResult {
  if (problem.pinned.length > 0) throw new Error('searchDynamic takes a reduced problem, without pinned methods (a bug)');
  const tree = compactTree(problem);
  const legalize = legalizer(problem, tree);
  const stop = limits.stop ?? (() => false);
  const improveOptions = { deadline: limits.deadline, stop, legalize };
  // Fixings accumulate at the checkpoints, each against the cheapest set known then (so they
  // agree: a set that breaks one costs more than that set). Methods fixed off leave the bound's
  // problem at once; the search hands over once the fixed methods cover enough contexts.
  const fixings: Fixings = new Int8Array(tree.methods.length).fill(-1);
  const off = new Uint8Array(tree.methods.length);
  let incumbent: { chosen: Uint8Array; cost: number } | undefined;
  const fix = (prices: Prices, start: Uint8Array): void => {
    const polished = improve(tree, start, improveOptions);
    if (!incumbent || polished.cost < incumbent.cost) incumbent = polished;
    // Fixing walks up from every method's contexts: not begun once the time is up.
    if (performance.now() >= limits.deadline) return;
    fixByBound(tree, prices, incumbent.chosen, incumbent.cost, off, limits.deadline).forEach((f, k) => {
      if (f < 0) return;
      fixings[k] = f;
      if (f === 0) off[k] = 1;
    });
  };
  const checkpoint = problem.budget
    ? undefined
    : (prices: Prices, lowerBound: number, chosen: Uint8Array, cost: number): boolean => {
        if (!Number.isFinite(cost)) return false;
        fix(prices, chosen);
        return incumbent!.cost - lowerBound > costTolerance(tree) && fixedShare(tree, fixings) >= HAND_OVER_SHARE;
      };
  const relaxed = lagrangianSearch(tree, { deadline: limits.boundDeadline, stop, maxSteps: limits.maxSteps ?? MAX_STEPS, legalize, checkpoint, off, ...(limits.start ? { start: limits.start } : {}) });
  if (!Number.isFinite(relaxed.cost)) return { lowerBound: relaxed.lowerBound };
  if (problem.budget) {
    // No fixing under a budget: the smaller problem would have to carry it.
    const polished = improve(tree, relaxed.chosen, improveOptions);
    const better = polished.cost < relaxed.cost ? polished : relaxed;
    return { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, better.chosen), cost: better.cost } };
  }
  fix(relaxed.prices, relaxed.chosen);
  const best = relaxed.cost < incumbent!.cost ? relaxed : incumbent!;
  const result: SearchResult = { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, best.chosen), cost: best.cost } };
  if (best.cost - relaxed.lowerBound <= costTolerance(tree) || performance.now() >= limits.deadline) return result;
  const { problem: rest, fixedOn, contextOf } = residualProblem(problem, tree, fixings);
  // Each hand-over leaves fewer candidates, so solving the rest the same way ends.
  if (rest.candidates.length >= problem.candidates.length) return result;
  const lambda = new Float64Array(rest.contexts.length);
  contextOf.forEach((j, i) => {
    if (j >= 0) lambda[j] = relaxed.prices.lambda[i]!;
  });
  result.residual = { problem: rest, fixedOn, lambda };
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
