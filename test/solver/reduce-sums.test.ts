/**
 * One pass for a round's two cost-based steps (reduce-sums.ts), and forced locations in one pass
 * when nothing is pinned and there are no groups (reduce-forced.ts): against brute force on small
 * random trees, under both nesting models. The whole reduction against brute force is in
 * reduce.test.ts and reduce-collapse.test.ts.
 */
import type { NestingModel, PartitionProblem } from '../../src/model/types.js';
import { roundSums } from '../../src/solver/reduce-sums.js';
import { losingMethods, type ColumnTree } from '../../src/solver/reduce-dominance.js';
import { alwaysWinningSubtrees } from '../../src/solver/reduce-collapse.js';
import { forceOnTree } from '../../src/solver/reduce-forced.js';
import { columnsOf } from '../../src/solver/reduce-fold.js';
import { methodIndex, parentsOf } from '../../src/solver/tree.js';
import { randomProblem, rng } from './random-problems.js';

function treeOf(problem: PartitionProblem): ColumnTree {
  const costs = [problem.contexts, ...(problem.budget ? [problem.budget.costs] : [])].map(columnsOf);
  return { parent: parentsOf(problem.contexts), index: methodIndex(problem.contexts), candidates: problem.candidates, groups: problem.groups, nesting: problem.nesting, costs };
}

/** Contexts strictly below c, by walking up from each. */
function below(parent: Int32Array, c: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < parent.length; i++) for (let j = parent[i]!; j >= 0; j = parent[j]!) if (j === c) { out.push(i); break; }
  return out;
}

function isAncestor(parent: Int32Array, a: number, d: number): boolean {
  for (let j = parent[d]!; j >= 0; j = parent[j]!) if (j === a) return true;
  return false;
}

/** Largest and smallest Σ_T (mig + Σ over the subtree of clone − device) over antichains T of `candidate` contexts strictly below c, by enumeration. */
function antichainBounds(problem: PartitionProblem, c: number, candidate: (i: number) => boolean): { largest: number; smallest: number } {
  const parent = parentsOf(problem.contexts);
  const weight = (x: number): number => [x, ...below(parent, x)].reduce((s, d) => s + problem.contexts[d]!.cloneCost - problem.contexts[d]!.deviceCost, problem.contexts[x]!.migrationCost);
  const options = below(parent, c).filter(candidate);
  let largest = 0;
  let smallest = 0;
  for (let mask = 1; mask < 1 << options.length; mask++) {
    const chosen = options.filter((_, b) => mask & (1 << b));
    if (chosen.some((a) => chosen.some((d) => a !== d && isAncestor(parent, a, d)))) continue;
    const sum = chosen.reduce((s, x) => s + weight(x), 0);
    largest = Math.max(largest, sum);
    smallest = Math.min(smallest, sum);
  }
  return { largest, smallest };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe.each<NestingModel>(['dynamic', 'static'])('%s nesting, 600 random trees of up to 12 contexts', (nesting) => {
  const problems = (() => {
    const rand = rng(nesting === 'dynamic' ? 4646 : 4647);
    return Array.from({ length: 600 }, () => randomProblem(rand, nesting, { maxContexts: 12, maxMethods: 6, groupChance: 0.4, budgetChance: 0.3 }));
  })();

  it('sums, in one pass, the largest and the smallest antichain below each context that the two steps read', () => {
    for (const problem of problems) {
      const tree = treeOf(problem);
      const sums = roundSums(tree, tree.costs[0]!);
      const candidates = new Set(problem.candidates);
      const grouped = new Set(problem.groups.flat());
      problem.contexts.forEach((ctx, c) => {
        const losing = antichainBounds(problem, c, (i) => candidates.has(problem.contexts[i]!.method));
        const winning = antichainBounds(problem, c, (i) => candidates.has(problem.contexts[i]!.method) && !grouped.has(problem.contexts[i]!.method));
        const subtree = [c, ...below(tree.parent, c)];
        if (!close(sums.largest[c]!, losing.largest) || !close(sums.smallest[c]!, winning.smallest)) {
          throw new Error(`${JSON.stringify(problem)} context ${c}: sums ${sums.largest[c]} / ${sums.smallest[c]}, brute force ${losing.largest} / ${winning.smallest}`);
        }
        expect(close(sums.w[c]!, subtree.reduce((s, d) => s + problem.contexts[d]!.cloneCost - problem.contexts[d]!.deviceCost, 0))).toBe(true);
        expect(sums.groupBelow[c]).toBe(subtree.some((d) => grouped.has(problem.contexts[d]!.method)) ? 1 : 0);
        expect(ctx.method).toBe(tree.index.names[tree.index.id[c]!]);
      });
    }
  });

  it('gives each step, handed the one pass, what the step finds on its own', () => {
    for (const problem of problems) {
      const tree = treeOf(problem);
      const own = { losers: losingMethods(tree), collapse: alwaysWinningSubtrees(tree) };
      const sums = roundSums(tree, tree.costs[0]!);
      expect([...losingMethods(tree, sums)]).toEqual([...own.losers]);
      expect(alwaysWinningSubtrees(tree, sums)).toEqual(own.collapse);
    }
  });

  it('forces, with nothing pinned and no groups, exactly the contexts with no free method on their path', () => {
    const rand = rng(nesting === 'dynamic' ? 11 : 12);
    for (const problem of problems) {
      const tree = treeOf(problem);
      const choosable = new Set(problem.candidates.filter(() => rand() < 0.6));
      const fast = forceOnTree([], [], new Set(choosable), tree.index, tree.parent);
      // A pinned name that is no method of the tree takes the general loop, with the same answer.
      const general = forceOnTree(['(no such method)'], [], new Set(choosable), tree.index, tree.parent);
      expect(fast.forced).toEqual(general.forced);
      expect([...fast.choosable]).toEqual([...general.choosable]);
      problem.contexts.forEach((_, c) => {
        const path = [c];
        for (let j = tree.parent[c]!; j >= 0; j = tree.parent[j]!) path.push(j);
        expect(fast.forced[c]).toBe(path.some((j) => choosable.has(problem.contexts[j]!.method)) ? 0 : 1);
      });
    }
  });
});
