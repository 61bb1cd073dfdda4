/**
 * A residual problem whose carried prices hand nothing over gets a fresh search of its own
 * (glpk.ts, "search fresh"), and a search whose partition meets its bound answers without GLPK
 * ("search proved"). Both must still give the brute force's first optimum, proven.
 */
import { solvePartition } from '../../src/solver/index.js';
import { legalProblems, tiedShape } from './random-problems.js';

it('random residuals: the fresh search and the search-proven answer are the first optimum', async () => {
  let fresh = 0;
  let proved = 0;
  for (const { k, problem, expected } of legalProblems(1531, 800, 'dynamic', tiedShape)) {
    const steps: string[] = [];
    const s = await solvePartition(problem, { timeLimitSec: 10, mipGap: 0, searchFirst: true, trace: (step) => steps.push(step) });
    if (JSON.stringify(s.migrate) !== JSON.stringify(expected.migrate) || !s.optimal) {
      throw new Error(`instance ${k}: ${JSON.stringify(problem)} -> ${JSON.stringify(s)}, brute force ${JSON.stringify(expected)}`);
    }
    if (steps.some((step) => step.endsWith('search fresh'))) fresh++;
    if (steps.some((step) => step.endsWith('search proved'))) proved++;
  }
  expect([fresh > 0, proved > 0]).toEqual([true, true]);
}, 120_000);
