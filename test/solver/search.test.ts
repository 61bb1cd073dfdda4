/**
 * The searches that run beside GLPK (dynamic: Lagrangian bound, rounding, single changes;
 * static: greedy independent set and two bounds) against the checker and brute force on seeded
 * random problems: their prices are the checker's, their bounds never exceed the optimum, and
 * what they keep is legal.
 */
import type { NestingModel, PartitionProblem } from '../../src/model/types.js';
import { buildModel, checkPartition, reduceProblem } from '../../src/solver/index.js';
import { compactTree, costOf, namesOf, type CompactTree } from '../../src/solver/compact.js';
import { searchDynamic } from '../../src/solver/dynamic-search.js';
import type { SearchResult } from '../../src/solver/types.js';
import { ChangeRoots, changeCosts, disjointChanges, methodContexts } from '../../src/solver/local-search.js';
import { searchStatic } from '../../src/solver/static-search.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const shape = { maxContexts: 30, maxMethods: 8, groupChance: 0.3, budgetChance: 0.3 };
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Five random sets of migration points on each of 300 reduced random problems from `seed`. */
function eachRandomChoice(
  seed: number,
  check: (problem: PartitionProblem, tree: CompactTree, chosen: Uint8Array, rand: () => number) => void,
): void {
  const rand = rng(seed);
  for (let k = 0; k < 300; k++) {
    const problem = reduceProblem(randomProblem(rand, 'dynamic', shape)).problem;
    const tree = compactTree(problem);
    for (let trial = 0; trial < 5; trial++) {
      check(problem, tree, Uint8Array.from(tree.methods, () => (rand() < 0.4 ? 1 : 0)), rand);
    }
  }
}

it('prices every set of migration points as the checker does, and every single change exactly', () => {
  let changes = 0;
  eachRandomChoice(99, (problem, tree, chosen) => {
    const cost = costOf(tree, chosen);
    expect(close(cost, checkPartition(problem, namesOf(tree, chosen)).cost)).toBe(true);
    const delta = changeCosts(tree, chosen);
    tree.methods.forEach((_, m) => {
      const flipped = chosen.slice();
      flipped[m] = 1 - flipped[m]!;
      expect(close(cost + delta[m]!, costOf(tree, flipped))).toBe(true);
      changes++;
    });
  });
  expect(changes).toBeGreaterThan(1000);
});

it('changes with disjoint subtrees add up exactly, and the greedy pick keeps the best change', () => {
  let batches = 0;
  eachRandomChoice(7, (_, tree, chosen, rand) => {
    const roots = new ChangeRoots(tree.size);
    const delta = changeCosts(tree, chosen, roots);
    const order = [...tree.methods.keys()].sort(() => rand() - 0.5);
    const taken = disjointChanges(tree, order, roots, methodContexts(tree));
    if (order.length > 0) expect(taken[0]).toBe(order[0]);
    const flipped = chosen.slice();
    let sum = 0;
    for (const m of taken) {
      flipped[m] = 1 - flipped[m]!;
      sum += delta[m]!;
    }
    expect(close(costOf(tree, chosen) + sum, costOf(tree, flipped))).toBe(true);
    if (taken.length > 1) batches++;
  });
  expect(batches).toBeGreaterThan(100);
});

it('prices sets it priced shortly before as the checker does (trees many times larger than their methods keep recent prices)', () => {
  const rand = rng(31);
  let repeats = 0;
  let large = 0;
  for (let k = 0; k < 60; k++) {
    const problem = reduceProblem(randomProblem(rand, 'dynamic', { maxContexts: 200, maxMethods: 4, groupChance: 0 })).problem;
    const tree = compactTree(problem);
    if (tree.size > 8 * tree.methods.length) large++;
    const sets: Uint8Array[] = [];
    for (let trial = 0; trial < 30; trial++) {
      // Now a new set, now one of those priced before (changed in place since, as callers may).
      const reuse = sets.length > 0 && rand() < 0.5;
      const chosen = reuse ? sets[Math.floor(rand() * sets.length)]!.slice() : Uint8Array.from(tree.methods, () => (rand() < 0.4 ? 1 : 0));
      if (!reuse) sets.push(chosen.slice());
      repeats += reuse ? 1 : 0;
      expect(close(costOf(tree, chosen), checkPartition(problem, namesOf(tree, chosen)).cost)).toBe(true);
      chosen.fill(0);
    }
  }
  expect(repeats).toBeGreaterThan(500);
  expect(large).toBeGreaterThan(20);
});

interface Tally {
  count: number;
  feasible: number;
  found: number;
  optimalFound: number;
  boundMet: number;
  improved: number;
}

/**
 * Runs `search` on the reduced form of `count` seeded problems and fails on a bound above brute
 * force's optimum, an illegal partition or a price that is not the checker's.
 */
function tallySearch(nesting: NestingModel, seed: number, search: (small: PartitionProblem) => SearchResult): Tally {
  const rand = rng(seed);
  const tally = { count: 400, feasible: 0, found: 0, optimalFound: 0, boundMet: 0, improved: 0 };
  for (let k = 0; k < tally.count; k++) {
    const problem = randomProblem(rand, nesting, shape);
    const expected = bruteForce(problem);
    const result = search(reduceProblem(problem).problem);
    const where = `instance ${k}: ${JSON.stringify(problem)}`;
    if (Number.isFinite(expected.cost)) {
      tally.feasible++;
      if (result.lowerBound > expected.cost + 1e-6 * Math.max(1, Math.abs(expected.cost))) {
        throw new Error(`${where}: bound ${result.lowerBound} above the optimum ${expected.cost}`);
      }
      if (close(result.lowerBound, expected.cost)) tally.boundMet++;
    }
    if (!result.best) continue;
    tally.found++;
    const check = checkPartition(problem, result.best.migrate);
    expect({ where, violations: check.violations }).toEqual({ where, violations: [] });
    expect(close(result.best.cost, check.cost)).toBe(true);
    if (close(check.cost, expected.cost)) tally.optimalFound++;
    if (check.cost < check.deviceOnlyCost - 1e-9) tally.improved++;
  }
  return tally;
}

it('dynamic nesting: bounds the optimum from below and keeps only legal partitions', () => {
  const far = performance.now() + 60_000;
  const t = tallySearch('dynamic', 4242, (small) => searchDynamic(small, { boundDeadline: far, deadline: far }));
  // The search must do real work: legal answers for nearly every problem that has one, mostly
  // optimal, and bounds that often prove them.
  expect(t.found).toBeGreaterThan(0.9 * t.feasible);
  expect(t.optimalFound).toBeGreaterThan(0.8 * t.found);
  expect(t.boundMet).toBeGreaterThan(0.3 * t.count);
  expect(t.improved).toBeGreaterThan(0.2 * t.count);
});

it('dynamic nesting: the same with a random partition carried in as the first incumbent', () => {
  const far = performance.now() + 60_000;
  const rand = rng(4343);
  const t = tallySearch('dynamic', 4343, (small) => {
    const incumbent = small.candidates.filter(() => rand() < 0.3);
    return searchDynamic(small, { boundDeadline: far, deadline: far, incumbent });
  });
  expect(t.found).toBeGreaterThan(0.9 * t.feasible);
  expect(t.optimalFound).toBeGreaterThan(0.8 * t.found);
  expect(t.boundMet).toBeGreaterThan(0.3 * t.count);
});

it('takes only reduced problems, where no pinned context is left to keep off the clone', () => {
  const problem = randomProblem(rng(7), 'dynamic', shape);
  problem.pinned = [problem.contexts[0]!.method];
  const far = performance.now() + 1000;
  expect(() => searchDynamic(problem, { boundDeadline: far, deadline: far })).toThrow(/reduced problem/);
});

it('static nesting: bounds the optimum from below and keeps only legal partitions', () => {
  const t = tallySearch('static', 515, (small) => searchStatic(small, buildModel(small)));
  expect(t.found).toBeGreaterThan(0.9 * t.feasible);
  expect(t.optimalFound).toBeGreaterThan(0.8 * t.found);
  expect(t.improved).toBeGreaterThan(0.2 * t.count);
});
