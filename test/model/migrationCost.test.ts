import { migrationCostMs, migrationTimesMs, transferMs } from '../../src/model/migrationCost.js';
import type { Device, Network } from '../../src/model/environment.js';

const net: Network = {
  name: 'n', description: '', upMbps: 8, downMbps: 16, rttMs: 30,
  radio: { activeMw: 0, upMwPerMbps: 0, downMwPerMbps: 0, tailMs: 0, tailMw: 0 },
};
const device: Device = {
  name: 'd', description: '', relativeSpeed: 0.25, cpuBusyMw: 0, cpuIdleMw: 0,
  migration: { device: { callMs: 2, upMsPerMB: 10, downMsPerMB: 50 }, clone: { callMs: 1, upMsPerMB: 20, downMsPerMB: 100 } },
};

describe('migration cost', () => {
  it('moves 1 MB over 8 Mbit/s in one second', () => {
    expect(transferMs(1_000_000, 8)).toBeCloseTo(1000, 9);
  });
  it('is calls·RTT + bytesIn/up + bytesOut/down + the run-time work on each side', () => {
    // link: 2·30 + 100000·8/8000 + 20000·8/16000 = 60 + 100 + 10
    // device: 2·2 + 0.1 MB·10 + 0.02 MB·50 = 4 + 1 + 1; clone: 2·1 + 0.1·20 + 0.02·100 = 2 + 2 + 2
    const figures = { calls: 2, bytesIn: 100_000, bytesOut: 20_000 };
    const t = migrationTimesMs(figures, net, device);
    expect(t.roundTripsMs).toBeCloseTo(60, 9);
    expect(t.upMs).toBeCloseTo(100, 9);
    expect(t.downMs).toBeCloseTo(10, 9);
    expect(t.deviceWorkMs).toBeCloseTo(6, 9);
    expect(t.cloneWorkMs).toBeCloseTo(6, 9);
    expect(migrationCostMs(figures, net, device)).toBeCloseTo(182, 9);
  });
  it('is exactly the sum of migrationTimesMs, in its order (migrationCostOf restates its terms)', () => {
    for (const figures of [{ calls: 2, bytesIn: 100_000, bytesOut: 20_000 }, { calls: 7, bytesIn: 12_345.6, bytesOut: 0.3 }, { calls: 0, bytesIn: 0, bytesOut: 0 }]) {
      const t = migrationTimesMs(figures, net, device);
      expect(migrationCostMs(figures, net, device)).toBe(t.roundTripsMs + t.upMs + t.downMs + t.deviceWorkMs + t.cloneWorkMs);
    }
  });
  it('is linear: twice the calls and bytes cost twice as much', () => {
    const one = migrationCostMs({ calls: 3, bytesIn: 5000, bytesOut: 700 }, net, device);
    expect(migrationCostMs({ calls: 6, bytesIn: 10_000, bytesOut: 1400 }, net, device)).toBeCloseTo(2 * one, 9);
  });
});
