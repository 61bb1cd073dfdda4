/**
 * The program's entry never loads on the clone: `serve` imports the module of each migration
 * point when it starts, and importing an entry there would run the program again (here, its
 * output in the clone's log). The analysis keeps the entry's own slow function off the clone
 * (rule `state`); the work in another module still migrates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWithReport } from '../helpers/mechanisms.js';
import { runPlain, servedFixture } from '../helpers/runtime.js';

describe("runtime-entry-module: a slow function declared beside the program's top-level work", () => {
  const app = servedFixture('runtime-entry-module');

  it('only the other module migrates, the clone never runs the program, and the run prints what the all-device run prints', async () => {
    const manifest = readFileSync(join(app.dir, 'clonecloud.manifest.yaml'), 'utf8');
    expect(manifest).not.toContain('src/main.ts#heavy');
    expect(manifest).toContain('src/work.ts#crunch');
    const plain = await runPlain(app.dir);
    expect(plain.stdout).toBe('entry ran: heavy 2997, crunch 14\n');
    const { run, points } = await runWithReport(app);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.status).toBe(plain.status);
    expect(points().find((p) => p.method === 'src/work.ts#crunch')?.measured).toMatchObject({ calls: 1, migrated: 1 });
    expect(app.clone.log.filter((l) => l.includes('entry ran'))).toEqual([]);
    expect(app.clone.stderr.filter((l) => l.includes('entry ran'))).toEqual([]);
  });
});
