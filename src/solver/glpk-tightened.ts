/**
 * GLPK given a reduced dynamic problem's top model after the search's partition (glpk.ts): its
 * relaxation first, in the thread, then the MIP with the columns the relaxation's duals bound for
 * every partition at most as dear as the search's (reduced-cost.ts). That keeps every optimum and
 * every tie of it, so GLPK's answer is an optimum as before; and the relaxation is kept for the
 * search among ties that follows (ties-glpk.ts), which then needs no relaxation of its own.
 *
 * On the 40k:1m app's lte problem (9.1k contexts after the reductions, GLPK alone, load 11): the
 * MIP 4.5-6.2 s; the relaxation 2.7 s and the tightened MIP 2.8-3.2 s; the search among ties then
 * skips its 2.3 s relaxation.
 */
import type { PartitionProblem } from '../model/types.js';
import { tieTolerance } from './canonical.js';
import { checkPartition } from './checker.js';
import { GLP_OPT, copyFlat, solveInThread, type FlatModel, type ThreadOptions, type ThreadResult, type ThreadSolve } from './glpk-thread.js';
import type { IlpModel } from './ilp-model.js';
import { tightenByDuals } from './reduced-cost.js';
import { topModelPoint } from './ilp-top.js';

/** A model's relaxation, solved: what the search among ties needs to bound its ties. */
export interface SolvedRelaxation {
  model: IlpModel;
  /** The model as GLPK was given it (integral), its arrays not moved to a thread. */
  flat: FlatModel;
  /** The relaxation's row duals. */
  dual: Float64Array;
  /** Every column is 0 or 1 in every integral solution (the top form: ilp-top.ts). */
  wholeColumns: boolean;
  /** GLPK's answer (GLP_OPT) and the relaxation's value, without the model's constant. */
  status: number;
  z: number;
  /** The relaxation's solution, per column: where GLPK's next simplex over these rows starts (glpk-start.ts). */
  values: Float64Array;
}

export interface TightenedSolve extends ThreadSolve {
  /** The relaxation once solved; undefined when it was not (cut short, or no duals). */
  relaxation: Promise<SolvedRelaxation | undefined>;
}

/**
 * The MIP of `model` (flattened as `flat`) for a problem with a legal partition `incumbent`: its
 * relaxation, then the MIP over the columns that every partition costing at most the incumbent's
 * cost (and the ties' room) keeps. `settings` is asked as each stage starts (the time left).
 */
export function solveTightened(problem: PartitionProblem, model: IlpModel, flat: FlatModel, incumbent: readonly string[], wholeColumns: boolean, settings: () => ThreadOptions, deadline: number): TightenedSolve {
  const cost = checkPartition(problem, [...incumbent]).cost;
  const limit = cost + tieTolerance(cost) - model.constant;
  // The relaxation's simplex starts at the incumbent (glpk-start.ts), in the top form whose columns it gives.
  const start = wholeColumns ? topModelPoint(problem, model, incumbent) : undefined;
  let current: ThreadSolve = solveInThread({ ...copyFlat(flat), integral: false }, settings(), deadline, start);
  let cancelled = false;
  let mipStarted = false;
  const relaxation = current.result.then((r): SolvedRelaxation | undefined => (r?.status === GLP_OPT && r.dual ? { model, flat, dual: r.dual, wholeColumns, status: r.status, z: r.z, values: r.values } : undefined));
  const result = relaxation.then((solved): Promise<ThreadResult | undefined> | undefined => {
    if (cancelled) return undefined;
    const mip = copyFlat(flat);
    const tightened = solved ? tightenByDuals(flat, solved.dual, limit, (j) => wholeColumns || flat.binary[j] === 1) : undefined;
    // 'none' would say the incumbent is dearer than itself: rounding; GLPK gets the whole model then.
    if (tightened && tightened !== 'none') {
      mip.lo = tightened.lo;
      mip.hi = tightened.hi;
    }
    mipStarted = true;
    // The MIP's root LP is the relaxation again (tightened): started at its solution.
    current = solveInThread(mip, settings(), deadline, solved?.values);
    return current.result;
  });
  return {
    result,
    relaxation,
    // The relaxation's status is not the MIP's: nothing is proven before the MIP runs.
    status: () => (mipStarted ? current.status() : 0),
    cancel: () => {
      cancelled = true;
      current.cancel();
    },
  };
}
