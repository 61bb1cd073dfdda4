/**
 * The ILP as plain data, independent of any solver library, and the pieces both nesting
 * models share. The glpk.js adapter translates it; tests compare it byte for byte.
 */
import type { PartitionProblem } from '../model/types.js';

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
 * Method components that must share one location: groups that share a method are merged
 * (union-find), so each context gets at most one equality row. Returns, per component with
 * two or more contexts, its contexts in index order.
 */
export function groupComponents(problem: PartitionProblem): number[][] {
  const parent = new Map<string, string>();
  const find = (m: string): string => {
    let r = m;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(m, r);
    return r;
  };
  for (const group of problem.groups) {
    for (const m of group) if (!parent.has(m)) parent.set(m, m);
    for (const m of group.slice(1)) parent.set(find(m), find(group[0]!));
  }
  const byRoot = new Map<string, number[]>();
  problem.contexts.forEach((c, i) => {
    if (!parent.has(c.method)) return;
    const r = find(c.method);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  });
  // Order components by their first context, which is deterministic for a given problem.
  return [...byRoot.values()].filter((l) => l.length > 1).sort((a, b) => a[0]! - b[0]!);
}
