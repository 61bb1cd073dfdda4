/**
 * Folding, the second step of making the model small. With forced contexts known:
 * - a forced context runs on the device whatever the migration points: its device cost joins a
 *   constant (one root context that can never move), and its children start on the device;
 * - a context whose method can never migrate and is in no native-state group has the location
 *   of its parent (L[c] = L[p]): its costs join the parent's, its children become the parent's.
 *   This collapses every subtree without a candidate into its root and merges chains;
 * - under dynamic nesting a context of the same method as its (folded) parent shares its
 *   location (it is entered on the clone whenever its method migrates) and never migrates: it
 *   joins the parent, without its migration cost;
 * - contexts of the same method under the same (folded) parent are identical in every
 *   constraint (same L, same X): they merge, all three costs adding up.
 * What is left is the tree of paths of candidate and group methods. Method ids are kept, so a
 * solution of the folded problem is a solution of the original at the same cost.
 */
import type { ContextCosts, PartitionProblem, ProblemContext } from '../model/types.js';

/** Method id of the constant root context: not a candidate, so it never moves. */
export const FIXED_ROOT = '(fixed on the device)';

/** `placed`, when given: per context, the folded context it went into (-1: the fixed root). */
export function foldProblem(problem: PartitionProblem, forced: Uint8Array, choosable: ReadonlySet<string>, placed?: Int32Array): PartitionProblem {
  const contexts = problem.contexts;
  const second = problem.budget?.costs;
  const grouped = new Set(problem.groups.flat());
  const out: ProblemContext[] = [];
  const out2: ContextCosts[] = [];
  const at = new Int32Array(contexts.length);
  const methodId = new Map<string, number>();
  // Per folded parent (index + 1: 0 is the device entry), its children by method id. Keys stay
  // small integers: one map keyed by parent × method took seconds at 1M contexts.
  const child: (Map<number, number> | undefined)[] = [];

  const add = (to: ContextCosts, from: ContextCosts, migration: boolean): void => {
    to.deviceCost += from.deviceCost;
    to.cloneCost += from.cloneCost;
    if (migration) to.migrationCost += from.migrationCost;
  };
  const create = (parent: number, method: string, i: number): number => {
    const c = contexts[i]!;
    out.push({ parent, method, deviceCost: c.deviceCost, cloneCost: c.cloneCost, migrationCost: c.migrationCost });
    if (second) out2.push({ ...second[i]! });
    return out.length - 1;
  };
  let root = -1;
  const toRoot = (i: number): number => {
    if (root < 0) {
      root = create(-1, FIXED_ROOT, i);
      out[root]!.cloneCost = out[root]!.deviceCost;
      out[root]!.migrationCost = 0;
      if (second) out2[root] = { deviceCost: second[i]!.deviceCost, cloneCost: second[i]!.deviceCost, migrationCost: 0 };
      return -1;
    }
    const dev = contexts[i]!.deviceCost;
    out[root]!.deviceCost += dev;
    out[root]!.cloneCost += dev;
    if (second) {
      out2[root]!.deviceCost += second[i]!.deviceCost;
      out2[root]!.cloneCost += second[i]!.deviceCost;
    }
    return -1;
  };

  for (let i = 0; i < contexts.length; i++) {
    const c = contexts[i]!;
    const p = c.parent < 0 ? -1 : at[c.parent]!;
    const kept = choosable.has(c.method) || grouped.has(c.method);
    if (forced[i] || (!kept && p < 0)) {
      at[i] = toRoot(i);
      continue;
    }
    if (!kept || (p >= 0 && out[p]!.method === c.method && (problem.nesting === 'dynamic' || !choosable.has(c.method)))) {
      add(out[p]!, c, false);
      if (second) add(out2[p]!, second[i]!, false);
      at[i] = p;
      continue;
    }
    let id = methodId.get(c.method);
    if (id === undefined) methodId.set(c.method, (id = methodId.size));
    const siblings = (child[p + 1] ??= new Map());
    const same = siblings.get(id);
    if (same !== undefined) {
      add(out[same]!, c, true);
      if (second) add(out2[same]!, second[i]!, true);
      at[i] = same;
    } else {
      at[i] = create(p, c.method, i);
      siblings.set(id, at[i]!);
    }
  }

  placed?.set(at);
  const present = new Set(out.map((c) => c.method));
  const candidates = [...choosable].filter((m) => present.has(m)).sort();
  const reduced: PartitionProblem = {
    contexts: out,
    candidates,
    pinned: [],
    groups: problem.groups.map((g) => g.filter((m) => present.has(m))).filter((g) => g.length > 0),
    nesting: problem.nesting,
  };
  // The call graph's condensation is shared, not filtered: it is asked for the kept methods only.
  if (problem.reach) reduced.reach = problem.reach;
  if (problem.objective) reduced.objective = problem.objective;
  if (problem.budget) reduced.budget = { ...problem.budget, costs: out2 };
  return reduced;
}
