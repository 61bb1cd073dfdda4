/**
 * A synchronous call that leaves work behind (a timer, a promise's continuation, an async function
 * not awaited): on the clone that work would run after the answer left, against the clone's copies.
 * The clone refuses such a call, so it runs on the device; a call that leaves nothing migrates.
 */
import { expectSameRun, runWithReport } from '../helpers/mechanisms.js';
import { runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-pending-work: calls that leave work to run after they return', () => {
  const app = servedFixture('runtime-pending-work');

  it('run on the device, and the app prints what the all-device run prints', async () => {
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toBe('1 0 2\ntimer fired\ncounting\ndone true then,async 2\n');
    const report = await runWithReport(app);
    expectSameRun(report.run, plain);
    const points = report.points();
    for (const [name, kind] of [['schedule', 'Timeout'], ['later', 'PROMISE'], ['fireAndForget', 'PROMISE']]) {
      expect(points.find((p) => p.method === `src/sched.ts#${name}`)?.measured).toMatchObject({ calls: 1, migrated: 0, fallbacks: { 'the clone cannot run this call faithfully': 1 } });
      expect(app.clone.log.filter((l) => l.includes(` 422 src/sched.ts#${name} `) && l.includes(`(${kind})`))).toHaveLength(1);
    }
    expect(points.find((p) => p.method === 'src/sched.ts#count')?.measured).toMatchObject({ calls: 1, migrated: 1, fallbacks: {} });
    // The timer left on the clone was cancelled: its output never reached the clone's log.
    expect(app.clone.log.join('\n')).not.toContain('timer fired');
  });
});
