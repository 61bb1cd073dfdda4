/**
 * Bounds that every solution within a cost limit keeps, read off a relaxation's duals (reduced-cost
 * fixing). For min c·x over rows A x (≥, ≤, =) b and lo ≤ x ≤ hi, any y with the rows' signs
 * (y ≥ 0 on a ≥ row, y ≤ 0 on a ≤ row, free on =) gives, with d = c − Aᵀy, for every x meeting
 * the rows:
 *
 *   c·x = yᵀA x + d·x ≥ yᵀb + d·x = z + Σ_{d_j > 0} d_j (x_j − lo_j) + Σ_{d_j < 0} |d_j| (hi_j − x_j),
 *   z = yᵀb + Σ_j min(d_j lo_j, d_j hi_j),
 *
 * each term of the sums ≥ 0. So an x with c·x ≤ limit has d_j (x_j − lo_j) ≤ limit − z for each
 * d_j > 0 (x_j ≤ lo_j + (limit − z)/d_j), and the mirror for d_j < 0. Nothing here rests on y
 * being optimal, only on its signs (a wrong sign is read as 0), so GLPK's rounding of its duals
 * costs bounds, never a solution; z and d are summed here, with room for the sums' own rounding.
 * For a column whose value is a whole number in every integral solution the bound is rounded in.
 *
 * Used by the search among ties (ties-glpk.ts): the ties are the partitions within the limit, and
 * its relaxation, solved anyway, hands the duals over. On the 40k:1m app's lte problem (a gap of
 * 198 ms between the relaxation and the limit) 3,271 of its 10,730 columns were fixed, among them
 * 996 of the 2,851 methods whose leaving out is asked, and GLPK's proof that none can be left
 * out took 2.5 s instead of 4.6.
 */
import type { FlatModel } from './glpk-thread.js';

/** Relative room for the rounding of the sums below (each a few hundred thousand terms of doubles). */
const ROUNDING = 1e-9;

export interface Tightened {
  lo: Float64Array;
  hi: Float64Array;
  /** Columns whose bounds moved. */
  moved: number;
}

/**
 * The bounds of `model`'s columns that every x meeting its rows with c·x ≤ `limit` (the model's
 * objective, without its constant) keeps; 'none' when no x does; undefined when the duals bound
 * nothing (a column without a finite bound on the side its reduced cost needs). `integral`: whether
 * column j is a whole number in every solution asked about (its bounds are rounded in).
 */
export function tightenByDuals(model: FlatModel, dual: Float64Array, limit: number, integral: (j: number) => boolean): Tightened | 'none' | undefined {
  const { lo, hi, cost, rowStart, rowColumn, rowCoef, rowSense, rowRhs } = model;
  const columns = cost.length;
  const d = Float64Array.from(cost);
  let z = 0;
  let size = 0;
  for (let r = 0; r + 1 < rowStart.length; r++) {
    const y = signed(dual[r] ?? 0, rowSense[r]!);
    if (y === 0) continue;
    z += y * rowRhs[r]!;
    size += Math.abs(y * rowRhs[r]!);
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      d[rowColumn[k]!]! -= y * rowCoef[k]!;
      size += Math.abs(y * rowCoef[k]!);
    }
  }
  for (let j = 0; j < columns; j++) {
    const dj = d[j]!;
    if (dj === 0) continue;
    const at = dj > 0 ? lo[j]! : hi[j]!;
    if (!Number.isFinite(at)) return undefined;
    z += dj * at;
    size += Math.abs(cost[j]!) + Math.abs(dj * at);
  }
  const slack = limit - z + ROUNDING * Math.max(size, Math.abs(limit), 1);
  if (slack < 0) return 'none';
  const newLo = Float64Array.from(lo);
  const newHi = Float64Array.from(hi);
  let moved = 0;
  for (let j = 0; j < columns; j++) {
    const dj = d[j]!;
    if (dj === 0) continue;
    const reach = slack / Math.abs(dj);
    if (dj > 0) {
      const bound = integral(j) ? lo[j]! + Math.floor(reach) : lo[j]! + reach;
      if (bound < hi[j]!) {
        newHi[j] = bound;
        moved++;
      }
    } else {
      const bound = integral(j) ? hi[j]! - Math.floor(reach) : hi[j]! - reach;
      if (bound > lo[j]!) {
        newLo[j] = bound;
        moved++;
      }
    }
  }
  return { lo: newLo, hi: newHi, moved };
}

/** A dual as a bound may use it: 0 where its sign does not fit its row's sense (0: ≥, 1: ≤, 2: =). */
function signed(y: number, sense: number): number {
  if (!Number.isFinite(y)) return 0;
  if (sense === 0) return y > 0 ? y : 0;
  if (sense === 1) return y < 0 ? y : 0;
  return y;
}
