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
