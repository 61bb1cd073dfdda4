/**
 * The static-nesting rows (static-nesting.ts): linear in the call graph and the tree, where the
 * pairs they replace were quadratic, and the same optimum as brute force over the pairs' rule
 * (the checker's) on random problems with dense call graphs, cycles, and profiles that saw
 * calls the call graph lacks.
 */
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { buildModel, checkPartition, solvePartition } from '../../src/solver/index.js';
import { exactStaticAnswer } from '../../src/solver/static-antichain.js';
import { condense } from '../../src/util/reach.js';
import { bruteForce, rng } from './random-problems.js';

/** A chain of `n` methods, each calling the next, and one context path through them. */
function chain(n: number, inReach: boolean): PartitionProblem {
  const methods = Array.from({ length: n }, (_, k) => `f${String(k).padStart(4, '0')}`);
  const contexts: ProblemContext[] = methods.map((method, i) => ({
    parent: i - 1,
    method,
    deviceCost: 10 + (i % 7),
    cloneCost: 1,
    migrationCost: 5 + (i % 11),
  }));
  const edges = methods.slice(1).map((to, k) => ({ from: methods[k]!, to }));
  return { contexts, candidates: methods, pinned: [], groups: [], nesting: 'static', ...(inReach ? { reach: condense(methods, edges) } : {}) };
}

it('writes rows linear in the chain, where the pairs were n(n-1)/2', () => {
  for (const inReach of [true, false]) {
    const n = 300;
    const model = buildModel(chain(n, inReach));
    // Pairs: 44850 rows. Now at most two per method or context, and as many continuous helpers.
    expect(model.rows.length).toBeLessThanOrEqual(2 * n);
    expect(model.vars.length).toBeLessThanOrEqual(2 * n);
  }
});

it('solves the chain to the single best method, as the rule allows only one', async () => {
  const problem = chain(60, true);
  const s = await solvePartition(problem, { timeLimitSec: 20, mipGap: 0 });
  expect(s.optimal).toBe(true);
  expect(s.migrate).toHaveLength(1);
  expect(checkPartition(problem, s.migrate).violations).toEqual([]);
});

/** Random problems with a dense call graph (cycles, methods outside the tree) and deep trees. */
function denseProblem(rand: () => number): PartitionProblem {
  const int = (n: number): number => Math.floor(rand() * n);
  const methods = Array.from({ length: 2 + int(9) }, (_, k) => `m${k}`);
  const contexts: ProblemContext[] = [];
  const n = 2 + int(30);
  for (let i = 0; i < n; i++) {
    contexts.push({
      parent: i === 0 || rand() < 0.1 ? -1 : Math.max(0, i - 1 - int(3)),
      method: methods[int(methods.length)]!,
      deviceCost: int(40),
      cloneCost: int(20),
      migrationCost: int(30),
    });
  }
  const edges: { from: string; to: string }[] = [];
  const names = [...methods, 'x0', 'x1', 'x2'];
  // Often the profile's own calls (as the analysis would see them), plus random ones.
  if (rand() < 0.6) for (const c of contexts) if (c.parent >= 0 && rand() < 0.8) edges.push({ from: contexts[c.parent]!.method, to: c.method });
  for (let k = int(12); k > 0; k--) edges.push({ from: names[int(names.length)]!, to: names[int(names.length)]! });
  const problem: PartitionProblem = {
    contexts,
    candidates: methods.filter(() => rand() < 0.85),
    pinned: methods.filter(() => rand() < 0.05),
    groups: rand() < 0.2 ? [[methods[int(methods.length)]!, methods[int(methods.length)]!]] : [],
    nesting: 'static',
  };
  if (rand() < 0.85) problem.reach = condense([], edges);
  return problem;
}

it('matches brute force on 400 random problems with dense call graphs and deep trees', async () => {
  const rand = rng(15);
  let constrained = 0;
  for (let k = 0; k < 400; k++) {
    const problem = denseProblem(rand);
    const expected = bruteForce(problem);
    for (const reduce of [true, false]) {
      const s = await solvePartition(problem, { timeLimitSec: 20, mipGap: 0, reduce });
      const check = checkPartition(problem, s.migrate);
      if (Math.abs(s.cost - expected.cost) > 1e-6 * Math.max(1, Math.abs(expected.cost)) || check.violations.length > 0) {
        throw new Error(`instance ${k} (reduce ${reduce}): ${JSON.stringify(problem)} -> ${JSON.stringify(s.migrate)} at ${s.cost}, brute force ${JSON.stringify(expected)}`);
      }
      expect(s.optimal).toBe(true);
    }
    if (expected.illegal > 0) constrained++;
  }
  expect(constrained).toBeGreaterThan(200);
});

it('builds the same model twice', () => {
  const rand = rng(3);
  for (let k = 0; k < 50; k++) {
    const problem = denseProblem(rand);
    expect(JSON.stringify(buildModel(problem))).toBe(JSON.stringify(buildModel(structuredClone(problem))));
  }
});

describe('the exact answer when the rule is a partial order (static-antichain.ts)', () => {
  /** denseProblem's kind, with every profile call in the call graph and no groups or budget. */
  function posetProblem(rand: () => number): PartitionProblem {
    const problem = denseProblem(rand);
    const edges = problem.contexts.filter((c) => c.parent >= 0).map((c) => ({ from: problem.contexts[c.parent]!.method, to: c.method }));
    for (let k = Math.floor(rand() * 6); k > 0; k--) edges.push({ from: `m${Math.floor(rand() * 10)}`, to: `m${Math.floor(rand() * 10)}` });
    return { ...problem, groups: [], reach: condense([], edges) };
  }

  it('is the brute-force optimum, legal, whenever it answers, and answers on most', () => {
    const rand = rng(21);
    let answered = 0;
    for (let k = 0; k < 400; k++) {
      const problem = posetProblem(rand);
      const exact = exactStaticAnswer(problem, buildModel(problem));
      if (!exact) continue;
      answered++;
      const expected = bruteForce(problem);
      const check = checkPartition(problem, exact.migrate);
      if (Math.abs(exact.cost - expected.cost) > 1e-6 * Math.max(1, Math.abs(expected.cost)) || check.violations.length > 0) {
        throw new Error(`instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(exact)}, brute force ${JSON.stringify(expected)}; ${check.violations.join(' ')}`);
      }
      expect(exact.cost).toBeCloseTo(check.cost, 9);
    }
    expect(answered).toBeGreaterThan(300);
  });

  it('declines groups, budgets and tree links the call graph lacks', () => {
    const rand = rng(22);
    const problem = posetProblem(rand);
    expect(exactStaticAnswer({ ...problem, groups: [['m0', 'm1']] }, buildModel({ ...problem, groups: [['m0', 'm1']] }))).toBeUndefined();
    const lacking = chain(20, false);
    expect(exactStaticAnswer({ ...lacking, reach: condense([], []) }, buildModel({ ...lacking, reach: condense([], []) }))).toBeUndefined();
  });

  it('solves the chain exactly through the solver, before GLPK', async () => {
    const problem = chain(300, true);
    const steps: string[] = [];
    const s = await solvePartition(problem, { timeLimitSec: 20, mipGap: 0, trace: (step) => steps.push(step) });
    expect(s.optimal).toBe(true);
    expect(steps).toContain('antichain');
    expect(steps).not.toContain('glpk');
  });
});
