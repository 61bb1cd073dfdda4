/** buildProblem: objectives, budgets and their flags. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parseDevice, parseNetwork } from '../../src/model/environment.js';
import { buildProblem, type Legality } from '../../src/model/problem.js';
import { mergeProfiles } from '../../src/profiles/merge.js';
import { columnsOfProblem } from '../../src/model/columns.js';
import { solvePartition, type FirstRoundReuse } from '../../src/solver/index.js';
import type { Profile } from '../../src/profiles/types.js';

const lte = parseNetwork(readFileSync('profiles/networks/lte.yaml', 'utf8'), 'lte.yaml');
const wifi = parseNetwork(readFileSync('profiles/networks/wifi.yaml', 'utf8'), 'wifi.yaml');
const phone = parseDevice(readFileSync('profiles/devices/phone-midrange.yaml', 'utf8'), 'phone-midrange.yaml');
const recorded = (side: Profile['side'], mainMs: number, workMs: number): Profile => ({
  file: side, side, runs: 1,
  contexts: [
    { id: 0, method: 'main', calls: 1, selfMs: mainMs, bytesIn: 1000, bytesOut: 1000 },
    { id: 1, parent: 0, method: 'work', calls: 1, selfMs: workMs, bytesIn: 1000, bytesOut: 1000 },
  ],
});
const profile = mergeProfiles([recorded('device', 10, 800), recorded('clone', 2, 200)], 0.25);
const legality: Legality = { candidates: new Set(['work']), pinned: new Set(), groups: [], reach: { components: [], calls: [] } };

describe('buildProblem', () => {
  it('prices time in ms and energy in mJ', () => {
    const time = buildProblem(profile, legality, lte, phone, 'time', 'dynamic');
    expect(time.contexts[1]).toMatchObject({ deviceCost: 800, cloneCost: 200 });
    expect(time.objective).toBe('time');
    expect(time.budget).toBeUndefined();
    const energy = buildProblem(profile, legality, lte, phone, 'energy', 'dynamic');
    expect(energy.contexts[1]!.deviceCost).toBeCloseTo(480, 9); // 600 mW · 800 ms
    expect(energy.contexts[1]!.cloneCost).toBeCloseTo((40 + 1060.04) * 0.2, 9);
  });

  it('adds the other objective as a budget', () => {
    const t = buildProblem(profile, legality, lte, phone, 'time', 'static', { maxEnergyRatio: 0.8 });
    expect(t.budget).toMatchObject({ objective: 'energy', maxRatio: 0.8 });
    expect(t.budget!.costs[1]!.deviceCost).toBeCloseTo(480, 9);
    const e = buildProblem(profile, legality, lte, phone, 'energy', 'static', { maxSlowdown: 1.5 });
    expect(e.budget).toMatchObject({ objective: 'time', maxRatio: 1.5 });
    expect(e.budget!.costs[1]).toMatchObject({ deviceCost: 800, cloneCost: 200 });
  });

  it('holds its contexts in columns shared by every network, made objects only when asked', async () => {
    const a = buildProblem(profile, legality, lte, phone, 'time', 'dynamic');
    const b = buildProblem(profile, legality, wifi, phone, 'time', 'dynamic');
    expect(columnsOfProblem(a)!.parent).toBe(profile.parent);
    expect(columnsOfProblem(b)!.id).toBe(columnsOfProblem(a)!.id);
    // Two networks solved in turn, the second reusing the first's reductions: neither makes objects.
    const reuse: FirstRoundReuse = {};
    for (const problem of [a, b]) {
      const solution = await solvePartition(problem, { timeLimitSec: 10, mipGap: 0, reuse });
      expect(solution.optimal).toBe(true);
      expect(Object.getOwnPropertyDescriptor(problem, 'contexts')!.get).toBeDefined();
    }
    expect(reuse.last).toBeDefined();
    expect(b.contexts).toMatchObject([
      { parent: -1, method: 'main', deviceCost: 10, cloneCost: 2 },
      { parent: 0, method: 'work', deviceCost: 800, cloneCost: 200 },
    ]);
    // Both contexts moved the same bytes: the same migration cost on one network, another on the other.
    expect(b.contexts[1]!.migrationCost).toBe(b.contexts[0]!.migrationCost);
    expect(b.contexts[1]!.migrationCost).not.toBe(a.contexts[1]!.migrationCost);
  });

  it('rejects a budget on the objective itself or a bad ratio', () => {
    expect(() => buildProblem(profile, legality, lte, phone, 'energy', 'dynamic', { maxEnergyRatio: 1 })).toThrow(InputError);
    expect(() => buildProblem(profile, legality, lte, phone, 'time', 'dynamic', { maxSlowdown: 2 })).toThrow(/--objective energy/);
    expect(() => buildProblem(profile, legality, lte, phone, 'time', 'dynamic', { maxEnergyRatio: 0 })).toThrow(/positive/);
  });
});
