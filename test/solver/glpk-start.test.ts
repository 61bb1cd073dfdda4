/**
 * GLPK started at a point (src/solver/glpk-start.ts): the model with some [0, 1] columns
 * complemented is the same model, so GLPK gives the same optimum, read back in the original
 * columns, as brute force over the 0/1 points says (MIPs) and as the plain model says (LPs);
 * and the top form's point of a partition (ilp-top.ts topModelPoint), where the relaxation
 * starts, meets the rows and costs what the checker says.
 */
import { expect, it } from '@jest/globals';
import type { FlatModel } from '../../src/solver/glpk-thread.js';
import { GLP_NOFEAS, GLP_OPT, copyFlat, flatten, solveInThread } from '../../src/solver/glpk-thread.js';
import { checkPartition, reduceProblem } from '../../src/solver/index.js';
import { buildTopModel, topModelFits, topModelPoint } from '../../src/solver/ilp-top.js';
import { randomProblem, randomProgram, rng } from './random-problems.js';

const options = { tmlim: 30, mipgap: 0, presol: true };
const solve = async (model: FlatModel, start?: Float64Array) => (await solveInThread(copyFlat(model), options, performance.now() + 30_000, start).result)!;

/** The cheapest 0/1 point of `model` within its bounds that meets its rows (Infinity: none). */
function cheapest(model: FlatModel): number {
  const n = model.cost.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    const x = Array.from({ length: n }, (_, j) => (mask >> j) & 1);
    if (x.some((v, j) => v < model.lo[j]! || v > model.hi[j]!)) continue;
    if (meets(model, x)) best = Math.min(best, x.reduce((s, v, j) => s + v * model.cost[j]!, 0));
  }
  return best;
}

function meets(model: FlatModel, x: ArrayLike<number>): boolean {
  for (let r = 0; r + 1 < model.rowStart.length; r++) {
    let sum = 0;
    for (let k = model.rowStart[r]!; k < model.rowStart[r + 1]!; k++) sum += model.rowCoef[k]! * x[model.rowColumn[k]!]!;
    const rhs = model.rowRhs[r]!;
    const ok = model.rowSense[r] === 0 ? sum >= rhs - 1e-9 : model.rowSense[r] === 1 ? sum <= rhs + 1e-9 : Math.abs(sum - rhs) <= 1e-9;
    if (!ok) return false;
  }
  return true;
}

it('a MIP started at any point has the brute-force optimum, its answer a 0/1 point of the original columns', async () => {
  const rand = rng(47);
  let optimal = 0;
  let flipped = 0;
  let infeasible = 0;
  for (let k = 0; k < 300; k++) {
    const model = randomProgram(rand, 2 + Math.floor(rand() * 7), { someFixed: true });
    const start = Float64Array.from(model.cost, () => rand());
    flipped += start.filter((v, j) => v > 0.5 && model.lo[j] === 0 && model.hi[j] === 1).length;
    const expected = cheapest(model);
    const r = await solve(model, start);
    if (expected === Infinity) {
      // GLPK says so as it does without the start (no feasible point, or none found: its presolver's status).
      expect(r.status).not.toBe(GLP_OPT);
      expect(r.status).toBe((await solve(model)).status);
      infeasible += r.status === GLP_NOFEAS ? 1 : 0;
      continue;
    }
    optimal++;
    expect(r.status).toBe(GLP_OPT);
    expect(r.z).toBeCloseTo(expected, 9);
    expect(r.values.every((v, j) => (v === 0 || v === 1) && v >= model.lo[j]! && v <= model.hi[j]!)).toBe(true);
    expect(meets(model, r.values)).toBe(true);
    expect(r.values.reduce((s, v, j) => s + v * model.cost[j]!, 0)).toBeCloseTo(expected, 9);
  }
  expect(optimal).toBeGreaterThan(100);
  expect(flipped).toBeGreaterThan(300);
  expect(infeasible).toBeGreaterThan(5);
}, 120_000);

it('an LP started at any point has the plain LP\'s value, a point meeting its rows, and duals bounding it as the plain one\'s do', async () => {
  const rand = rng(4747);
  let optimal = 0;
  for (let k = 0; k < 300; k++) {
    const model = randomProgram(rand, 2 + Math.floor(rand() * 7), { integral: false, someFixed: true });
    const plain = await solve(model);
    const started = await solve(model, Float64Array.from(model.cost, () => rand()));
    expect(started.status).toBe(plain.status);
    if (plain.status !== GLP_OPT) continue;
    optimal++;
    expect(started.z).toBeCloseTo(plain.z, 9);
    expect(meets(model, started.values)).toBe(true);
    expect(started.values.every((v, j) => v >= model.lo[j]! - 1e-9 && v <= model.hi[j]! + 1e-9)).toBe(true);
    // Strong duality on the original model: bᵀy + Σ_j min(d_j lo_j, d_j hi_j) = z, d = c − Aᵀy.
    const d = Float64Array.from(model.cost);
    let z = 0;
    for (let r = 0; r + 1 < model.rowStart.length; r++) {
      const y = started.dual![r]!;
      z += y * model.rowRhs[r]!;
      for (let i = model.rowStart[r]!; i < model.rowStart[r + 1]!; i++) d[model.rowColumn[i]!]! -= y * model.rowCoef[i]!;
    }
    d.forEach((dj, j) => (z += Math.min(dj * model.lo[j]!, dj * model.hi[j]!)));
    expect(z).toBeCloseTo(plain.z, 6);
  }
  expect(optimal).toBeGreaterThan(100);
}, 120_000);

it('the top form at a legal partition meets its rows and costs what the checker says', () => {
  const rand = rng(4711);
  let points = 0;
  for (let k = 0; k < 3000; k++) {
    const problem = reduceProblem(randomProblem(rand, 'dynamic', { maxContexts: 30, maxMethods: 9, groupChance: 0, coarse: rand() < 0.5 })).problem;
    if (problem.candidates.length === 0 || !topModelFits(problem)) continue;
    const model = buildTopModel(problem)!;
    const flat = flatten(model, true);
    const migrate = problem.candidates.filter(() => rand() < 0.4);
    const check = checkPartition(problem, migrate);
    if (check.violations.length > 0) continue;
    points++;
    const x = topModelPoint(problem, model, migrate);
    expect(meets(flat, x)).toBe(true);
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
    expect(x.reduce((s, v, j) => s + v * flat.cost[j]!, model.constant)).toBeCloseTo(check.cost, 6);
  }
  expect(points).toBeGreaterThan(500);
});
