/**
 * The program's entry never loads on the clone: `serve` imports the module of each migration
 * point when it starts, and importing an entry there would run the program again (here, its
 * output in the clone's log). The analysis keeps the entry's own slow function off the clone
 * (rule `state`), and the manifest lists the entry: a call that brings an instance of the entry's
 * class, which the clone would load the entry to rebuild, is refused and runs on the device.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWithReport } from '../helpers/mechanisms.js';
import { runPlain, servedFixture } from '../helpers/runtime.js';

describe("runtime-entry-module: a slow function and a class declared beside the program's top-level work", () => {
  const app = servedFixture('runtime-entry-module');

  it('the entry is never loaded on the clone, and the run prints what the all-device run prints', async () => {
    const manifest = readFileSync(join(app.dir, 'clonecloud.manifest.yaml'), 'utf8');
    expect(manifest).not.toContain('src/main.ts#heavy');
    expect(manifest).toContain('src/work.ts#crunch');
    expect(manifest).toContain('  entries:\n    - src/main.ts\n');
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toBe('entry ran: heavy 2997, crunch 14, total 7\n');
    const { run, points } = await runWithReport(app);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(plain.status);
    const measured = (id: string) => points().find((p) => p.method === id)?.measured;
    expect(measured('src/work.ts#crunch')).toMatchObject({ calls: 1, migrated: 1 });
    expect(measured('src/work.ts#total')).toMatchObject({ calls: 1, migrated: 0, fallbacks: { 'the clone could not read the call': 1 } });
    expect(run.stderr).toContain("src/main.ts is the program's entry, which the clone never imports");
    expect([...app.clone.log, ...app.clone.stderr].filter((l) => l.includes('entry ran'))).toEqual([]);
  });
});
