/**
 * A bundled example run partitioned, as the README shows: virus-scan built with source maps,
 * its manifest as committed, `clonecloud serve` on a free loopback port and `clonecloud run` on
 * the device side, compared with the all-device run byte for byte, exit code included (the
 * scanner exits 1 when it finds malware, which the corpus plants).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { runAsync, runPartitioned, runPlain, startClone, type Clone } from '../helpers/runtime.js';

describe('examples/virus-scan partitioned through serve + run', () => {
  let app: string;
  let clone: Clone;
  const args = ['.corpus', '--db', 'signatures', '--no-timing'];
  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'cc-virus-scan-'));
    cpSync(join(ROOT, 'examples', 'virus-scan'), app, { recursive: true, filter: (src) => !/[/\\]\.(build|corpus)$/.test(src) });
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--sourceMap', '--typeRoots', join(ROOT, 'node_modules', '@types')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const corpus = await runAsync(process.execPath, [join(ROOT, 'examples', 'virus-scan', 'tools', 'make-corpus.mjs'), '--out', join(app, '.corpus')]);
    expect(corpus.stderr).toBe('');
    clone = await startClone(app);
  });
  afterAll(() => clone?.stop());

  it.each(['wifi', '5g', '3g'])('prints what the all-device run prints, on %s', async (network) => {
    const plain = await runPlain(app, '.build/app/cli.js', {}, args);
    expect(plain.status).toBe(1);
    const run = await runPartitioned(app, clone.url, ['--network', network, '--report-file', join(app, `${network}.json`)], { main: '.build/app/cli.js', args });
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(plain.stderr);
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(join(app, `${network}.json`), 'utf8')) as { points: { method: string; measured: { migrated: number } }[] };
    const migrated = Object.fromEntries(report.points.map((p) => [p.method, p.measured.migrated]));
    const expected = { wifi: { 'src/scan/scanner.ts#Scanner.scanAll': 1 }, '5g': { 'src/scan/scanner.ts#Scanner.scanAll': 1 }, '3g': {} }[network];
    expect(migrated).toEqual(expected);
  });
});
