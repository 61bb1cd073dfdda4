/**
 * `check` and a solve cut off by its time limit: the committed partition stands when it is legal
 * on today's problem and costs no more than what the cut-off solve found; never otherwise.
 */
import { committedStands, withStandingPartitions } from '../../src/cli/cutOff.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { diffRuntime } from '../../src/manifest/diff.js';
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

it('keeps an equally cheap committed partition when the time limit ended the choice among tied optima', () => {
  // Proven optimal, but which of the ties it wrote depends on the machine: either stands.
  const unsettled = (migrate: string[]): NetworkReport => {
    const r = report(migrate, true);
    return { ...r, solution: { ...r.solution, tiesUnsettled: true } };
  };
  const [cheap, dear] = [['a'], ['b']];
  expect(checkPartition(problem, cheap).cost).toBeLessThan(checkPartition(problem, dear).cost);
  expect(committedStands(diff(cheap, dear), [unsettled(dear)], manifestWith(cheap))).toMatchObject({ network: 'wifi', tie: true });
  // One that costs more is no tie: stale.
  expect(committedStands(diff(dear, cheap), [unsettled(cheap)], manifestWith(dear))).toBeUndefined();
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

describe('the run-time section check beside a standing partition', () => {
  // Two networks: wifi's solve was cut off on [b] and its committed [a] stands; lte was solved again as committed.
  const state = (name: string) => [{ scope: 'module', file: 'src/s.ts', name, access: 'read' }];
  const analysis = { build: 'dist', methods: [{ id: 'a', state: state('x') }, { id: 'b', state: state('y') }, { id: 'c', state: [] }] } as unknown as AnalysisResult;
  const manifest = (wifi: string[], lte: string[]): Manifest => {
    const partitions = [
      { network: 'lte', migrate: lte },
      { network: 'wifi', migrate: wifi },
    ];
    const points = [...new Set([...wifi, ...lte])].sort().map((method) => ({ method, state: analysis.methods.find((m) => m.id === method)!.state }));
    return { partitions, runtime: { build: 'dist', points } } as unknown as Manifest;
  };
  const committed = manifest(['a'], ['c']);
  const recomputed = manifest(['b'], ['c']);
  const wifiStands = { network: 'wifi', committedCost: 1, foundCost: 2 };

  it('takes the points from the committed partition, so a point only it has is not reported gone', () => {
    expect(diffRuntime(committed, recomputed)).toEqual(['a: no longer a migration point', 'b: new migration point']);
    const kept = withStandingPartitions(recomputed, committed, [undefined, wifiStands], analysis);
    expect(kept.partitions).toEqual([
      { network: 'lte', migrate: ['c'] },
      { network: 'wifi', migrate: ['a'] },
    ]);
    expect(diffRuntime(committed, kept)).toEqual([]);
  });

  it('still reports what the kept points carry today when the code changed', () => {
    const today = { ...analysis, methods: [{ id: 'a', state: state('z') }, ...analysis.methods.slice(1)] } as unknown as AnalysisResult;
    const kept = withStandingPartitions(recomputed, committed, [wifiStands], today);
    expect(diffRuntime(committed, kept)).toEqual(['a: carries + module src/s.ts#z (read), - module src/s.ts#x (read)']);
  });

  it('leaves the recomputed manifest as it is when nothing stands', () => {
    expect(withStandingPartitions(recomputed, committed, [undefined, undefined], analysis)).toBe(recomputed);
  });
});
