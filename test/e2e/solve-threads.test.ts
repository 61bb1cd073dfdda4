import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, runCli } from '../helpers/cli.js';

const MANIFEST = 'clonecloud.manifest.yaml';
const THREADS = { CLONECLOUD_SOLVE_THREADS: '2' };

// CLONECLOUD_SOLVE_THREADS: the networks solved side by side in worker threads (src/cli/solveInThreads.ts).
describe('partition with the networks solved in threads', () => {
  let app: string;
  beforeAll(() => {
    app = copyFixture('e2e-app');
  });

  it('writes the manifest of one thread, byte for byte, and times the solves as one step', () => {
    expect(runCli(['partition', app]).status).toBe(0);
    const alone = readFileSync(join(app, MANIFEST));
    const run = runCli(['partition', app, '--verbose'], undefined, THREADS);
    expect(run.status).toBe(0);
    expect(readFileSync(join(app, MANIFEST)).equals(alone)).toBe(true);
    const line = run.stdout.split('\n').find((l) => l.startsWith('  time (ms): '))!;
    expect(line).toMatch(/solving 3g, 5g, lte, wifi \d+, checking 3g \d+, checking 5g \d+, checking lte \d+, checking wifi \d+, writing the manifest/);
  });

  it('says the first failing network in their order, in one line, as one thread does', () => {
    const args = ['partition', app, '--max-energy-ratio', '0.9', '--network', 'wifi,3g'];
    const alone = runCli(args);
    const threaded = runCli(args, undefined, THREADS);
    expect(alone.status).toBe(2);
    expect(threaded.status).toBe(2);
    expect(threaded.stderr.trim()).toMatch(/^error: network 3g: field 'max-energy-ratio': the energy budget cannot be met[^\n]*$/);
    expect(threaded.stderr).toBe(alone.stderr);
  });

  it('keeps each network within --time-limit', () => {
    const run = runCli(['partition', app, '--time-limit', '0.001', '--json'], undefined, THREADS);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).manifest.partitions.map((p: { network: string }) => p.network)).toEqual(['3g', '5g', 'lte', 'wifi']);
  });

  it('refuses a thread count that is not a whole number', () => {
    const run = runCli(['partition', app], undefined, { CLONECLOUD_SOLVE_THREADS: 'two' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("error: CLONECLOUD_SOLVE_THREADS: must be a whole number of threads (0: none), not 'two'");
  });
});
