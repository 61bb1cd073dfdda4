/**
 * The default model (`nesting: 'dynamic'`): a migration point reached while already on the
 * clone is a plain call. Exactly the ILP of DESIGN.md:
 *
 *   min Σ_c (cloneCost[c] − deviceCost[c])·L[c] + Σ_c migrationCost[c]·X[c]   (+ Σ_c deviceCost[c])
 *   L[c] ≥ L[p], L[c] ≥ R[m(c)], L[c] ≤ L[p] + R[m(c)], X[c] ≥ L[c] − L[p]
 *
 * The last row is DESIGN.md's X[c] ≥ R[m(c)] − L[p] strengthened: on 0/1 points both say X = 1
 * exactly when c is on the clone and its parent is not, and L[c] ≥ R makes it imply the
 * original; but in the LP relaxation the original lets L grow along a path by a fraction R at
 * every level while paying migration only at the top (on generated 10k-context trees the
 * relaxation then "saved" 74% where the best partition saves under 1%, and GLPK found no
 * integer solution in 20 s). With X ≥ L[c] − L[p], every increase of L is paid for.
 *
 * with L[p] = 0 for a context whose parent is the device (-1). Variables that are identically
 * zero are not created: R for non-candidates, X where the method has no R (then X ≥ −L[p] and
 * X's cost ≥ 0 make it 0). Where the ≥ and ≤ rows coincide they are written as one equality
 * (L[c] = L[p] without R; L[c] = R at the top). Pinned contexts get L fixed at 0; all contexts
 * of a native-state group get an equality row to the group's first context. A budget is one
 * more row over the same L and X with the budget's costs.
 */
import type { PartitionProblem } from '../model/types.js';
import { budgetRow, choosableMethods, groupComponents, type IlpModel, type IlpRow, type IlpVar } from './ilp-model.js';
import { columnsOfProblem, type ContextColumns } from '../model/columns.js';
import type { ModelSize } from './types.js';
import { flagsOf } from './tree.js';

/** Contexts built between two looks at the clock (a look costs about what a context does). */
const CLOCK_EVERY = 4096;

export function buildDynamicModel(problem: PartitionProblem): IlpModel;
/** Undefined when `deadline` (performance.now()) passes first: building 300k rows took 3.4 s on a loaded machine. */
export function buildDynamicModel(problem: PartitionProblem, deadline: number): IlpModel | undefined;
export function buildDynamicModel(problem: PartitionProblem, deadline = Infinity): IlpModel | undefined {
  const methods = choosableMethods(problem);
  const rOf = new Map(methods.map((m, k) => [m, `r${k}`]));
  const pinned = new Set(problem.pinned);
  const vars: IlpVar[] = methods.map((_, k) => ({ name: `r${k}`, lo: 0, hi: 1, binary: true, cost: 0 }));
  const rows: IlpRow[] = [];
  let constant = 0;

  const { contexts } = problem;
  for (let i = 0; i < contexts.length; i++) {
    if (i % CLOCK_EVERY === CLOCK_EVERY - 1 && performance.now() >= deadline) return undefined;
    const c = contexts[i]!;
    constant += c.deviceCost;
    const l = `l${i}`;
    const r = rOf.get(c.method);
    const lp = c.parent >= 0 ? `l${c.parent}` : undefined;
    const fixed = pinned.has(c.method) || (lp === undefined && r === undefined);
    vars.push({ name: l, lo: 0, hi: fixed ? 0 : 1, binary: false, cost: c.cloneCost - c.deviceCost });
    if (r === undefined) {
      if (lp !== undefined) rows.push({ name: `e${i}`, terms: [[l, 1], [lp, -1]], sense: 'eq', rhs: 0 });
      continue;
    }
    const x = `x${i}`;
    vars.push({ name: x, lo: 0, hi: Infinity, binary: false, cost: c.migrationCost });
    if (lp === undefined) {
      rows.push({ name: `e${i}`, terms: [[l, 1], [r, -1]], sense: 'eq', rhs: 0 });
      rows.push({ name: `m${i}`, terms: [[x, 1], [r, -1]], sense: 'ge', rhs: 0 });
      continue;
    }
    rows.push({ name: `p${i}`, terms: [[l, 1], [lp, -1]], sense: 'ge', rhs: 0 });
    rows.push({ name: `q${i}`, terms: [[l, 1], [r, -1]], sense: 'ge', rhs: 0 });
    rows.push({ name: `u${i}`, terms: [[l, 1], [lp, -1], [r, -1]], sense: 'le', rhs: 0 });
    rows.push({ name: `m${i}`, terms: [[x, 1], [l, -1], [lp, 1]], sense: 'ge', rhs: 0 });
  }

  groupComponents(problem).forEach((members, g) => {
    const first = `l${members[0]!}`;
    for (const i of members.slice(1)) {
      rows.push({ name: `g${g}_${i}`, terms: [[`l${i}`, 1], [first, -1]], sense: 'eq', rhs: 0 });
    }
  });

  const budget = problem.budget;
  if (budget) {
    // Σ (clone' − device')·L + Σ migration'·X ≤ limit − Σ device' over the budget's costs.
    const terms: [string, number][] = [];
    budget.costs.forEach((c, i) => {
      if (c.cloneCost !== c.deviceCost) terms.push([`l${i}`, c.cloneCost - c.deviceCost]);
      if (c.migrationCost !== 0 && rOf.has(problem.contexts[i]!.method)) terms.push([`x${i}`, c.migrationCost]);
    });
    rows.push(budgetRow(budget, terms));
  }
  return { vars, rows, constant, choices: methods.map((method, k) => ({ name: `r${k}`, method })) };
}

/**
 * The size `buildDynamicModel` would give, counted without building it: for models GLPK is not
 * given (building the 2M rows of a 1M-context model only to report its size took 3.5-7.6 s).
 */
export function dynamicModelSize(problem: PartitionProblem): Pick<ModelSize, 'variables' | 'integers' | 'constraints'> {
  const columns = columnsOfProblem(problem);
  if (columns) return columnsModelSize(problem, columns);
  const choosable = new Set(choosableMethods(problem));
  const { contexts } = problem;
  return countModel(problem, contexts.length, choosable.size, (i) => contexts[i]!.parent < 0, (i) => choosable.has(contexts[i]!.method));
}

/** `dynamicModelSize` of a problem kept in columns (model/columns.ts), counted from them. */
function columnsModelSize(problem: PartitionProblem, columns: ContextColumns): Pick<ModelSize, 'variables' | 'integers' | 'constraints'> {
  const { parent, id, names } = columns;
  // As choosableMethods: every name has a context here, and names are distinct.
  const pinned = new Set(problem.pinned);
  const candidates = new Set(problem.candidates);
  const choosable = flagsOf(names, (m) => candidates.has(m) && !pinned.has(m));
  let integers = 0;
  for (const flag of choosable) integers += flag;
  return countModel(problem, parent.length, integers, (i) => parent[i]! < 0, (i) => choosable[id[i]!] === 1);
}

/** One variable per context, one more and its linking rows where its method may migrate; one row per group link and the budget. */
function countModel(
  problem: PartitionProblem,
  contexts: number,
  integers: number,
  isTop: (i: number) => boolean,
  isChoosable: (i: number) => boolean,
): Pick<ModelSize, 'variables' | 'integers' | 'constraints'> {
  let variables = integers;
  let constraints = 0;
  for (let i = 0; i < contexts; i++) {
    variables++;
    const top = isTop(i);
    if (!isChoosable(i)) {
      if (!top) constraints++;
      continue;
    }
    variables++;
    constraints += top ? 2 : 4;
  }
  for (const members of groupComponents(problem)) constraints += members.length - 1;
  if (problem.budget) constraints++;
  return { variables, integers, constraints };
}
