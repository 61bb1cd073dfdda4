/**
 * Local time and the default locale belong to the device: a migrated call that formats dates and
 * numbers with them (here the device runs in Tokyo with a German locale) is refused by a clone
 * whose zone and locale differ, and runs on the device; a clone that shares them runs it.
 */
import { runWithReport } from '../helpers/mechanisms.js';
import { runPlain, servedFixture } from '../helpers/runtime.js';

const env = { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

describe("runtime-zone-locale: a device whose time zone and locale are not the clone's", () => {
  const app = servedFixture('runtime-zone-locale');

  it('the call runs on the device, prints what the all-device run prints, and the clone says which API it refused', async () => {
    const plain = await runPlain(app.dir, undefined, env);
    expect(plain.stdout).toMatch(/^21h .* GMT\+0900 .* 1\.234\.567,5\n$/);
    const { run, points } = await runWithReport(app, env);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(points().find((p) => p.method === 'src/stamp.ts#stamp')?.measured).toMatchObject({
      calls: 1,
      migrated: 0,
      fallbacks: { 'the clone cannot run this call faithfully': 1 },
    });
    const refused = app.clone.log.filter((l) => l.includes(' 422 src/stamp.ts#stamp '));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('Date.prototype.getHours under a time zone the clone does not share (device Asia/Tokyo, clone ');
  });
});

describe('runtime-zone-locale: a device and a clone in the same time zone and locale', () => {
  const app = servedFixture('runtime-zone-locale', [], env);

  it('the call migrates and prints what the all-device run prints', async () => {
    const plain = await runPlain(app.dir, undefined, env);
    const { run, points } = await runWithReport(app, env);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(points().find((p) => p.method === 'src/stamp.ts#stamp')?.measured).toMatchObject({ calls: 1, migrated: 1, fallbacks: {} });
    expect(app.clone.log.filter((l) => l.includes(' 200 src/stamp.ts#stamp '))).toHaveLength(1);
  });
});
