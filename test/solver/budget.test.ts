/** Budgets on the other objective: hand-worked cases and GLPK against brute force. */
import type { NestingModel, PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { InputError } from '../../src/errors.js';
import { checkPartition, solvePartition } from '../../src/solver/index.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

const options = { timeLimitSec: 10, mipGap: 0 };

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

// Time: A saves 100 − (5 + 10) = 85 ms, B saves 50 − (5 + 10) = 35 ms.
// Energy: A costs 20 + 120 = 140 mJ against 100 on the device; B 10 + 20 = 30 against 50.
function twoWays(nesting: NestingModel, maxRatio: number): PartitionProblem {
  return {
    contexts: [ctx(-1, 'main', 1, 1, 0), ctx(0, 'A', 100, 5, 10), ctx(0, 'B', 50, 5, 10)],
    candidates: ['A', 'B'],
    pinned: [],
    groups: [],
    nesting,
    objective: 'time',
    budget: {
      objective: 'energy',
      maxRatio,
      costs: [
        { deviceCost: 10, cloneCost: 10, migrationCost: 0 },
        { deviceCost: 100, cloneCost: 20, migrationCost: 120 },
        { deviceCost: 50, cloneCost: 10, migrationCost: 20 },
      ],
    },
  };
}

describe.each<NestingModel>(['dynamic', 'static'])('%s nesting with a budget', (nesting) => {
  it('takes the fastest partition when the budget allows it', async () => {
    // All-device energy 160; A and B: 10 + 140 + 30 = 180 ≤ 1.2 × 160 = 192.
    const s = await solvePartition(twoWays(nesting, 1.2), options);
    expect(s).toMatchObject({ migrate: ['A', 'B'], cost: 1 + 15 + 15, optimal: true });
    expect(s.budget).toEqual({ cost: 180, deviceOnlyCost: 160, limit: 192 });
  });

  it('gives up time to stay within the budget', async () => {
    // ≤ 160: A alone is 10 + 140 + 50 = 200, B alone 10 + 100 + 30 = 140.
    const s = await solvePartition(twoWays(nesting, 1), options);
    expect(s).toMatchObject({ migrate: ['B'], cost: 1 + 100 + 15 });
  });

  it('says which budget cannot be met and the lowest achievable ratio', async () => {
    // The least energy is B alone, 140 / 160 = 0.875.
    const p = twoWays(nesting, 0.5);
    await expect(solvePartition(p, options)).rejects.toThrow(InputError);
    await expect(solvePartition(p, options)).rejects.toThrow(
      "field 'max-energy-ratio': the energy budget cannot be met: no legal partition has energy ≤ 0.5 × all-device energy (the lowest achievable is 0.8750 × all-device energy)",
    );
  });

  it('the checker rejects a partition over budget', () => {
    expect(checkPartition(twoWays(nesting, 1), ['A']).violations).toEqual([
      'the energy budget is exceeded: 200 > 1 × all-device 160 = 160.',
    ]);
  });
});

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

describe.each<NestingModel>(['dynamic', 'static'])('%s nesting: budgets against brute force', (nesting) => {
  it('on 800 random problems with budgets', async () => {
    const rand = rng(nesting === 'dynamic' ? 99 : 98);
    let infeasible = 0;
    let binding = 0;
    for (let k = 0; k < 800; k++) {
      const problem = randomProblem(rand, nesting, { maxContexts: 15, maxMethods: 6, groupChance: 0.3, budgetChance: 1 });
      const expected = bruteForce(problem);
      if (expected.cost === Infinity) {
        infeasible++;
        await expect(solvePartition(problem, options)).rejects.toThrow(/budget cannot be met/);
        continue;
      }
      const solution = await solvePartition(problem, options);
      const check = checkPartition(problem, solution.migrate);
      if (!close(solution.cost, expected.cost) || check.violations.length > 0) {
        throw new Error(`instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(solution)}, brute force ${JSON.stringify(expected)}; ${check.violations.join(' ')}`);
      }
      expect(solution.optimal).toBe(true);
      if (!close(bruteForce({ ...problem, budget: undefined } as PartitionProblem).cost, expected.cost)) binding++;
    }
    // The budgets must matter: some instances infeasible, some where the budget changes the answer.
    expect(infeasible).toBeGreaterThan(20);
    expect(binding).toBeGreaterThan(40);
  });
});
