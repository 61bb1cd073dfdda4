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
  const moverOf = moverFinder(tree);
  return (proposal) => {
    const chosen = proposal.slice();
    for (let changed = components.length > 0; changed; ) {
      changed = false;
      // Every mover of the pass is found before any method is dropped.
      const mover = moverOf(chosen);
      for (const movers of components.map((members) => members.map(mover))) {
        if (movers.every((a) => a < 0) || movers.every((a) => a >= 0)) continue;
        for (const a of movers) {
          if (a < 0) continue;
          const k = tree.method[a]!;
          if (chosen[k]) changed = true;
          chosen[k] = 0;
        }
      }
    }
    if (problem.budget && checkPartition(problem, namesOf(tree, chosen)).violations.length > 0) return undefined;
    return chosen;
  };
}

/**
 * For a set of migration points, the function from a context to the context where execution
 * moved to the clone on its way there (its topmost ancestor-or-self whose method is chosen), or
 * -1 on the device. Only the paths above the contexts asked about are walked, each context once
 * per set (memoised): groups hold few contexts, and a full pass over the tree per proposal was
 * a tenth of the 1M-context bench's search time.
 */
function moverFinder(tree: CompactTree): (chosen: Uint8Array) => (context: number) => number {
  const { parent, method } = tree;
  const moverAt = new Int32Array(tree.size);
  const seenIn = new Int32Array(tree.size);
  let epoch = 0;
  const path: number[] = [];
  return (chosen) => {
    const mine = ++epoch;
    return (context) => {
      path.length = 0;
      let a = context;
      for (; a >= 0 && seenIn[a] !== mine; a = parent[a]!) path.push(a);
      let mover = a >= 0 ? moverAt[a]! : -1;
      for (let j = path.length - 1; j >= 0; j--) {
        const c = path[j]!;
        if (mover < 0 && method[c]! >= 0 && chosen[method[c]!]) mover = c;
        moverAt[c] = mover;
        seenIn[c] = mine;
      }
      return mover;
    };
  };
}
