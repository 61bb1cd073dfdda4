/**
 * The search hands GLPK the smaller problem its bound leaves (fixing.ts), and the answer that
 * comes back through it is the optimum: on the solver bench's realistic 10k-context tree, its
 * cost equals GLPK's own proven optimum of the whole reduced model.
 */
import { generateProblem } from '../bench/solver/generate.mjs';
import { checkPartition, reduceProblem, solvePartition } from '../../src/solver/index.js';
import { searchDynamic } from '../../src/solver/dynamic-search.js';
import { flatten, solveInThread } from '../../src/solver/glpk-thread.js';
import { buildValidModel } from '../../src/solver/ilp.js';

const { problem } = generateProblem({ contexts: 10_000, methods: 1000, kind: 'realistic', nesting: 'dynamic', seed: 1 });
const small = reduceProblem(problem).problem;

it('fixes methods by the bound and leaves a problem with fewer candidates', () => {
  const far = performance.now() + 60_000;
  const { residual, lowerBound, best } = searchDynamic(small, { boundDeadline: far, deadline: far });
  expect(best!.cost - lowerBound).toBeGreaterThan(1e-6); // the bound alone does not prove it
  expect(residual).toBeDefined();
  expect(residual!.problem.candidates.length).toBeLessThan(small.candidates.length);
  expect(residual!.problem.contexts.length).toBeLessThanOrEqual(small.contexts.length);
  // The best partition carried down: legal in the residual, at the same cost, and with the
  // methods fixed on, the same partition of the searched problem.
  const carried = checkPartition(residual!.problem, residual!.incumbent);
  expect(carried.violations).toEqual([]);
  expect(Math.abs(carried.cost - best!.cost)).toBeLessThan(1e-9 * carried.deviceOnlyCost);
  expect([...residual!.incumbent, ...residual!.fixedOn].sort()).toEqual([...best!.migrate].sort());
});

it('starts from a carried partition: its cost is an upper bound the search keeps or beats', () => {
  const far = performance.now() + 60_000;
  const first = searchDynamic(small, { boundDeadline: far, deadline: far, maxSteps: 101 });
  const again = searchDynamic(small, { boundDeadline: far, deadline: far, maxSteps: 1, incumbent: first.best!.migrate });
  expect(again.best!.cost).toBeLessThanOrEqual(first.best!.cost + 1e-9 * first.best!.cost);
  expect(again.lowerBound).toBeLessThanOrEqual(again.best!.cost);
  expect(checkPartition(small, again.best!.migrate).violations).toEqual([]);
});

it("proves the optimum that GLPK proves on the whole model", async () => {
  const model = buildValidModel(small);
  const glpk = await solveInThread(flatten(model, true), { tmlim: 100, mipgap: 0, presol: true }, performance.now() + 110_000).result;
  expect(glpk?.status).toBe(5); // GLP_OPT
  const s = await solvePartition(problem, { timeLimitSec: 60, mipGap: 0 });
  expect(s.optimal).toBe(true);
  expect(checkPartition(problem, s.migrate).violations).toEqual([]);
  expect(Math.abs(s.cost - (glpk!.z + model.constant))).toBeLessThan(1e-6 * s.deviceOnlyCost);
}, 120_000);

it('a search that hands over after its first checkpoint is not raced by GLPK on the whole model, and proves the same optimum', async () => {
  // Its first 100 steps fix too little to hand over; GLPK used to be given the whole model then,
  // beside a search that started again and handed over a little later (GLPK's work thrown away).
  const { problem: hard } = generateProblem({ contexts: 1500, methods: 150, kind: 'adversarial', nesting: 'dynamic', seed: 3 });
  const steps: string[] = [];
  const s = await solvePartition(hard, { timeLimitSec: 60, mipGap: 0, searchFirst: true, trace: (step) => steps.push(step) });
  const outer = steps.filter((step) => !step.startsWith('residual') && !step.startsWith('ties'));
  expect(outer).toEqual(['all-device check', 'reduce', 'model', 'search first', 'glpk', 'finish']); // 'model' here only counts its size
  expect(steps.some((step) => step.startsWith('residual'))).toBe(true);
  expect(s.optimal).toBe(true);
  const reduced = reduceProblem(hard).problem;
  const model = buildValidModel(reduced);
  const glpk = await solveInThread(flatten(model, true), { tmlim: 60, mipgap: 0, presol: true }, performance.now() + 70_000).result;
  expect(glpk?.status).toBe(5); // GLP_OPT
  expect(Math.abs(s.cost - (glpk!.z + model.constant))).toBeLessThan(1e-6 * s.deviceOnlyCost);
}, 120_000);
