/**
 * Fixing methods by the Lagrangian bound, and the problem over the methods left free
 * (fixing.ts), against brute force on seeded random problems: the residual problem prices
 * every partition exactly as the whole problem does with the fixed methods added, no fixing
 * ever excludes a partition as cheap as the incumbent, and the residual's optimum with the
 * methods fixed on is the whole problem's optimum.
 */
import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, reduceProblem } from '../../src/solver/index.js';
import { compactTree, costTolerance, namesOf, type CompactTree } from '../../src/solver/compact.js';
import { searchDynamic } from '../../src/solver/dynamic-search.js';
import { fixByBound, residualProblem } from '../../src/solver/fixing.js';
import { lagrangianSearch, type Prices } from '../../src/solver/lagrangian.js';
import { legalizer } from '../../src/solver/legalize.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const shape = { maxContexts: 30, maxMethods: 8, groupChance: 0.4 };
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A reduced random dynamic problem without a budget, with at least one candidate in its tree. */
function reducedProblem(rand: () => number): PartitionProblem {
  for (;;) {
    const small = reduceProblem(randomProblem(rand, 'dynamic', shape)).problem;
    if (compactTree(small).methods.length > 0) return small;
  }
}

it('prices every partition of the free methods as the whole problem does with the methods fixed on', () => {
  const rand = rng(31);
  let compared = 0;
  let foldedSome = 0;
  // 600: the reductions leave fewer free methods and subtrees since methods that always win fold theirs.
  for (let k = 0; k < 600; k++) {
    const small = reducedProblem(rand);
    const tree = compactTree(small);
    const fixings = Int8Array.from(tree.methods, () => (rand() < 0.5 ? -1 : rand() < 0.6 ? 0 : 1));
    const { problem: residual, fixedOn } = residualProblem(small, tree, fixings);
    if (residual.contexts.length < small.contexts.length) foldedSome++;
    const free = residual.candidates;
    for (let mask = 0; mask < 1 << free.length; mask++) {
      const chosen = free.filter((_, j) => mask & (1 << j));
      const part = checkPartition(residual, chosen);
      const whole = checkPartition(small, [...chosen, ...fixedOn]);
      const where = `instance ${k} ${JSON.stringify(small)} with ${chosen} + ${fixedOn}`;
      expect({ where, legal: part.violations.length === 0 }).toEqual({ where, legal: whole.violations.length === 0 });
      expect({ where, close: close(part.cost, whole.cost) }).toEqual({ where, close: true });
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(1000);
  expect(foldedSome).toBeGreaterThan(50);
});

/** Every legal set of the tree's methods with its cost. */
function legalSets(small: PartitionProblem): { chosen: Uint8Array; cost: number }[] {
  const tree = compactTree(small);
  const out: { chosen: Uint8Array; cost: number }[] = [];
  for (let mask = 0; mask < 1 << tree.methods.length; mask++) {
    const chosen = Uint8Array.from(tree.methods, (_, j) => ((mask >> j) & 1) as 0 | 1);
    const check = checkPartition(small, namesOf(tree, chosen));
    if (check.violations.length === 0) out.push({ chosen, cost: check.cost });
  }
  return out;
}

it('never fixes a method against a partition as cheap as the incumbent, whatever the prices', () => {
  const rand = rng(57);
  let fixed = 0;
  for (let k = 0; k < 300; k++) {
    const small = reducedProblem(rand);
    const tree = compactTree(small);
    const sets = legalSets(small);
    const incumbent = sets[Math.floor(rand() * sets.length)]!;
    // Prices from the bound's own ascent, or at random: either way its bound is a bound.
    let prices: Prices;
    if (rand() < 0.5) {
      prices = lagrangianSearch(tree, { deadline: performance.now() + 1000, stop: () => false, maxSteps: 200, legalize: legalizer(small, tree) }).prices;
    } else {
      prices = { lambda: Float64Array.from({ length: tree.size }, () => 20 * (rand() - 0.5)), nu: new Float64Array(tree.size) };
      // A price μ on each row L[c] = L[first] of a group: c pays μ on the clone, first pays −μ.
      for (const [first, ...rest] of tree.components) {
        for (const i of rest) {
          const mu = 10 * (rand() - 0.5);
          prices.nu[i]! += mu;
          prices.nu[first!]! -= mu;
        }
      }
    }
    const fixings = fixByBound(tree, prices, incumbent.chosen, incumbent.cost);
    fixings.forEach((value, m) => {
      if (value < 0) return;
      fixed++;
      expect(value).toBe(incumbent.chosen[m]);
      const excluded = sets.filter((s) => s.chosen[m] !== value);
      const cheapest = Math.min(...excluded.map((s) => s.cost));
      expect({ instance: k, method: m, excludedAbove: cheapest > incumbent.cost }).toEqual({ instance: k, method: m, excludedAbove: true });
    });
  }
  expect(fixed).toBeGreaterThan(100);
});

/**
 * The bound with method `m` forced to `value` (R[m] and all its copies), by a whole bottom-up
 * pass: what fixByBound's walk up from m's contexts computes, the plain way.
 */
function forcedBound(tree: CompactTree, prices: Prices, off: Uint8Array, m: number, value: number): number {
  const { lambda, nu } = prices;
  const method = tree.method.map((k) => (k >= 0 && off[k] ? -1 : k));
  const lambdaSum = new Float64Array(tree.methods.length);
  method.forEach((k, i) => {
    if (k >= 0) lambdaSum[k]! += lambda[i]!;
  });
  let bound = tree.constant;
  lambdaSum.forEach((sum, k) => (bound += k === m ? -value * sum : Math.min(0, -sum)));
  const coveredSum = new Float64Array(tree.size);
  const uncoveredSum = new Float64Array(tree.size);
  for (let i = tree.size - 1; i >= 0; i--) {
    const k = method[i]!;
    const here = nu[i]! + tree.weight[i]! + lambda[i]! + coveredSum[i]!;
    let covered = nu[i]! + coveredSum[i]!;
    let uncovered = uncoveredSum[i]!;
    if (k === m) {
      covered += value * lambda[i]!;
      if (value) uncovered = here;
    } else if (k >= 0) {
      covered += Math.min(0, lambda[i]!);
      uncovered = Math.min(here, uncovered);
    }
    const p = tree.parent[i]!;
    if (p >= 0) {
      coveredSum[p]! += covered;
      uncoveredSum[p]! += uncovered;
    } else {
      bound += uncovered;
    }
  }
  return bound;
}

it('fixes exactly the methods whose forced bound exceeds the incumbent (the ceiling that spares walks skips none of them)', () => {
  const rand = rng(91);
  let fixed = 0;
  let free = 0;
  for (let k = 0; k < 600; k++) {
    const small = reducedProblem(rand);
    const tree = compactTree(small);
    const m = tree.methods.length;
    const incumbent = Uint8Array.from(tree.methods, () => (rand() < 0.4 ? 1 : 0));
    const off = Uint8Array.from(tree.methods, (_, j) => (incumbent[j] === 0 && rand() < 0.2 ? 1 : 0));
    const prices: Prices =
      rand() < 0.5
        ? lagrangianSearch(tree, { deadline: performance.now() + 1000, stop: () => false, maxSteps: 1 + Math.floor(rand() * 100), legalize: legalizer(small, tree), off }).prices
        : { lambda: Float64Array.from({ length: tree.size }, () => 20 * (rand() - 0.5)), nu: new Float64Array(tree.size) };
    // A method fixed off already has no copies left: its forced bound is the bound itself.
    const forced = Array.from({ length: m }, (_, j) => forcedBound(tree, prices, off, j, 1 - incumbent[j]!));
    // The cost to beat: between the forced bounds, so that some methods are fixed and some not.
    const sorted = [...forced].sort((a, b) => a - b);
    const upper = sorted[Math.floor(rand() * sorted.length)]! - (rand() < 0.5 ? 1e-3 : 0);
    const fixings = fixByBound(tree, prices, incumbent, upper, off);
    const margin = upper + costTolerance(tree);
    for (let j = 0; j < m; j++) {
      const expected = forced[j]! > margin ? incumbent[j]! : -1;
      expect({ instance: k, method: j, fixing: fixings[j] }).toEqual({ instance: k, method: j, fixing: expected });
      if (expected >= 0) fixed++;
      else free++;
    }
  }
  expect(fixed).toBeGreaterThan(200);
  expect(free).toBeGreaterThan(200);
});

it("the search's residual problem has the whole problem's optimum, with the methods fixed on", () => {
  const rand = rng(2024);
  let residuals = 0;
  for (let k = 0; k < 1000; k++) {
    const problem = randomProblem(rand, 'dynamic', shape);
    delete problem.budget;
    const expected = bruteForce(problem);
    const far = performance.now() + 60_000;
    const small = reduceProblem(problem).problem;
    // Cut the bound's ascent short now and then, so that gaps stay open and fixing has work.
    let polls = 0;
    const steps = rand() < 0.5 ? Infinity : 1 + Math.floor(rand() * 40);
    const { residual } = searchDynamic(small, { boundDeadline: far, deadline: far, stop: () => ++polls > steps });
    if (!residual) continue;
    residuals++;
    expect(residual.problem.candidates.length).toBeLessThan(small.candidates.length);
    const inner = bruteForce(residual.problem);
    const check = checkPartition(problem, [...inner.migrate, ...residual.fixedOn]);
    expect({ instance: k, violations: check.violations }).toEqual({ instance: k, violations: [] });
    expect({ instance: k, optimal: close(check.cost, expected.cost) }).toEqual({ instance: k, optimal: true });
  }
  expect(residuals).toBeGreaterThan(25);
});
