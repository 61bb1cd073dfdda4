import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeApp } from '../../src/analysis/index.js';
import { parseCpuProfile } from '../../src/profiles/import/cpuprofile.js';
import { parseProfile } from '../../src/profiles/parse.js';
import type { Profile } from '../../src/profiles/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

// app.cpuprofile was recorded with `node --cpu-prof --cpu-prof-interval 100 build/main.js` in the
// fixture folder, from build/ compiled with source maps. Imported from a copy elsewhere, its
// absolute script urls do not exist: the importer finds the scripts by their trailing path.
const FIXTURE = join(ROOT, 'test', 'fixtures', 'import-app');

describe('clonecloud import', () => {
  let app: string;
  let profile: Profile;
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'cc-import-'));
    cpSync(FIXTURE, app, { recursive: true });
    run = runCli(['import', join(app, 'app.cpuprofile'), '--side', 'device', '--app', app, '--out', join(app, 'device.profile.yaml')]);
    profile = parseProfile(readFileSync(join(app, 'device.profile.yaml'), 'utf8'), 'device.profile.yaml');
  });

  it('maps frames through source maps to the method ids of the analyzer', () => {
    expect(run.stderr).toMatch(/wrote .*device\.profile\.yaml: \d+ contexts/);
    expect(run.status).toBe(0);
    const methods = new Set(profile.contexts.map((c) => c.method));
    for (const id of ['src/main.ts#main', 'src/work.ts#crunch', 'src/work.ts#fib', 'src/work.ts#Table.fill']) expect(methods).toContain(id);
    const known = new Set(analyzeApp({ appDir: FIXTURE, catalogs: [] }).methods.map((m) => m.id));
    expect([...methods].filter((id) => !known.has(id))).toEqual([]);
  });

  it('builds the calling-context tree from the samples, recursion folded', () => {
    const byMethod = (m: string) => profile.contexts.filter((c) => c.method === m);
    const main = byMethod('src/main.ts#main');
    expect(main).toHaveLength(1);
    expect(main[0]!.parent).toBeUndefined();
    expect(byMethod('src/work.ts#fib')).toHaveLength(1); // fib(25) recursed; one folded context
    expect(byMethod('src/work.ts#fib')[0]!.parent).toBe(main[0]!.id);
    const crunch = byMethod('src/work.ts#crunch')[0]!;
    expect(crunch.parent).toBe(main[0]!.id);
    // crunch is the bulk of the work; self times come from the sample intervals
    expect(crunch.selfMs).toBeGreaterThan(profile.contexts.reduce((s, c) => s + c.selfMs, 0) / 3);
  });

  it('says that calls and bytes are estimated', () => {
    expect(profile.estimated).toEqual(['calls', 'bytesIn', 'bytesOut']);
    expect(profile.contexts.every((c) => c.calls === 1 && c.bytesIn === 0 && c.bytesOut === 0)).toBe(true);
    expect(readFileSync(join(app, 'device.profile.yaml'), 'utf8')).toMatch(/^# ESTIMATED: a CPU profile has no call counts/m);
  });

  it('rejects a truncated file with one line naming the file and position (exit 2)', () => {
    const text = readFileSync(join(FIXTURE, 'app.cpuprofile'), 'utf8');
    const cut = join(app, 'cut.cpuprofile');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const bad = runCli(['import', cut, '--side', 'device', '--app', app]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/cut\.cpuprofile:\d+:\d+: not a CPU profile: malformed or truncated JSON/);
  });

  it('names the bad field of a malformed profile', () => {
    const data = JSON.parse(readFileSync(join(FIXTURE, 'app.cpuprofile'), 'utf8'));
    data.nodes[2].callFrame.lineNumber = 'x';
    expect(() => parseCpuProfile(JSON.stringify(data), 'p.cpuprofile')).toThrow("p.cpuprofile: field 'nodes[2].callFrame.lineNumber': expected an integer >= -1");
    const short = JSON.parse(readFileSync(join(FIXTURE, 'app.cpuprofile'), 'utf8'));
    short.timeDeltas.pop();
    expect(() => parseCpuProfile(JSON.stringify(short), 'p.cpuprofile')).toThrow(/field 'timeDeltas': expected one delta per sample/);
  });
});
