/**
 * The main thread's own answer while GLPK works on a static-nesting model (CloneCloud's rule):
 * there the cost is linear in R, Σ_m R[m]·W[m], and the rule forbids two chosen methods on one
 * call path, so the problem is a maximum-weight independent set, where GLPK's branch-and-bound
 * can run for minutes without an integer solution on adversarial trees. This gives:
 * - a lower bound, the larger of Σ_m min(0, W[m]) (every method on its own) and the cheapest
 *   antichain of candidate contexts, each priced at its share of W (the contexts of any legal
 *   answer form such an antichain, so it cannot cost less);
 * - a legal partition: methods by W ascending, each taken when it conflicts with none taken
 *   (found by marking, without pairs), then made legal (legalize.ts: split groups undone, the budget checked). Dropping methods
 *   keeps CloneCloud's rule.
 */
import type { PartitionProblem } from '../model/types.js';
import { checkPartition } from './checker.js';
import type { IlpModel } from './ilp-model.js';
import { compactTree, namesOf, type CompactTree } from './compact.js';
import type { SearchResult } from './types.js';
import { legalizer } from './legalize.js';
import { componentsOf } from './static-nesting.js';
import { childrenOf } from './tree.js';

export function searchStatic(problem: PartitionProblem, model: IlpModel): SearchResult {
  const cost = new Map(model.vars.map((v) => [v.name, v.cost]));
  const weight = new Map(model.choices.map((c) => [c.method, cost.get(c.name)!]));
  const order = [...weight].filter(([, w]) => w < 0).sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([m]) => m);
  const taken = greedyAntichain(problem, model.choices.map((c) => c.method), order);
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

/**
 * Methods of `order` taken one by one when they conflict with none taken (CloneCloud's rule,
 * as static-nesting.ts reads it), in time linear in the call graph and the tree: taking a
 * method marks what it reaches and what reaches it, in the condensation and in the tree, and a
 * method with a marked component or context conflicts. A mark stops at a marked node (below a
 * marked node all is marked, and above one all is marked).
 */
function greedyAntichain(problem: PartitionProblem, methods: readonly string[], order: readonly string[]): Set<string> {
  const index = new Map(methods.map((m, k) => [m, k]));
  const contexts = problem.contexts;
  const kOf = (i: number): number => index.get(contexts[i]!.method) ?? -1;
  const reach = problem.reach;
  const count = reach?.components.length ?? 0;
  const { componentOf, callers } = componentsOf(reach, methods);
  const { start, kids } = childrenOf(contexts);
  const contextsOf: number[][] = methods.map(() => []);
  contexts.forEach((_, i) => {
    const k = kOf(i);
    if (k >= 0) contextsOf[k]!.push(i);
  });
  const below = new Uint8Array(count);
  const above = new Uint8Array(count);
  const under = new Uint8Array(contexts.length);
  const over = new Uint8Array(contexts.length);
  const mark = (flags: Uint8Array, from: number, next: (c: number, push: (d: number) => void) => void): void => {
    const stack = [from];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (flags[c]) continue;
      flags[c] = 1;
      next(c, (d) => {
        if (!flags[d]) stack.push(d);
      });
    }
  };
  const taken = new Set<string>();
  for (const m of order) {
    const k = index.get(m)!;
    const c = componentOf[k]!;
    if (c >= 0 && (below[c] || above[c])) continue;
    if (contextsOf[k]!.some((i) => under[i] || over[i])) continue;
    taken.add(m);
    if (c >= 0) {
      mark(below, c, (x, push) => reach!.calls[x]!.forEach(push));
      mark(above, c, (x, push) => callers[x]!.forEach(push));
    }
    for (const i of contextsOf[k]!) {
      mark(under, i, (x, push) => {
        for (let j = start[x]!; j < start[x + 1]!; j++) push(kids[j]!);
      });
      for (let j = i; j >= 0 && !over[j]; j = contexts[j]!.parent) over[j] = 1;
    }
  }
  return taken;
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
