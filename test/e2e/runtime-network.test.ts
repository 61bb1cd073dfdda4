/**
 * The run-time end to end over an emulated link: a clone started with `--emulate-network` adds
 * the network profile's round trip and transfers to each call, and `--network auto` measures that
 * link and picks its partition. (Split from runtime.test.ts so that the two run side by side.)
 */
import { join } from 'node:path';
import { bundledNetworks } from '../../src/runtime/networks.js';
import { expectSameRun, reportOf } from '../helpers/mechanisms.js';
import { preparedApp, runPartitioned, runPlain, startClone } from '../helpers/runtime.js';

describe('a clone that emulates a network', () => {
  it("adds the link's round trip and transfers to the call's own time, as a real link does", async () => {
    const dir = preparedApp('runtime-nested', '3g');
    const env = { RUNTIME_SLOW: '300000000' }; // a few hundred ms of work on the clone
    const clone = await startClone(dir, ['--emulate-network', '3g']);
    try {
      const run = await runPartitioned(dir, clone.url, ['--network', '3g', '--timeout', '60000', '--report-file', join(dir, 'report.json')], { env });
      expect(run.status).toBe(0);
      const square = reportOf(join(dir, 'report.json')).find((p) => p.method === 'src/sums.ts#square')!.measured;
      expect(square.migrated).toBe(2);
      // A round trip of 3g per call; the calls' own time comes on top, not under it.
      const { rttMs } = bundledNetworks().find((n) => n.name === '3g')!;
      expect(square.awayMs).toBeGreaterThanOrEqual(square.serverMs + 2 * rttMs);
      expect(square.serverMs).toBeGreaterThan(100);
    } finally {
      await clone.stop();
    }
  });
});

describe('--network auto against a clone that emulates a network', () => {
  it.each(['lte'])('measures the emulated %s link and runs its partition', async (network) => {
    const dir = preparedApp('runtime-module-state', '3g,lte,wifi,5g');
    const clone = await startClone(dir, ['--emulate-network', network]);
    try {
      const plain = await runPlain(dir);
      const run = await runPartitioned(dir, clone.url, ['--report-file', join(dir, 'report.json')]);
      expectSameRun(run, plain);
      expect(run.stderr).toMatch(new RegExp(`^clonecloud run: link to the clone .*: partition '${network}'\\n$`));
      expect(reportOf(join(dir, 'report.json')).find((p) => p.method === 'src/counter.ts#record')?.measured).toMatchObject({ calls: 4, migrated: 4 });
    } finally {
      await clone.stop();
    }
  });
});
