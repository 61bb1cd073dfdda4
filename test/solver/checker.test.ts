/** The independent checker: costs by the run-time semantics, and every kind of illegal partition. */
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { checkPartition } from '../../src/solver/index.js';
import { condense } from '../../src/util/reach.js';

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

// main ─┬─ A ─┬─ B ── ui
//       │     └─ g1
//       ├─ B
//       └─ g2
const contexts = [
  ctx(-1, 'main', 1, 2, 0),
  ctx(0, 'A', 10, 1, 3),
  ctx(1, 'B', 20, 2, 4),
  ctx(2, 'ui', 5, 5, 0),
  ctx(1, 'g1', 7, 1, 0),
  ctx(0, 'B', 30, 3, 6),
  ctx(0, 'g2', 4, 2, 1),
];
const base: PartitionProblem = {
  contexts,
  candidates: ['A', 'B', 'g2', 'main'],
  pinned: [],
  groups: [],
  nesting: 'dynamic',
};

describe('checkPartition costs', () => {
  it('prices all-device as the sum of device costs', () => {
    expect(checkPartition(base, [])).toEqual({ cost: 77, deviceOnlyCost: 77, violations: [] });
  });

  it('pays one migration at the outermost migration point and clone costs below it', () => {
    // A moves with B, ui and g1 under it (one migration, 3); the lone B migrates on its own (6).
    const r = checkPartition(base, ['A', 'B']);
    expect(r.violations).toEqual([]);
    expect(r.cost).toBe(1 + (3 + 1 + 2 + 5 + 1) + (6 + 3) + 4);
    expect(r.deviceOnlyCost).toBe(77);
  });

  it('moves the whole tree when the root migrates', () => {
    expect(checkPartition(base, ['main']).cost).toBe(0 + 2 + 1 + 2 + 5 + 1 + 3 + 2);
  });
});

describe('checkPartition rejects', () => {
  it('a migration point that is not a candidate', () => {
    const r = checkPartition(base, ['ui']);
    expect(r.violations).toEqual(['migration point ui is not a candidate for migration.']);
  });

  it('an unknown method id', () => {
    expect(checkPartition(base, ['nope']).violations).toEqual(['migration point nope is an unknown method id.']);
  });

  it('a migration point listed twice', () => {
    expect(checkPartition(base, ['B', 'B']).violations).toEqual(['migration point B is listed more than once.']);
  });

  it('a pinned context on the clone, naming where execution migrated', () => {
    const r = checkPartition({ ...base, pinned: ['ui'] }, ['A']);
    expect(r.violations).toEqual(['pinned context 3 (ui) would run on the clone (migrated at context 1 (A)).']);
  });

  it('a pinned method chosen as migration point', () => {
    const r = checkPartition({ ...base, pinned: ['g2'] }, ['g2']);
    expect(r.violations).toEqual([
      'migration point g2 is pinned to the device.',
      'pinned context 6 (g2) would run on the clone (migrated at context 6 (g2)).',
    ]);
  });

  it('a native-state group split across device and clone', () => {
    const p = { ...base, groups: [['g1', 'g2']] };
    expect(checkPartition(p, ['A']).violations).toEqual([
      'native-state group 0 [g1, g2] is split: context 6 (g2) runs on the device but context 4 (g1) on the clone.',
    ]);
    expect(checkPartition(p, ['A', 'g2']).violations).toEqual([]);
  });

  it('under static nesting, a migration point under another in the tree', () => {
    const p: PartitionProblem = { ...base, nesting: 'static' };
    expect(checkPartition(p, ['A', 'B']).violations).toEqual([
      'context 2 (B) lies under context 1 (A): migration point B is reachable from migration point A, which static nesting forbids.',
    ]);
    // The same choice is fine under dynamic nesting, at the same cost semantics.
    expect(checkPartition(base, ['A', 'B']).violations).toEqual([]);
    expect(checkPartition(p, ['A', 'B']).cost).toBe(checkPartition(base, ['A', 'B']).cost);
  });

  it('under static nesting, a migration point reachable by the call graph', () => {
    const p: PartitionProblem = { ...base, nesting: 'static', reach: condense([], [{ from: 'g2', to: 'x' }, { from: 'x', to: 'B' }]) };
    expect(checkPartition(p, ['B', 'g2']).violations).toEqual([
      'migration points g2 and B are both chosen, but g2 reaches B by the call graph (static nesting).',
    ]);
    expect(checkPartition({ ...p, nesting: 'dynamic' }, ['B', 'g2']).violations).toEqual([]);
  });

  it('under static nesting, a recursive migration point', () => {
    const recursive: PartitionProblem = {
      contexts: [ctx(-1, 'f', 1, 1, 1), ctx(0, 'f', 1, 1, 1)],
      candidates: ['f'],
      pinned: [],
      groups: [],
      nesting: 'static',
    };
    expect(checkPartition(recursive, ['f']).violations).toEqual([
      'context 1 (f) lies under context 0 (f): migration point f is reachable from migration point f, which static nesting forbids.',
    ]);
    // Recursion the call graph shows but the profile did not record is no nesting: only runs nest.
    const selfReach: PartitionProblem = { ...recursive, contexts: [ctx(-1, 'f', 1, 1, 1)], reach: condense([], [{ from: 'f', to: 'f' }]) };
    expect(checkPartition(selfReach, ['f']).violations).toEqual([]);
  });

  it('a malformed tree or cost', () => {
    const p: PartitionProblem = { ...base, contexts: [ctx(1, 'a', 1, NaN, -2), ctx(-1, 'b', 1, 1, 1)] };
    expect(checkPartition(p, []).violations).toEqual([
      'context 0 has parent 1, which is not an earlier context or -1.',
      'context 0 (a) has a non-finite cloneCost.',
      'context 0 (a) has a negative migrationCost.',
    ]);
  });
});
