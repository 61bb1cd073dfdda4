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

  it('prices a migration: transfers, round trip and overhead, radio tail (the worked example)', () => {
    // 100 ms up at 132.86 + 283.17·8 + 40 mW; 8 ms down at 132.86 + 137.01·12 + 40 mW;
    // 35 ms of RTT and overhead at 132.86 + 40 mW; tail 119.3 mW · 238 ms.
    const parts = [243.822, 14.53584, 6.0501, 28.3934];
    expect(migrationEnergyMj(figures.device, wifi, phone)).toBeCloseTo(parts.reduce((a, b) => a + b), 9);
    expect(migrationEnergyMj(figures.device, wifi, phone)).toBeCloseTo(292.80134, 9);
    // On Wi-Fi this context saves time (143 + 100 < 400 ms) but not energy (292.8 + 15.93 > 240 mJ).
    expect(migrationCostMs(figures.device, wifi) + 100).toBeCloseTo(243, 9);
  });

  it('pays the tail once per call', () => {
    const two = migrationEnergyMj({ calls: 2, bytesIn: 0, bytesOut: 0 }, wifi, phone);
    expect(two).toBeCloseTo((2 * 35 * 172.86 + 2 * 119.3 * 238) / 1000, 9);
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
