/**
 * An app that replaces built-ins the run-time itself uses: its `Math.round` (a migration point)
 * and its `JSON.stringify` (which prefixes what it writes). The run-time's own use of
 * `Math.round` re-entered the point and recursed until the stack ran out, and the process's
 * report was written through the app's JSON and could not be read (`run` stopped with an
 * internal error). And an app whose `Object.keys` hides keys kept, on the device, a key the clone
 * had deleted. Now app code the run-time reaches while it sends or applies a call runs on the
 * device, and the run-time reads and writes values, and writes its report, with the built-ins it
 * took before the app loaded.
 */
import { runWithReport } from '../helpers/mechanisms.js';
import { runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-patched-builtins: the app replaces Math.round, JSON.stringify and Object.keys', () => {
  const app = servedFixture('runtime-patched-builtins');

  it('prints what the all-device run prints; the replaced Math.round migrates when the app calls it', async () => {
    const plain = await runPlain(app.dir);
    expect(plain).toMatchObject({ status: 0, stdout: "2870 -3 3\n)]}' | {\"ok\":true}\nann false\n" });
    const { run, points } = await runWithReport(app);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(0);
    const measured = (id: string) => points().find((p) => p.method === id)?.measured;
    expect(measured('src/work.ts#sumOfSquares')).toMatchObject({ calls: 1, migrated: 1 });
    expect(measured('src/work.ts#forget')).toMatchObject({ calls: 1, migrated: 1 }); // the key it deleted is deleted here too
    const round = measured('src/patches.ts#Math.round');
    expect(round).toMatchObject({ migrated: 2 });
    expect(round?.fallbacks['reached from inside the run-time']).toBeGreaterThan(0);
    expect(run.stderr).toContain('src/patches.ts#Math.round ran on the device: reached from inside the run-time');
  });
});
