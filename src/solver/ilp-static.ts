/**
 * CloneCloud's rule (`nesting: 'static'`): no migration point may be reachable from another.
 * Then every context has at most one migration point among itself and its ancestors, so
 * L[c] = Σ R over c's path and the cost is linear in R alone (DESIGN.md, "The static-rule form"):
 *
 *   cost = Σ_c deviceCost[c] + Σ_m R[m]·W[m],
 *   W[m] = Σ_{c of m} ( migrationCost[c] + Σ_{d in subtree(c)} (cloneCost[d] − deviceCost[d]) )
 *
 * How the other rules read in this form:
 * - Nesting: R[m1] + R[m2] ≤ 1 for every pair of choosable methods where m1 reaches m2 by the
 *   call graph (`reach`, asked for these methods only) and every pair where a context of m2
 *   lies under a context of m1. A method with a context under another context of its own would
 *   nest in itself and gets no R (R = 0); it would also break L = Σ R (its nested context would
 *   count R twice).
 * - Pinned: a pinned context has L = 0, so every method on its path has R = 0. Equivalently, a
 *   candidate with a context whose subtree holds a pinned context gets no R.
 * - Groups: L of every group context must be equal. L[c] = Σ R over c's path, written with
 *   helper variables A[k] (k's location) on the "virtual tree" of group contexts and their
 *   branching ancestors: A[k] = A[k's nearest kept ancestor] + Σ R over the path between them.
 *   Those path pieces are disjoint, so the rows stay linear in the number of contexts; then
 *   A[c] = A[first] for the contexts of each group.
 * - Budget: the same aggregation over the budget's costs gives one row Σ_m R[m]·W'[m] ≤ bound.
 */
import type { ContextCosts, PartitionProblem } from '../model/types.js';
import { budgetRow, choosableMethods, groupComponents, type IlpModel, type IlpRow, type IlpVar } from './ilp-model.js';
import { anyBelow, nearestAncestor, selfNestedMethods, subtreeSums } from './tree.js';
import { reachingPairs } from '../util/reach.js';

export function buildStaticModel(problem: PartitionProblem): IlpModel {
  const contexts = problem.contexts;
  const pinned = new Set(problem.pinned);
  const pinnedBelow = anyBelow(contexts, (c) => pinned.has(c.method));
  const excluded = selfNestedMethods(contexts);
  contexts.forEach((c, i) => {
    if (pinnedBelow[i]) excluded.add(c.method);
  });

  const methods = choosableMethods(problem, excluded);
  const index = new Map(methods.map((m, k) => [m, k]));
  const kOf = (i: number): number => index.get(contexts[i]!.method) ?? -1;

  const weight = methodWeights(contexts, contexts, methods.length, kOf);
  let constant = 0;
  for (const c of contexts) constant += c.deviceCost;

  const vars: IlpVar[] = methods.map((_, k) => ({ name: `r${k}`, lo: 0, hi: 1, binary: true, cost: weight[k]! }));
  const rows: IlpRow[] = nestingPairs(problem, methods, kOf).map(([a, b], j) => ({
    name: `n${j}`,
    terms: [[`r${a}`, 1], [`r${b}`, 1]],
    sense: 'le',
    rhs: 1,
  }));
  addGroupRows(problem, kOf, vars, rows);
  const budget = problem.budget;
  if (budget) {
    // The same aggregation over the budget's costs: Σ_m R[m]·W'[m] ≤ limit − Σ device'.
    const weight2 = methodWeights(contexts, budget.costs, methods.length, kOf);
    const terms = methods.flatMap((_, k): [string, number][] => (weight2[k] !== 0 ? [[`r${k}`, weight2[k]!]] : []));
    rows.push(budgetRow(budget, terms));
  }
  return { vars, rows, constant, choices: methods.map((method, k) => ({ name: `r${k}`, method })) };
}

/** W[m] per method index under `costs` (parallel to the contexts): Σ over m's contexts of migration + subtree's clone − device. */
function methodWeights(
  contexts: PartitionProblem['contexts'],
  costs: readonly ContextCosts[],
  count: number,
  kOf: (i: number) => number,
): Float64Array {
  const sub = subtreeSums(contexts, (_, i) => costs[i]!.cloneCost - costs[i]!.deviceCost);
  const weight = new Float64Array(count);
  contexts.forEach((_, i) => {
    const k = kOf(i);
    if (k >= 0) weight[k]! += costs[i]!.migrationCost + sub[i]!;
  });
  return weight;
}

/**
 * Unordered pairs (a < b, indices into the sorted methods) that may not both migrate, sorted.
 * Tree pairs: for each method, walk up from its contexts through ancestors that have an R,
 * stopping at contexts already visited for that method, so each (method, context) is seen once.
 */
function nestingPairs(
  problem: PartitionProblem,
  methods: readonly string[],
  kOf: (i: number) => number,
): [number, number][] {
  const count = methods.length;
  const seen = new Set<number>();
  const add = (a: number, b: number): void => {
    if (a >= 0 && b >= 0 && a !== b) seen.add(Math.min(a, b) * count + Math.max(a, b));
  };
  if (problem.reach) for (const [a, b] of reachingPairs(problem.reach, methods)) add(a, b);

  const contexts = problem.contexts;
  const up = nearestAncestor(contexts, (i) => kOf(i) >= 0);
  const stamp = new Int32Array(contexts.length).fill(-1);
  const byMethod: number[][] = Array.from({ length: count }, () => []);
  contexts.forEach((_, i) => {
    const k = kOf(i);
    if (k >= 0) byMethod[k]!.push(i);
  });
  byMethod.forEach((own, k) => {
    for (const i of own) {
      for (let j = up[i]!; j >= 0 && stamp[j] !== k; j = up[j]!) {
        stamp[j] = k;
        add(kOf(j), k);
      }
    }
  });
  return [...seen].sort((x, y) => x - y).map((key) => [Math.floor(key / count), key % count]);
}

/** Group equality in the static form, through location variables on the virtual tree. */
function addGroupRows(problem: PartitionProblem, kOf: (i: number) => number, vars: IlpVar[], rows: IlpRow[]): void {
  const components = groupComponents(problem);
  if (components.length === 0) return;
  const contexts = problem.contexts;
  const marked = new Uint8Array(contexts.length);
  for (const members of components) for (const i of members) marked[i] = 1;

  // Kept: group contexts, and contexts where two or more branches with group contexts meet.
  const has = anyBelow(contexts, (_, i) => marked[i] === 1);
  const branches = new Uint32Array(contexts.length);
  contexts.forEach((c, i) => {
    if (has[i] && c.parent >= 0) branches[c.parent]!++;
  });
  const kept = (i: number): boolean => marked[i] === 1 || branches[i]! >= 2;
  const keptAbove = nearestAncestor(contexts, kept);

  contexts.forEach((_, i) => {
    if (!kept(i)) return;
    vars.push({ name: `a${i}`, lo: 0, hi: 1, binary: false, cost: 0 });
    const terms = new Map<string, number>([[`a${i}`, 1]]);
    if (keptAbove[i]! >= 0) terms.set(`a${keptAbove[i]!}`, -1);
    // The path from i up to (not including) its nearest kept ancestor: disjoint across kept i.
    for (let j = i; j >= 0 && (j === i || !kept(j)); j = contexts[j]!.parent) {
      const k = kOf(j);
      if (k >= 0) terms.set(`r${k}`, (terms.get(`r${k}`) ?? 0) - 1);
    }
    rows.push({ name: `s${i}`, terms: [...terms], sense: 'eq', rhs: 0 });
  });
  components.forEach((members, g) => {
    const first = `a${members[0]!}`;
    for (const i of members.slice(1)) {
      rows.push({ name: `g${g}_${i}`, terms: [[`a${i}`, 1], [first, -1]], sense: 'eq', rhs: 0 });
    }
  });
}
