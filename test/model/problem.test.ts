/** buildProblem: objectives, budgets and their flags. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { parseDevice, parseNetwork } from '../../src/model/environment.js';
import { buildProblem, type Legality } from '../../src/model/problem.js';
import { mergeProfiles } from '../../src/profiles/merge.js';
import type { Profile } from '../../src/profiles/types.js';

const lte = parseNetwork(readFileSync('profiles/networks/lte.yaml', 'utf8'), 'lte.yaml');
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

  it('rejects a budget on the objective itself or a bad ratio', () => {
    expect(() => buildProblem(profile, legality, lte, phone, 'energy', 'dynamic', { maxEnergyRatio: 1 })).toThrow(InputError);
    expect(() => buildProblem(profile, legality, lte, phone, 'time', 'dynamic', { maxSlowdown: 2 })).toThrow(/--objective energy/);
    expect(() => buildProblem(profile, legality, lte, phone, 'time', 'dynamic', { maxEnergyRatio: 0 })).toThrow(/positive/);
  });
});
