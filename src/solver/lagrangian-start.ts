/**
 * Where a fresh Lagrangian search (lagrangian.ts) starts. Any λ gives a bound; the question is
 * which start the steps climb from fastest.
 *
 * Without nesting, method m alone is one choice R[m] with cost R[m]·Σ w over its contexts, and
 * λ[c] = mean_m(w) − w[c] is an optimal dual: every copy then sees the same price mean_m(w),
 * and Σ λ over m's contexts is 0. Nested contexts break that (a context under a migration is
 * covered, and a negative λ there only lowers the bound), so the start takes that dual at
 * half strength (FLAT_SHARE). On the 1M-context realistic bench tree the first search then
 * handed over after 200 steps instead of 300, and the four levels' steps over their contexts
 * fell from 182M to about 110M. On the adversarial trees (a few methods nested in each other
 * everywhere) the steps from it stayed far below λ = 0's bound: the search reports at least
 * that bound (zeroBound), and starts over from λ = 0 when its steps have not reached it after
 * a few dozen (lagrangian.ts, RESTART_AT).
 */
import type { CompactTree } from './compact.js';

/**
 * The share of the flat dual taken. Measured on the 1M-context realistic bench tree: steps over
 * all levels' contexts 0.3: 106M, 0.5: 110M, 0.7: 138M, 1: 180M+ (λ = 0: 182M).
 */
export const FLAT_SHARE = 0.5;

/** The start λ per context (tree order): FLAT_SHARE of the flat dual over each method's candidate contexts. */
export function flatStart(tree: CompactTree): Float64Array {
  const { method, weight, size: n } = tree;
  const m = tree.methods.length;
  const sum = new Float64Array(m);
  const count = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const k = method[i]!;
    if (k < 0) continue;
    sum[k]! += weight[i]!;
    count[k]!++;
  }
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = method[i]!;
    if (k >= 0) lambda[i] = FLAT_SHARE * (sum[k]! / count[k]! - weight[i]!);
  }
  return lambda;
}

/**
 * The bound at λ = 0, μ = 0 (the search's own first step from there): every copy is free, so a
 * covered context is worth 0 and each context either migrates (w) or leaves the choice to its
 * children. `method`: candidate method per context, -1 for none (or switched off).
 */
export function zeroBound(tree: CompactTree, method: Int32Array): number {
  const { parent, weight, size: n } = tree;
  const stay = new Float64Array(n);
  let value = tree.constant;
  for (let i = n - 1; i >= 0; i--) {
    const uncovered = method[i]! >= 0 ? Math.min(weight[i]!, stay[i]!) : stay[i]!;
    const p = parent[i]!;
    if (p >= 0) stay[p]! += uncovered;
    else value += uncovered;
  }
  return value;
}
