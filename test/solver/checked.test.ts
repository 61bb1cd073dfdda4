/**
 * The CLI's check of a solver's answer reads the verdict the solver's own check gave on the same
 * problem (solution.ts, checkedPartition), and checks again on any other problem.
 */
import { checkedPartition, checkPartition, solvePartition } from '../../src/solver/index.js';
import { withColumns } from '../../src/model/columns.js';
import { randomProblem, rng } from './random-problems.js';

describe('checkedPartition', () => {
  it('is the checker’s verdict on the solver’s problem, found once, and checks again on another problem', async () => {
    const rand = rng(4615);
    let kept = 0;
    for (let k = 0; k < 40; k++) {
      // In columns, as the CLI builds its problems (a problem of objects is solved on a copy in columns).
      const problem = withColumns(randomProblem(rand, k % 2 === 0 ? 'dynamic' : 'static', { maxContexts: 20, maxMethods: 7, groupChance: 0.3 }));
      const solution = await solvePartition(problem, { timeLimitSec: 10, mipGap: 0 }).catch(() => undefined);
      if (!solution) continue;
      const verdict = checkedPartition(problem, solution);
      expect(verdict).toEqual(checkPartition(problem, solution.migrate));
      expect(verdict.cost).toBe(solution.cost);
      // Every answer with a migration point was checked by the solver itself, on this problem.
      if (solution.migrate.length > 0) {
        expect(checkedPartition(problem, solution)).toBe(verdict);
        kept++;
      }
      // Another problem object (the same contexts): its own check, equal here, not the kept one.
      const other = { ...problem, contexts: problem.contexts.map((c) => ({ ...c })) };
      expect(other).not.toBe(problem);
      const again = checkedPartition(other, solution);
      expect(again).not.toBe(verdict);
      expect(again).toEqual(verdict);
    }
    expect(kept).toBeGreaterThan(10);
  });
});
