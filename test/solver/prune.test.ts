import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, solvePartition } from '../../src/solver/index.js';
import { pruneIdleMigrationPoints } from '../../src/solver/prune.js';

// main > scan > hash, scan and hash both heavy: migrating scan alone already puts hash on the clone.
const problem: PartitionProblem = {
  contexts: [
    { parent: -1, method: 'main', deviceCost: 1, cloneCost: 1, migrationCost: 100 },
    { parent: 0, method: 'scan', deviceCost: 400, cloneCost: 100, migrationCost: 50 },
    { parent: 1, method: 'hash', deviceCost: 400, cloneCost: 100, migrationCost: 50 },
    { parent: 0, method: 'hash', deviceCost: 40, cloneCost: 10, migrationCost: 50 },
  ],
  candidates: ['hash', 'main', 'scan'],
  pinned: [],
  groups: [],
  nesting: 'dynamic',
};

describe('pruneIdleMigrationPoints', () => {
  it('drops a point whose every context is entered from the clone', () => {
    expect(pruneIdleMigrationPoints({ ...problem, contexts: problem.contexts.slice(0, 3) }, ['hash', 'scan'])).toEqual(['scan']);
  });
  it('keeps a point that migrates in at least one context', () => {
    expect(pruneIdleMigrationPoints(problem, ['hash', 'scan'])).toEqual(['hash', 'scan']);
  });
  it('never changes the cost', () => {
    const small = { ...problem, contexts: problem.contexts.slice(0, 3) };
    expect(checkPartition(small, ['scan']).cost).toBe(checkPartition(small, ['hash', 'scan']).cost);
  });
  it('makes the solver list only the points where execution moves', async () => {
    const small = { ...problem, contexts: problem.contexts.slice(0, 3) };
    const solution = await solvePartition(small, { timeLimitSec: 10, mipGap: 0 });
    expect(solution.migrate).toEqual(['scan']);
    expect(solution.cost).toBe(1 + 100 + 100 + 50);
  });
});
