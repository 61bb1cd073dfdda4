/**
 * Improves a set of migration points by single changes (add one method, or drop one) while
 * any lowers the cost: the polish on the Lagrangian's rounded answers. All the changes of a
 * round are priced in two linear passes:
 * - adding m puts execution on the clone at the topmost device-side contexts of m; each such
 *   context c then costs w[c] instead of the migrations already below it (tops(c));
 * - dropping m leaves each of its migrating contexts c on the device, and execution moves
 *   instead at the outermost contexts below c whose method is another chosen one.
 * The best changes that stay profitable once made legal are applied, and the round repeats.
 */
import { costOf, costTolerance, type CompactTree } from './compact.js';

export interface ImproveOptions {
  /** performance.now() after which no new round starts (none, when it has passed already). */
  deadline: number;
  /** Polled between rounds: true ends the search. */
  stop(): boolean;
  /** A legal set made from a proposal (native-state groups, budget), or undefined. */
  legalize(chosen: Uint8Array): Uint8Array | undefined;
}

/** Legal changes tried per round before giving up on the rest. */
const TRIES_PER_ROUND = 16;

export function improve(tree: CompactTree, start: Uint8Array, options: ImproveOptions): { chosen: Uint8Array; cost: number } {
  let chosen: Uint8Array = start.slice();
  let cost = costOf(tree, chosen);
  const tolerance = costTolerance(tree);
  for (let round = 0; round < 4 * tree.methods.length + 1 && performance.now() < options.deadline && !options.stop(); round++) {
    const delta = changeCosts(tree, chosen);
    const moves = [...delta.keys()].filter((k) => delta[k]! < -tolerance).sort((a, b) => delta[a]! - delta[b]! || a - b);
    // Changes in disjoint parts of the tree add up, so the best half of them is tried at once
    // first, then fewer, down to one at a time: a 1M-context tree needs hundreds of changes.
    // Making a set legal may undo part of it: a batch is kept only if it still pays.
    let applied = false;
    const attempt = (batch: number[]): boolean => {
      const proposal = chosen.slice();
      for (const k of batch) proposal[k] = 1 - proposal[k]!;
      const legal = options.legalize(proposal);
      const legalCost = legal ? costOf(tree, legal) : Infinity;
      if (!legal || legalCost >= cost - tolerance) return false;
      chosen = legal;
      cost = legalCost;
      return true;
    };
    for (let size = Math.floor(moves.length / 2); size > 1 && !applied; size = Math.floor(size / 4)) {
      if (performance.now() > options.deadline) break;
      applied = attempt(moves.slice(0, size));
    }
    for (const k of moves.slice(0, TRIES_PER_ROUND)) {
      if (applied || performance.now() > options.deadline) break;
      applied = attempt([k]);
    }
    if (!applied) break;
  }
  return { chosen, cost };
}

/** Per method, the change in cost of flipping it in or out of `chosen`. */
export function changeCosts(tree: CompactTree, chosen: Uint8Array): Float64Array {
  const { size: n, parent, method, weight, start, kids } = tree;
  const onClone = new Uint8Array(n);
  const migrates = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && onClone[p]) onClone[i] = 1;
    else if (method[i]! >= 0 && chosen[method[i]!]) onClone[i] = migrates[i] = 1;
  }
  // tops[i]: Σ w over the contexts in sub(i) where execution migrates now.
  const tops = new Float64Array(n);
  const below = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    tops[i] = migrates[i] ? weight[i]! : below[i]!;
    if (parent[i]! >= 0) below[parent[i]!]! += tops[i]!;
  }

  const delta = new Float64Array(tree.methods.length);
  // Adding: DFS over the device side, counting each method's contexts on the current path.
  const onPath = new Int32Array(tree.methods.length);
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i--) if (parent[i]! < 0 && !onClone[i]) stack.push(i);
  while (stack.length > 0) {
    const top = stack.pop()!;
    const i = top >= 0 ? top : ~top;
    const k = method[i]!;
    if (top < 0) {
      if (k >= 0) onPath[k]!--;
      continue;
    }
    if (k >= 0) {
      if (onPath[k] === 0) delta[k]! += weight[i]! - tops[i]!;
      onPath[k]!++;
    }
    stack.push(~i);
    for (let j = start[i + 1]! - 1; j >= start[i]!; j--) if (!onClone[kids[j]!]) stack.push(kids[j]!);
  }
  // Dropping: below each migrating context, the outermost contexts of the other chosen methods.
  for (let c = 0; c < n; c++) {
    if (!migrates[c]) continue;
    const k = method[c]!;
    let instead = 0;
    stack.length = 0;
    for (let j = start[c]!; j < start[c + 1]!; j++) stack.push(kids[j]!);
    while (stack.length > 0) {
      const d = stack.pop()!;
      const other = method[d]!;
      if (other >= 0 && other !== k && chosen[other]) {
        instead += weight[d]!;
        continue;
      }
      for (let j = start[d]!; j < start[d + 1]!; j++) stack.push(kids[j]!);
    }
    delta[k]! += instead - weight[c]!;
  }
  return delta;
}
