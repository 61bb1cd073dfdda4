/**
 * Bounds from a relaxation's duals (src/solver/reduced-cost.ts) against brute force: every
 * solution within the limit keeps them, whatever the duals (GLPK's, or any numbers at all: only
 * their signs may be relied on); on partition problems of both nesting models, in the form
 * ties-glpk.ts asks them (the top form's columns all whole), every legal partition within the
 * limit is still a solution of the tightened model, and the search among ties that uses them
 * answers as brute force does.
 */
import { expect, it } from '@jest/globals';
import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, reduceProblem, solvePartition } from '../../src/solver/index.js';
import { tieTolerance } from '../../src/solver/canonical.js';
import { GLP_OPT, copyFlat, flatten, solveInThread, type FlatModel } from '../../src/solver/glpk-thread.js';
import { buildTopModel, reducedModelParts, topModelFits } from '../../src/solver/ilp-top.js';
import { pruneIdleMigrationPoints } from '../../src/solver/prune.js';
import { tightenByDuals } from '../../src/solver/reduced-cost.js';
import { glpkLeaving } from '../../src/solver/ties-glpk.js';
import { bruteForce, legalProblems, randomProblem, randomProgram, rng } from './random-problems.js';

const options = { tmlim: 30, mipgap: 0, presol: true };
// The thread takes the arrays it is given: a copy each time.
const relax = async (model: FlatModel) => (await solveInThread({ ...copyFlat(model), integral: false }, options, performance.now() + 30_000).result)!;

/** Every 0/1 point of `model` that meets its rows, with its cost. */
function points(model: FlatModel): { x: number[]; cost: number }[] {
  const n = model.cost.length;
  const out: { x: number[]; cost: number }[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const x = Array.from({ length: n }, (_, j) => (mask >> j) & 1);
    let meets = true;
    for (let r = 0; meets && r + 1 < model.rowStart.length; r++) {
      let sum = 0;
      for (let k = model.rowStart[r]!; k < model.rowStart[r + 1]!; k++) sum += model.rowCoef[k]! * x[model.rowColumn[k]!]!;
      const rhs = model.rowRhs[r]!;
      meets = model.rowSense[r] === 0 ? sum >= rhs : model.rowSense[r] === 1 ? sum <= rhs : sum === rhs;
    }
    if (meets) out.push({ x, cost: x.reduce((s, v, j) => s + v * model.cost[j]!, 0) });
  }
  return out;
}

it('keeps every 0/1 solution within the limit, with GLPK duals and with any duals', async () => {
  const rand = rng(2026);
  let moved = 0;
  let none = 0;
  let asked = 0;
  for (let k = 0; k < 1500; k++) {
    const model = randomProgram(rand, 2 + Math.floor(rand() * 7));
    const all = points(model);
    if (all.length === 0) continue;
    const best = Math.min(...all.map((p) => p.cost));
    const relaxed = await relax(model);
    if (relaxed.status !== GLP_OPT) continue;
    const limit = best + [0, 0, 0.5, 3, -0.5][Math.floor(rand() * 5)]!;
    const duals = [relaxed.dual!, Float64Array.from(relaxed.dual!, () => Math.floor(rand() * 21) - 10)];
    for (const dual of duals) {
      asked++;
      const within = all.filter((p) => p.cost <= limit);
      const tightened = tightenByDuals(model, dual, limit, () => true);
      if (tightened === undefined) continue;
      if (tightened === 'none') {
        none++;
        if (within.length > 0) throw new Error(`program ${k}: said none, yet ${JSON.stringify(within[0])} costs ${within[0]!.cost} <= ${limit}`);
        continue;
      }
      moved += tightened.moved;
      for (const p of within) {
        p.x.forEach((v, j) => {
          if (v < tightened.lo[j]! || v > tightened.hi[j]!) throw new Error(`program ${k}: column ${j} = ${v} of a solution costing ${p.cost} <= ${limit} is outside [${tightened.lo[j]}, ${tightened.hi[j]}]`);
        });
      }
    }
  }
  // The rule does something: bounds moved, and some limits were shown out of reach.
  expect(asked).toBeGreaterThan(1000);
  expect(moved).toBeGreaterThan(500);
  expect(none).toBeGreaterThan(50);
}, 120_000);

/** Legal partitions of `problem` that cost at most `limit` and leave out one of `leaveOut`. */
function leaving(problem: PartitionProblem, leaveOut: readonly string[], limit: number): string[][] {
  const candidates = [...new Set(problem.candidates)].sort();
  const found: string[][] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const migrate = candidates.filter((_, j) => mask & (1 << j));
    if (leaveOut.length > 0 && leaveOut.every((m) => migrate.includes(m))) continue;
    const check = checkPartition(problem, migrate);
    if (check.violations.length === 0 && check.cost <= limit) found.push(migrate);
  }
  return found;
}

for (const nesting of ['dynamic', 'static'] as const) {
  it(`keeps every legal partition within the limit of random ${nesting} problems (the model as the search among ties gets it)`, async () => {
    const rand = rng(nesting === 'dynamic' ? 404 : 405);
    let checked = 0;
    let moved = 0;
    for (let k = 0; k < 2000; k++) {
      const original = randomProblem(rand, nesting, { maxContexts: 24, maxMethods: 9, groupChance: 0, coarse: rand() < 0.5 });
      const problem = reduceProblem(original).problem;
      if (problem.candidates.length === 0 || problem.candidates.length > 9) continue;
      const best = bruteForce(problem);
      if (!Number.isFinite(best.cost)) continue;
      const limit = best.cost + [tieTolerance(best.cost), 0.5, 2][Math.floor(rand() * 3)]!;
      const { model, wholeColumns } = reducedModelParts(problem);
      if (model.choices.length === 0) continue;
      const flat = flatten(model, true);
      const relaxed = await relax(flat);
      if (relaxed.status !== GLP_OPT) continue;
      const tightened = tightenByDuals(flat, relaxed.dual!, limit + tieTolerance(limit) - model.constant, (j) => wholeColumns === true || flat.binary[j] === 1);
      const within = leaving(problem, [], limit);
      if (tightened === 'none') {
        expect(within).toEqual([]);
        continue;
      }
      if (tightened === undefined) continue;
      moved += tightened.moved;
      const column = new Map(model.vars.map((v, j) => [v.name, j]));
      for (const migrate of within) {
        // The partition as the model's choices (idle points pruned: the model cannot say them), fixed by bounds.
        const chosen = new Set(pruneIdleMigrationPoints(problem, migrate));
        const lo = Float64Array.from(tightened.lo);
        const hi = Float64Array.from(tightened.hi);
        let outside = false;
        for (const c of model.choices) {
          const j = column.get(c.name)!;
          const v = chosen.has(c.method) ? 1 : 0;
          if (v < lo[j]! || v > hi[j]!) outside = true;
          lo[j] = hi[j] = v;
        }
        if (outside) throw new Error(`${nesting} problem ${k}: ${JSON.stringify(problem)}: partition ${migrate} within ${limit} has a choice outside the tightened bounds`);
        const result = (await solveInThread({ ...copyFlat(flat), lo, hi, integral: true }, options, performance.now() + 30_000).result)!;
        if (result.status !== GLP_OPT || result.z + model.constant > limit + 1e-6) {
          throw new Error(`${nesting} problem ${k}: ${JSON.stringify(problem)}: partition ${migrate} within ${limit} is no solution of the tightened model (status ${result.status}, ${result.z + model.constant})`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(moved).toBeGreaterThan(300);
  }, 240_000);

  it(`the search among ties with them answers as brute force does (${nesting} nesting)`, async () => {
    const rand = rng(nesting === 'dynamic' ? 606 : 607);
    let none = 0;
    let found = 0;
    for (let k = 0; k < 2000; k++) {
      const original = randomProblem(rand, nesting, { maxContexts: 24, maxMethods: 9, groupChance: 0, coarse: rand() < 0.6 });
      const problem = reduceProblem(original).problem;
      if (problem.candidates.length === 0 || problem.candidates.length > 9) continue;
      const best = bruteForce(problem);
      if (best.migrate.length < 2) continue;
      // The limit of a search among ties, or above it (more partitions to find).
      const limit = best.cost + [tieTolerance(best.cost), 1, 3][Math.floor(rand() * 3)]!;
      const expected = leaving(problem, best.migrate, limit);
      const answer = await glpkLeaving(problem, best.migrate, best.migrate, limit, performance.now() + 30_000);
      if (answer === 'none') {
        none++;
        if (expected.length > 0) throw new Error(`${nesting} problem ${k}: ${JSON.stringify(problem)}: said none, brute force found ${expected[0]}`);
      } else if (answer) {
        found++;
        expect(best.migrate.every((m) => answer.includes(m))).toBe(false);
        const check = checkPartition(problem, answer);
        expect(check.violations).toEqual([]);
        expect(check.cost).toBeLessThanOrEqual(limit);
      }
    }
    expect(none).toBeGreaterThan(20);
    expect(found).toBeGreaterThan(5);
  }, 240_000);
}

it('the search first, then GLPK on the tightened top model and the search among ties on its relaxation: the brute force first optimum', async () => {
  let tightened = 0;
  let tiesOnIt = 0;
  for (const { k, problem, expected } of legalProblems(2718, 3000, 'dynamic', { maxContexts: 60, maxMethods: 10, groupChance: 0, coarse: true })) {
    const steps: string[] = [];
    const s = await solvePartition(problem, { timeLimitSec: 10, mipGap: 0, searchFirst: true, trace: (step) => steps.push(step) });
    if (JSON.stringify(s.migrate) !== JSON.stringify(expected.migrate) || !s.optimal) {
      throw new Error(`instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(s.migrate)}, brute force ${JSON.stringify(expected)}`);
    }
    const at = steps.findIndex((step) => step.endsWith('tightened'));
    if (at >= 0) tightened++;
    if (at >= 0 && steps.slice(at).some((step) => step.endsWith('ties glpk'))) tiesOnIt++;
  }
  expect(tightened).toBeGreaterThan(20);
  expect(tiesOnIt).toBeGreaterThan(2);
}, 300_000);

it('the search among ties on the relaxation of a larger problem (methods decided out) answers as brute force does', async () => {
  const rand = rng(31);
  let none = 0;
  let found = 0;
  for (let k = 0; k < 5000; k++) {
    const original = randomProblem(rand, 'dynamic', { maxContexts: 24, maxMethods: 9, groupChance: 0, coarse: rand() < 0.6 });
    const problem = reduceProblem(original).problem;
    if (problem.candidates.length === 0 || problem.candidates.length > 9 || !topModelFits(problem)) continue;
    const best = bruteForce(problem);
    if (best.migrate.length < 2) continue;
    const model = buildTopModel(problem)!;
    const flat = flatten(model, true);
    const relaxed = await relax(flat);
    if (relaxed.status !== GLP_OPT) continue;
    const relaxation = { model, flat, dual: relaxed.dual!, wholeColumns: true, status: relaxed.status, z: relaxed.z, values: relaxed.values };
    // As the search among ties asks: some methods decided out (none of the optimum's), the limit of the ties or above.
    const out = new Set(problem.candidates.filter((m) => !best.migrate.includes(m) && rand() < 0.4));
    const asked = { ...problem, candidates: problem.candidates.filter((m) => !out.has(m)) };
    const limit = best.cost + [tieTolerance(best.cost), 1, 3][Math.floor(rand() * 3)]!;
    const leaveOut = best.migrate.filter((m) => rand() < 0.8);
    if (leaveOut.length < 2) continue;
    const expected = leaving(asked, leaveOut, limit);
    const answer = await glpkLeaving(asked, leaveOut, best.migrate, limit, performance.now() + 30_000, relaxation);
    if (answer === 'none') {
      none++;
      if (expected.length > 0) throw new Error(`problem ${k}: ${JSON.stringify(asked)}: said none, brute force found ${expected[0]}`);
    } else if (answer) {
      found++;
      expect(leaveOut.every((m) => answer.includes(m))).toBe(false);
      expect(answer.every((m) => !out.has(m))).toBe(true);
      const check = checkPartition(asked, answer);
      expect(check.violations).toEqual([]);
      expect(check.cost).toBeLessThanOrEqual(limit);
    } else {
      throw new Error(`problem ${k}: no answer in time: ${JSON.stringify(asked)} leaving out ${leaveOut} within ${limit}, brute force ${JSON.stringify(expected)}, choices ${JSON.stringify(model.choices)}`);
    }
  }
  expect(none).toBeGreaterThan(50);
  expect(found).toBeGreaterThan(50);
}, 240_000);
