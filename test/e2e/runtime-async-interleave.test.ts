/**
 * A wrong answer that the analysis now rules out: an async function migrated would run on the
 * clone as one piece, but all on the device its code before the first await runs during the call
 * (the caller sees `job.state` change at once), and two calls in flight interleave their writes to
 * one object (each clone call would start from the same snapshot: 3 instead of 5). So an async
 * function is no candidate ('state' rule), nothing migrates here, and the partitioned run prints
 * what the all-device run prints. A manifest written before the rule may still list it: the
 * device then leaves it unwrapped, says why once, and runs it itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWithReport } from '../helpers/mechanisms.js';
import { runPartitioned, runPlain, servedFixture } from '../helpers/runtime.js';

describe('runtime-async-interleave: an async function whose caller does not wait for it at once', () => {
  const app = servedFixture('runtime-async-interleave');

  it('is not a migration point: the partition keeps it on the device, and the run prints what the all-device run prints', async () => {
    const manifest = readFileSync(join(app.dir, 'clonecloud.manifest.yaml'), 'utf8');
    expect(manifest).not.toContain('src/jobs.ts#run');
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toContain('after the call running 0');
    expect(plain.stdout).toContain('both 3,5 5 done');
    const { run, points } = await runWithReport(app);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(plain.stderr);
    expect(points().find((p) => p.method === 'src/jobs.ts#run')).toBeUndefined();
    expect(app.clone.log.filter((l) => l.includes('src/jobs.ts#run'))).toEqual([]);
  });

  it('listed as a point by an older manifest, it runs on the device with one warning, never a wrong answer', async () => {
    const manifest = readFileSync(join(app.dir, 'clonecloud.manifest.yaml'), 'utf8');
    const old = manifest
      .replace(/^ {4}migrate: \[\]$/m, '    migrate: [src/jobs.ts#run]')
      .replace(/^ {2}points: \[\]$/m, '  points:\n    - method: src/jobs.ts#run\n      state: []');
    expect(old).toContain('- method: src/jobs.ts#run');
    writeFileSync(join(app.dir, 'old.manifest.yaml'), old);
    const plain = await runPlain(app.dir);
    const run = await runPartitioned(app.dir, app.clone.url, ['--manifest', join(app.dir, 'old.manifest.yaml'), '--network', 'wifi']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('src/jobs.ts#run'));
    expect(warnings).toEqual([
      "clonecloud: src/jobs.ts#run runs on the device: an async function goes on after its call returns, interleaved with the device's other work, so the clone cannot run it as one call",
    ]);
    expect(app.clone.log.filter((l) => l.includes('src/jobs.ts#run'))).toEqual([]);
  });
});
