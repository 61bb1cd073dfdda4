/**
 * Where GLPK's simplex starts. glpk.js gives no way to hand GLPK a basis: every LP, and the root
 * LP of every MIP, starts from the standard basis, each column at the bound nearer zero (for our
 * [0, 1] columns: 0) and every row's slack basic. GLPK then spends its pivots bringing into the
 * basis, one by one, the columns that are 1 at the optimum: on the 40k:1m app's lte problem the
 * relaxation took 4,600 pivots, and the MIP and the search among ties (ties-glpk.ts) each took as
 * many again for the same LP at their root, most of GLPK's time there.
 *
 * A column x with bounds [0, 1] can be given to GLPK complemented, x' = 1 − x: its cost and its
 * row coefficients change sign, the rows' right-hand sides and the objective's constant take up
 * its coefficients, and x' has the same bounds and integrality. The model is the same one
 * written in other variables: the same feasible points, the same objective at each, the same
 * row duals (a row's function only moves by a constant). Complemented where a known point (the
 * relaxation's solution) is near 1, the standard basis starts GLPK at that point's rounding, and
 * the simplex takes fewer pivots (lte: relaxation-point start, 3,200 instead of 4,600 for the
 * MIP's root). GLPK's answers are read back in the original variables. The sums moved into the
 * right-hand sides are exact for the models' ±1 rows and rounded like any sum of costs for a
 * row of costs (the search among ties' limit row, which keeps its relative room of 1e-9).
 */
import type { FlatModel, ThreadResult } from './glpk-thread.js';

/** What `complementAt` changed, to read GLPK's answer back. */
export interface Complemented {
  /** 1 per complemented column. */
  flipped: Uint8Array;
  /** Σ cost over the complemented columns: the objective's value moves by it. */
  constant: number;
}

/**
 * Complements, in `model` itself, each column with bounds exactly [0, 1] whose value at `start`
 * is above one half. `model`'s arrays are changed: pass a copy that is moved to the thread.
 */
export function complementAt(model: FlatModel, start: Float64Array): Complemented {
  const { lo, hi, cost, rowStart, rowColumn, rowCoef, rowRhs } = model;
  const flipped = new Uint8Array(cost.length);
  let constant = 0;
  for (let j = 0; j < cost.length; j++) {
    if (!(start[j]! > 0.5) || lo[j] !== 0 || hi[j] !== 1) continue;
    flipped[j] = 1;
    constant += cost[j]!;
    cost[j] = -cost[j]!;
  }
  for (let r = 0; r + 1 < rowStart.length; r++) {
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      if (!flipped[rowColumn[k]!]) continue;
      rowRhs[r]! -= rowCoef[k]!;
      rowCoef[k] = -rowCoef[k]!;
    }
  }
  return { flipped, constant };
}

/** GLPK's answer on the complemented model, in the original columns (the duals are the same). */
export function uncomplemented(result: ThreadResult, { flipped, constant }: Complemented): ThreadResult {
  const values = Float64Array.from(result.values);
  for (let j = 0; j < values.length; j++) if (flipped[j]) values[j] = 1 - values[j]!;
  return { ...result, z: result.z + constant, values };
}
