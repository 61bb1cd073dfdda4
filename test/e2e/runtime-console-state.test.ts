/**
 * Console output that depends on the device's console: `console.count` and `console.group` keep
 * their state there. A call using them is refused by the clone and runs on the device (so it
 * prints what it prints all on the device); a call printing plain lines migrates.
 */
import { expectSameRun, runWithReport } from '../helpers/mechanisms.js';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-console-state: console counters and groups', () => {
  const app = servedFixture('runtime-console-state');

  it('a call using them runs on the device, and prints what the all-device run prints', async () => {
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toContain('    a 1\n');
    const report = await runWithReport(app);
    expectSameRun(report.run, plain);
    const points = report.points();
    expect(points.find((p) => p.method === 'src/report.ts#report')?.measured).toMatchObject({ calls: 2, migrated: 0, fallbacks: { 'the clone cannot run this call faithfully': 2 } });
    expect(points.find((p) => p.method === 'src/report.ts#summary')?.measured).toMatchObject({ calls: 1, migrated: 1, fallbacks: {} });
    expect(app.clone.log.filter((l) => l.includes(' 422 src/report.ts#report ') && l.includes('console.count'))).toHaveLength(2);
  });

  // The device prints a migrated call's lines through its own console, which indents them.
  it("a migrated call's output inside a group the device opened is indented as all on the device", async () => {
    const env = { RUNTIME_IN_GROUP: '1' };
    const plain = await runPlain(app.dir, undefined, env);
    expect(plain.stdout).toContain('  total 3\n  of 2\n');
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi'], { env });
    expect(run.stdout).toBe(plain.stdout);
  });
});
