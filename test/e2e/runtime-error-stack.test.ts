/**
 * The stack of an error a migrated call throws is the one the device would have made: the app's
 * frames under the device's own paths (the clone serves a copy of the build in another folder),
 * then the migration point's callers on the device, never the clone's run-time; with its cause's
 * stack likewise, and an error that went up from the device thrown back with its stack as it was.
 * A call that prints a stack itself, or reads one made on the clone, is refused and runs on the
 * device; one that reads the stack of an error the device made migrates.
 */
import { rmSync } from 'node:fs';
import { reportOf } from '../helpers/mechanisms.js';
import { join } from 'node:path';
import { preparedApp, runPartitioned, runPlain, startClone, type Clone } from '../helpers/runtime.js';

describe('runtime-error-stack: errors thrown on the clone, printed by the device', () => {
  let device: string;
  let cloneDir: string;
  let clone: Clone;
  beforeAll(async () => {
    device = preparedApp('runtime-error-stack');
    cloneDir = preparedApp('runtime-error-stack');
    clone = await startClone(cloneDir);
  });
  afterAll(async () => {
    await clone?.stop();
    for (const dir of [device, cloneDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the stacks the all-device run prints, with every call served by the clone', async () => {
    const plain = await runPlain(device);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('RangeError: not a digit at 1\n    at digit (file://');
    expect(plain.stdout).toContain('[cause]: Error: got \'x\'');
    expect(plain.stderr).toContain("parseOrZero: RangeError: not a digit at 1\n    at digit (file://");
    const file = join(device, 'report.json');
    const run = await runPartitioned(device, clone.url, ['--network', 'wifi', '--report-file', file]);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr.split('\n').filter((l) => !l.startsWith('clonecloud'))).toEqual(plain.stderr.split('\n'));
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(cloneDir);
    const measured = (id: string) => reportOf(file).find((p) => p.method === id)?.measured;
    expect(measured('src/parse.ts#parseNumber')).toMatchObject({ calls: 4, migrated: 4, fallbacks: {} });
    // The call that prints an error it caught is refused and runs here: the stack it prints ends in the device's frames.
    expect(measured('src/parse.ts#parseOrZero')).toMatchObject({ calls: 2, migrated: 1 });
    expect(run.stderr).toContain('it prints a stack trace');
    // A stack read and returned would name the clone's folder: refused, run here.
    expect(plain.stdout).toContain(`at whereFrom (file://${device}`);
    expect(measured('src/parse.ts#whereFrom')).toMatchObject({ calls: 1, migrated: 0 });
    expect(run.stderr).toContain("it reads an error's stack");
    expect(measured('src/parse.ts#madeAt')).toMatchObject({ calls: 1, migrated: 1, fallbacks: {} });
  });
});
