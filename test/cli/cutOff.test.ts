/**
 * `check` and a solve cut off by its time limit: the committed partition stands when it is legal
 * on today's problem and costs no more than what the cut-off solve found; never otherwise.
 */
import { committedStands } from '../../src/cli/cutOff.js';
import type { NetworkReport } from '../../src/cli/partitionPipeline.js';
import type { Manifest } from '../../src/manifest/types.js';
import type { NetworkDiff } from '../../src/manifest/diff.js';
import { checkPartition } from '../../src/solver/checker.js';
import type { PartitionProblem } from '../../src/model/types.js';
import type { Solution } from '../../src/solver/types.js';

// main -> a (heavy, cheap on the clone) -> b; p is pinned below b's sibling.
const problem: PartitionProblem = {
  nesting: 'dynamic',
  candidates: ['a', 'b', 'c'],
  pinned: ['p'],
  groups: [],
  contexts: [
    { parent: -1, method: 'main', deviceCost: 1, cloneCost: 1, migrationCost: 0 },
    { parent: 0, method: 'a', deviceCost: 100, cloneCost: 10, migrationCost: 5 },
    { parent: 1, method: 'b', deviceCost: 50, cloneCost: 5, migrationCost: 5 },
    { parent: 0, method: 'c', deviceCost: 20, cloneCost: 2, migrationCost: 1 },
    { parent: 3, method: 'p', deviceCost: 1, cloneCost: 1, migrationCost: 0 },
  ],
};

function report(migrate: string[], optimal: boolean): NetworkReport {
  const { cost, deviceOnlyCost } = checkPartition(problem, migrate);
  const solution = { migrate, cost, deviceOnlyCost, optimal, ...(optimal ? {} : { gap: 0.05 }) } as Solution;
  return { network: { name: 'wifi' } as NetworkReport['network'], problem: () => problem, solution };
}

function manifestWith(migrate: string[]): Manifest {
  return { partitions: [{ network: 'wifi', migrate }] } as unknown as Manifest;
}

const diff = (committed: string[], found: string[]): NetworkDiff => ({
  network: 'wifi',
  added: found.filter((m) => !committed.includes(m)),
  removed: committed.filter((m) => !found.includes(m)),
});

it('keeps a committed partition that costs no more than what a cut-off solve found', () => {
  // Committed: a (and b with it, nested); found this time: only b, which costs more.
  const committed = ['a'];
  const found = ['b'];
  expect(checkPartition(problem, committed).cost).toBeLessThan(checkPartition(problem, found).cost);
  expect(committedStands(diff(committed, found), [report(found, false)], manifestWith(committed))).toMatchObject({ network: 'wifi', gap: 0.05 });
});

it('calls it stale when the solve was proven optimal, whatever the committed cost', () => {
  expect(committedStands(diff(['a'], ['b']), [report(['b'], true)], manifestWith(['a']))).toBeUndefined();
});

it('calls it stale when the committed partition costs more than what the cut-off solve found', () => {
  expect(committedStands(diff(['b'], ['a']), [report(['a'], false)], manifestWith(['b']))).toBeUndefined();
});

it('calls it stale when the committed partition is no longer legal (it migrates a pinned method)', () => {
  // p is pinned today: a committed partition naming it cannot stand, however cheap (and it is
  // cheaper here, so only the legality check can call it stale).
  const kept = checkPartition(problem, ['p', 'a']);
  expect(kept.violations.length).toBeGreaterThan(0);
  expect(kept.cost).toBeLessThan(checkPartition(problem, ['b']).cost);
  expect(committedStands(diff(['p', 'a'], ['b']), [report(['b'], false)], manifestWith(['p', 'a']))).toBeUndefined();
});

it('calls it stale when a network is only in one of the two manifests', () => {
  expect(committedStands({ ...diff([], ['b']), only: 'new' }, [report(['b'], false)], manifestWith([]))).toBeUndefined();
});
