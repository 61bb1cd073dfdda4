/**
 * The partitioning problem as plain numbers: what the solver stage consumes. Nothing in here
 * knows about TypeScript or profile files.
 */
import type { Reachability } from '../util/reach.js';

/** The three costs of one context, in the unit of one objective (ms or mJ), per execution. */
export interface ContextCosts {
  /** Cost of this context's own work when it runs on the device. */
  deviceCost: number;
  /** Cost of this context's own work when it runs on the clone. */
  cloneCost: number;
  /** Cost paid when execution migrates into this context from the device (state there and back). */
  migrationCost: number;
}

/** One calling context, costs per execution (profile totals divided by runs). */
export interface ProblemContext extends ContextCosts {
  /** Index of the parent context, or -1 when the parent is the device entry point. */
  parent: number;
  method: string;
}

export type NestingModel = 'dynamic' | 'static';

/** What is minimised: time (ms) or device energy (mJ). */
export type Objective = 'time' | 'energy';

/**
 * A bound on the other objective (MAUI-style): with these per-context costs, the partitioned
 * cost must be at most `maxRatio` × the all-device cost.
 */
export interface Budget {
  /** Which objective the costs measure (for messages and units). */
  objective: Objective;
  maxRatio: number;
  /** Parallel to `PartitionProblem.contexts`. */
  costs: ContextCosts[];
}

export interface PartitionProblem {
  /** Parents before children. */
  contexts: ProblemContext[];
  /** Methods allowed to be migration points (R[m] may be 1). */
  candidates: string[];
  /** Methods whose contexts must run on the device (L[c] = 0). */
  pinned: string[];
  /** Native-state groups: all contexts of the methods in one group share one location. */
  groups: string[][];
  nesting: NestingModel;
  /**
   * Under `static` nesting: which method may reach which by the static call graph (its
   * condensation, shared with the analysis, not copied); of two distinct methods where one
   * reaches the other, at most one may be a migration point. Asked per set of methods
   * (util/reach.ts), never held as pairs.
   */
  reach?: Reachability;
  /** What the context costs measure (default 'time'); for messages and units only. */
  objective?: Objective;
  /** An optional bound on a second cost (the other objective). */
  budget?: Budget;
}
