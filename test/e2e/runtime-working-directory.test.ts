/**
 * Relative paths resolve against the device's working directory: `path.resolve`, `path.relative`
 * and `url.pathToFileURL` read `process.cwd()`, and the clone here runs in another folder (the
 * repository's, as a container's `/app` would be). Before the clone took the device's working
 * directory for each call, all three answered with the clone's.
 */
import { join } from 'node:path';
import { reportOf } from '../helpers/mechanisms.js';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe("runtime-working-directory: relative paths in migrated calls resolve against the device's folder", () => {
  const app = servedFixture('runtime-working-directory');

  it('prints what the all-device run prints, every call served by the clone', async () => {
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toBe('true\nsrc/x.ts\ntrue\n');
    const file = join(app.dir, 'report.json');
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi', '--report-file', file]);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(0);
    for (const id of ['src/paths.ts#outputFor', 'src/paths.ts#shown', 'src/paths.ts#asUrl']) {
      expect(reportOf(file).find((p) => p.method === id)?.measured).toMatchObject({ calls: 1, migrated: 1 });
    }
  });
});
