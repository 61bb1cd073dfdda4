/** Hand-written problems with answers worked out by hand. */
import type { NestingModel, PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { InputError } from '../../src/errors.js';
import { condense } from '../../src/util/reach.js';
import { buildModel, solvePartition } from '../../src/solver/index.js';

const options = { timeLimitSec: 10, mipGap: 0 };

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

function problem(contexts: ProblemContext[], extra: Partial<PartitionProblem> = {}): PartitionProblem {
  return { contexts, candidates: [], pinned: [], groups: [], nesting: 'dynamic', ...extra };
}

const both: NestingModel[] = ['dynamic', 'static'];

describe.each(both)('%s nesting, known answers', (nesting) => {
  it('migrates a heavy leaf', async () => {
    const p = problem([ctx(-1, 'main', 1, 1, 0), ctx(0, 'heavy', 100, 10, 5)], { candidates: ['heavy'], nesting });
    const s = await solvePartition(p, options);
    expect(s).toMatchObject({ migrate: ['heavy'], cost: 16, deviceOnlyCost: 101, optimal: true });
    expect(s.gap).toBeUndefined();
  });

  it('keeps a cheap leaf whose migration costs more than it saves', async () => {
    const p = problem([ctx(-1, 'main', 1, 1, 0), ctx(0, 'cheap', 3, 1, 5)], { candidates: ['cheap'], nesting });
    const s = await solvePartition(p, options);
    expect(s).toMatchObject({ migrate: [], cost: 4, deviceOnlyCost: 4, optimal: true });
  });

  it('keeps a parent on the device when a pinned method runs under it', async () => {
    const p = problem(
      [ctx(-1, 'main', 1, 1, 0), ctx(0, 'work', 100, 1, 1), ctx(1, 'ui', 1, 1, 0), ctx(0, 'other', 30, 1, 1)],
      { candidates: ['work', 'other', 'ui'], pinned: ['ui'], nesting },
    );
    const s = await solvePartition(p, options);
    expect(s).toMatchObject({ migrate: ['other'], cost: 1 + 100 + 1 + 2, deviceOnlyCost: 132 });
  });

  it('moves a native-state group as a whole', async () => {
    const contexts = [
      ctx(-1, 'main', 1, 1, 0),
      ctx(0, 'A', 100, 1, 1),
      ctx(1, 'g1', 1, 1, 0),
      ctx(0, 'g2', 1, 1, 3),
    ];
    // g2 can follow g1 to the clone: both move, for 1 + (1+1+1) + (1+3).
    const movable = problem(contexts, { candidates: ['A', 'g2'], groups: [['g1', 'g2']], nesting });
    expect(await solvePartition(movable, options)).toMatchObject({ migrate: ['A', 'g2'], cost: 8, deviceOnlyCost: 103 });
    // g2 cannot move, so g1 must stay, so A must stay.
    const stuck = problem(contexts, { candidates: ['A'], groups: [['g1', 'g2']], nesting });
    expect(await solvePartition(stuck, options)).toMatchObject({ migrate: [], cost: 103 });
  });

  it('answers an empty problem without calling GLPK', async () => {
    expect(await solvePartition(problem([], { candidates: ['a'], nesting }), options)).toEqual({
      migrate: [],
      cost: 0,
      deviceOnlyCost: 0,
      optimal: true,
      model: { contexts: 0, contextsAfter: 0, variables: 0, integers: 0, constraints: 0 },
    });
  });

  it('does not migrate non-candidates however profitable', async () => {
    const p = problem([ctx(-1, 'main', 1000, 1, 0)], { candidates: ['ghost'], nesting });
    expect(await solvePartition(p, options)).toMatchObject({ migrate: [], cost: 1000, model: { integers: 0 } });
  });

  it('gives byte-identical models and answers for the same problem', async () => {
    const make = (): PartitionProblem =>
      problem(
        [ctx(-1, 'z', 5, 1, 1), ctx(0, 'a', 9, 2, 1), ctx(1, 'z', 4, 1, 2), ctx(-1, 'a', 7, 1, 3), ctx(3, 'b', 2, 2, 0)],
        { candidates: ['z', 'b', 'a'], groups: [['b', 'z']], nesting },
      );
    expect(JSON.stringify(buildModel(make()))).toBe(JSON.stringify(buildModel(make())));
    expect(JSON.stringify(await solvePartition(make(), options))).toBe(JSON.stringify(await solvePartition(make(), options)));
  });
});

describe('dynamic nesting', () => {
  // A contains B; B also runs on its own. Under dynamic nesting B inside A is a plain call on
  // the clone: one migration (into A) for that branch, one for the lone B.
  const nested = problem(
    [ctx(-1, 'main', 1, 1, 0), ctx(0, 'A', 50, 5, 10), ctx(1, 'B', 50, 5, 10), ctx(0, 'B', 50, 5, 10)],
    { candidates: ['A', 'B'] },
  );

  it('pays one migration for nested migration points', async () => {
    const s = await solvePartition(nested, options);
    expect(s).toMatchObject({ migrate: ['A', 'B'], cost: 1 + 5 + 10 + 5 + 5 + 10, deviceOnlyCost: 151, optimal: true });
  });

  it('builds the rows of DESIGN.md, migration strengthened to X ≥ L[c] − L[p]', () => {
    const m = buildModel(problem([ctx(-1, 'main', 1, 1, 0), ctx(0, 'heavy', 100, 10, 5)], { candidates: ['heavy'] }));
    expect(m.constant).toBe(101);
    expect(m.choices).toEqual([{ name: 'r0', method: 'heavy' }]);
    expect(m.vars).toEqual([
      { name: 'r0', lo: 0, hi: 1, binary: true, cost: 0 },
      { name: 'l0', lo: 0, hi: 0, binary: false, cost: 0 },
      { name: 'l1', lo: 0, hi: 1, binary: false, cost: -90 },
      { name: 'x1', lo: 0, hi: Infinity, binary: false, cost: 5 },
    ]);
    expect(m.rows).toEqual([
      { name: 'p1', terms: [['l1', 1], ['l0', -1]], sense: 'ge', rhs: 0 },
      { name: 'q1', terms: [['l1', 1], ['r0', -1]], sense: 'ge', rhs: 0 },
      { name: 'u1', terms: [['l1', 1], ['l0', -1], ['r0', -1]], sense: 'le', rhs: 0 },
      { name: 'm1', terms: [['x1', 1], ['l1', -1], ['l0', 1]], sense: 'ge', rhs: 0 },
    ]);
  });

  it('reports the model size before and after the reductions', async () => {
    // Unreduced: r0 r1, l0..l3 (l0 fixed: main is no candidate), x1 x2 x3; four rows for each of l1..l3.
    const full = await solvePartition(nested, { ...options, reduce: false });
    expect(full.model).toEqual({ contexts: 4, contextsAfter: 4, variables: 9, integers: 2, constraints: 12 });
    // Reduced: main becomes the fixed root, so A and the lone B start on the device; A always
    // wins (w = 10 − 90 below B's 10 − 45: reduce-collapse.ts), so the nested B folds into A's
    // context. GLPK gets the top form (ilp-top.ts): one binary T per method of one context, no
    // row (each path holds one candidate, and no method has two contexts).
    const small = await solvePartition(nested, options);
    expect(small.model).toEqual({ contexts: 4, contextsAfter: 3, variables: 2, integers: 2, constraints: 0 });
    expect(small.cost).toBe(full.cost);
  });
});

describe('static nesting', () => {
  const nested = problem(
    [ctx(-1, 'main', 1, 1, 0), ctx(0, 'A', 50, 5, 10), ctx(1, 'B', 50, 5, 10), ctx(0, 'B', 50, 5, 10)],
    { candidates: ['A', 'B'], nesting: 'static' },
  );

  it('chooses one of two nested migration points', async () => {
    // A alone: 1 + (10+5+5) + 50 = 71; B alone: 1 + 50 + (10+5) + (10+5) = 81.
    const s = await solvePartition(nested, options);
    expect(s).toMatchObject({ migrate: ['A'], cost: 71, deviceOnlyCost: 151, optimal: true });
  });

  it('builds one weighted binary per method and one row per nested pair', () => {
    const m = buildModel(nested);
    expect(m.constant).toBe(151);
    // W[A] = 10 + (5-50) + (5-50) = -80; W[B] = (10 + 5-50) * 2 = -70.
    expect(m.vars).toEqual([
      { name: 'r0', lo: 0, hi: 1, binary: true, cost: -80 },
      { name: 'r1', lo: 0, hi: 1, binary: true, cost: -70 },
    ]);
    expect(m.rows).toEqual([{ name: 'o2', terms: [['r0', 1], ['r1', 1]], sense: 'le', rhs: 1 }]);
  });

  it('honours call-graph reachability that the tree does not show', async () => {
    const p = problem([ctx(-1, 'main', 1, 1, 0), ctx(0, 'A', 50, 5, 10), ctx(0, 'B', 50, 5, 10)], {
      candidates: ['A', 'B'],
      nesting: 'static',
      reach: condense([], [{ from: 'B', to: 'A' }]),
    });
    expect(await solvePartition(p, options)).toMatchObject({ migrate: ['A'], cost: 1 + 15 + 50 });
    expect(await solvePartition({ ...p, nesting: 'dynamic' }, options)).toMatchObject({ migrate: ['A', 'B'], cost: 31 });
  });

  it('gives no variable to methods above a pinned context or nested in themselves', () => {
    const p = problem(
      [
        ctx(-1, 'main', 1, 1, 0),
        ctx(0, 'outer', 9, 1, 1),
        ctx(1, 'ui', 1, 1, 1),
        ctx(0, 'rec', 9, 1, 1),
        ctx(3, 'rec', 9, 1, 1),
        ctx(0, 'free', 9, 1, 1),
      ],
      { candidates: ['outer', 'rec', 'free', 'main'], pinned: ['ui'], nesting: 'static' },
    );
    expect(buildModel(p).choices).toEqual([{ name: 'r0', method: 'free' }]);
  });
});

describe('input checks', () => {
  it('rejects a parent that does not come first', async () => {
    const p = problem([ctx(1, 'a', 1, 1, 1), ctx(-1, 'b', 1, 1, 1)]);
    await expect(solvePartition(p, options)).rejects.toThrow(InputError);
    await expect(solvePartition(p, options)).rejects.toThrow(/contexts\[0\]\.parent/);
  });

  it('rejects negative migration costs and bad options', async () => {
    const p = problem([ctx(-1, 'a', 1, 1, -1)], { candidates: ['a'] });
    await expect(solvePartition(p, options)).rejects.toThrow(/migrationCost/);
    const ok = problem([ctx(-1, 'a', 1, 1, 1)]);
    await expect(solvePartition(ok, { timeLimitSec: 0, mipGap: 0 })).rejects.toThrow(/timeLimitSec/);
    await expect(solvePartition(ok, { timeLimitSec: 1, mipGap: -1 })).rejects.toThrow(/mipGap/);
  });
});
