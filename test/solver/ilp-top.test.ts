/**
 * The top form of the dynamic model (ilp-top.ts), which GLPK is given for reduced problems: the
 * same optimum as brute force, and the same relaxation as DESIGN.md's rows.
 */
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { buildModel, checkPartition, reduceProblem } from '../../src/solver/index.js';
import { flatten, GLP_OPT, solveInThread } from '../../src/solver/glpk-thread.js';
import type { IlpModel } from '../../src/solver/ilp-model.js';
import { buildTopModel, topModelFits } from '../../src/solver/ilp-top.js';
import { bruteForce, randomProblem, rng, tiedShape, type Shape } from './random-problems.js';

function ctx(parent: number, method: string, deviceCost: number, cloneCost: number, migrationCost: number): ProblemContext {
  return { parent, method, deviceCost, cloneCost, migrationCost };
}

async function glpk(model: IlpModel, integral: boolean): Promise<{ cost: number; chosen: string[] }> {
  const result = await solveInThread(flatten(model, integral), { tmlim: 60, mipgap: 0, presol: true }, performance.now() + 60_000).result;
  if (result?.status !== GLP_OPT) throw new Error(`GLPK: status ${result?.status}`);
  const column = new Map(model.vars.map((v, j) => [v.name, j]));
  return { cost: result.z + model.constant, chosen: model.choices.filter((c) => result.values[column.get(c.name)!]! > 0.5).map((c) => c.method) };
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the top form of the dynamic model', () => {
  // main ── a ── b      a has one context: its T is its variable; b has two: an R, and rows
  //      └─ b           tying each T of b to R and R to each of b's paths.
  const problem: PartitionProblem = {
    contexts: [ctx(-1, 'main', 1, 1, 0), ctx(0, 'a', 10, 2, 3), ctx(1, 'b', 20, 4, 5), ctx(0, 'b', 30, 6, 7)],
    candidates: ['a', 'b'],
    pinned: [],
    groups: [],
    nesting: 'dynamic',
  };

  it('has a T per candidate context, an R per method of several contexts, and rows on the paths', () => {
    const model = buildTopModel(problem)!;
    expect(model.vars).toEqual([
      { name: 'r1', lo: 0, hi: 1, binary: true, cost: 0 },
      { name: 't1', lo: 0, hi: 1, binary: true, cost: 3 + (2 - 10) + (4 - 20) },
      { name: 't2', lo: 0, hi: 1, binary: false, cost: 5 + (4 - 20) },
      { name: 't3', lo: 0, hi: 1, binary: false, cost: 7 + (6 - 30) },
    ]);
    expect(model.rows).toEqual([
      { name: 'k2', terms: [['t2', 1], ['t1', 1]], sense: 'le', rhs: 1 },
      { name: 'a2', terms: [['t2', 1], ['r1', -1]], sense: 'le', rhs: 0 },
      { name: 'b2', terms: [['t2', 1], ['t1', 1], ['r1', -1]], sense: 'ge', rhs: 0 },
      { name: 'a3', terms: [['t3', 1], ['r1', -1]], sense: 'le', rhs: 0 },
      { name: 'b3', terms: [['t3', 1], ['r1', -1]], sense: 'ge', rhs: 0 },
    ]);
    expect(model.choices).toEqual([
      { name: 't1', method: 'a' },
      { name: 'r1', method: 'b' },
    ]);
    expect(model.constant).toBe(61);
  });

  it('has exclusion rows where a method is under another at two contexts', () => {
    // main ── a ── b        b migrating at its first context means a does not migrate, so b's
    //      └─ a ── b        other context must be covered by the T below a there: t2 ≤ t4, t4 ≤ t2.
    const twice: PartitionProblem = {
      contexts: [ctx(-1, 'main', 1, 1, 0), ctx(0, 'a', 10, 2, 3), ctx(1, 'b', 20, 4, 5), ctx(0, 'a', 30, 6, 7), ctx(3, 'b', 40, 8, 9)],
      candidates: ['a', 'b'],
      pinned: [],
      groups: [],
      nesting: 'dynamic',
    };
    expect(buildTopModel(twice)!.rows.filter((r) => r.name.startsWith('z'))).toEqual([
      { name: 'z2_4', terms: [['t2', 1], ['t4', -1]], sense: 'le', rhs: 0 },
      { name: 'z4_2', terms: [['t4', 1], ['t2', -1]], sense: 'le', rhs: 0 },
    ]);
  });

  it('is not for static nesting, native-state groups, a budget or pinned contexts', () => {
    expect(topModelFits(problem)).toBe(true);
    expect(topModelFits({ ...problem, nesting: 'static' })).toBe(false);
    expect(topModelFits({ ...problem, groups: [['a', 'b']] })).toBe(false);
    expect(topModelFits({ ...problem, pinned: ['main'] })).toBe(false);
    expect(topModelFits({ ...problem, budget: { objective: 'energy', maxRatio: 2, costs: problem.contexts.map((c) => ({ ...c })) } })).toBe(false);
    // A group or a pinned method without contexts changes nothing.
    expect(topModelFits({ ...problem, groups: [['ghost', 'other']], pinned: ['ghost'] })).toBe(true);
  });
});

const shapes: [string, Shape][] = [
  ['small', { maxContexts: 15, maxMethods: 6, groupChance: 0 }],
  ['tied (coarse costs)', { ...tiedShape, groupChance: 0 }],
  ['larger', { maxContexts: 40, maxMethods: 10, groupChance: 0 }],
];

describe.each(shapes)('against brute force on 300 random %s problems', (_, shape) => {
  it('GLPK on the top form finds the optimum, and its relaxation is at least that of DESIGN.md rows', async () => {
    const rand = rng(4242);
    let solved = 0;
    for (let k = 0; k < 300; k++) {
      const original = randomProblem(rand, 'dynamic', shape);
      // As the solver gives it: the reduced problem (no pinned contexts left); and the problem as it is when nothing is pinned.
      const problems = [reduceProblem(original).problem, { ...original, pinned: [] }];
      for (const p of problems) {
        // Without a choosable method the solver answers all-device without GLPK.
        if (!topModelFits(p) || buildTopModel(p)!.choices.length === 0) continue;
        const expected = bruteForce(p);
        const top = buildTopModel(p)!;
        const mip = await glpk(top, true);
        const priced = checkPartition(p, mip.chosen);
        const design = await glpk(buildModel(p), false);
        const relaxed = await glpk(top, false);
        // Without the exclusion rows the relaxations are the same; with them, at least as tight and still a bound.
        const plain = await glpk({ ...top, rows: top.rows.filter((r) => !r.name.startsWith('z')) }, false);
        const bounds = near(plain.cost, design.cost) && relaxed.cost >= design.cost - 1e-6 && relaxed.cost <= expected.cost + 1e-6;
        if (!near(mip.cost, expected.cost) || !near(priced.cost, expected.cost) || priced.violations.length > 0 || !bounds) {
          throw new Error(`instance ${k}: ${JSON.stringify(p)}: brute force ${expected.cost}, top form ${mip.cost} (priced ${priced.cost}), relaxations ${relaxed.cost} and ${design.cost}`);
        }
        solved++;
      }
    }
    expect(solved).toBeGreaterThan(300);
  }, 120_000);
});
