/**
 * Methods that cannot win, the third step of making the model small: a candidate m is dropped
 * when some optimal solution leaves it out. Take any solution S with m chosen and S' = S
 * without m. Only the subtrees of contexts c of m where S migrates change. Write
 * w[x] = mig[x] + Σ_{d ∈ sub(x)} (clone[d] − dev[d]), what migrating at x costs against keeping
 * sub(x) on the device. On sub(c), S pays Σ dev + w[c]; S' keeps c on the device and migrates
 * at an antichain T of candidate contexts below c (the outermost ones whose method S' chose),
 * paying Σ dev + Σ_{e ∈ T} w[e]. So
 *
 *   cost(S') − cost(S) ≤ A(c) − w[c],   A(c) = max over antichains T strictly below c of Σ_T w,
 *
 * one bottom-up pass (A(x) = max(w[x] if x is a candidate context, Σ_children A)). When
 * A(c) ≤ w[c] for every context of m, under the primary costs and under the budget's costs,
 * S' is no worse and no less feasible; if no native-state group context lies under m (nor is
 * m in a group), S' is legal. Under static nesting the aggregated weight is exact: drop m when
 * W[m] ≥ 0 (and W'[m] ≥ 0). Fewer candidates only lower A, so methods are dropped together,
 * and dropping some lets the next round drop more.
 */
import type { PartitionProblem } from '../model/types.js';
import { columnsOf, type CostColumns } from './reduce-fold.js';
import { methodIndex, parentsOf, type MethodIndex, flagsOf } from './tree.js';
import { roundSums, type RoundSums } from './reduce-sums.js';

/** `index`: the contexts' methods as numbers, when the caller has them. */
export function methodsThatCannotWin(problem: PartitionProblem, index: MethodIndex = methodIndex(problem.contexts)): Set<string> {
  const costs = [problem.contexts, ...(problem.budget ? [problem.budget.costs] : [])].map(columnsOf);
  return losingMethods({ parent: parentsOf(problem.contexts), index, candidates: problem.candidates, groups: problem.groups, nesting: problem.nesting, costs });
}

/** A tree as the reductions keep it between rounds: columns, methods as numbers. */
export interface ColumnTree {
  parent: Int32Array;
  index: MethodIndex;
  candidates: readonly string[];
  groups: readonly (readonly string[])[];
  nesting: PartitionProblem['nesting'];
  /** The primary costs, and the budget's when there is one. */
  costs: CostColumns[];
}

/**
 * `methodsThatCannotWin` of a tree given as columns. `sums`: roundSums of the tree under its
 * one objective, when the caller has them (dynamic nesting).
 */
export function losingMethods(tree: ColumnTree, sums?: RoundSums): Set<string> {
  const { parent, costs } = tree;
  const { id, names } = tree.index;
  const n = parent.length;
  const isStatic = tree.nesting === 'static';
  const perCost = isStatic ? undefined : costs.map((c, b) => (b === 0 && sums ? sums : roundSums(tree, c, b)));
  let isCandidate = perCost?.[0]!.isCandidate;
  let isGrouped = perCost?.[0]!.isGrouped;
  let groupBelow = perCost?.[0]!.groupBelow;
  if (!isCandidate || !isGrouped || !groupBelow) {
    const candidates = new Set(tree.candidates);
    const grouped = new Set(tree.groups.flat());
    isCandidate = flagsOf(names, (m) => candidates.has(m));
    isGrouped = flagsOf(names, (m) => grouped.has(m));
    groupBelow = new Uint8Array(n);
    if (grouped.size > 0) {
      for (let i = n - 1; i >= 0; i--) {
        if (isGrouped[id[i]!]) groupBelow[i] = 1;
        if (groupBelow[i] && parent[i]! >= 0) groupBelow[parent[i]!] = 1;
      }
    }
  }
  const bounds = isStatic ? costs.map((c) => staticShares(parent, c)) : [];

  // Per method: -1 not seen, 0 wins somewhere, 1 loses everywhere seen so far.
  const loses = new Int8Array(names.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = id[i]!;
    if (!isCandidate[k] || loses[k] === 0) continue;
    const ok = !isGrouped[k] && !groupBelow[i] && (isStatic || noneAbove(perCost!, costs, i));
    loses[k] = ok ? 1 : 0;
  }
  if (isStatic) {
    // The static weight is per method: the sum of its contexts' shares.
    const weights = bounds.map((b) => sumByMethod(id, names.length, b));
    for (let k = 0; k < names.length; k++) if (loses[k] === 1 && !weights.every((w) => w[k]! >= 0)) loses[k] = 0;
  }
  return new Set(names.filter((_, k) => loses[k] === 1));
}

/**
 * Whether every objective's bound at context i, A(c) − w[c], is at most 0 (a loop: a closure
 * per context was 65 MB over a 1M-context solve; the bound is read where asked, not stored).
 */
function noneAbove(sums: RoundSums[], costs: CostColumns[], i: number): boolean {
  for (let b = 0; b < sums.length; b++) {
    const { largest, w } = sums[b]!;
    if (largest[i]! - (w[i]! + costs[b]!.migration[i]!) > 0) return false;
  }
  return true;
}

/** Per context, its share of the static weight W: its migration plus its subtree's clone − device. */
function staticShares(parent: Int32Array, costs: CostColumns): Float64Array {
  const n = parent.length;
  const delta = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    delta[i]! += costs.clone[i]! - costs.device[i]!;
    if (parent[i]! >= 0) delta[parent[i]!]! += delta[i]!;
  }
  for (let i = 0; i < n; i++) delta[i]! += costs.migration[i]!;
  return delta;
}

/** Per method, the sum of `values` over its contexts (in context order). */
function sumByMethod(id: Int32Array, count: number, values: Float64Array): Float64Array {
  const sums = new Float64Array(count);
  for (let i = 0; i < id.length; i++) sums[id[i]!]! += values[i]!;
  return sums;
}
