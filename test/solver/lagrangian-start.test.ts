/**
 * A fresh Lagrangian search's start (lagrangian-start.ts): the flat dual prices every method's
 * contexts to a zero sum, zeroBound is the bound the steps give at λ = 0, and a fresh search
 * reports at least that bound and never more than brute force's optimum; where the flat start
 * is the wrong guess (the adversarial bench tree), the steps still climb well above λ = 0's.
 */
import { generateProblem } from '../bench/solver/generate.mjs';
import { compactTree } from '../../src/solver/compact.js';
import { reduceProblem } from '../../src/solver/index.js';
import { lagrangianSearch } from '../../src/solver/lagrangian.js';
import { FLAT_SHARE, flatStart, zeroBound } from '../../src/solver/lagrangian-start.js';
import { legalizer } from '../../src/solver/legalize.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const shape = { maxContexts: 30, maxMethods: 8, groupChance: 0.3 };

function* reducedTrees(seed: number, count: number) {
  const rand = rng(seed);
  for (let k = 0; k < count; k++) {
    const problem = randomProblem(rand, 'dynamic', shape);
    const small = reduceProblem(problem).problem;
    yield { problem, small, tree: compactTree(small) };
  }
}

it('the flat start sums to zero over each method, and prices every copy of a method alike', () => {
  let methods = 0;
  for (const { tree } of reducedTrees(31, 300)) {
    const lambda = flatStart(tree);
    const sum = new Float64Array(tree.methods.length);
    const scale = new Float64Array(tree.methods.length);
    const price = new Map<number, number>();
    for (let i = 0; i < tree.size; i++) {
      const k = tree.method[i]!;
      if (k < 0) {
        expect(lambda[i]).toBe(0);
        continue;
      }
      sum[k]! += lambda[i]!;
      scale[k]! += Math.abs(lambda[i]!) + Math.abs(tree.weight[i]!);
      // A share of the flat dual: w + λ / share is the method's mean weight, the same for all its contexts.
      const p = tree.weight[i]! + lambda[i]! / FLAT_SHARE;
      const seen = price.get(k);
      if (seen === undefined) price.set(k, p);
      else expect(Math.abs(seen - p)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale[k]!));
    }
    sum.forEach((s, k) => expect(Math.abs(s)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale[k]!)));
    methods += tree.methods.length;
  }
  expect(methods).toBeGreaterThan(300);
});

it('zeroBound is the steps\' bound at λ = 0, and a fresh search reports at least it and at most the optimum', () => {
  let raised = 0;
  let compared = 0;
  let room = 0;
  for (const { problem, small, tree } of reducedTrees(77, 300)) {
    if (tree.methods.length === 0) continue;
    const legalize = legalizer(small, tree);
    const expected = bruteForce(problem).cost;
    if (!Number.isFinite(expected)) continue;
    const slack = 1e-9 * Math.max(1, Math.abs(expected));
    const zero = zeroBound(tree, tree.method);
    const atZero = lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 1, legalize, start: new Float64Array(tree.size) });
    expect(Math.abs(atZero.lowerBound - zero)).toBeLessThanOrEqual(slack);
    const fresh = lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 200, legalize });
    expect(fresh.lowerBound).toBeGreaterThanOrEqual(zero - slack);
    expect(fresh.lowerBound).toBeLessThanOrEqual(expected + slack);
    compared++;
    if (zero >= expected - slack) continue;
    room++;
    if (fresh.lowerBound > zero + slack) raised++;
  }
  expect(compared).toBeGreaterThan(100);
  // Where λ = 0's bound is below the optimum, the steps from the flat start raise it on most.
  expect(room).toBeGreaterThan(10);
  expect(raised).toBeGreaterThan(0.5 * room);
});

it('on the adversarial bench tree the steps climb above λ = 0\'s bound (the flat start gives way to λ = 0 there)', () => {
  const { problem } = generateProblem({ contexts: 10_000, methods: 1000, kind: 'adversarial', nesting: 'dynamic', seed: 1 });
  const small = reduceProblem(problem).problem;
  const tree = compactTree(small);
  const zero = zeroBound(tree, tree.method);
  const fresh = lagrangianSearch(tree, { deadline: Infinity, stop: () => false, maxSteps: 300, legalize: legalizer(small, tree) });
  // Before: the step size halved to nothing and the bound stayed λ = 0's (9.4% below the optimum there).
  expect(fresh.lowerBound).toBeGreaterThan(zero + 0.05 * Math.abs(zero));
  expect(fresh.lowerBound).toBeLessThanOrEqual(fresh.cost + 1e-9 * Math.abs(fresh.cost));
});
