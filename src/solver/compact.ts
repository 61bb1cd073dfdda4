/**
 * The dynamic-nesting problem as flat arrays, for the passes that price many candidate sets
 * (the Lagrangian bound and the local search). Under dynamic nesting the cost of a set S of
 * migration points is
 *
 *   Σ_c deviceCost[c] + Σ_{c ∈ Top(S)} w[c],   w[c] = migrationCost[c] + Σ_{d ∈ sub(c)} (cloneCost[d] − deviceCost[d]),
 *
 * where Top(S) holds the contexts whose method is in S and that have no ancestor whose method is
 * in S: the places where execution moves. Native-state groups are listed (for the relaxation
 * and the repair) but not enforced here, nor is a budget: whoever proposes a set makes it legal.
 */
import type { PartitionProblem } from '../model/types.js';
import { byCodeUnit, groupComponents } from './ilp-model.js';
import { columnsOfProblem, type ContextColumns } from '../model/columns.js';
import { cleared } from './scratch.js';
import { childrenOf, childrenOfParents, subtreeSums, subtreeSumsParents } from './tree.js';

export interface CompactTree {
  size: number;
  parent: Int32Array;
  /** Index into `methods` of the context's method when it is a candidate, else -1. */
  method: Int32Array;
  /** What migrating at the context costs against keeping its subtree on the device. */
  weight: Float64Array;
  /** Σ deviceCost: the all-device cost. */
  constant: number;
  /** Candidate methods, sorted. */
  methods: string[];
  start: Int32Array;
  kids: Int32Array;
  /** Sets of contexts that must share one location (native-state groups), as groupComponents gives them. */
  components: number[][];
}

export function compactTree(problem: PartitionProblem): CompactTree {
  const columns = columnsOfProblem(problem);
  if (columns) return compactColumns(problem, columns);
  const contexts = problem.contexts;
  const methods = [...new Set(problem.candidates)].sort(byCodeUnit);
  const index = new Map(methods.map((m, k) => [m, k]));
  const weight = subtreeSums(contexts, (c) => c.cloneCost - c.deviceCost);
  let constant = 0;
  const method = new Int32Array(contexts.length);
  const parent = new Int32Array(contexts.length);
  contexts.forEach((c, i) => {
    constant += c.deviceCost;
    weight[i]! += c.migrationCost;
    method[i] = index.get(c.method) ?? -1;
    parent[i] = c.parent;
  });
  const { start, kids } = childrenOf(contexts);
  return { size: contexts.length, parent, method, weight, constant, methods, start, kids, components: groupComponents(problem) };
}

/** `compactTree` of a problem kept in columns (model/columns.ts): the same tree, read from them. */
function compactColumns(problem: PartitionProblem, columns: ContextColumns): CompactTree {
  const { parent, id, names, device, clone, migration } = columns;
  const n = parent.length;
  const methods = [...new Set(problem.candidates)].sort(byCodeUnit);
  const index = new Map(methods.map((m, k) => [m, k]));
  // Candidate number per method number, looked up once per method rather than per context.
  const candidateOf = new Int32Array(names.length);
  for (let k = 0; k < names.length; k++) candidateOf[k] = index.get(names[k]!) ?? -1;
  // Then the loop of compactTree: the same additions in the same order.
  const weight = subtreeSumsParents(parent, (i) => clone[i]! - device[i]!);
  let constant = 0;
  const method = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    constant += device[i]!;
    weight[i]! += migration[i]!;
    method[i] = candidateOf[id[i]!]!;
  }
  const { start, kids } = childrenOfParents(parent);
  return { size: n, parent: parent.slice(), method, weight, constant, methods, start, kids, components: groupComponents(problem) };
}

/**
 * Sets priced last on each tree, with their costs. The bound's rounded sets and the polish's
 * proposals often repeat one priced shortly before: on the 1M-context bench tree 518 of the
 * 1118 pricings were of one of the last 8 sets of their tree. Kept where comparing that many
 * sets costs less than a pass over the tree.
 */
const RECENT = 8;
const recent = new WeakMap<CompactTree, { sets: Uint8Array[]; costs: number[] }>();

/** Cost of choosing the methods flagged in `chosen` (indices into `tree.methods`). */
export function costOf(tree: CompactTree, chosen: Uint8Array): number {
  let memo = recent.get(tree);
  if (!memo && tree.size > RECENT * tree.methods.length) recent.set(tree, (memo = { sets: [], costs: [] }));
  if (memo) {
    for (let j = 0; j < memo.sets.length; j++) if (sameSet(memo.sets[j]!, chosen)) return memo.costs[j]!;
  }
  const cost = pricedOnTree(tree, chosen, cleared(tree, 'costOf.onClone', Uint8Array, tree.size));
  if (memo) {
    if (memo.sets.length === RECENT) {
      memo.sets.shift();
      memo.costs.shift();
    }
    // A copy: callers change their sets in place.
    memo.sets.push(chosen.slice());
    memo.costs.push(cost);
  }
  return cost;
}

function sameSet(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** `onClone`: zeros, one per context. */
function pricedOnTree(tree: CompactTree, chosen: Uint8Array, onClone: Uint8Array): number {
  let cost = tree.constant;
  for (let i = 0; i < tree.size; i++) {
    const p = tree.parent[i]!;
    if (p >= 0 && onClone[p]) {
      onClone[i] = 1;
    } else if (tree.method[i]! >= 0 && chosen[tree.method[i]!]) {
      onClone[i] = 1;
      cost += tree.weight[i]!;
    }
  }
  return cost;
}

export function namesOf(tree: CompactTree, chosen: Uint8Array): string[] {
  return tree.methods.filter((_, k) => chosen[k] === 1);
}

const tolerances = new WeakMap<CompactTree, number>();

/**
 * Slack for comparing costs of this tree: sums over many contexts differ in the last bits.
 * Summed once per tree (the searches ask for it at every checkpoint and polish), with an index:
 * a for-of over the weights allocated an iterator result per context until the loop was
 * compiled, 110 MB over a solve of the 1M-context bench tree.
 */
export function costTolerance(tree: CompactTree): number {
  const known = tolerances.get(tree);
  if (known !== undefined) return known;
  const { weight } = tree;
  let scale = Math.abs(tree.constant);
  for (let i = 0; i < weight.length; i++) scale += Math.abs(weight[i]!);
  const tolerance = 1e-9 * scale + 1e-12;
  tolerances.set(tree, tolerance);
  return tolerance;
}
