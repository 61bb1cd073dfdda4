import { migrationCostMs, transferMs } from '../../src/model/migrationCost.js';
import type { Network } from '../../src/model/environment.js';

const net: Network = {
  name: 'n', description: '', upMbps: 8, downMbps: 16, rttMs: 30, migrationOverheadMs: 5,
  radio: { activeMw: 0, upMwPerMbps: 0, downMwPerMbps: 0, tailMs: 0, tailMw: 0 },
};

describe('migration cost', () => {
  it('moves 1 MB over 8 Mbit/s in one second', () => {
    expect(transferMs(1_000_000, 8)).toBeCloseTo(1000, 9);
  });
  it('is calls·(RTT + overhead) + bytesIn/up + bytesOut/down', () => {
    // 2·35 + 100000·8/8000 + 20000·8/16000 = 70 + 100 + 10
    expect(migrationCostMs({ calls: 2, bytesIn: 100_000, bytesOut: 20_000 }, net)).toBeCloseTo(180, 9);
  });
});
