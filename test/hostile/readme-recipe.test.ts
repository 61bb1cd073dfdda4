/**
 * The README's CI recipe wrote the new manifest to /tmp and copied it over the committed one,
 * which committed a `$schema` path relative to /tmp. The recipe now partitions in place.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT, copyFixture } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

function recipe(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('A GitHub Actions recipe:');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(start))![1]!;
  return block.split('\n').filter((l) => /clonecloud|\bcp\b|git show/.test(l));
}

describe("the README's CI recipe", () => {
  test('writes the manifest where it is committed, and compares it with the committed one from git', () => {
    const steps = recipe();
    expect(steps.some((l) => /\bcp\b.*manifest/.test(l))).toBe(false);
    expect(steps.some((l) => /clonecloud partition .*--out/.test(l))).toBe(false);
    expect(steps).toContainEqual(expect.stringMatching(/npx clonecloud partition \.$/));
    expect(steps).toContainEqual(expect.stringMatching(/npx clonecloud diff .*old\.manifest\.yaml" clonecloud\.manifest\.yaml$/));
  });

  test("a manifest written in place names its schema relative to where it is committed", async () => {
    const app = copyFixture('e2e-app');
    expect((await runMain(['partition', app, '--network', 'wifi'])).status).toBe(0);
    const manifest = join(app, 'clonecloud.manifest.yaml');
    const schema = /^# yaml-language-server: \$schema=(.*)$/m.exec(readFileSync(manifest, 'utf8'))![1]!;
    expect(existsSync(resolve(dirname(manifest), schema))).toBe(true);
    expect(resolve(dirname(manifest), schema)).toBe(join(ROOT, 'schemas', 'manifest.schema.json'));
  });
});
