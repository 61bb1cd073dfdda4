/**
 * Methods that always win, the fourth step of making the model small (dynamic nesting): the
 * mirror of reduce-dominance.ts. With w[x] = mig[x] + Σ_{d ∈ sub(x)} (clone[d] − dev[d]) (what
 * migrating at x costs against keeping sub(x) on the device), let
 *
 *   B(c) = min over antichains T of candidate contexts strictly below c of Σ_T w   (≤ 0, T = ∅),
 *
 * one bottom-up pass (B(x) = Σ_children min(B(child), w[child] if the child is a candidate context)).
 * B(c) is the best that the choices below c can make of sub(c) when c itself stays on the device.
 * When w[c] < B(c) − margin at every context c of a candidate m, then in every partition S
 * that costs within `margin` of the optimum, every context of m is on the clone:
 *
 * - if some context c of m were entered from the device in S, S ∪ {m} would change only the
 *   subtrees of m's contexts entered from the device, each by w[c] − Σ_T w ≤ w[c] − B(c) < −margin
 *   (T: the outermost contexts that migrate below c in S), so S would cost more than `margin`
 *   above a partition, hence above the optimum;
 * - so each context of m is on the clone (covered from above, or migrating itself).
 *
 * Then every context strictly below a context of such a method is on the clone in all those
 * partitions, whatever the methods there do: each such subtree is folded into its top context
 * (its device and clone costs join it, the migration costs inside are dropped), which keeps its
 * method a candidate. Call the original cost f and the folded one g: g(S) = f(S) whenever those
 * top contexts are on the clone in S, and g also gains at least `margin` from adding m where one
 * is entered from the device (its costs are the same sums). So both have the same optimum and the
 * same partitions within `margin` of it (as sets of the methods left in the folded tree; a
 * method all of whose contexts were folded away is idle in each of them, and left out of the
 * answer either way): the first of the tied optima (canonical.ts) is the same, as long as
 * `margin` exceeds the tie tolerance (relative 1e-9 of the optimum, which is at most the sum of
 * the absolute costs) and the rounding of the sums.
 *
 * Not under a budget (the second costs would have to agree) nor static nesting (a migration
 * point may not sit under another there), and not where a native-state group's context lies in
 * the subtree or the method is in a group (its rows tie locations across the tree).
 */
import type { PartitionProblem } from '../model/types.js';
import type { ColumnTree } from './reduce-dominance.js';
import { columnsOf } from './reduce-fold.js';
import { methodIndex, parentsOf, type MethodIndex } from './tree.js';
import { roundSums, type RoundSums } from './reduce-sums.js';

/** How much a method must always win by, relative to the sum of the tree's absolute costs: 10x the tie tolerance. */
const MARGIN = 1e-8;

/**
 * Per context of `tree`, 1 when it lies strictly under a context of a method that always wins
 * (those subtrees fold into their top context), or undefined when there is none to fold.
 * `sums`: roundSums of the tree, when the caller has them.
 */
export function alwaysWinningSubtrees(tree: ColumnTree, sums?: RoundSums): Uint8Array | undefined {
  if (tree.nesting !== 'dynamic' || tree.costs.length !== 1) return undefined;
  const { parent } = tree;
  const { id, names } = tree.index;
  const { migration } = tree.costs[0]!;
  const n = parent.length;
  // w: Σ over the subtree of clone − device (+ migration where read); B: Σ over the children of their best antichain sum.
  const { w, smallest: best, groupBelow, scale, isCandidate, isGrouped } = sums ?? roundSums(tree, tree.costs[0]!);
  const margin = MARGIN * Math.max(scale, 1);
  // Per method: -1 not seen, 0 fails somewhere, 1 wins at every context seen so far.
  const wins = new Int8Array(names.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = id[i]!;
    if (!isCandidate[k] || isGrouped[k] || wins[k] === 0) continue;
    wins[k] = !groupBelow[i] && w[i]! + migration[i]! < best[i]! - margin ? 1 : 0;
  }
  const under = new Uint8Array(n);
  let folded = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && (under[p] || wins[id[p]!] === 1)) {
      under[i] = 1;
      folded++;
    }
  }
  return folded > 0 ? under : undefined;
}

/** `alwaysWinningSubtrees` of a problem given as objects (for tests); `index`: its methods as numbers, when the caller has them. */
export function subtreesThatAlwaysWin(problem: PartitionProblem, index: MethodIndex = methodIndex(problem.contexts)): Uint8Array | undefined {
  const costs = [problem.contexts, ...(problem.budget ? [problem.budget.costs] : [])].map(columnsOf);
  return alwaysWinningSubtrees({ parent: parentsOf(problem.contexts), index, candidates: problem.candidates, groups: problem.groups, nesting: problem.nesting, costs });
}
