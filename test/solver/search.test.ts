/**
 * The searches that run beside GLPK (dynamic: Lagrangian bound, rounding, single changes;
 * static: greedy independent set and two bounds) against the checker and brute force on seeded
 * random problems: their prices are the checker's, their bounds never exceed the optimum, and
 * what they keep is legal.
 */
import { buildModel, checkPartition, reduceProblem } from '../../src/solver/index.js';
import { compactTree, costOf, namesOf } from '../../src/solver/compact.js';
import { searchDynamic } from '../../src/solver/dynamic-search.js';
import { changeCosts } from '../../src/solver/local-search.js';
import { searchStatic } from '../../src/solver/static-search.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const shape = { maxContexts: 30, maxMethods: 8, groupChance: 0.3, budgetChance: 0.3 };
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

it('prices every set of migration points as the checker does, and every single change exactly', () => {
  const rand = rng(99);
  let changes = 0;
  for (let k = 0; k < 300; k++) {
    const problem = reduceProblem(randomProblem(rand, 'dynamic', shape)).problem;
    const tree = compactTree(problem);
    for (let trial = 0; trial < 5; trial++) {
      const chosen = Uint8Array.from(tree.methods, () => (rand() < 0.4 ? 1 : 0));
      const cost = costOf(tree, chosen);
      expect(close(cost, checkPartition(problem, namesOf(tree, chosen)).cost)).toBe(true);
      const delta = changeCosts(tree, chosen);
      tree.methods.forEach((_, m) => {
        const flipped = chosen.slice();
        flipped[m] = 1 - flipped[m]!;
        expect(close(cost + delta[m]!, costOf(tree, flipped))).toBe(true);
        changes++;
      });
    }
  }
  expect(changes).toBeGreaterThan(1000);
});

it('bounds the optimum from below and keeps only legal partitions', () => {
  const rand = rng(4242);
  let found = 0;
  let optimalFound = 0;
  let boundMet = 0;
  const count = 400;
  for (let k = 0; k < count; k++) {
    const problem = randomProblem(rand, 'dynamic', shape);
    const expected = bruteForce(problem);
    const small = reduceProblem(problem).problem;
    const far = performance.now() + 60_000;
    const result = searchDynamic(small, { boundDeadline: far, deadline: far });
    const where = `instance ${k}: ${JSON.stringify(problem)}`;
    if (Number.isFinite(expected.cost) && result.lowerBound > expected.cost + 1e-6 * Math.max(1, Math.abs(expected.cost))) {
      throw new Error(`${where}: bound ${result.lowerBound} above the optimum ${expected.cost}`);
    }
    if (!result.best) continue;
    found++;
    const check = checkPartition(problem, result.best.migrate);
    expect({ where, violations: check.violations }).toEqual({ where, violations: [] });
    expect(close(result.best.cost, check.cost)).toBe(true);
    if (close(check.cost, expected.cost)) optimalFound++;
    if (close(result.lowerBound, expected.cost)) boundMet++;
  }
  // The search must do real work: legal answers nearly always, mostly optimal ones, and bounds
  // that often prove them.
  expect(found).toBeGreaterThan(0.8 * count);
  expect(optimalFound).toBeGreaterThan(0.8 * found);
  expect(boundMet).toBeGreaterThan(0.3 * count);
});

it('takes only reduced problems, where no pinned context is left to keep off the clone', () => {
  const problem = randomProblem(rng(7), 'dynamic', shape);
  problem.pinned = [problem.contexts[0]!.method];
  const far = performance.now() + 1000;
  expect(() => searchDynamic(problem, { boundDeadline: far, deadline: far })).toThrow(/reduced problem/);
});

it('static nesting: bounds the optimum from below and keeps only legal partitions', () => {
  const rand = rng(515);
  let found = 0;
  let feasible = 0;
  let improved = 0;
  let optimalFound = 0;
  const count = 400;
  for (let k = 0; k < count; k++) {
    const problem = randomProblem(rand, 'static', shape);
    const expected = bruteForce(problem);
    const small = reduceProblem(problem).problem;
    const result = searchStatic(small, buildModel(small));
    if (Number.isFinite(expected.cost)) feasible++;
    const where = `instance ${k}: ${JSON.stringify(problem)}`;
    if (Number.isFinite(expected.cost) && result.lowerBound > expected.cost + 1e-6 * Math.max(1, Math.abs(expected.cost))) {
      throw new Error(`${where}: bound ${result.lowerBound} above the optimum ${expected.cost}`);
    }
    if (!result.best) continue;
    found++;
    const check = checkPartition(problem, result.best.migrate);
    expect({ where, violations: check.violations }).toEqual({ where, violations: [] });
    expect(close(result.best.cost, check.cost)).toBe(true);
    if (check.cost < check.deviceOnlyCost - 1e-9) improved++;
    if (close(check.cost, expected.cost)) optimalFound++;
  }
  // Legal answers for nearly every problem that has one, mostly optimal, often beating all-device.
  expect(found).toBeGreaterThan(0.9 * feasible);
  expect(optimalFound).toBeGreaterThan(0.8 * found);
  expect(improved).toBeGreaterThan(0.2 * count);
});
