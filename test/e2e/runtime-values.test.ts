/**
 * The run-time end to end, for the values a call moves: class instances coming back, an
 * exception thrown on the clone, console output, an async call. Each fixture app runs all on the
 * device and partitioned (real serve and run), and the two runs must print the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparedApp, runPartitioned, runPlain, startClone, type Clone, type Outcome } from '../helpers/runtime.js';

interface ReportPoint {
  method: string;
  measured: { calls: number; migrated: number; fallbacks: Record<string, number> };
}

function reportOf(dir: string): ReportPoint[] {
  return (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { points: ReportPoint[] }).points;
}

/** Same bytes and exit as the all-device run; the clone's fallback notes are the only difference allowed on stderr. */
function expectSameRun(partitioned: Outcome, plain: Outcome): void {
  expect(partitioned.stdout).toBe(plain.stdout);
  expect(partitioned.status).toBe(plain.status);
}

const mechanisms: { fixture: string; point: string; migrated: number; what: string }[] = [
  { fixture: 'runtime-class-return', point: 'src/shapes.ts#buildShape', migrated: 1, what: "class instances (and Map, Set, Date, typed arrays) coming back as the app's classes" },
  { fixture: 'runtime-exception', point: 'src/parse.ts#parseAll', migrated: 2, what: 'an exception thrown on the clone caught on the device, with its class, cause and fields' },
  { fixture: 'runtime-console', point: 'src/crunch.ts#crunch', migrated: 1, what: 'console output under a migrated call, in order' },
  { fixture: 'runtime-async', point: 'src/stats.ts#summarize', migrated: 1, what: 'an async migration point' },
];

describe.each(mechanisms)('$fixture: $what', ({ fixture, point, migrated }) => {
  let dir: string;
  let clone: Clone;
  beforeAll(async () => {
    dir = preparedApp(fixture);
    clone = await startClone(dir);
  });
  afterAll(() => clone?.stop());

  it('prints what the all-device run prints, with the calls served by the clone', async () => {
    const plain = await runPlain(dir);
    expect(plain.status).toBe(0);
    const run = await runPartitioned(dir, clone.url, ['--network', 'wifi', '--report-file', join(dir, 'report.json')]);
    expectSameRun(run, plain);
    expect(run.stderr).toBe(plain.stderr);
    const entry = reportOf(dir).find((p) => p.method === point);
    expect(entry?.measured).toMatchObject({ calls: migrated, migrated, fallbacks: {} });
    expect(clone.log.filter((l) => l.includes(` 200 ${point} `) && !l.includes(" up 0 B "))).toHaveLength(migrated);
  });
});

