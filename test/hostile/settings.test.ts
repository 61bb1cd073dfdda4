/**
 * Wrong or silent settings: empty selections, names blamed on the wrong source, patterns that
 * match nothing, manifests that cannot be compared. Each is now an error or a warning saying
 * what and where (file:line and field for clonecloud.yaml and manifests, the flag otherwise).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

async function committed(): Promise<{ app: string; manifest: string; bytes: string }> {
  const app = copyFixture('e2e-app');
  expect((await runMain(['partition', app, '--network', 'wifi,3g'])).status).toBe(0);
  const manifest = join(app, 'clonecloud.manifest.yaml');
  return { app, manifest, bytes: readFileSync(manifest, 'utf8') };
}

async function badInput(args: string[], pattern: RegExp): Promise<void> {
  const run = await runMain(args);
  expect(run.status).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('network selections', () => {
  test.each([[','], [''], [' , ']])("--network '%s' selects nothing: bad input, no manifest", async (flag) => {
    const { app, manifest, bytes } = await committed();
    await badInput(['partition', app, '--network', flag], /^error: field '--network': expected network names like wifi,lte, got '.*': an empty selection would solve nothing$/);
    await badInput(['check', app, '--network', flag], /field '--network': expected network names/);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  test('a network named twice is bad input, in a flag, clonecloud.yaml or a manifest', async () => {
    const { app, manifest, bytes } = await committed();
    await badInput(['partition', app, '--network', 'wifi,3g,wifi'], /field '--network': 'wifi' is listed twice in 'wifi,3g,wifi'/);
    writeFileSync(join(app, 'clonecloud.yaml'), 'device: phone-midrange\nnetworks:\n  - wifi\n  - wifi\n');
    await badInput(['partition', app], /clonecloud\.yaml:4: field 'networks\[1\]': 'wifi' is listed twice \(also networks\[0\]\)$/);
    writeFileSync(join(app, 'clonecloud.yaml'), '');
    const doubled = join(app, 'doubled.yaml');
    writeFileSync(doubled, bytes.replace('network: 3g', 'network: wifi'));
    await badInput(['diff', doubled, manifest], /doubled\.yaml:\d+: field 'partitions\[1\]\.network': network 'wifi' appears twice \(also partitions\[0\]\)$/);
  });

  test('networks: [] in clonecloud.yaml, and a manifest of no partitions, are bad input: check cannot pass on nothing', async () => {
    const { app, manifest, bytes } = await committed();
    writeFileSync(join(app, 'clonecloud.yaml'), '# defaults\nnetworks: []\n');
    await badInput(['partition', app], /clonecloud\.yaml:2: field 'networks': an empty list selects no network condition/);
    await badInput(['check', app], /clonecloud\.yaml:2: field 'networks': an empty list/);
    writeFileSync(join(app, 'clonecloud.yaml'), '');
    writeFileSync(manifest, bytes.replace(/partitions:\n(?: .*\n)+/, 'partitions: []\n'));
    await badInput(['check', app], /clonecloud\.manifest\.yaml:\d+: field 'partitions': no partitions: a manifest holds at least one network condition$/);
  });
});

describe('names from clonecloud.yaml and the manifest are blamed on them, with file:line', () => {
  test.each([
    ['networks: [wifi, nope]', /clonecloud\.yaml:2: field 'networks\[1\]': unknown network 'nope' \(bundled: 3g, 5g, lte, wifi\)$/],
    ['device: nope', /clonecloud\.yaml:2: field 'device': unknown device 'nope' \(bundled: phone-midrange\)$/],
    ['platforms: [browser, nope]', /clonecloud\.yaml:2: field 'platforms\[1\]': unknown platform catalog 'nope'/],
    ['platforms: []', /clonecloud\.yaml:2: field 'platforms': an empty list applies no platform catalog, so nothing device-only would be pinned/],
    ['platforms: [browser, browser]', /clonecloud\.yaml:2: field 'platforms\[1\]': 'browser' is listed twice/],
    ['profiles: []', /clonecloud\.yaml:2: field 'profiles': an empty list of profiles/],
    ['profiles: ["nothing/*.profile.yaml"]', /clonecloud\.yaml:2: field 'profiles\[0\]': no profile matches this glob/],
  ])('%s', async (line, pattern) => {
    const { app, manifest, bytes } = await committed();
    writeFileSync(join(app, 'clonecloud.yaml'), `# defaults\n${line}\n`);
    await badInput(['partition', app], pattern);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  test('the same names as flags are blamed on the flags', async () => {
    const { app } = await committed();
    await badInput(['partition', app, '--network', 'nope'], /^error: field '--network': unknown network 'nope'/);
    await badInput(['partition', app, '--device', 'nope'], /^error: field '--device': unknown device 'nope'/);
    await badInput(['partition', app, '--profiles', ''], /^error: field '--profiles': an empty pattern \(it would search the current folder\)$/);
  });

  test('check: a network or device of the committed manifest that this clonecloud does not have is said at its line there', async () => {
    const { app, manifest, bytes } = await committed();
    writeFileSync(manifest, bytes.replace('network: 3g', 'network: 2g'));
    await badInput(['check', app], /clonecloud\.manifest\.yaml:\d+: field 'partitions\[0\]\.network': unknown network '2g'/);
    writeFileSync(manifest, bytes.replace('device: phone-midrange', 'device: watch'));
    await badInput(['check', app], /clonecloud\.manifest\.yaml:\d+: field 'device': unknown device 'watch'/);
  });
});

describe('patterns that match nothing', () => {
  test('pin: and allow: globs that match no method are warnings naming clonecloud.yaml:line', async () => {
    const { app } = await committed();
    writeFileSync(join(app, 'clonecloud.yaml'), 'pin:\n  - "src/compute.ts#square"\n  - "src/ui/**"\nallow: ["src/nope.ts#*"]\n');
    for (const args of [['partition', app, '--network', 'wifi'], ['analyze', app]]) {
      const run = await runMain(args);
      expect(run.status).toBe(0);
      const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
      expect(warnings).toEqual([
        `warning: ${app}/clonecloud.yaml:3: field 'pin[1]': 'src/ui/**' matches no method of the app, so it pins nothing`,
        `warning: ${app}/clonecloud.yaml:4: field 'allow[0]': 'src/nope.ts#*' matches no method of the app, so it exempts nothing`,
      ]);
    }
  });
});

describe('manifests that cannot be compared', () => {
  test('diff of a time manifest and an energy manifest shows both costs in their units and subtracts nothing', async () => {
    const { app, manifest } = await committed();
    const energy = join(app, 'energy.manifest.yaml');
    expect((await runMain(['partition', app, '--network', 'wifi,3g', '--objective', 'energy', '--out', energy])).status).toBe(0);
    const run = await runMain(['diff', manifest, energy]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^objectives differ: .*clonecloud\.manifest\.yaml minimises time \(ms\), .*energy\.manifest\.yaml energy \(mJ\): costs are shown, not compared$/);
    for (const line of lines.slice(1).filter((l) => !l.startsWith('  '))) {
      expect(line).toMatch(/^(wifi|3g): .*; [\d.]+ ms \(.*faster\), now [\d.]+ mJ \(.*energy\)$/);
    }
    const json = JSON.parse((await runMain(['diff', manifest, energy, '--json'])).stdout);
    expect(json.comparable).toBe(false);
    expect(json.objectives).toEqual({ old: 'time', new: 'energy' });
  });

  test('a manifest whose costs are not in its objective\'s unit is bad input at the field', async () => {
    const { app, manifest, bytes } = await committed();
    const mixed = join(app, 'mixed.yaml');
    writeFileSync(mixed, bytes.replace('unit: ms', 'unit: mJ'));
    await badInput(['diff', mixed, manifest], /mixed\.yaml:\d+: field 'partitions\[0\]\.cost\.unit': expected ms \(the unit of objective time\), got mJ$/);
  });
});
