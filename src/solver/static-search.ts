/**
 * The main thread's own answer while GLPK works on a static-nesting model (CloneCloud's rule):
 * there the cost is linear in R, Σ_m R[m]·W[m], and the rule forbids two chosen methods on one
 * call path, so the problem is a maximum-weight independent set, where GLPK's branch-and-bound
 * can run for minutes without an integer solution on adversarial trees. This gives:
 * - a lower bound, the larger of Σ_m min(0, W[m]) (every method on its own) and the cheapest
 *   antichain of candidate contexts, each priced at its share of W (the contexts of any legal
 *   answer form such an antichain, so it cannot cost less);
 * - a legal partition: methods by W ascending, each taken when it conflicts with none taken,
 *   then made legal (legalize.ts: split groups undone, the budget checked). Dropping methods
 *   keeps CloneCloud's rule.
 */
import type { PartitionProblem } from '../model/types.js';
import { checkPartition } from './checker.js';
import type { IlpModel } from './ilp-model.js';
import { compactTree, namesOf, type CompactTree } from './compact.js';
import type { SearchResult } from './types.js';
import { legalizer } from './legalize.js';

export function searchStatic(problem: PartitionProblem, model: IlpModel): SearchResult {
  const cost = new Map(model.vars.map((v) => [v.name, v.cost]));
  const weight = new Map(model.choices.map((c) => [c.method, cost.get(c.name)!]));
  const byName = new Map(model.choices.map((c) => [c.name, c.method]));
  const conflicts = new Map<string, string[]>();
  for (const row of model.rows) {
    const [a, b] = row.terms;
    if (row.sense !== 'le' || row.rhs !== 1 || row.terms.length !== 2 || a![1] !== 1 || b![1] !== 1) continue;
    const m1 = byName.get(a![0]);
    const m2 = byName.get(b![0]);
    if (m1 === undefined || m2 === undefined) continue;
    (conflicts.get(m1) ?? conflicts.set(m1, []).get(m1)!).push(m2);
    (conflicts.get(m2) ?? conflicts.set(m2, []).get(m2)!).push(m1);
  }

  const order = [...weight].filter(([, w]) => w < 0).sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([m]) => m);
  const taken = new Set<string>();
  for (const m of order) if (!(conflicts.get(m) ?? []).some((other) => taken.has(other))) taken.add(m);
  const tree = compactTree(problem);
  const result: SearchResult = { lowerBound: lowerBound(tree, problem, weight, model.constant) };
  const legal = legalizer(problem, tree)(Uint8Array.from(tree.methods, (m) => (taken.has(m) ? 1 : 0)));
  if (!legal) return result;
  // Legal for groups and the budget; the checker also vets CloneCloud's rule and prices it.
  const migrate = namesOf(tree, legal);
  const check = checkPartition(problem, migrate);
  if (check.violations.length === 0) result.best = { migrate, cost: check.cost };
  return result;
}

function lowerBound(tree: CompactTree, problem: PartitionProblem, weight: Map<string, number>, constant: number): number {
  let alone = constant;
  for (const w of weight.values()) alone += Math.min(0, w);
  // Cheapest antichain, bottom-up: a context is either taken (its share of W, which is the
  // tree's weight: its migration plus its subtree's clone − device) or leaves it to its children.
  const contexts = problem.contexts;
  const below = new Float64Array(tree.size);
  let antichain = constant;
  for (let i = tree.size - 1; i >= 0; i--) {
    const c = contexts[i]!;
    const best = weight.has(c.method) ? Math.min(below[i]!, tree.weight[i]!) : below[i]!;
    if (c.parent >= 0) below[c.parent]! += best;
    else antichain += best;
  }
  return Math.max(alone, antichain);
}
