/**
 * Making a proposed set of migration points legal, for the searches that propose many: the
 * reduced problem has no pinned contexts left, so what can break is a native-state group (split
 * across the two sides) and a budget.
 */
import type { PartitionProblem } from '../model/types.js';
import { checkPartition } from './checker.js';
import { namesOf, type CompactTree } from './compact.js';

/**
 * Makes a set legal: while a native-state group is split, the migration points that put its
 * clone-side contexts on the clone are dropped (the set only shrinks, and the empty set splits
 * no group); then a budget, if any, must hold (checked by the checker).
 */
export function legalizer(problem: PartitionProblem, tree: CompactTree): (chosen: Uint8Array) => Uint8Array | undefined {
  const components = tree.components;
  const mover = new Int32Array(tree.size);
  return (proposal) => {
    const chosen = proposal.slice();
    for (let changed = components.length > 0; changed; ) {
      changed = false;
      for (let i = 0; i < tree.size; i++) {
        const p = tree.parent[i]!;
        const k = tree.method[i]!;
        mover[i] = p >= 0 && mover[p]! >= 0 ? mover[p]! : k >= 0 && chosen[k] ? i : -1;
      }
      for (const members of components) {
        const onClone = members.filter((i) => mover[i]! >= 0);
        if (onClone.length === 0 || onClone.length === members.length) continue;
        for (const i of onClone) {
          const k = tree.method[mover[i]!]!;
          if (chosen[k]) changed = true;
          chosen[k] = 0;
        }
      }
    }
    if (problem.budget && checkPartition(problem, namesOf(tree, chosen)).violations.length > 0) return undefined;
    return chosen;
  };
}
