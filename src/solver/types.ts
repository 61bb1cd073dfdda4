export interface SolveOptions {
  /** Seconds GLPK may spend before returning its best solution. */
  timeLimitSec: number;
  /** Relative MIP gap at which GLPK may stop (0 = prove optimality). */
  mipGap: number;
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
  /** Size of the model handed to GLPK. */
  model: { variables: number; integers: number; constraints: number };
}
