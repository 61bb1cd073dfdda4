/**
 * Clones behind a real load balancer (nginx, from Debian's packages; .ci/run installs it): two
 * `clonecloud serve` processes, devices calling through nginx, and one clone killed while the
 * devices are in the middle of their calls. Every device prints the all-device output; the calls
 * go on being served by the other clone, and what ran on the device instead is counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNginx, startNginx, type Nginx } from '../helpers/nginx.mjs';
import { preparedApp, runPartitioned, runPlain, startClone, type Clone } from '../helpers/runtime.js';

const NGINX = findNginx();
const withNginx = NGINX ? it : it.skip;

interface Report {
  points: { method: string; measured: { calls: number; migrated: number; fallbacks: Record<string, number> } }[];
}

describe('two clones behind nginx', () => {
  let clones: Clone[] = [];
  let balancer: Nginx | undefined;
  afterEach(async () => {
    await balancer?.stop();
    for (const c of clones) await c.stop();
  });

  withNginx('one killed in the middle of the devices\' calls: every answer is the all-device answer', async () => {
    const dir = preparedApp('runtime-nested');
    const env = { RUNTIME_REPEAT: '400' };
    const plain = await runPlain(dir, undefined, env);
    expect(plain.status).toBe(0);
    clones = [await startClone(dir, ['--workers', '1']), await startClone(dir, ['--workers', '1'])];
    balancer = await startNginx(clones.map((c) => new URL(c.url).host));
    const served = (c: Clone) => c.log.filter((l) => / 200 src\/sums\.ts#square /.test(l)).length;

    const devices = [0, 1, 2].map((i) =>
      runPartitioned(dir, balancer!.url, ['--network', 'wifi', '--report-file', join(dir, `report-${i}.json`)], { env }),
    );
    // Kill the first clone once both have served a few calls, so that calls are in flight on it.
    for (let waited = 0; (served(clones[0]!) < 5 || served(clones[1]!) < 5) && waited < 60_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    expect(served(clones[0]!)).toBeGreaterThanOrEqual(5);
    clones[0]!.child.kill('SIGKILL');
    const servedByOtherAtKill = served(clones[1]!);

    const runs = await Promise.all(devices);
    for (const run of runs) {
      expect(run.stdout).toBe(plain.stdout);
      expect(run.status).toBe(0);
    }
    // The surviving clone went on serving after the kill.
    expect(served(clones[1]!)).toBeGreaterThan(servedByOtherAtKill + 10);
    // Each device's report accounts for every call: served by a clone, or run on the device and counted.
    for (let i = 0; i < runs.length; i++) {
      const report = JSON.parse(readFileSync(join(dir, `report-${i}.json`), 'utf8')) as Report;
      const square = report.points.find((p) => p.method === 'src/sums.ts#square')!.measured;
      const fellBack = Object.values(square.fallbacks).reduce((a, b) => a + b, 0);
      expect(square.calls).toBe(401);
      expect(square.migrated + fellBack).toBe(square.calls);
      expect(square.migrated).toBeGreaterThan(0);
    }
  });
});
