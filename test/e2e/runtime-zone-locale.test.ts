/**
 * A known wrong answer, kept as a failing test until the device tells the clone its time zone and
 * locale: a migrated call formats dates and numbers with the clone's (here the device runs in
 * Tokyo with a German locale, the clone with the test's own).
 */
import { join } from 'node:path';
import { reportOf } from '../helpers/mechanisms.js';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe("runtime-zone-locale: a device whose time zone and locale are not the clone's", () => {
  const env = { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
  const app = servedFixture('runtime-zone-locale');

  it('the call does migrate (so what follows is the clone answering, not a fallback)', async () => {
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi', '--report-file', join(app.dir, 'report.json')], { env });
    expect(run.status).toBe(0);
    expect(reportOf(join(app.dir, 'report.json')).find((p) => p.method === 'src/stamp.ts#stamp')?.measured).toMatchObject({ calls: 1, migrated: 1 });
  });

  it.failing('prints what the all-device run prints', async () => {
    const plain = await runPlain(app.dir, undefined, env);
    expect(plain.stdout).toMatch(/^21h .* GMT\+0900 .* 1\.234\.567,5\n$/);
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi'], { env });
    expect(run.stdout).toBe(plain.stdout);
  });
});
