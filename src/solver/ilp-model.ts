/**
 * The ILP as plain data, independent of any solver library, and the pieces both nesting
 * models share. The glpk.js adapter translates it; tests compare it byte for byte.
 */
import type { Budget, PartitionProblem } from '../model/types.js';
import { columnsOfProblem } from '../model/columns.js';

export interface IlpVar {
  /** Short generated name (r0, l12, x12, a3): glpk.js passes names through C strings. */
  name: string;
  lo: number;
  /** `Infinity` when unbounded above. */
  hi: number;
  binary: boolean;
  /** Objective coefficient. */
  cost: number;
}

export interface IlpRow {
  name: string;
  /** Distinct variables only: GLPK rejects a matrix with duplicate entries. */
  terms: [name: string, coef: number][];
  sense: 'ge' | 'le' | 'eq';
  rhs: number;
}

export interface IlpModel {
  vars: IlpVar[];
  rows: IlpRow[];
  /** Added to the solver's objective to get the cost (the dropped Σ deviceCost). */
  constant: number;
  /** Migration-point variables, in sorted method order. */
  choices: { name: string; method: string }[];
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Methods that get an R variable: sorted, unique, with at least one context and not pinned
 * (a pinned migration point would put its own context on the clone). Others have R = 0.
 */
export function choosableMethods(problem: PartitionProblem, exclude: Set<string> = new Set()): string[] {
  const present = new Set(problem.contexts.map((c) => c.method));
  const pinned = new Set(problem.pinned);
  return [...new Set(problem.candidates)]
    .filter((m) => present.has(m) && !pinned.has(m) && !exclude.has(m))
    .sort(byCodeUnit);
}

/**
 * Sets of contexts that must share one location, from the native-state groups. Groups that
 * share a method with contexts are linked through those contexts (union-find over contexts;
 * a shared method that never runs links nothing), so each context gets at most one equality
 * row. Returns each set with two or more contexts, in index order, sets ordered by first context.
 */
export function groupComponents(problem: PartitionProblem): number[][] {
  const columns = columnsOfProblem(problem);
  if (columns) return groupComponentsOfIndex(problem.groups, columns.id, columns.names);
  const contexts = problem.contexts;
  return groupComponentsBy(problem.groups, contexts.length, (i) => contexts[i]!.method);
}

/** `groupComponents` of `n` contexts whose methods `methodOf` tells. */
export function groupComponentsBy(groups: readonly (readonly string[])[], n: number, methodOf: (i: number) => string): number[][] {
  // Only the grouped methods' contexts are listed (all of them took 2.2 s at 1M contexts).
  const grouped = new Set(groups.flat());
  if (grouped.size === 0) return [];
  const contextsOf = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const method = methodOf(i);
    if (grouped.has(method)) listAdd(contextsOf, method, i);
  }
  return componentsOf(groups, n, contextsOf);
}

/**
 * `groupComponents` of contexts whose methods are numbers (the reductions' MethodIndex): one
 * set lookup per distinct method rather than per context.
 */
export function groupComponentsOfIndex(groups: readonly (readonly string[])[], id: Int32Array, names: readonly string[]): number[][] {
  const grouped = new Set(groups.flat());
  if (grouped.size === 0) return [];
  const inGroup = new Uint8Array(names.length);
  for (let k = 0; k < names.length; k++) inGroup[k] = grouped.has(names[k]!) ? 1 : 0;
  const contextsOf = new Map<string, number[]>();
  for (let i = 0; i < id.length; i++) if (inGroup[id[i]!]) listAdd(contextsOf, names[id[i]!]!, i);
  return componentsOf(groups, id.length, contextsOf);
}

function listAdd<K>(lists: Map<K, number[]>, key: K, i: number): void {
  const list = lists.get(key);
  if (list) list.push(i);
  else lists.set(key, [i]);
}

/** The components of `n` contexts given each grouped method's contexts (in index order). */
function componentsOf(groups: readonly (readonly string[])[], n: number, contextsOf: Map<string, number[]>): number[][] {
  // Filled by a loop: TypedArray.map with a callback took most of this function at 300k contexts.
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = i;
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i]!]!;
      i = root[i]!;
    }
    return i;
  };
  const inGroup = new Uint8Array(n);
  for (const group of groups) {
    let first = -1;
    for (const m of new Set(group)) {
      for (const i of contextsOf.get(m) ?? []) {
        inGroup[i] = 1;
        if (first < 0) first = i;
        const a = find(first);
        const b = find(i);
        // The smaller index stays the root: the component's first context.
        if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) if (inGroup[i]) listAdd(byRoot, find(i), i);
  return [...byRoot.values()].filter((l) => l.length > 1).sort((x, y) => x[0]! - y[0]!);
}

/**
 * The budget row: `terms` price the change from all-device, so the row reads
 * Σ terms ≤ maxRatio·D − D with D the all-device cost under the budget's costs.
 */
export function budgetRow(budget: Budget, terms: [string, number][]): IlpRow {
  let deviceOnly = 0;
  for (const c of budget.costs) deviceOnly += c.deviceCost;
  return { name: 'budget', terms, sense: 'le', rhs: (budget.maxRatio - 1) * deviceOnly };
}
