/**
 * Improves a set of migration points by single changes (add one method, or drop one) while
 * any lowers the cost: the polish on the Lagrangian's rounded answers. All the changes of a
 * round are priced in two linear passes:
 * - adding m puts execution on the clone at the topmost device-side contexts of m; each such
 *   context c then costs w[c] instead of the migrations already below it (tops(c));
 * - dropping m leaves each of its migrating contexts c on the device, and execution moves
 *   instead at the outermost contexts below c whose method is another chosen one.
 * Each change alters the subtrees below a few contexts (its roots: the contexts where execution
 * starts or stops moving), so changes whose subtrees are disjoint add up exactly. A round tries
 * the best half of the profitable changes at once, then the best change with every later one
 * disjoint from those taken, then fewer and fewer of the best, and applies the first batch that
 * stays profitable once made legal; and repeats.
 */
import { wallClock, type Clock } from './clock.js';
import { costOf, costTolerance, type CompactTree } from './compact.js';
import { cleared } from './scratch.js';
import { walksOf } from './walks.js';

export interface ImproveOptions {
  /**
   * performance.now() after which nothing new starts: no round, and within a round no further
   * pass or priced batch (a round took 0.1-0.7 s on the 1M-context adversarial bench tree, and
   * one begun just before the deadline overran it by that).
   */
  deadline: number;
  /** Polled with the clock: true ends the search. */
  stop(): boolean;
  /** The time (default: wallClock). */
  now?: Clock;
  /** A legal set made from a proposal (native-state groups, budget), or undefined. */
  legalize(chosen: Uint8Array): Uint8Array | undefined;
}

/** Legal changes tried per round before giving up on the rest. */
const TRIES_PER_ROUND = 16;

export function improve(tree: CompactTree, start: Uint8Array, options: ImproveOptions): { chosen: Uint8Array; cost: number } {
  const now = options.now ?? wallClock;
  const late = (): boolean => now() >= options.deadline || options.stop();
  let chosen: Uint8Array = start.slice();
  let cost = costOf(tree, chosen);
  if (late()) return { chosen, cost };
  const tolerance = costTolerance(tree);
  const contextsOf = methodContexts(tree);
  // One set of roots for all rounds (four arrays of the tree's size each round added up to
  // gigabytes over a solve of the 1M-context bench tree).
  const roots = new ChangeRoots(tree.size);
  for (let round = 0; round < 4 * tree.methods.length + 1 && !late(); round++) {
    roots.count = 0;
    const delta = changeCosts(tree, chosen, roots);
    // Each of the round's steps below is a pass or more over the tree: the clock is read before each.
    if (late()) break;
    // A loop, not a spread of delta's keys: an iterator result per method each round.
    const moves: number[] = [];
    for (let k = 0; k < delta.length; k++) if (delta[k]! < -tolerance) moves.push(k);
    moves.sort((a, b) => delta[a]! - delta[b]! || a - b);
    // Making a set legal may undo part of a batch: a batch is kept only if it still pays.
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
    // The best half first (where changes rarely meet, most of them at once), then the disjoint
    // changes: with these the polish on the 1M-context realistic bench tree took 6 rounds where
    // smaller and smaller batches took 32. On the adversarial tree, where a few methods recur
    // everywhere, few changes are disjoint and the half often pays.
    const half = Math.floor(moves.length / 2);
    if (half > 1) applied = attempt(moves.slice(0, half));
    if (!applied && !late()) {
      const disjoint = disjointChanges(tree, moves, roots, contextsOf);
      if (disjoint.length > 1 && !late()) applied = attempt(disjoint);
    }
    for (let size = Math.floor(half / 4); size > 1 && !applied; size = Math.floor(size / 4)) {
      if (late()) break;
      applied = attempt(moves.slice(0, size));
    }
    for (const k of moves.slice(0, TRIES_PER_ROUND)) {
      if (applied || late()) break;
      applied = attempt([k]);
    }
    if (!applied) break;
  }
  return { chosen, cost };
}

/**
 * Where each change alters the partition, as pairs: method (index into tree.methods) and root
 * context. A context is the root of at most one addition and one drop, so two per context fit;
 * typed arrays, as plain arrays grown by push took two thirds of changeCosts on the 1M-context
 * bench tree.
 */
export class ChangeRoots {
  readonly method: Int32Array;
  readonly context: Int32Array;
  count = 0;

  constructor(contexts: number) {
    this.method = new Int32Array(2 * contexts);
    this.context = new Int32Array(2 * contexts);
  }

  add(method: number, context: number): void {
    this.method[this.count] = method;
    this.context[this.count++] = context;
  }
}

/**
 * Per method, the change in cost of flipping it in or out of `chosen`; with `roots`, also each
 * change's roots (see the header) there.
 */
export function changeCosts(tree: CompactTree, chosen: Uint8Array, roots?: ChangeRoots): Float64Array {
  const { size: n, method, weight } = tree;
  // Walked in the tree's preorders (walks.ts): the same values, read in order.
  const { forward, atForward, atBackward, inForward, inBackward } = walksOf(tree);
  const { parent, method: methodF, weight: weightF, size: sizeF, outermost } = inForward;
  // Per place in `forward`: on the clone, migrating there.
  const onClone = cleared(tree, 'changeCosts.onClone', Uint8Array, n);
  const migrates = cleared(tree, 'changeCosts.migrates', Uint8Array, n);
  for (let t = 0; t < n; t++) {
    const p = parent[t]!;
    if (p >= 0 && onClone[p]) onClone[t] = 1;
    else if (methodF[t]! >= 0 && chosen[methodF[t]!]) onClone[t] = migrates[t] = 1;
  }
  // tops: Σ w over the contexts in the subtree where execution migrates now. Children come
  // after their parents, so tops[t] holds its children's sum when the loop reaches t.
  const tops = cleared(tree, 'changeCosts.tops', Float64Array, n);
  for (let t = n - 1; t >= 0; t--) {
    if (migrates[t]) tops[t] = weightF[t]!;
    if (parent[t]! >= 0) tops[parent[t]!]! += tops[t]!;
  }

  const delta = new Float64Array(tree.methods.length);
  // Adding: over the device side in preorder (a clone context's subtree is skipped whole), each
  // method at its contexts with no context of the same method above them.
  for (let t = 0; t < n; ) {
    if (onClone[t]) {
      t += sizeF[t]!;
      continue;
    }
    const k = methodF[t]!;
    if (k >= 0 && outermost[t]) {
      delta[k]! += weightF[t]! - tops[t]!;
      roots?.add(k, forward[t]!);
    }
    t++;
  }
  // Dropping: below each migrating context, the outermost contexts of the other chosen methods
  // (the walk skips their subtrees).
  const { method: methodB, weight: weightB, size: sizeB } = inBackward;
  for (let c = 0; c < n; c++) {
    if (!migrates[atForward[c]!]) continue;
    const k = method[c]!;
    let instead = 0;
    const end = atBackward[c]! + sizeB[atBackward[c]!]!;
    for (let t = atBackward[c]! + 1; t < end; ) {
      const other = methodB[t]!;
      if (other >= 0 && other !== k && chosen[other]) {
        instead += weightB[t]!;
        t += sizeB[t]!;
      } else {
        t++;
      }
    }
    delta[k]! += instead - weight[c]!;
    roots?.add(k, c);
  }
  return delta;
}

/**
 * Of `moves` (methods, best first), greedily those that leave each other's price unchanged: a
 * change's price depends on its roots' subtrees and on where its method's contexts run, so a
 * change is taken when no context of its method lies in a taken change's subtrees, and none of
 * its subtrees holds a context of a taken change's method (its roots among them).
 */
export function disjointChanges(tree: CompactTree, moves: readonly number[], roots: ChangeRoots, contextsOf: Grouped): number[] {
  const { size: n, parent } = tree;
  const { forward, atForward, size } = walksOf(tree);
  const rootsOf = groupedBy(tree.methods.length, roots.method.subarray(0, roots.count), roots.context);
  // inside: in a taken change's subtrees; above: a context of a taken change's method, or an ancestor of one.
  const inside = cleared(tree, 'disjointChanges.inside', Uint8Array, n);
  const above = cleared(tree, 'disjointChanges.above', Uint8Array, n);
  const taken: number[] = [];
  const free = (k: number): boolean => {
    for (let j = contextsOf.first[k]!; j < contextsOf.first[k + 1]!; j++) if (inside[contextsOf.items[j]!]) return false;
    for (let j = rootsOf.first[k]!; j < rootsOf.first[k + 1]!; j++) if (above[rootsOf.items[j]!]) return false;
    return true;
  };
  for (const k of moves) {
    if (!free(k)) continue;
    taken.push(k);
    for (let j = contextsOf.first[k]!; j < contextsOf.first[k + 1]!; j++) {
      for (let a = contextsOf.items[j]!; a >= 0 && !above[a]; a = parent[a]!) above[a] = 1;
    }
    // A subtree is a run of the preorder.
    for (let j = rootsOf.first[k]!; j < rootsOf.first[k + 1]!; j++) {
      const r = rootsOf.items[j]!;
      for (let t = atForward[r]!; t < atForward[r]! + size[r]!; t++) inside[forward[t]!] = 1;
    }
  }
  return taken;
}

/** Each method's contexts (see Grouped). */
export function methodContexts(tree: CompactTree): Grouped {
  return groupedBy(tree.methods.length, tree.method);
}

/** Items grouped by key: key k's are items[first[k] .. first[k + 1]). */
export interface Grouped {
  first: Int32Array;
  items: Int32Array;
}

/** `item[j]` (j itself when no `item`) grouped by `keyOf[j]` (keys in [0, keys); negative ones left out). */
function groupedBy(keys: number, keyOf: Int32Array, item?: Int32Array): Grouped {
  const first = new Int32Array(keys + 1);
  for (let j = 0; j < keyOf.length; j++) if (keyOf[j]! >= 0) first[keyOf[j]! + 1]!++;
  for (let k = 0; k < keys; k++) first[k + 1]! += first[k]!;
  const next = first.slice(0, keys);
  const items = new Int32Array(first[keys]!);
  for (let j = 0; j < keyOf.length; j++) {
    const k = keyOf[j]!;
    if (k >= 0) items[next[k]!++] = item ? item[j]! : j;
  }
  return { first, items };
}
