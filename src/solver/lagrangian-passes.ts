/**
 * The two passes of a Lagrangian step (lagrangian.ts) over a range of contexts, and the layout
 * that lets two threads take one range each. Contexts under different roots only meet in the
 * per-method sums (Σλ and the votes), so a range that holds whole root subtrees (and whole
 * native-state groups) can be passed on its own: each range adds into its own per-method
 * array and value, and the caller adds the ranges' results in a fixed order. The arithmetic is
 * the same whichever thread runs a range, so the answer does not depend on thread timing.
 *
 * The pass functions are pasted into the thread's script (lagrangian-thread.ts): they must use
 * nothing but their arguments.
 */
import type { CompactTree } from './compact.js';

/** Per-context state of the steps, in layout order (parents before children within each range). */
export interface StepArrays {
  parent: Int32Array;
  /** Candidate method, -1 when not a candidate or switched off. */
  method: Int32Array;
  weight: Float64Array;
  /** A native-state group's first context for its other members, else -1. */
  firstOf: Int32Array;
  /** The contexts in a native-state group (first contexts too), ascending: ν is zero elsewhere. */
  grouped: Int32Array;
  lambda: Float64Array;
  direction: Float64Array;
  mu: Float64Array;
  muDirection: Float64Array;
  nu: Float64Array;
  /**
   * Per context the sums of its children's covered [2i] and uncovered [2i + 1] values, side by
   * side: a child adds into both, at its parent's place, which is then one cache line, not two.
   */
  sums: Float64Array;
  migrates: Uint8Array;
  onClone: Uint8Array;
}

/**
 * Moves λ and μ by `pending` along the last direction, then the relaxed minimum bottom-up over
 * [from, to): adds each candidate context's λ into `lambdaSum` (cleared first) and returns the
 * sum of the range's roots' values.
 */
export function bottomUp(a: StepArrays, from: number, to: number, pending: number, lambdaSum: Float64Array): number {
  const { parent, method, weight, firstOf, grouped, lambda, direction, mu, muDirection, nu, sums, migrates } = a;
  // The group rows first, over the range's group contexts only (the main loop reads neither
  // firstOf nor ν: two fewer of its streams). A context's ν enters both its covered and its
  // migrating value next to its children's covered sum, so it starts that sum.
  let g0 = 0;
  while (g0 < grouped.length && grouped[g0]! < from) g0++;
  let g1 = g0;
  while (g1 < grouped.length && grouped[g1]! < to) g1++;
  for (let g = g0; g < g1; g++) nu[grouped[g]!] = 0;
  // Members after their first context, in the order of the main loop before (last first).
  for (let g = g1 - 1; g >= g0; g--) {
    const i = grouped[g]!;
    const first = firstOf[i]!;
    if (first < 0) continue;
    mu[i]! += pending * muDirection[i]!;
    nu[i]! += mu[i]!;
    nu[first]! -= mu[i]!;
  }
  for (let g = g0; g < g1; g++) sums[2 * grouped[g]!] = nu[grouped[g]!]!;
  lambdaSum.fill(0);
  let value = 0;
  // Children come after their parents, so their sums are complete when the loop reaches a
  // context; each context clears its own once read (outside a pass they are zero).
  for (let i = to - 1; i >= from; i--) {
    const k = method[i]!;
    const below = sums[2 * i]!;
    const stay = sums[2 * i + 1]!;
    sums[2 * i] = 0;
    sums[2 * i + 1] = 0;
    let covered = below;
    let here = Infinity;
    if (k >= 0) {
      lambda[i]! += pending * direction[i]!;
      lambdaSum[k]! += lambda[i]!;
      covered += Math.min(0, lambda[i]!);
      here = weight[i]! + lambda[i]! + below;
    }
    migrates[i] = here < stay ? 1 : 0;
    const uncovered = Math.min(here, stay);
    const p = parent[i]!;
    if (p >= 0) {
      sums[2 * p]! += covered;
      sums[2 * p + 1]! += uncovered;
    } else {
      value += uncovered;
    }
  }
  return value;
}

/**
 * The minimiser's copies top-down over [from, to) given the methods' values `pick`: their
 * votes per method into `votes` (cleared first), the next directions (the subgradient plus
 * `momentum` times the last direction), and into `out` the squared norm of the directions [0]
 * and the squared disagreement [1].
 */
export function topDown(a: StepArrays, from: number, to: number, pick: Uint8Array, votes: Float64Array, out: Float64Array, momentum: number): void {
  const { parent, method, firstOf, grouped, lambda, direction, muDirection, migrates, onClone } = a;
  votes.fill(0);
  let norm = 0;
  let disagree = 0;
  for (let i = from; i < to; i++) {
    const p = parent[i]!;
    const covered = p >= 0 && onClone[p] === 1;
    onClone[i] = covered || migrates[i] ? 1 : 0;
    const k = method[i]!;
    if (k < 0) continue;
    const copy = covered ? (lambda[i]! < 0 ? 1 : 0) : migrates[i]!;
    votes[k]! += copy;
    const g = copy - pick[k]!;
    disagree += g * g;
    direction[i] = g + momentum * direction[i]!;
    norm += direction[i]! ** 2;
  }
  // The group rows, once every location of the range is known.
  for (let g = 0; g < grouped.length; g++) {
    const i = grouped[g]!;
    const first = firstOf[i]!;
    if (i < from || i >= to || first < 0) continue;
    const d = onClone[i]! - onClone[first]!;
    disagree += d * d;
    muDirection[i] = d + momentum * muDirection[i]!;
    norm += muDirection[i]! ** 2;
  }
  out[0] = norm;
  out[1] = disagree;
}

/**
 * Contexts from which the steps are split in two: a step then takes a millisecond or more, against
 * tens of microseconds for the commands' round trips (the 100k bench tree's 34k contexts gained).
 */
export const SPLIT_MIN_CONTEXTS = 30_000;
/** The smaller range must hold at least this share of the contexts, else the split is not worth a thread. */
const SPLIT_MIN_SHARE = 0.3;

/**
 * Two ranges of whole root subtrees (a native-state group's roots together), as `order`: the
 * layout's contexts as indices of `tree`, the first range's then the second's, each in tree
 * order, which keeps parents before children. Roots go to the first range in tree order until
 * it holds half the contexts. Undefined when the tree has fewer than `minContexts` contexts or
 * no split is near even.
 */
export function splitLayout(tree: CompactTree, minContexts = SPLIT_MIN_CONTEXTS): { order: Int32Array; middle: number } | undefined {
  const n = tree.size;
  if (n < Math.max(2, minContexts)) return undefined;
  const { parent } = tree;
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = parent[i]! < 0 ? i : root[parent[i]!]!;
  // Roots joined by a group share a range (union-find over root indices).
  const joined = Int32Array.from(root);
  const find = (i: number): number => {
    while (joined[i] !== i) i = joined[i] = joined[joined[i]!]!;
    return i;
  };
  for (const members of tree.components) {
    for (const i of members) {
      const a = find(root[i]!);
      const b = find(root[members[0]!]!);
      if (a !== b) joined[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[find(root[i]!)]!++;
  const part = new Uint8Array(n);
  let first = 0;
  for (let i = 0; i < n; i++) {
    if (parent[i]! >= 0 || find(i) !== i) continue;
    if (first * 2 < n) first += size[i]!;
    else part[i] = 1;
  }
  if (Math.min(first, n - first) < SPLIT_MIN_SHARE * n) return undefined;
  const order = new Int32Array(n);
  let a = 0;
  let b = first;
  for (let i = 0; i < n; i++) {
    if (part[find(root[i]!)]) order[b++] = i;
    else order[a++] = i;
  }
  return { order, middle: first };
}
