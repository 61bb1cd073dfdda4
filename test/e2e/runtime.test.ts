/**
 * The run-time end to end: each fixture app runs all on the device and partitioned (a real
 * `clonecloud serve` on a free loopback port, `clonecloud run` on the device side), and the two
 * runs must print the same bytes and exit the same way, with the calls really served by the clone.
 */
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { runAsync, runPlain, servedFixture } from '../helpers/runtime.js';
import { describeMechanisms, expectSameRun, runWithReport, type Mechanism } from '../helpers/mechanisms.js';

describeMechanisms([
  { fixture: 'runtime-this-alias', point: 'src/ledger.ts#Ledger.book', migrated: 2, what: 'a method changing `this` and an argument other objects hold' },
  { fixture: 'runtime-module-state', point: 'src/counter.ts#record', migrated: 4, what: 'a module-level counter and list written under the call' },
  { fixture: 'runtime-closure', point: 'src/scale.ts#makeScaler.<anonymous 1>', migrated: 4, what: 'a closure reading a captured constant and writing a captured counter' },
] satisfies Mechanism[]);

describe('runtime-nested: a migration point reached on the clone is a plain call', () => {
  const app = servedFixture('runtime-nested');

  it('migrates the outer call once and the inner one only where the device calls it', async () => {
    const plain = await runPlain(app.dir);
    const { run, points } = await runWithReport(app);
    expectSameRun(run, plain);
    const report = points();
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
