import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyFixture, runCli } from '../helpers/cli.js';

const MANIFEST = 'clonecloud.manifest.yaml';

describe('clonecloud partition (end to end)', () => {
  let app: string;
  beforeEach(() => {
    app = copyFixture('e2e-app');
  });

  it('writes a manifest that migrates the heavy method on Wi-Fi and nothing on 3G', () => {
    const run = runCli(['partition', app]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/wrote .*clonecloud\.manifest\.yaml/);
    const manifest = parse(readFileSync(join(app, MANIFEST), 'utf8'));
    expect(manifest).toMatchObject({ 'clonecloud-manifest': 1, app: 'e2e-app', objective: 'time', nesting: 'dynamic' });
    expect(manifest.inputs.profiles.map((p: { file: string }) => p.file)).toEqual(['profiles/clone.profile.yaml', 'profiles/device.profile.yaml']);
    const byNetwork = Object.fromEntries(manifest.partitions.map((p: { network: string }) => [p.network, p]));
    expect(Object.keys(byNetwork)).toEqual(['3g', '5g', 'lte', 'wifi']);
    // Per run: device 5+2+400+100+1 = 508 ms. Wi-Fi: compute and square on the clone (125 ms)
    // plus 1·30 + 40000·8/8000 + 10·8/12000 ms to move the state, and the run-time's work on
    // each side (phone-midrange: 1 ms per call, 12 and 11 ms per MB up, 40 and 110 per MB down).
    expect(byNetwork.wifi).toMatchObject({ migrate: ['src/compute.ts#compute'], optimal: true });
    expect(byNetwork.wifi.cost.deviceOnly).toBeCloseTo(508, 3);
    expect(byNetwork.wifi.cost.partitioned).toBeCloseTo(8 + 125 + 30 + 40 + 80 / 12000 + (1 + 0.04 * 12 + 0.00001 * 40) + (1 + 0.04 * 11 + 0.00001 * 110), 3);
    expect(byNetwork['3g']).toMatchObject({ migrate: [], speedup: 1, optimal: true });
  });

  it('gives byte-identical manifests on two runs', () => {
    expect(runCli(['partition', app]).status).toBe(0);
    const first = readFileSync(join(app, MANIFEST));
    expect(runCli(['partition', app]).status).toBe(0);
    expect(readFileSync(join(app, MANIFEST)).equals(first)).toBe(true);
  });

  it('with --verbose, says how long each step took, in order', () => {
    const run = runCli(['partition', app, '--network', 'wifi,3g', '--verbose']);
    expect(run.status).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('  time (ms): '))!;
    const steps = line.slice('  time (ms): '.length).split(', ').map((s) => /^(.*) (\d+)$/.exec(s)!.slice(1));
    expect(steps.map(([step]) => step)).toEqual([
      'analysing the app', 'reading profiles', 'merging profiles', 'solving 3g', 'checking 3g', 'solving wifi', 'checking wifi', 'writing the manifest',
    ]);
    for (const [, ms] of steps) expect(Number.isInteger(Number(ms))).toBe(true);
    // The CPU time of the same steps, all threads: the analysis thread's too.
    const cpuLine = run.stdout.split('\n').find((l) => l.startsWith('  cpu (ms, all threads): '))!;
    const cpu = cpuLine.slice('  cpu (ms, all threads): '.length).split(', ').map((s) => /^(.*) (\d+)$/.exec(s)!.slice(1));
    expect(cpu.map(([step]) => step)).toEqual(steps.map(([step]) => step));
    expect(Number(cpu[0]![1])).toBeGreaterThan(0);
  });

  it('limits the networks with --network and prints JSON with --json', () => {
    const run = runCli(['partition', app, '--network', 'wifi', '--json']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.manifest.partitions.map((p: { network: string }) => p.network)).toEqual(['wifi']);
  });

  it('warns about methods the app no longer has, and fails on them with --strict', () => {
    const device = join(app, 'profiles', 'device.profile.yaml');
    writeFileSync(device, readFileSync(device, 'utf8').replace('src/main.ts#show', 'src/main.ts#render'));
    const warned = runCli(['partition', app]);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/warning: profiles\/device\.profile\.yaml: 1 method\(s\) no longer in the app .*src\/main\.ts#render/);
    rmSync(join(app, MANIFEST));
    const strict = runCli(['partition', app, '--strict']);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/src\/main\.ts#render/);
    expect(existsSync(join(app, MANIFEST))).toBe(false);
  });

  describe('bad input: exit 2, one line, manifest untouched', () => {
    const cases: [string, (app: string) => string[], RegExp][] = [
      ['a missing app folder', (a) => ['partition', join(a, 'nope')], /^error: .*nope: app directory not found$/],
      ['a missing tsconfig', (a) => (rmSync(join(a, 'tsconfig.json')), ['partition', a]), /tsconfig/],
      ['a malformed profile', (a) => (writeFileSync(join(a, 'profiles', 'device.profile.yaml'), 'clonecloud-profile: 1\nside: [device\n'), ['partition', a]),
        /^error: .*device\.profile\.yaml:\d+: malformed YAML\/JSON/],
      ['a profile of an unknown side', (a) => (edit(a, 'side: clone', 'side: server'), ['partition', a]), /clone\.profile\.yaml:2: field 'side': expected one of device, clone/],
      ['a profile format from the future', (a) => (edit(a, 'clonecloud-profile: 1', 'clonecloud-profile: 9'), ['partition', a]), /clone\.profile\.yaml:1: field 'clonecloud-profile': unsupported profile format version 9/],
      ['a profile of another app', (a) => (edit(a, 'app: e2e-app', 'app: other-app'), ['partition', a]), /clone\.profile\.yaml:3: field 'app': profile is for app 'other-app', not 'e2e-app'$/],
      ['an unknown network', (a) => ['partition', a, '--network', 'wifi,carrier-pigeon'], /field '--network': unknown network 'carrier-pigeon'/],
      ['an unknown option', (a) => ['partition', a, '--frobnicate'], /unknown option '--frobnicate'/],
      ['a missing profile file', (a) => ['partition', a, '--profiles', join(a, 'none.profile.yaml')], /none\.profile\.yaml: field '--profiles': profile file not found/],
    ];
    it.each(cases)('%s', (_name, setup, expected) => {
      writeFileSync(join(app, MANIFEST), 'committed manifest\n');
      const run = runCli(setup(app));
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(expected);
      expect(readFileSync(join(app, MANIFEST), 'utf8')).toBe('committed manifest\n');
    });
  });
});

function edit(app: string, from: string, to: string): void {
  const file = join(app, 'profiles', 'clone.profile.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}
