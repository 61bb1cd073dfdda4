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
import { wallClock, type Clock } from './clock.js';
import { compactTree, costOf, costTolerance, namesOf, type CompactTree } from './compact.js';
import { contextCount } from '../model/columns.js';
import { fixByBound, residualProblem, type Fixings } from './fixing.js';
import { legalizer } from './legalize.js';
import { lagrangianSearch, type Prices } from './lagrangian.js';
import type { SplitOptions } from './lagrangian-steps.js';
import { improve } from './local-search.js';
import type { SearchResult } from './types.js';

/** Subgradient steps at most; on large trees the deadline ends them first (the bound keeps rising slowly: 1.6% gap after 400 steps on the bench's 100k tree, 0.43% by its 60 s limit). */
const MAX_STEPS = 5000;
/**
 * How far above the incumbent a checkpoint's rounded set may cost and still be polished. On the
 * 1M-context bench tree the polish of a set 0.3% above the incumbent found one 0.15% below it;
 * from sets 0.75-2% above (1-3 s each there) it found nothing better.
 */
const POLISH_WITHIN = 0.005;
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
  /**
   * Migration points of a good partition carried over from a larger problem's search (those that
   * are candidates here): the first incumbent, so that the bound's steps aim at its cost from
   * the start (not at the first rounded sets', 1.4% above it on the 1M-context bench tree's
   * first residual) and fixing has it before any rounded set is polished.
   */
  incumbent?: readonly string[];
  /** Given when no GLPK thread runs beside the search: the bound's steps may take a second thread (lagrangian-steps.ts). */
  split?: SplitOptions;
  /** The time the deadlines are read on (default: wallClock). */
  now?: Clock;
}

export function searchDynamic(problem: PartitionProblem, limits: SearchLimits): SearchResult {
  if (problem.pinned.length > 0) throw new Error('searchDynamic takes a reduced problem, without pinned methods (a bug)');
  const tree = compactTree(problem);
  const legalize = legalizer(problem, tree);
  const stop = limits.stop ?? (() => false);
  const now = limits.now ?? wallClock;
  const improveOptions = { deadline: limits.deadline, stop, legalize, now };
  // Fixings accumulate at the checkpoints, each against the cheapest set known then (so they
  // agree: a set that breaks one costs more than that set). Methods fixed off leave the bound's
  // problem at once; the search hands over once the fixed methods cover enough contexts.
  const fixings: Fixings = new Int8Array(tree.methods.length).fill(-1);
  const off = new Uint8Array(tree.methods.length);
  let incumbent = limits.incumbent ? carriedSet(tree, legalize, limits.incumbent) : undefined;
  // A set already polished is not polished again (the bound's steps keep their rounded set
  // between checkpoints when no rounding beat it, and end with the incumbent when it is cheaper).
  let polishedLast: Uint8Array | undefined;
  const fix = (prices: Prices, start: Uint8Array, cost: number): void => {
    const promising = !incumbent || cost - incumbent.cost <= POLISH_WITHIN * Math.abs(incumbent.cost);
    if (promising && start !== polishedLast && start !== incumbent?.chosen) {
      polishedLast = start;
      const polished = improve(tree, start, improveOptions);
      if (!incumbent || polished.cost < incumbent.cost) incumbent = polished;
    }
    // Fixing walks up from every method's contexts: not begun once the time is up.
    if (now() >= limits.deadline) return;
    fixByBound(tree, prices, incumbent!.chosen, incumbent!.cost, off, limits.deadline).forEach((f, k) => {
      if (f < 0) return;
      fixings[k] = f;
      if (f === 0) off[k] = 1;
    });
  };
  const checkpoint = problem.budget
    ? undefined
    : (prices: Prices, lowerBound: number, chosen: Uint8Array, cost: number): boolean => {
        if (!Number.isFinite(cost)) return false;
        fix(prices, chosen, cost);
        return incumbent!.cost - lowerBound > costTolerance(tree) && fixedShare(tree, fixings) >= HAND_OVER_SHARE;
      };
  const relaxed = lagrangianSearch(tree, { deadline: limits.boundDeadline, stop, maxSteps: limits.maxSteps ?? MAX_STEPS, legalize, checkpoint, off, now, incumbent: () => incumbent, ...(limits.split ? { split: limits.split } : {}), ...(limits.start ? { start: limits.start } : {}) });
  if (!Number.isFinite(relaxed.cost)) return { lowerBound: relaxed.lowerBound };
  if (problem.budget) {
    // No fixing under a budget: the smaller problem would have to carry it.
    const polished = improve(tree, relaxed.chosen, improveOptions);
    const better = polished.cost < relaxed.cost ? polished : relaxed;
    return { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, better.chosen), cost: better.cost } };
  }
  fix(relaxed.prices, relaxed.chosen, relaxed.cost);
  const best = relaxed.cost < incumbent!.cost ? relaxed : incumbent!;
  const result: SearchResult = { lowerBound: relaxed.lowerBound, best: { migrate: namesOf(tree, best.chosen), cost: best.cost } };
  if (best.cost - relaxed.lowerBound <= costTolerance(tree) || now() >= limits.deadline) return result;
  const { problem: rest, fixedOn, contextOf } = residualProblem(problem, tree, fixings);
  // Each hand-over leaves fewer candidates, so solving the rest the same way ends.
  if (rest.candidates.length >= problem.candidates.length) return result;
  // The residual is kept in columns (its contexts are not made objects here).
  const lambda = new Float64Array(contextCount(rest));
  for (let i = 0; i < contextOf.length; i++) if (contextOf[i]! >= 0) lambda[contextOf[i]!] = relaxed.prices.lambda[i]!;
  const free = new Set(rest.candidates);
  // The best partition agrees with every fixing (each was made against a set costing at least as much).
  result.residual = { problem: rest, fixedOn, lambda, incumbent: result.best!.migrate.filter((name) => free.has(name)) };
  return result;
}

/** The named methods that are candidates of `tree`, made legal and priced (undefined when no legal set comes of them). */
function carriedSet(tree: CompactTree, legalize: (chosen: Uint8Array) => Uint8Array | undefined, names: readonly string[]): { chosen: Uint8Array; cost: number } | undefined {
  const index = new Map(tree.methods.map((name, k) => [name, k]));
  const proposal = new Uint8Array(tree.methods.length);
  for (const name of names) {
    const k = index.get(name);
    if (k !== undefined) proposal[k] = 1;
  }
  const chosen = legalize(proposal);
  return chosen ? { chosen, cost: costOf(tree, chosen) } : undefined;
}

/** Share of the candidate contexts whose method is fixed. */
function fixedShare(tree: CompactTree, fixings: Fixings): number {
  let candidates = 0;
  let fixed = 0;
  const { method } = tree;
  for (let i = 0; i < method.length; i++) {
    const k = method[i]!;
    if (k < 0) continue;
    candidates++;
    if (fixings[k]! >= 0) fixed++;
  }
  return candidates === 0 ? 0 : fixed / candidates;
}
