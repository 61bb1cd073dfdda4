/**
 * Profiles that were wrong or silent: imported figures that make migration look free, a file
 * cut off at a line boundary, an import that maps nothing, a profile of no contexts.
 */
import { describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '../../src/manifest/parse.js';
import { ROOT, copyFixture } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

function importApp(): string {
  const app = mkdtempSync(join(tmpdir(), 'cc-import-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'import-app'), app, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  // Its typeRoots point into this repository: out of it, they are the app's own.
  const tsconfig = join(app, 'tsconfig.json');
  writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replace('../../../node_modules/@types', './node_modules/@types'));
  return app;
}

describe('estimated figures', () => {
  test('partition says which profiles are estimated and which migration points rest on them', async () => {
    const app = importApp();
    const imported = await runMain(['import', join(app, 'app.cpuprofile'), '--side', 'device', '--app', app, '--out', join(app, 'profiles', 'device.profile.yaml')]);
    expect(imported.status).toBe(0);
    const run = await runMain(['partition', app, '--network', 'wifi,3g']);
    expect(run.status).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toContain("warning: profiles/device.profile.yaml: calls, bytesIn, bytesOut are estimated, not measured: its boundary bytes are not measured, so migrating looks cheaper than it is; 'clonecloud record' measures them");
    const manifest = parseManifest(readFileSync(join(app, 'clonecloud.manifest.yaml'), 'utf8'), 'manifest');
    const wifi = manifest.partitions.find((p) => p.network === 'wifi')!.migrate;
    expect(wifi.length).toBeGreaterThan(0); // zero bytes: something migrates
    for (const method of wifi) expect(warnings).toContain(`warning: wifi: migrating ${method} rests on estimated calls, bytesIn, bytesOut`);
    // check repeats them: a CI log shows what the committed decision rests on
    const check = await runMain(['check', app]);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/^warning: wifi: migrating .* rests on estimated calls, bytesIn, bytesOut$/m);
  });

  test('an import that maps no frame to the app is bad input, and writes nothing', async () => {
    const app = importApp();
    const other = copyFixture('e2e-app');
    const out = join(other, 'profiles', 'imported.profile.yaml');
    const run = await runMain(['import', join(app, 'app.cpuprofile'), '--side', 'device', '--app', other, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: .*app\.cpuprofile: no frame maps to a method of the app in .* \(is --app the app it was recorded from\?\): nothing written\n$/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('truncated and empty profiles', () => {
  test('a recorded or imported profile cut off at a line boundary is bad input: its count says so', async () => {
    const app = importApp();
    const file = join(app, 'profiles', 'device.profile.yaml');
    expect((await runMain(['import', join(app, 'app.cpuprofile'), '--side', 'device', '--app', app, '--out', file])).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^contextCount: \d+\ncontexts:\n/m);
    const lines = text.trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -2).join('\n')}\n`);
    const run = await runMain(['partition', app]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*device\.profile\.yaml:\d+: field 'contextCount': says (\d+) contexts, the file has \d+: truncated\?\n$/);
  });

  test('a profile of no contexts is a warning: its runs still count', async () => {
    const app = copyFixture('e2e-app');
    writeFileSync(join(app, 'profiles', 'empty.profile.yaml'), 'clonecloud-profile: 1\nside: device\nruns: 3\ncontexts: []\n');
    const run = await runMain(['partition', app, '--network', 'wifi']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: profiles\/empty\.profile\.yaml: no contexts \(no method of the app ran\?\): its 3 run\(s\) still count/m);
  });
});
