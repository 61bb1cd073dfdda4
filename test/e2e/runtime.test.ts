/**
 * The run-time end to end: each fixture app runs all on the device and partitioned (a real
 * `clonecloud serve` on a free loopback port, `clonecloud run` on the device side), and the two
 * runs must print the same bytes and exit the same way, with the calls really served by the clone.
 */
import { bundledNetworks } from '../../src/runtime/networks.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { preparedApp, runAsync, runPartitioned, runPlain, servedFixture, startClone } from '../helpers/runtime.js';
import { describeMechanisms, expectSameRun, reportOf, type Mechanism } from '../helpers/mechanisms.js';

describeMechanisms([
  { fixture: 'runtime-this-alias', point: 'src/ledger.ts#Ledger.book', migrated: 2, what: 'a method changing `this` and an argument other objects hold' },
  { fixture: 'runtime-module-state', point: 'src/counter.ts#record', migrated: 4, what: 'a module-level counter and list written under the call' },
  { fixture: 'runtime-closure', point: 'src/scale.ts#makeScaler.<anonymous 1>', migrated: 4, what: 'a closure reading a captured constant and writing a captured counter' },
] satisfies Mechanism[]);

describe('runtime-nested: a migration point reached on the clone is a plain call', () => {
  const app = servedFixture('runtime-nested');

  it('migrates the outer call once and the inner one only where the device calls it', async () => {
    const plain = await runPlain(app.dir);
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi', '--report-file', join(app.dir, 'report.json')]);
    expectSameRun(run, plain);
    const report = reportOf(join(app.dir, 'report.json'));
    expect(report.find((p) => p.method === 'src/sums.ts#sumOfSquares')?.measured).toMatchObject({ calls: 1, migrated: 1 });
    // square runs four times inside sumOfSquares on the clone, and once from main on the device.
    expect(report.find((p) => p.method === 'src/sums.ts#square')?.measured).toMatchObject({ calls: 1, migrated: 1 });
  });
});

describe('without the CLI: node --import clonecloud/run and environment variables', () => {
  const app = servedFixture('runtime-module-state');

  it('migrates as `clonecloud run` does', async () => {
    const plain = await runPlain(app.dir);
    const register = join(ROOT, 'dist', 'runtime', 'device', 'register.js');
    const run = await runAsync(process.execPath, ['--import', register, join(app.dir, '.build', 'main.js')], {
      cwd: app.dir,
      env: { CLONECLOUD_CLONE: app.clone.url, CLONECLOUD_NETWORK: 'auto', CLONECLOUD_APP: app.dir },
    });
    expectSameRun(run, plain);
    expect(run.stderr).toBe('');
    expect(app.clone.log.filter((l) => l.includes(' 200 src/counter.ts#record '))).toHaveLength(4);
  });
});

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
