/** GLPK against brute force on seeded random problems, for both nesting models. */
import type { NestingModel } from '../../src/model/types.js';
import { checkPartition, solvePartition } from '../../src/solver/index.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const INSTANCES = 600;
const options = { timeLimitSec: 10, mipGap: 0 };

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

describe.each<NestingModel>(['dynamic'])('%s nesting: GLPK matches brute force', (nesting) => {
  it(`on ${INSTANCES} random problems`, async () => {
    const rand = rng(nesting === 'dynamic' ? 20240611 : 7);
    let improved = 0;
    let constrained = 0;
    for (let k = 0; k < INSTANCES; k++) {
      const problem = randomProblem(rand, nesting);
      const expected = bruteForce(problem);
      const solution = await solvePartition(problem, options);
      const check = checkPartition(problem, solution.migrate);
      const context = `instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(solution.migrate)}, brute force ${JSON.stringify(expected)}`;
      if (!close(solution.cost, expected.cost) || check.violations.length > 0) throw new Error(context);
      expect(solution.optimal).toBe(true);
      expect(solution.cost).toBe(check.cost);
      expect(solution.deviceOnlyCost).toBe(check.deviceOnlyCost);
      if (solution.cost < solution.deviceOnlyCost - 1e-9) improved++;
      if (expected.illegal > 0) constrained++;
    }
    // The generator must exercise real choices: answers better than all-device, and
    // instances where legality rules out some subsets.
    expect(improved).toBeGreaterThan(INSTANCES / 4);
    expect(constrained).toBeGreaterThan(INSTANCES / 4);
  });
});
