import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, copyFixture, runCli } from '../helpers/cli.js';

const MANIFEST = 'clonecloud.manifest.yaml';

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}`);
  writeFileSync(file, next);
}

describe('the CI workflow: partition, commit, check', () => {
  let app: string;
  beforeEach(() => {
    app = copyFixture('e2e-app');
    expect(runCli(['partition', app]).status).toBe(0);
  });

  it('passes check on a fresh partition, and after a source edit that does not change the answer', () => {
    const fresh = runCli(['check', app]);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/^ok: .*clonecloud\.manifest\.yaml is up to date/);
    edit(join(app, 'src', 'compute.ts'), 'export function square', '// squares, the unit of work\nexport function square');
    writeFileSync(join(app, 'src', 'extra.ts'), 'export function unused(): number {\n  return 42;\n}\n');
    const edited = runCli(['check', app, '--json']);
    expect(edited.status).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ ok: true, illegal: [], stale: [] });
  });

  it('fails check and names the method when a pinned call appears under a migration point', () => {
    const compute = join(app, 'src', 'compute.ts');
    edit(compute, /^/, "import { appendFileSync } from 'node:fs';\n");
    edit(compute, 'return x * x;', "appendFileSync('log.txt', String(x));\n  return x * x;");
    const run = runCli(['check', app]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('illegal: src/compute.ts#compute is a migration point (5g, lte, wifi) but may not migrate:');
    expect(run.stdout).toContain('  reaches-pinned: 1 call(s) down to the device\n');
    expect(run.stdout).toMatch(/^ {4}src\/compute\.ts#compute -> src\/compute\.ts#square {2}\[direct\] at src\/compute\.ts:\d+:\d+$/m);
    expect(run.stdout).toMatch(/^ {4}src\/compute\.ts#square is pinned: uses device-only module 'fs' .* at src\/compute\.ts:\d+/m);
    const json = JSON.parse(runCli(['check', app, '--json']).stdout);
    expect(json.ok).toBe(false);
    expect(json.illegal.map((p: { method: string }) => p.method)).toEqual(['src/compute.ts#compute']);
  });

  it('fails check when a profile change changes the answer, and diff shows what moved', () => {
    // The clone became as slow as the device: migrating no longer pays anywhere.
    edit(join(app, 'profiles', 'clone.profile.yaml'), 'selfMs: 100,', 'selfMs: 400,');
    edit(join(app, 'profiles', 'clone.profile.yaml'), 'selfMs: 25,', 'selfMs: 100,');
    const run = runCli(['check', app]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('stale: lte: the partition changed: - src/compute.ts#compute');
    expect(run.stdout).toContain('stale: wifi: the partition changed: - src/compute.ts#compute');

    expect(runCli(['partition', app, '--out', join(app, 'new.manifest.yaml')]).status).toBe(0);
    const diff = runCli(['diff', join(app, MANIFEST), join(app, 'new.manifest.yaml')]);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/^wifi: 0 added, 1 removed; 205\.9 → 508\.0 ms \(\+302\.1 ms\), 2\.47× faster → 1\.00× faster$/m);
    expect(diff.stdout).toMatch(/^ {2}- src\/compute\.ts#compute$/m);
    expect(diff.stdout).toMatch(/^3g: same migration points; 508\.0 → 508\.0 ms \(no cost change\)/m);
    const json = JSON.parse(runCli(['diff', join(app, MANIFEST), join(app, 'new.manifest.yaml'), '--json']).stdout);
    expect(json.networks.find((n: { network: string }) => n.network === 'wifi')).toMatchObject({ added: [], removed: ['src/compute.ts#compute'] });
  });

  it('explains a decision with its costs and the cost of flipping it', () => {
    const run = runCli(['explain', 'src/compute.ts#compute', app, '--network', 'wifi,3g']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'src/compute.ts#compute (src/compute.ts:6): candidate',
      '  may migrate: not pinned, reaches no pinned method, its boundary is serializable',
      '3g: does not migrate; 1 context(s): on the device 500.0 ms (own 400.0), on the clone 125.0 ms (own 100.0), migration 623.0 ms',
      '  flipped, the partition would cost 756.0 ms instead of 508.0 ms',
      'wifi: migrates; 1 context(s): on the device 500.0 ms (own 400.0), on the clone 125.0 ms (own 100.0), migration 72.9 ms',
      '  flipped, the partition would cost 508.0 ms instead of 205.9 ms',
      '',
    ]);
    const pinned = runCli(['explain', 'src/main.ts#show', app, '--json', '--network', 'wifi']);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ verdict: 'pinned', networks: [{ network: 'wifi', migrates: false }] });
  });
});

describe('clonecloud.yaml', () => {
  let app: string;
  beforeEach(() => {
    app = copyFixture('e2e-app');
  });

  it('sets defaults that flags override', () => {
    writeFileSync(join(app, 'clonecloud.yaml'), 'networks: [wifi]\nnesting: static\n');
    expect(runCli(['partition', app]).status).toBe(0);
    const manifest = parse(readFileSync(join(app, MANIFEST), 'utf8'));
    expect(manifest.nesting).toBe('static');
    expect(manifest.partitions.map((p: { network: string }) => p.network)).toEqual(['wifi']);
    expect(runCli(['partition', app, '--network', '3g']).status).toBe(0);
    expect(parse(readFileSync(join(app, MANIFEST), 'utf8')).partitions.map((p: { network: string }) => p.network)).toEqual(['3g']);
  });

  it('pins methods by pattern', () => {
    writeFileSync(join(app, 'clonecloud.yaml'), 'pin:\n  - "src/compute.ts#square"\n');
    expect(runCli(['partition', app, '--network', 'wifi']).status).toBe(0);
    expect(parse(readFileSync(join(app, MANIFEST), 'utf8')).partitions[0].migrate).toEqual([]);
  });

  it("with 'unresolved: device', keeps a method with a call it cannot resolve on the device, and says why", () => {
    const compute = join(app, 'src', 'compute.ts');
    edit(compute, 'let total = 0;', 'let total = 0;\n  (globalThis as any).onProgress?.(data.length);');
    const lenient = runCli(['partition', app, '--network', 'wifi']);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(
      /warning: migration point src\/compute\.ts#compute calls \(globalThis as any\)\.onProgress at src\/compute\.ts:\d+ \(callee has no symbol \(untyped or any\)\), which the analysis could not resolve; 'unresolved: device' in clonecloud\.yaml keeps such methods on the device\n/,
    );
    expect(parse(readFileSync(join(app, MANIFEST), 'utf8')).partitions[0].migrate).toEqual(['src/compute.ts#compute']);
    writeFileSync(join(app, 'clonecloud.yaml'), 'unresolved: device\n');
    const check = runCli(['check', app]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^ {2}unresolved-call: calls \(globalThis as any\)\.onProgress at src\/compute\.ts:\d+ \(callee has no symbol \(untyped or any\)\), which the analysis could not resolve: it may reach the device$/m);
    expect(runCli(['partition', app, '--network', 'wifi']).status).toBe(0);
    expect(parse(readFileSync(join(app, MANIFEST), 'utf8')).partitions[0].migrate).toEqual([]);
  });

  it.each([
    ['an unknown key', 'networks: [wifi]\nnetwork: [lte]\n', /clonecloud\.yaml:2: field 'network': unknown key/],
    ['a wrong type', 'timeLimit: soon\n', /clonecloud\.yaml:1: field 'timeLimit': expected a number, got string "soon"/],
    ['malformed YAML', 'pin: [a,\n', /clonecloud\.yaml:\d+: malformed YAML\/JSON/],
    ['an unknown platform', 'platforms: [browser, toaster]\n', /clonecloud\.yaml:1: field 'platforms\[1\]': unknown platform catalog 'toaster'/],
    ['an unknown unresolved-call policy', 'networks: [wifi]\nunresolved: maybe\n', /clonecloud\.yaml:2: field 'unresolved': expected one of allow, device, got string "maybe"/],
  ])('rejects %s with exit 2 and file:line', (_name, text, expected) => {
    writeFileSync(join(app, 'clonecloud.yaml'), text);
    const run = runCli(['partition', app]);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(expected);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('help', () => {
  it.each(['partition', 'analyze', 'check', 'explain', 'diff', 'graph', 'record', 'import'])('%s --help has an example', (command) => {
    const run = runCli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nExample:\n(  \$ .*\n)+/);
    expect(run.stdout).toContain(`  $ clonecloud ${command}`);
  });
});

describe('objectives and budgets', () => {
  let app: string;
  beforeAll(() => {
    app = copyFixture('e2e-app');
  });

  it('minimises the device energy with --objective energy, and check reuses the objective', () => {
    const run = runCli(['partition', app, '--objective', 'energy', '--network', 'wifi,3g']);
    expect(run.status).toBe(0);
    const manifest = parse(readFileSync(join(app, MANIFEST), 'utf8'));
    expect(manifest.objective).toBe('energy');
    const wifi = manifest.partitions.find((p: { network: string }) => p.network === 'wifi');
    expect(wifi).toMatchObject({ migrate: ['src/compute.ts#compute'], cost: { unit: 'mJ' }, optimal: true });
    expect(wifi.energySaving).toBeCloseTo(1 - wifi.cost.partitioned / wifi.cost.deviceOnly, 3);
    expect(wifi.speedup).toBeUndefined();
    expect(runCli(['check', app]).status).toBe(0);
  });

  it('keeps a time partition within an energy budget, and says which network cannot meet it', () => {
    const ok = runCli(['partition', app, '--max-energy-ratio', '0.9', '--network', 'wifi']);
    expect(ok.status).toBe(0);
    const wifi = parse(readFileSync(join(app, MANIFEST), 'utf8')).partitions[0];
    expect(wifi.budget.unit).toBe('mJ');
    expect(wifi.budget.partitioned).toBeLessThanOrEqual(wifi.budget.limit);
    expect(wifi.budget.limit).toBeCloseTo(0.9 * wifi.budget.deviceOnly, 2);

    const infeasible = runCli(['partition', app, '--max-energy-ratio', '0.9', '--network', '3g']);
    expect(infeasible.status).toBe(2);
    expect(infeasible.stderr.trim()).toMatch(/^error: network 3g: field 'max-energy-ratio': the energy budget cannot be met/);
    const mismatched = runCli(['partition', app, '--max-slowdown', '1.2']);
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr.trim()).toBe("error: field 'max-slowdown': bounds time, so it needs --objective energy");
  });
});

describe('check against a solve cut off by its time limit', () => {
  it('keeps the committed partition where the cut-off solve found none cheaper, and says so', () => {
    // The example's committed manifest is proven optimal; 1 ms stops some networks' solves early
    // on other partitions, which are no reason to call the manifest stale.
    // Two levels down, as in the repository: the example's typeRoots are ../../node_modules/@types.
    const root = mkdtempSync(join(tmpdir(), 'cc-cutoff-'));
    const app = join(root, 'examples', 'virus-scan');
    cpSync(join(ROOT, 'examples', 'virus-scan'), app, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const run = runCli(['check', app, '--time-limit', '0.001', '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { ok: boolean; stale: unknown[]; cutOff: { network: string; committedCost: number; foundCost: number }[] };
    expect(json).toMatchObject({ ok: true, stale: [] });
    expect(json.cutOff.length).toBeGreaterThan(0);
    for (const c of json.cutOff) {
      expect(c.committedCost).toBeLessThanOrEqual(c.foundCost);
      expect(run.stderr).toContain(`note: ${c.network}: the solve stopped at its time limit`);
    }
  });
});
