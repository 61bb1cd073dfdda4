/**
 * The monotonic clocks read in a migrated call are the device's timeline: a time the call keeps
 * (`this.at = performance.now()`) lies between the device's readings around the call, however
 * long the clone's worker has lived (before, it was the worker's own count: the device's
 * `performance.now() - this.at` came out negative). Differences inside a call still measure it.
 */
import { reportOf } from '../helpers/mechanisms.js';
import { join } from 'node:path';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-clocks: performance.now and process.hrtime in migrated calls', () => {
  const app = servedFixture('runtime-clocks');

  it('keeps times on the device timeline, and prints what the all-device run prints', async () => {
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toBe('performance.now kept in order: true\nhrtime kept in order: true\nmeasured inside a call: true\n');
    const file = join(app.dir, 'report.json');
    const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi', '--report-file', file]);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(0);
    const measured = (id: string) => reportOf(file).find((p) => p.method === id)?.measured;
    expect(measured('src/cache.ts#Cache.refresh')).toMatchObject({ calls: 1, migrated: 1 });
    expect(measured('src/cache.ts#spent')).toMatchObject({ calls: 1, migrated: 1 });
  });
});
