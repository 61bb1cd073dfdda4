/** GLPK against brute force on seeded random problems, for both nesting models. */
import type { NestingModel } from '../../src/model/types.js';
import { checkPartition, solvePartition } from '../../src/solver/index.js';
import { bruteForce, randomProblem, rng, type Shape } from './random-problems.js';

const options = { timeLimitSec: 10, mipGap: 0 };

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

interface Tally {
  improved: number;
  constrained: number;
  groupsMoved: number;
}

/** Solves `count` seeded problems both ways and fails on the first disagreement. */
async function compare(nesting: NestingModel, seed: number, count: number, shape?: Shape): Promise<Tally> {
  const rand = rng(seed);
  const tally = { improved: 0, constrained: 0, groupsMoved: 0 };
  for (let k = 0; k < count; k++) {
    const problem = randomProblem(rand, nesting, shape);
    const expected = bruteForce(problem);
    const solution = await solvePartition(problem, options);
    const check = checkPartition(problem, solution.migrate);
    if (!close(solution.cost, expected.cost) || check.violations.length > 0) {
      throw new Error(
        `instance ${k} (seed ${seed}): ${JSON.stringify(problem)} -> ${JSON.stringify(solution.migrate)} ` +
          `at ${solution.cost}, brute force ${JSON.stringify(expected)}; ${check.violations.join(' ')}`,
      );
    }
    expect(solution.optimal).toBe(true);
    expect(solution.cost).toBe(check.cost);
    expect(solution.deviceOnlyCost).toBe(check.deviceOnlyCost);
    if (solution.cost < solution.deviceOnlyCost - 1e-9) tally.improved++;
    if (expected.illegal > 0) tally.constrained++;
    if (problem.groups.length > 0 && solution.migrate.length > 0) tally.groupsMoved++;
  }
  return tally;
}

describe.each<NestingModel>(['dynamic', 'static'])('%s nesting: GLPK matches brute force', (nesting) => {
  const seed = nesting === 'dynamic' ? 20240611 : 7;

  it('on 1000 random problems of 1-15 contexts', async () => {
    const count = 1000;
    const tally = await compare(nesting, seed, count);
    // The generator must exercise real choices: answers better than all-device, instances
    // where legality rules out some subsets, and groups that move.
    expect(tally.improved).toBeGreaterThan(count / 5);
    expect(tally.constrained).toBeGreaterThan(count / 4);
    expect(tally.groupsMoved).toBeGreaterThan(count / 25);
  });

  it('on 300 larger problems of 1-40 contexts and 1-10 methods, most with groups', async () => {
    const count = 300;
    const tally = await compare(nesting, seed + 1, count, { maxContexts: 40, maxMethods: 10, groupChance: 0.8 });
    expect(tally.improved).toBeGreaterThan(count / 6);
    expect(tally.groupsMoved).toBeGreaterThan(count / 10);
  });
});
