/**
 * One end-to-end case per run-time mechanism: the fixture app runs all on the device and
 * partitioned (a real `clonecloud serve` on a free loopback port, `clonecloud run` on the device
 * side); the two runs must print the same bytes and exit the same way, with the calls really
 * served by the clone (its log and the run's report both count them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPartitioned, runPlain, servedFixture, type Outcome, type Served } from './runtime.js';

export interface Mechanism {
  fixture: string;
  point: string;
  migrated: number;
  what: string;
}

export interface ReportPoint {
  method: string;
  measured: { calls: number; migrated: number; fallbacks: Record<string, number>; awayMs: number; serverMs: number };
}

export function reportOf(file: string): ReportPoint[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { points: ReportPoint[] }).points;
}

/** The served app run partitioned for Wi-Fi with a report file: the run, and the report's points (read when asked, once the run is checked). */
export async function runWithReport(app: Served, env: NodeJS.ProcessEnv = {}): Promise<{ run: Outcome; points: () => ReportPoint[] }> {
  const file = join(app.dir, 'report.json');
  const run = await runPartitioned(app.dir, app.clone.url, ['--network', 'wifi', '--report-file', file], { env });
  return { run, points: () => reportOf(file) };
}

/** Same bytes and exit code as the all-device run. */
export function expectSameRun(partitioned: Outcome, plain: Outcome): void {
  expect(partitioned.stdout).toBe(plain.stdout);
  expect(partitioned.status).toBe(plain.status);
}

export function describeMechanisms(mechanisms: Mechanism[]): void {
  describe.each(mechanisms)('$fixture: $what', ({ fixture, point, migrated }) => {
    const app = servedFixture(fixture);

    it('prints what the all-device run prints, with the calls served by the clone', async () => {
      const plain = await runPlain(app.dir);
      expect(plain.status).toBe(0);
      const { run, points } = await runWithReport(app);
      expectSameRun(run, plain);
      expect(run.stderr).toBe(plain.stderr);
      const entry = points().find((p) => p.method === point);
      expect(entry?.measured).toMatchObject({ calls: migrated, migrated, fallbacks: {} });
      expect(app.clone.log.filter((l) => l.includes(` 200 ${point} `) && !l.includes(' up 0 B '))).toHaveLength(migrated);
    });
  });
}
