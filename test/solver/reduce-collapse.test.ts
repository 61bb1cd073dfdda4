/**
 * Methods that always win (reduce-collapse.ts): the subtrees under their contexts fold into
 * those contexts, and the first of the tied optima stays the same.
 */
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { checkPartition, reduceProblem } from '../../src/solver/index.js';
import { finish } from '../../src/solver/solution.js';
import { initialChoosable } from '../../src/solver/reduce.js';
import { forceLocations } from '../../src/solver/reduce-forced.js';
import { FIXED_ROOT, foldProblem } from '../../src/solver/reduce-fold.js';
import { subtreesThatAlwaysWin } from '../../src/solver/reduce-collapse.js';
import { bruteForceFirst, randomProblem, rng, tiedShape, type Shape } from './random-problems.js';

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

describe('a method whose migration beats anything below it, at every context', () => {
  // main ── job ── inner ── helper      job: w = 2 + (1 − 10) + (5 − 50) + (2 − 20) = −70,
  //                                     below it at best inner's w = 4 − 45 − 18 = −59.
  const contexts = [ctx(-1, 'main', 1, 1, 0), ctx(0, 'job', 10, 1, 2), ctx(1, 'inner', 50, 5, 4), ctx(2, 'helper', 20, 2, 0)];
  const problem: PartitionProblem = { contexts, candidates: ['inner', 'job'], pinned: [], groups: [], nesting: 'dynamic' };

  it('folds its subtree into its context, which stays a candidate', () => {
    const choosable = initialChoosable(problem);
    const folded = foldProblem(problem, forceLocations(problem, choosable).forced, choosable);
    expect([...subtreesThatAlwaysWin(folded)!]).toEqual([0, 0, 1]);
    expect(reduceProblem(problem).problem.contexts).toEqual([
      { parent: -1, method: FIXED_ROOT, deviceCost: 1, cloneCost: 1, migrationCost: 0 },
      { parent: -1, method: 'job', deviceCost: 80, cloneCost: 8, migrationCost: 2 },
    ]);
    expect(bruteForceFirst(reduceProblem(problem).problem)).toMatchObject({ migrate: ['job'], cost: 11 });
    expect(bruteForceFirst(problem)).toMatchObject({ migrate: ['job'], cost: 11 });
  });

  it('prices a partition without it differently, so only a proven optimum is cross-checked against the checker', () => {
    // {inner} leaves job out: on the folded problem inner no longer exists (all-device, 81);
    // on the original inner migrates (1 + 10 + 4 + 5 + 2 = 22).
    const small = reduceProblem(problem).problem;
    expect(checkPartition(small, []).cost).toBe(81);
    expect(checkPartition(problem, ['inner']).cost).toBe(22);
    const size = { contexts: 4, contextsAfter: 2, variables: 0, integers: 0, constraints: 0 };
    // A search cut short reports its partition with the folded problem's price: the checker's is the answer's.
    expect(finish(problem, { migrate: ['inner'], solverCost: 81, optimal: false, bound: 11 }, size)).toMatchObject({ cost: 22, optimal: false });
    expect(() => finish(problem, { migrate: ['inner'], solverCost: 81, optimal: true }, size)).toThrow(/disagrees with the checker/);
  });

  it('is not folded when one of its contexts may be better off on the device', () => {
    // A second call of job, where migrating costs more than it saves.
    const twice = { ...problem, contexts: [...contexts, ctx(0, 'job', 1, 1, 30)] };
    const choosable = initialChoosable(twice);
    const folded = foldProblem(twice, forceLocations(twice, choosable).forced, choosable);
    expect(subtreesThatAlwaysWin(folded)).toBeUndefined();
  });

  it('is not folded over a native-state group, under a budget or under static nesting', () => {
    const grouped = { ...problem, contexts: [...contexts, ctx(2, 'canvas', 1, 1, 0), ctx(0, 'draw', 1, 1, 0)], groups: [['canvas', 'draw']] };
    const budget = { ...problem, budget: { objective: 'energy' as const, maxRatio: 2, costs: contexts.map((c) => ({ ...c })) } };
    for (const p of [grouped, budget, { ...problem, nesting: 'static' as const }]) {
      const choosable = initialChoosable(p);
      const folded = foldProblem(p, forceLocations(p, choosable).forced, choosable);
      expect(subtreesThatAlwaysWin(folded)).toBeUndefined();
    }
  });
});

const shapes: [string, Shape][] = [
  ['small', { maxContexts: 15, maxMethods: 6, groupChance: 0.3, budgetChance: 0.2 }],
  ['tied (coarse costs)', tiedShape],
  ['larger, grouped', { maxContexts: 40, maxMethods: 9, groupChance: 0.6 }],
];

describe.each(shapes)('against brute force on 1500 random %s problems (dynamic nesting)', (_, shape) => {
  it('folding the subtrees alone, and the whole reduction, keep the first optimum', () => {
    const rand = rng(9091);
    let folds = 0;
    for (let k = 0; k < 1500; k++) {
      const problem = randomProblem(rand, 'dynamic', shape);
      const expected = bruteForceFirst(problem);
      const choosable = initialChoosable(problem);
      const folded = foldProblem(problem, forceLocations(problem, choosable).forced, choosable);
      const collapse = subtreesThatAlwaysWin(folded);
      const steps: PartitionProblem[] = [reduceProblem(problem).problem];
      if (collapse) {
        folds++;
        const again = initialChoosable(folded);
        steps.push(foldProblem(folded, forceLocations(folded, again).forced, again, undefined, collapse));
      }
      for (const step of steps) {
        const got = bruteForceFirst(step);
        const cost = got.cost === expected.cost || Math.abs(got.cost - expected.cost) <= 1e-9 * Math.max(1, Math.abs(expected.cost));
        const same = got.migrate.join() === expected.migrate.join() && cost;
        if (!same) throw new Error(`instance ${k}: ${JSON.stringify(problem)}: brute force ${JSON.stringify(expected)}, after the fold ${JSON.stringify(got)}`);
      }
    }
    expect(folds).toBeGreaterThan(50);
  });
});
