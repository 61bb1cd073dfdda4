import type { PartitionProblem } from '../model/types.js';
import type { FirstRoundReuse } from './reduce.js';

export type { FirstRoundReuse } from './reduce.js';

export interface SolveOptions {
  /** Seconds GLPK may spend before returning its best solution. */
  timeLimitSec: number;
  /** Relative MIP gap at which GLPK may stop (0 = prove optimality). */
  mipGap: number;
  /**
   * Make the model small first (DESIGN.md, "Making it small"); default true. False hands the
   * per-context model to GLPK alone (no search alongside it): the bench's baseline.
   */
  reduce?: boolean;
  /**
   * Told the name of each step of the solve as it starts (reduce, model, glpk, search, ...),
   * for benches that measure where the time goes; nested solves prefix theirs with 'residual '
   * (a search's residual problem) or 'ties ' (the search among tied optima).
   */
  trace?: (step: string) => void;
  /** Tests: the search starts beside GLPK at once, as it does for large models (with `reduce`). */
  searchAtOnce?: boolean;
  /**
   * Tests: reduced contexts from which the dynamic search's bound splits its steps over two
   * threads when no GLPK thread runs beside it (default SPLIT_MIN_CONTEXTS of lagrangian-passes.ts).
   */
  splitFrom?: number;
  /** Tests: a dynamic model is searched first, alone, as models of 5k rows or more are (with `reduce`). */
  searchFirst?: boolean;
  /**
   * Problems of one tree solved one after another (the networks of one partition) may share the
   * reductions' first round, which depends on the tree, candidates, pinned methods and groups but
   * not on the costs: pass the same object (at first `{}`) to each.
   */
  reuse?: FirstRoundReuse;
}

/** Size of the model: contexts before and after the reductions, and what GLPK was given. */
export interface ModelSize {
  contexts: number;
  contextsAfter: number;
  variables: number;
  integers: number;
  constraints: number;
}

export interface Solution {
  /** Methods chosen as migration points, sorted. */
  migrate: string[];
  /** Objective value of the solution, recomputed independently of the solver. */
  cost: number;
  /** Cost when everything runs on the device. */
  deviceOnlyCost: number;
  /** Proven optimal by the solver. */
  optimal: boolean;
  /** Relative gap between the solution and the best bound, when not proven optimal. */
  gap?: number;
  /**
   * Proven optimal, but the time limit ended the search for the first of the equally cheap
   * partitions: another run may answer another of them (`check` lets a committed one stand).
   */
  tiesUnsettled?: true;
  /** With a budget: the bounded cost of this partition, all-device, and the limit. */
  budget?: { cost: number; deviceOnlyCost: number; limit: number };
  model: ModelSize;
}

/** What a search beside GLPK found (dynamic-search.ts, static-search.ts). */
export interface SearchResult {
  /** A proven lower bound on the optimum. */
  lowerBound: number;
  /** The best legal partition found, if any (a budget can make all-device illegal). */
  best?: { migrate: string[]; cost: number };
  /**
   * When the bound fixed some methods (fixing.ts): the problem over the others, and the
   * methods fixed on. Its optimum with them is an optimum of the searched problem.
   */
  residual?: {
    problem: PartitionProblem;
    fixedOn: string[];
    /** The bound's prices λ carried over to the problem's contexts, to start its own bound from. */
    lambda: Float64Array;
    /** The best partition's methods that are still free: a legal partition of the problem, and its first incumbent. */
    incumbent: string[];
  };
}
