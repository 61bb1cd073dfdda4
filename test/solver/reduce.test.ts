/** Making the model small: every step keeps the optimum of the unreduced model. */
import type { NestingModel, PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { reduceProblem, solvePartition } from '../../src/solver/index.js';
import { initialChoosable } from '../../src/solver/reduce.js';
import { forceLocations } from '../../src/solver/reduce-forced.js';
import { FIXED_ROOT, foldProblem } from '../../src/solver/reduce-fold.js';
import { methodsThatCannotWin } from '../../src/solver/reduce-dominance.js';
import { subtreesThatAlwaysWin } from '../../src/solver/reduce-collapse.js';
import { bruteForce, randomProblem, rng, type Shape } from './random-problems.js';

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

function same(a: number, b: number): boolean {
  if (a === Infinity || b === Infinity) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

describe('reduction steps by hand', () => {
  it('folds candidate-free subtrees and chains into their root and merges identical contexts', () => {
    // main ─┬─ a ── hash      a, b: no candidates; both hash contexts end up under main.
    //       └─ b ─┬─ hash
    //             └─ log
    const p: PartitionProblem = {
      contexts: [
        ctx(-1, 'main', 1, 1, 0),
        ctx(0, 'a', 2, 1, 0),
        ctx(1, 'hash', 50, 5, 3),
        ctx(0, 'b', 4, 1, 0),
        ctx(3, 'hash', 30, 3, 2),
        ctx(3, 'log', 8, 8, 0),
      ],
      candidates: ['hash'],
      pinned: [],
      groups: [],
      nesting: 'dynamic',
    };
    const choosable = initialChoosable(p);
    const { forced } = forceLocations(p, choosable);
    expect([...forced]).toEqual([1, 1, 0, 1, 0, 1]);
    const folded = foldProblem(p, forced, choosable);
    expect(folded.contexts).toEqual([
      { parent: -1, method: FIXED_ROOT, deviceCost: 15, cloneCost: 15, migrationCost: 0 },
      { parent: -1, method: 'hash', deviceCost: 80, cloneCost: 8, migrationCost: 5 },
    ]);
    expect(bruteForce(folded).cost).toBe(bruteForce(p).cost);
  });

  it('forces a whole native-state group, its callers and their methods when one member is pinned below', () => {
    const p: PartitionProblem = {
      contexts: [ctx(-1, 'A', 9, 1, 1), ctx(0, 'g1', 1, 1, 0), ctx(-1, 'B', 9, 1, 1), ctx(2, 'g2', 1, 1, 0), ctx(3, 'ui', 1, 1, 0)],
      candidates: ['A', 'B', 'g1'],
      pinned: ['ui'],
      groups: [['g1', 'g2']],
      nesting: 'dynamic',
    };
    const { forced, choosable } = forceLocations(p, initialChoosable(p));
    expect([...forced]).toEqual([1, 1, 1, 1, 1]);
    expect([...choosable]).toEqual([]);
    expect(reduceProblem(p).problem.contexts).toHaveLength(1);
  });

  it('keeps a method whose migration pays only through its subtree (dynamic nesting)', () => {
    // outer itself is cheaper on the device, but migrating at it moves the heavy inner work.
    const p: PartitionProblem = {
      contexts: [ctx(-1, 'outer', 1, 5, 2), ctx(0, 'inner', 100, 10, 50)],
      candidates: ['outer', 'inner'],
      pinned: [],
      groups: [],
      nesting: 'dynamic',
    };
    // w[outer] = 2 + 4 − 90 < 0 = A(outer) (inner's w = 50 − 90 < 0): migrating at outer may pay; kept.
    expect(methodsThatCannotWin(p)).toEqual(new Set());
    // A leaf whose migration costs more than it saves is dropped.
    const leaf: PartitionProblem = { ...p, contexts: [ctx(-1, 'main', 1, 1, 0), ctx(0, 'cheap', 3, 1, 5)], candidates: ['cheap'] };
    expect(methodsThatCannotWin(leaf)).toEqual(new Set(['cheap']));
  });
});

interface Counts {
  instances: number;
  shrunk: number;
  dropped: number;
}

/** Brute force on the original, after forced+fold, after dropping losers, and after the whole pass. */
function checkSteps(problem: PartitionProblem, counts: Counts): void {
  const expected = bruteForce(problem).cost;
  const choosable = initialChoosable(problem);
  const { forced } = forceLocations(problem, choosable);
  const folded = foldProblem(problem, forced, choosable);
  const losers = methodsThatCannotWin(folded);
  const pruned = { ...folded, candidates: folded.candidates.filter((m) => !losers.has(m)) };
  const reduced = reduceProblem(problem).problem;
  const got = [bruteForce(folded).cost, bruteForce(pruned).cost, bruteForce(reduced).cost];
  if (!got.every((c) => same(c, expected))) {
    throw new Error(`${JSON.stringify(problem)}: brute force ${expected}, after fold/drop/all ${got.join(', ')}; losers ${[...losers]}`);
  }
  counts.instances++;
  if (reduced.contexts.length < problem.contexts.length) counts.shrunk++;
  if (losers.size > 0) counts.dropped++;
}

const shapes: [string, Shape][] = [
  ['small', { maxContexts: 15, maxMethods: 6, groupChance: 0.3, budgetChance: 0.3 }],
  ['larger, grouped', { maxContexts: 40, maxMethods: 9, groupChance: 0.8, budgetChance: 0.3 }],
];

describe.each<NestingModel>(['dynamic', 'static'])('%s nesting: every reduction keeps the optimum', (nesting) => {
  it.each(shapes)('against brute force on 1500 random %s problems', (_, shape) => {
    const rand = rng(nesting === 'dynamic' ? 4242 : 4243);
    const counts = { instances: 0, shrunk: 0, dropped: 0 };
    for (let k = 0; k < 1500; k++) checkSteps(randomProblem(rand, nesting, shape), counts);
    expect(counts.shrunk).toBeGreaterThan(counts.instances / 2);
    expect(counts.dropped).toBeGreaterThan(counts.instances / 20);
  });

  it('GLPK on the reduced model matches GLPK on the unreduced one (200 problems of up to 60 contexts)', async () => {
    const rand = rng(nesting === 'dynamic' ? 77 : 78);
    const options = { timeLimitSec: 10, mipGap: 0 };
    for (let k = 0; k < 200; k++) {
      const problem = randomProblem(rand, nesting, { maxContexts: 60, maxMethods: 12, groupChance: 0.5, budgetChance: 0.3 });
      const run = (reduce: boolean) => solvePartition(problem, { ...options, reduce }).then((s) => s.cost, () => Infinity);
      const [full, small] = [await run(false), await run(true)];
      if (!same(small, full)) throw new Error(`${JSON.stringify(problem)}: unreduced ${full}, reduced ${small}`);
    }
  });
});

it('says where each context went: every context of the small problem holds the costs of the contexts mapped to it', () => {
  const rand = rng(77);
  for (let k = 0; k < 300; k++) {
    const problem = randomProblem(rand, rand() < 0.5 ? 'dynamic' : 'static');
    const { problem: small, contextOf } = reduceProblem(problem);
    const device = new Float64Array(small.contexts.length);
    const clone = new Float64Array(small.contexts.length);
    contextOf.forEach((j, i) => {
      expect(j).toBeLessThan(small.contexts.length);
      if (j < 0) return;
      device[j]! += problem.contexts[i]!.deviceCost;
      clone[j]! += problem.contexts[i]!.cloneCost;
    });
    small.contexts.forEach((c, j) => {
      if (c.method === FIXED_ROOT) return; // also holds what was forced onto the device
      expect({ k, j, device: same(device[j]!, c.deviceCost), clone: same(clone[j]!, c.cloneCost) }).toEqual({ k, j, device: true, clone: true });
    });
  }
});

/** The fixpoint of the steps on problems as objects, round by round: what reduceProblem does in columns. */
function reduceByObjects(problem: PartitionProblem): PartitionProblem {
  let current = problem;
  let choosable = initialChoosable(problem);
  let collapse: Uint8Array | undefined;
  for (;;) {
    const { forced } = forceLocations(current, choosable);
    const folded = foldProblem(current, forced, choosable, undefined, collapse);
    const losers = methodsThatCannotWin(folded);
    collapse = subtreesThatAlwaysWin(folded);
    if (losers.size === 0 && !collapse) return folded;
    current = folded;
    choosable = new Set(folded.candidates.filter((m) => !losers.has(m)));
  }
}

it.each<NestingModel>(['dynamic', 'static'])('%s: the rounds in columns give the problem the steps give round by round as objects, to the bit', (nesting) => {
  const rand = rng(nesting === 'dynamic' ? 8128 : 496);
  let rounds = 0;
  for (let k = 0; k < 400; k++) {
    const problem = randomProblem(rand, nesting, { maxContexts: 60, maxMethods: 10, groupChance: 0.4, budgetChance: 0.3 });
    const reduced = reduceProblem(problem);
    expect(reduced.problem).toEqual(reduceByObjects(problem));
    if (reduced.rounds > 1) rounds++;
  }
  expect(rounds).toBeGreaterThan(20);
});
