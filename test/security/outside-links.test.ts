/**
 * Security: a source folder that is a symbolic link to somewhere outside the app was read as the
 * app's own code without a word. analyze (and every command that analyses) now says so, and
 * `--refuse-outside-links` or `outsideLinks: refuse` in clonecloud.yaml stops instead.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

function appWithLink(): { app: string; outside: string } {
  const app = copyFixture('e2e-app');
  const outside = mkdtempSync(join(tmpdir(), 'cc-outside-'));
  writeFileSync(join(outside, 'secret.ts'), 'export function secret(): number { return 42; }\n');
  symlinkSync(outside, join(app, 'src', 'ext'));
  return { app, outside };
}

describe('symbolic links that lead outside the app', () => {
  test('analyze says so on stderr and in its diagnostics; partition and check warn', async () => {
    const { app, outside } = appWithLink();
    const said = `src/ext: a symbolic link to ${outside}, outside the app: its 1 source file(s) are analysed as the app's`;
    const analyze = await runMain(['analyze', app, '--json']);
    expect(analyze.status).toBe(0);
    expect(analyze.stderr).toContain(`warning: ${said}`);
    expect(JSON.parse(analyze.stdout).diagnostics).toContainEqual({ file: 'src/ext', line: 0, kind: 'link', message: expect.stringContaining(`a symbolic link to ${outside}`) });
    const human = await runMain(['analyze', app]);
    expect(human.stdout).toContain(`  ${said}`);
    const partition = await runMain(['partition', app, '--network', 'wifi']);
    expect(partition.status).toBe(0);
    expect(partition.stderr).toContain(`warning: ${said}`);
    const check = await runMain(['check', app]);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain(`warning: ${said}`);
  });

  test('--refuse-outside-links, or outsideLinks: refuse, stops with one line naming the link; the manifest is untouched', async () => {
    const { app, outside } = appWithLink();
    expect((await runMain(['partition', app, '--network', 'wifi'])).status).toBe(0);
    const manifest = join(app, 'clonecloud.manifest.yaml');
    const bytes = readFileSync(manifest, 'utf8');
    const refused = new RegExp(`^error: ${app}/src/ext: a symbolic link to ${outside}, outside the app: its 1 source file\\(s\\) are not the app's to analyse \\(refused: outside links\\)\\n$`);
    for (const args of [['analyze', app, '--refuse-outside-links'], ['partition', app, '--refuse-outside-links'], ['check', app, '--refuse-outside-links']]) {
      const run = await runMain(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(refused);
    }
    writeFileSync(join(app, 'clonecloud.yaml'), 'outsideLinks: refuse\n');
    const run = await runMain(['partition', app]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(refused);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  test('a link that stays inside the app is nothing to say', async () => {
    const app = copyFixture('e2e-app');
    mkdirSync(join(app, 'lib'));
    writeFileSync(join(app, 'lib', 'more.ts'), 'export function more(): number { return 1; }\n');
    symlinkSync(join(app, 'lib'), join(app, 'src', 'lib'));
    const run = await runMain(['analyze', app, '--json', '--refuse-outside-links']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics.filter((d: { kind: string }) => d.kind === 'link')).toEqual([]);
  });
});
