/**
 * The bottom-up sums that a round's two cost-based steps read under dynamic nesting, in one pass
 * over the tree: methods that cannot win (reduce-dominance.ts, A) and subtrees under methods that
 * always win (reduce-collapse.ts, B) sum the same w over each subtree, and on the first round's
 * 864k-context tree of the 1M-context bench each pass and its arrays cost as much as the other.
 * Each step reads what it read before, added in the same order: the same bits.
 */
import type { ColumnTree } from './reduce-dominance.js';
import type { CostColumns } from './reduce-fold.js';
import { cleared } from './scratch.js';
import { flagsOf } from './tree.js';

export interface RoundSums {
  /** Per context, Σ over its subtree of clone − device (w of the two steps without its migration cost). */
  w: Float64Array;
  /** Per context, Σ over its children of their largest antichain sum (A, reduce-dominance.ts): candidates are the tree's candidates. */
  largest: Float64Array;
  /** Per context, Σ over its children of their smallest antichain sum (B, reduce-collapse.ts): candidates not in a group. */
  smallest: Float64Array;
  /** 1 where a context of a grouped method lies in the subtree. */
  groupBelow: Uint8Array;
  /** Σ of the absolute costs over the tree (the scale of reduce-collapse.ts's margin). */
  scale: number;
  /** Per method number: a candidate of the tree; in a native-state group (both steps ask). */
  isCandidate: Uint8Array;
  isGrouped: Uint8Array;
}

/**
 * The sums of `tree` under one objective's `costs` (`objective`: its place in tree.costs). The
 * arrays are kept with the tree's parents (scratch.ts), per objective, and handed out again on
 * the next pass over the tree: valid until then (each network's reductions read the first
 * round's tree in turn).
 */
export function roundSums(tree: ColumnTree, costs: CostColumns, objective = 0): RoundSums {
  const { parent } = tree;
  const { id, names } = tree.index;
  const { device, clone, migration } = costs;
  const n = parent.length;
  const candidates = new Set(tree.candidates);
  const grouped = new Set(tree.groups.flat());
  const isGrouped = flagsOf(names, (m) => grouped.has(m));
  const isCandidate = flagsOf(names, (m) => candidates.has(m));
  const w = cleared(parent, `round w ${objective}`, Float64Array, n);
  const largest = cleared(parent, `round largest ${objective}`, Float64Array, n);
  const smallest = cleared(parent, `round smallest ${objective}`, Float64Array, n);
  const groupBelow = cleared(parent, `round groupBelow ${objective}`, Uint8Array, n);
  let scale = 0;
  for (let i = n - 1; i >= 0; i--) {
    const k = id[i]!;
    scale += Math.abs(device[i]!) + Math.abs(clone[i]!) + Math.abs(migration[i]!);
    w[i]! += clone[i]! - device[i]!;
    if (isGrouped[k]) groupBelow[i] = 1;
    const p = parent[i]!;
    if (p < 0) continue;
    w[p]! += w[i]!;
    if (groupBelow[i]) groupBelow[p] = 1;
    const here = w[i]! + migration[i]!;
    largest[p]! += isCandidate[k] ? Math.max(largest[i]!, here) : largest[i]!;
    smallest[p]! += isCandidate[k] && !isGrouped[k] ? Math.min(smallest[i]!, here) : smallest[i]!;
  }
  return { w, largest, smallest, groupBelow, scale, isCandidate, isGrouped };
}
