/** The energy model: the worked example of src/model/energy.ts and the problem it builds. */
import { readFileSync } from 'node:fs';
import { contextEnergyMj, migrationEnergyMj } from '../../src/model/energy.js';
import { parseDevice, parseNetwork } from '../../src/model/environment.js';
import { migrationCostMs } from '../../src/model/migrationCost.js';

const wifi = parseNetwork(readFileSync('profiles/networks/wifi.yaml', 'utf8'), 'wifi.yaml');
const phone = parseDevice(readFileSync('profiles/devices/phone-midrange.yaml', 'utf8'), 'phone-midrange.yaml');
const figures = { device: { calls: 1, selfMs: 400, bytesIn: 100_000, bytesOut: 12_000 }, clone: { selfMs: 100 } };

describe('energy per context (mJ)', () => {
  it('prices device work at busy power and clone work at idle CPU plus connected radio', () => {
    const e = contextEnergyMj(figures, wifi, phone);
    expect(e.deviceCost).toBeCloseTo(240, 9); // 600 mW · 400 ms
    expect(e.cloneCost).toBeCloseTo(15.93, 9); // (40 + 119.3) mW · 100 ms
  });

  it('prices a migration: transfers, round trip, the run-time on each side, radio tail (the worked example)', () => {
    // 100 ms up at 132.86 + 283.17·8 + 40 mW; 8 ms down at 132.86 + 137.01·12 + 40 mW;
    // 30 ms of RTT at 132.86 + 40 mW; the device's run-time work 1 + 0.1·12 + 0.012·40 = 2.68 ms
    // at 600 mW; the clone's 1 + 0.1·11 + 0.012·110 = 3.42 ms waited at 40 + 119.3 mW;
    // tail 119.3 mW · 238 ms.
    const parts = [243.822, 14.53584, 5.1858, 1.608, 0.544806, 28.3934];
    expect(migrationEnergyMj(figures.device, wifi, phone)).toBeCloseTo(parts.reduce((a, b) => a + b), 9);
    expect(migrationEnergyMj(figures.device, wifi, phone)).toBeCloseTo(294.089846, 9);
    // On Wi-Fi this context saves time (144.1 + 100 < 400 ms) but not energy (294.09 + 15.93 > 240 mJ).
    expect(migrationCostMs(figures.device, wifi, phone) + 100).toBeCloseTo(244.1, 9);
  });

  it('pays the tail and the run-time per-call work once per call', () => {
    const two = migrationEnergyMj({ calls: 2, bytesIn: 0, bytesOut: 0 }, wifi, phone);
    expect(two).toBeCloseTo((2 * 30 * 172.86 + 2 * 1 * 600 + 2 * 1 * 159.3 + 2 * 119.3 * 238) / 1000, 9);
  });
});

describe('bundled networks', () => {
  it.each(['wifi', '3g', 'lte', '5g'])('%s parses and every figure is commented with a source', (name) => {
    const text = readFileSync(`profiles/networks/${name}.yaml`, 'utf8');
    const net = parseNetwork(text, `${name}.yaml`);
    expect(net.name).toBe(name);
    expect(text).toMatch(/Huang|Xu|Narayanan|MAUI|estimate/);
  });
});
