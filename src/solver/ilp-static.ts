/**
 * CloneCloud's rule (`nesting: 'static'`): no migration point may be reachable from another.
 * Then every context has at most one migration point among itself and its ancestors, so
 * L[c] = Σ R over c's path and the cost is linear in R alone (DESIGN.md, "The static-rule form"):
 *
 *   cost = Σ_c deviceCost[c] + Σ_m R[m]·W[m],
 *   W[m] = Σ_{c of m} ( migrationCost[c] + Σ_{d in subtree(c)} (cloneCost[d] − deviceCost[d]) )
 *
 * How the other rules read in this form:
 * - Nesting: R[m1] and R[m2] not both 1 for choosable methods where m1 reaches m2 by the call
 *   graph (`reach`) or a context of m2 lies under a context of m1; written in rows linear in
 *   the call graph and the tree, not as pairs (static-nesting.ts, where the equivalence is
 *   proven). A method with a context under another context of its own would nest in itself
 *   and gets no R (R = 0); it would also break L = Σ R (its nested context would count R twice).
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
import { staticNesting, type StaticNesting } from './static-nesting.js';

export function buildStaticModel(problem: PartitionProblem): IlpModel {
  return buildStaticParts(problem).model;
}

/**
 * The model and the nesting relation its rows were written from: the exact answer
 * (static-antichain.ts) reads the same relation, which costs as much as the rows to compute.
 */
export function buildStaticParts(problem: PartitionProblem): { model: IlpModel; nesting: StaticNesting } {
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
  const rows: IlpRow[] = [];
  const nesting = staticNesting(problem, methods, kOf);
  addNestingRows(nesting, methods, kOf, vars, rows);
  addGroupRows(problem, kOf, vars, rows);
  const budget = problem.budget;
  if (budget) {
    // The same aggregation over the budget's costs: Σ_m R[m]·W'[m] ≤ limit − Σ device'.
    const weight2 = methodWeights(contexts, budget.costs, methods.length, kOf);
    const terms = methods.flatMap((_, k): [string, number][] => (weight2[k] !== 0 ? [[`r${k}`, weight2[k]!]] : []));
    rows.push(budgetRow(budget, terms));
  }
  return { model: { vars, rows, constant, choices: methods.map((method, k) => ({ name: `r${k}`, method })) }, nesting };
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
 * CloneCloud's rule as rows over the call graph's condensation (y: reached from a chosen
 * method) and the tree's candidate contexts where the call graph does not imply it (p: a
 * chosen method above); see static-nesting.ts.
 */
function addNestingRows(nesting: StaticNesting, methods: readonly string[], kOf: (i: number) => number, vars: IlpVar[], rows: IlpRow[]): void {
  const members = new Map<number, number[]>();
  nesting.componentOf.forEach((c, k) => {
    if (c >= 0) (members.get(c) ?? members.set(c, []).get(c)!).push(k);
  });
  const hasY = new Set(nesting.edges.map(([, d]) => d));
  for (const c of nesting.components) if (hasY.has(c)) vars.push({ name: `y${c}`, lo: 0, hi: 1, binary: false, cost: 0 });
  for (const [c, d] of nesting.edges) {
    const terms: [string, number][] = [[`y${d}`, 1]];
    if (hasY.has(c)) terms.push([`y${c}`, -1]);
    for (const k of members.get(c) ?? []) terms.push([`r${k}`, -1]);
    rows.push({ name: `f${c}_${d}`, terms, sense: 'ge', rhs: 0 });
  }
  for (const c of nesting.components) {
    const own = members.get(c) ?? [];
    if (own.length === 0 || (own.length === 1 && !hasY.has(c))) continue;
    const terms: [string, number][] = own.map((k) => [`r${k}`, 1]);
    if (hasY.has(c)) terms.push([`y${c}`, 1]);
    rows.push({ name: `n${c}`, terms, sense: 'le', rhs: 1 });
  }
  // A P that only its own context's row would use, one link below the top, is R[m(up)]: the
  // row is then the pair itself, written once per pair of methods.
  const { up, withP, excluded } = nesting;
  const linked = new Set(withP.map((i) => up[i]!));
  const inner = new Set(withP);
  const hasP = new Set(withP.filter((i) => linked.has(i) || inner.has(up[i]!)));
  for (const i of withP) {
    if (!hasP.has(i)) continue;
    const u = up[i]!;
    vars.push({ name: `p${i}`, lo: 0, hi: 1, binary: false, cost: 0 });
    const terms: [string, number][] = [[`p${i}`, 1], [`r${kOf(u)}`, -1]];
    if (hasP.has(u)) terms.push([`p${u}`, -1]);
    rows.push({ name: `t${i}`, terms, sense: 'ge', rhs: 0 });
  }
  const pairs = new Set<number>();
  for (const i of excluded) {
    if (hasP.has(i)) {
      rows.push({ name: `o${i}`, terms: [[`r${kOf(i)}`, 1], [`p${i}`, 1]], sense: 'le', rhs: 1 });
      continue;
    }
    const [a, b] = [kOf(up[i]!), kOf(i)].sort((x, y) => x - y) as [number, number];
    if (pairs.has(a * methods.length + b)) continue;
    pairs.add(a * methods.length + b);
    rows.push({ name: `o${i}`, terms: [[`r${a}`, 1], [`r${b}`, 1]], sense: 'le', rhs: 1 });
  }
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
