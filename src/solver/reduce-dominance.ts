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
import type { ContextCosts, PartitionProblem } from '../model/types.js';
import { anyBelow, subtreeSums } from './tree.js';

export function methodsThatCannotWin(problem: PartitionProblem): Set<string> {
  const contexts = problem.contexts;
  const candidates = new Set(problem.candidates);
  const grouped = new Set(problem.groups.flat());
  const groupBelow = anyBelow(contexts, (c) => grouped.has(c.method));
  const all = [contexts, ...(problem.budget ? [problem.budget.costs] : [])];
  const isStatic = problem.nesting === 'static';
  const bounds = all.map((costs) => (isStatic ? staticShares(problem, costs) : dynamicBounds(problem, costs, candidates)));

  const loses = new Map<string, boolean>();
  contexts.forEach((c, i) => {
    if (!candidates.has(c.method) || loses.get(c.method) === false) return;
    const ok = !grouped.has(c.method) && !groupBelow[i] && (isStatic || bounds.every((b) => b[i]! <= 0));
    loses.set(c.method, ok);
  });
  if (isStatic) {
    // The static weight is per method: the sum of its contexts' shares.
    const weights = bounds.map((b) => sumByMethod(problem, b));
    for (const [m, ok] of loses) if (ok && !weights.every((w) => (w.get(m) ?? 0) >= 0)) loses.set(m, false);
  }
  return new Set([...loses].filter(([, ok]) => ok).map(([m]) => m));
}

/** Per context, A(c) − w[c] (costs of one objective, parallel to the contexts). */
function dynamicBounds(problem: PartitionProblem, costs: readonly ContextCosts[], candidates: Set<string>): Float64Array {
  const contexts = problem.contexts;
  const n = contexts.length;
  const w = new Float64Array(n); // Σ over the subtree of clone − device (w above without mig)
  const below = new Float64Array(n); // Σ over the children of their best antichain sum
  for (let i = n - 1; i >= 0; i--) {
    const c = costs[i]!;
    w[i]! += c.cloneCost - c.deviceCost;
    const p = contexts[i]!.parent;
    if (p < 0) continue;
    w[p]! += w[i]!;
    const best = candidates.has(contexts[i]!.method) ? Math.max(below[i]!, w[i]! + c.migrationCost) : below[i]!;
    below[p]! += best;
  }
  const bound = new Float64Array(n);
  for (let i = 0; i < n; i++) bound[i] = below[i]! - (w[i]! + costs[i]!.migrationCost);
  return bound;
}

/** Per context, its share of the static weight W: its migration plus its subtree's clone − device. */
function staticShares(problem: PartitionProblem, costs: readonly ContextCosts[]): Float64Array {
  const delta = subtreeSums(problem.contexts, (_, i) => costs[i]!.cloneCost - costs[i]!.deviceCost);
  for (let i = 0; i < delta.length; i++) delta[i]! += costs[i]!.migrationCost;
  return delta;
}

function sumByMethod(problem: PartitionProblem, values: Float64Array): Map<string, number> {
  const sums = new Map<string, number>();
  problem.contexts.forEach((c, i) => sums.set(c.method, (sums.get(c.method) ?? 0) + values[i]!));
  return sums;
}
