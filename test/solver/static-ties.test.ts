/**
 * The search among ties under static nesting asked of two least flows (static-antichain.ts,
 * staticTiesSettled) before GLPK's relaxation: whatever it settles, brute force agrees with,
 * and so does GLPK's relaxation of the same question.
 */
import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, reduceProblem } from '../../src/solver/index.js';
import { tieTolerance } from '../../src/solver/canonical.js';
import { flatten, GLP_NOFEAS, GLP_OPT, solveInThread } from '../../src/solver/glpk-thread.js';
import { buildStaticParts } from '../../src/solver/ilp-static.js';
import { staticTiesSettled } from '../../src/solver/static-antichain.js';
import { bruteForce, randomProblem, rng, tiedShape, type Shape } from './random-problems.js';

/** Every legal partition of `problem` that leaves out one of `leaveOut`: the cheapest cost (Infinity: none). */
function cheapestLeaving(problem: PartitionProblem, leaveOut: readonly string[]): number {
  const candidates = [...new Set(problem.candidates)].sort();
  let best = Infinity;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const migrate = candidates.filter((_, k) => mask & (1 << k));
    if (leaveOut.every((m) => migrate.includes(m))) continue;
    const check = checkPartition(problem, migrate);
    if (check.violations.length === 0) best = Math.min(best, check.cost);
  }
  return best;
}

const shapes: [string, Shape][] = [
  ['small', { maxContexts: 15, maxMethods: 6, groupChance: 0 }],
  ['tied (coarse costs)', { ...tiedShape, groupChance: 0 }],
  ['larger', { maxContexts: 30, maxMethods: 9, groupChance: 0 }],
];

describe.each(shapes)('against brute force on 1000 random %s problems (static nesting)', (_, shape) => {
  it('settles only questions that brute force and the relaxation answer with none', async () => {
    const rand = rng(777);
    let settled = 0;
    let asked = 0;
    for (let k = 0; k < 1000; k++) {
      const original = randomProblem(rand, 'static', shape);
      for (const problem of [original, reduceProblem(original).problem]) {
        const best = bruteForce(problem);
        if (!Number.isFinite(best.cost) || best.migrate.length === 0) continue;
        const limit = best.cost + tieTolerance(best.cost);
        // The questions canonical.ts asks: all of the optimum's methods, and each one alone.
        for (const leaveOut of [best.migrate, ...best.migrate.map((m) => [m])]) {
          const { model, nesting } = buildStaticParts(problem);
          if (!leaveOut.every((m) => model.choices.some((c) => c.method === m))) continue;
          asked++;
          if (!staticTiesSettled(problem, model, leaveOut, limit, tieTolerance(limit), Infinity, nesting)) continue;
          settled++;
          const cheapest = cheapestLeaving(problem, leaveOut);
          // GLPK's relaxation of the question, as ties-glpk.ts asks it.
          const names = new Map(model.choices.map((c) => [c.method, c.name]));
          model.rows.push({ name: 'ties', terms: leaveOut.map((m): [string, number] => [names.get(m)!, 1]), sense: 'le', rhs: leaveOut.length - 1 });
          const relaxed = await solveInThread(flatten(model, false), { tmlim: 60, mipgap: 0, presol: true }, performance.now() + 60_000).result;
          const relaxedNone = relaxed?.status === GLP_NOFEAS || (relaxed?.status === GLP_OPT && relaxed.z + model.constant > limit + tieTolerance(limit) - 1e-9);
          if (!(cheapest > limit + tieTolerance(limit)) || !relaxedNone) {
            throw new Error(`instance ${k}: ${JSON.stringify(problem)}, leaving out ${leaveOut}: settled, but brute force ${cheapest} against limit ${limit}, relaxation ${relaxed?.status} ${relaxed ? relaxed.z + model.constant : ''}`);
          }
        }
      }
    }
    // Most questions have a flow's answer: the rule is the call graph's order in most of them.
    expect(settled).toBeGreaterThan(asked / 4);
  }, 120_000);
});
