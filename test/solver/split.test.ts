/**
 * The bound's steps split over two threads (lagrangian-steps.ts): the layout keeps whole root
 * subtrees and native-state groups in one range; the thread's range gives the same bits as
 * passing it here; and the split and unsplit solves give the same proven answer (the brute
 * force's first optimum on small problems, the same partition on the bench's tree).
 */
import { generateProblem } from '../bench/solver/generate.mjs';
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { compactTree, type CompactTree } from '../../src/solver/compact.js';
import { reduceProblem, solvePartition } from '../../src/solver/index.js';
import { lagrangianSearch } from '../../src/solver/lagrangian.js';
import { splitLayout } from '../../src/solver/lagrangian-passes.js';
import { legalizer } from '../../src/solver/legalize.js';
import { bruteForceFirst, randomProblem, rng, tiedShape, type Shape } from './random-problems.js';

/** Several random trees over the same methods side by side: a tree of many roots that share methods. */
function forest(rand: () => number, shape: Shape, parts: number): PartitionProblem {
  const all = Array.from({ length: parts }, () => randomProblem(rand, 'dynamic', shape));
  const contexts: ProblemContext[] = [];
  for (const p of all) {
    const offset = contexts.length;
    for (const c of p.contexts) contexts.push({ ...c, parent: c.parent < 0 ? -1 : c.parent + offset });
  }
  // The first problem's candidates and groups for all, and no pinned methods: with them the
  // reductions leave one or two contexts of most such trees (their callers are forced).
  const { candidates, groups } = all[0]!;
  return { contexts, candidates, pinned: [], groups, nesting: 'dynamic' };
}

/** A reduced random forest (with groups), as the search gets it. */
function reducedTree(seed: number): { small: PartitionProblem; tree: CompactTree } {
  const problem = forest(rng(seed), { maxContexts: 60, maxMethods: 12, groupChance: 0.3 }, 6);
  const small = reduceProblem(problem).problem;
  return { small, tree: compactTree(small) };
}

it('splits into two ranges of whole root subtrees and groups, parents first', () => {
  let split = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const { tree } = reducedTree(seed);
    const layout = splitLayout(tree, 0);
    if (!layout) continue;
    split++;
    const { order, middle } = layout;
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: tree.size }, (_, i) => i));
    const position = new Int32Array(tree.size);
    order.forEach((i, j) => (position[i] = j));
    const range = (i: number): number => (position[i]! < middle ? 0 : 1);
    for (let i = 0; i < tree.size; i++) {
      const p = tree.parent[i]!;
      if (p < 0) continue;
      expect(range(p)).toBe(range(i));
      expect(position[p]).toBeLessThan(position[i]!);
    }
    for (const members of tree.components) for (const i of members) expect(range(i)).toBe(range(members[0]!));
    expect(Math.min(middle, tree.size - middle)).toBeGreaterThanOrEqual(0.3 * tree.size);
  }
  expect(split).toBeGreaterThan(50);
  // Small trees stay whole by default.
  expect(splitLayout(reducedTree(1).tree)).toBeUndefined();
});

it('the thread passes its range to the same bits as this thread would, and the bound holds', () => {
  let compared = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const { small, tree } = reducedTree(seed);
    if (!splitLayout(tree, 0)) continue;
    compared++;
    const legalize = legalizer(small, tree);
    const run = (split: { minContexts: number; thread: boolean } | undefined) =>
      lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 60, legalize, ...(split ? { split } : {}) });
    const threaded = run({ minContexts: 0, thread: true });
    const here = run({ minContexts: 0, thread: false });
    expect(threaded.lowerBound).toBe(here.lowerBound);
    expect(threaded.steps).toBe(here.steps);
    expect(Buffer.from(threaded.prices.lambda.buffer)).toEqual(Buffer.from(here.prices.lambda.buffer));
    expect(Buffer.from(threaded.prices.nu.buffer)).toEqual(Buffer.from(here.prices.nu.buffer));
    expect([...threaded.chosen]).toEqual([...here.chosen]);
    // Split or not, a lower bound on the optimum, and the same bound up to the order of additions at the first step.
    const optimum = bruteForceFirst(small).cost;
    const whole = run(undefined);
    const slack = 1e-9 * Math.max(1, Math.abs(optimum));
    expect(threaded.lowerBound).toBeLessThanOrEqual(optimum + slack);
    expect(whole.lowerBound).toBeLessThanOrEqual(optimum + slack);
    const first = (split: { minContexts: number; thread: boolean } | undefined) =>
      lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 1, legalize, ...(split ? { split } : {}) }).lowerBound;
    expect(Math.abs(first({ minContexts: 0, thread: true }) - first(undefined))).toBeLessThanOrEqual(slack);
  }
  expect(compared).toBeGreaterThan(10);
}, 60_000);

it('random problems: split and unsplit solves both give the brute force first optimum, proven', async () => {
  let split = 0;
  const rand = rng(2718);
  for (let k = 0; k < 150; k++) {
    const problem = forest(rand, { ...tiedShape, maxContexts: 12 }, 4);
    const expected = bruteForceFirst(problem);
    if (!Number.isFinite(expected.cost)) continue;
    if (splitLayout(compactTree(reduceProblem(problem).problem), 0)) split++;
    for (const splitFrom of [undefined, 0]) {
      const s = await solvePartition(problem, { timeLimitSec: 10, mipGap: 0, searchFirst: true, ...(splitFrom === undefined ? {} : { splitFrom }) });
      if (JSON.stringify(s.migrate) !== JSON.stringify(expected.migrate) || !s.optimal) {
        throw new Error(`instance ${k}, splitFrom ${splitFrom}: ${JSON.stringify(problem)} -> ${JSON.stringify(s)}, brute force ${JSON.stringify(expected)}`);
      }
    }
  }
  expect(split).toBeGreaterThan(40);
}, 120_000);

it("the bench's realistic tree: the split solve gives the unsplit one's partition and cost, proven", async () => {
  const { problem } = generateProblem({ contexts: 20_000, methods: 2000, kind: 'realistic', nesting: 'dynamic', seed: 3 });
  const whole = await solvePartition(problem, { timeLimitSec: 60, mipGap: 0, searchFirst: true });
  const split = await solvePartition(problem, { timeLimitSec: 60, mipGap: 0, searchFirst: true, splitFrom: 0 });
  expect(whole.optimal).toBe(true);
  expect(split.optimal).toBe(true);
  expect(split.migrate).toEqual(whole.migrate);
  expect(split.cost).toBe(whole.cost);
  expect(split.migrate.length).toBeGreaterThan(0);
}, 120_000);
