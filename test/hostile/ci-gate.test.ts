/**
 * A CI gate that passed blind: `check` said "ok" on code that did not parse, on a broken
 * tsconfig, and on a manifest of no partitions. Each now fails or is bad input, saying where.
 */
import { describe, expect, test } from '@jest/globals';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, copyFixture } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

async function committed(): Promise<{ app: string; manifest: string; bytes: string }> {
  const app = copyFixture('e2e-app');
  expect((await runMain(['partition', app, '--network', 'wifi,3g'])).status).toBe(0);
  const manifest = join(app, 'clonecloud.manifest.yaml');
  return { app, manifest, bytes: readFileSync(manifest, 'utf8') };
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('code that did not parse', () => {
  test('check fails, naming file:line; partition warns; partition --strict refuses and writes nothing', async () => {
    const { app, manifest, bytes } = await committed();
    appendFileSync(join(app, 'src', 'compute.ts'), '}}} {{{ (((\n');
    const check = await runMain(['check', app]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^unreadable: src\/compute\.ts:11: syntax error: Declaration or statement expected\.$/m);
    expect(check.stdout).toMatch(/^fail: the partition was recomputed from code or settings the compiler could not read as written/m);
    const json = JSON.parse((await runMain(['check', app, '--json'])).stdout);
    expect(json.ok).toBe(false);
    expect(json.unreadable[0]).toEqual({ file: 'src/compute.ts', line: 11, message: 'Declaration or statement expected.', kind: 'syntax' });

    const strict = await runMain(['partition', app, '--network', 'wifi,3g', '--strict']);
    expect(strict.status).toBe(2);
    expect(oneLine(strict.stderr)).toMatch(/^error: .*app.*src\/compute\.ts:11: syntax error: Declaration or statement expected\. \(and 2 more\): no partition of code that did not parse \(--strict\)$/);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
    // Refused right after the analysis, before any solve: not the budget no partition could meet.
    const early = await runMain(['partition', app, '--network', '3g', '--strict', '--max-energy-ratio', '0.01']);
    expect(oneLine(early.stderr)).toMatch(/no partition of code that did not parse \(--strict\)$/);

    const lenient = await runMain(['partition', app, '--network', 'wifi,3g']);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/^warning: src\/compute\.ts:11: syntax error: /m);
    expect(lenient.stderr).toMatch(/^warning: the verdicts rest on code or settings the compiler could not read as written \(3 problem\(s\) above\)/m);
    // Seven runs of the CLI: 95-194 s at load 20-30 on 2 cores, past jest's default minute.
  }, 300_000);

  test('a file nested 5,000 parentheses deep is reported at its line, not analysed, and fails check', async () => {
    const { app } = await committed();
    writeFileSync(join(app, 'src', 'deep.ts'), `export const one = 1;\nexport const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`);
    const analyze = await runMain(['analyze', app]);
    expect(analyze.status).toBe(0);
    expect(analyze.stdout).toMatch(/src\/deep\.ts:2: brackets nested more than 500 levels deep: not analysed/);
    const check = await runMain(['check', app]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^unreadable: src\/deep\.ts:2: syntax error: brackets nested more than 500 levels deep/m);
    expect(`${check.stdout}${check.stderr}`).not.toMatch(/^\s+at /m);
  });

  test('a file that parses but nests deeper than the analysis may follow is left out the same way', async () => {
    const { app } = await committed();
    writeFileSync(join(app, 'src', 'deep.ts'), `export const x = 1${' + 1'.repeat(5000)};\n`);
    const analyze = await runMain(['analyze', app, '--json']);
    expect(analyze.status).toBe(0);
    expect(JSON.parse(analyze.stdout).diagnostics).toContainEqual({ file: 'src/deep.ts', line: 1, kind: 'syntax', message: expect.stringMatching(/^nested more than 500 levels deep: not analysed/) });
  });
});

describe('broken tsconfigs', () => {
  test('an unknown compiler option or a missing base fails check, naming the tsconfig', async () => {
    const { app } = await committed();
    const tsconfig = join(app, 'tsconfig.json');
    const good = readFileSync(tsconfig, 'utf8');
    writeFileSync(tsconfig, good.replace('"strict": true', '"strictt": true'));
    const unknown = await runMain(['check', app]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toMatch(/^unreadable: tsconfig\.json:\d+: tsconfig error: Unknown compiler option 'strictt'/m);
    writeFileSync(tsconfig, good.replace('{', '{ "extends": "./missing.json",'));
    const base = await runMain(['check', app]);
    expect(base.status).toBe(1);
    expect(base.stdout).toMatch(/^unreadable: tsconfig\.json: tsconfig error: Cannot read file '.*missing\.json'/m);
  });

  test('malformed JSON is bad input at its line', async () => {
    const { app } = await committed();
    writeFileSync(join(app, 'tsconfig.json'), '{\n  "compilerOptions": { "strict": true,, }\n}\n');
    const run = await runMain(['check', app]);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/tsconfig\.json:2: cannot read tsconfig: Property assignment expected\.$/);
  });

  test('a tsconfig that matches no sources is said so, not "a profile of another app"', async () => {
    const { app, manifest, bytes } = await committed();
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ include: ['nothing/**'] }));
    const run = await runMain(['partition', app]);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/tsconfig\.json: nothing to analyse: its files\/include match no TypeScript or JavaScript source$/);
    const elsewhere = `${app}-elsewhere`;
    cpSync(join(app, 'src'), elsewhere, { recursive: true });
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ include: [`../${elsewhere.split('/').pop()}/**/*.ts`] }));
    expect(oneLine((await runMain(['check', app])).stderr)).toMatch(/nothing to analyse: its 2 source file\(s\) are all outside the app folder$/);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  test('an example copied out of the repository says that its typeRoots are gone, and check fails', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'cc-copied-'));
    cpSync(join(ROOT, 'examples', 'virus-scan'), copy, { recursive: true, filter: (f) => !f.includes('.build') && !f.includes('.corpus') });
    const analyze = await runMain(['analyze', copy, '--json']);
    const diagnostics = JSON.parse(analyze.stdout).diagnostics;
    expect(diagnostics).toContainEqual({ file: 'tsconfig.json', line: 8, kind: 'config', message: expect.stringMatching(/^typeRoots folder .*node_modules\/@types does not exist \(was the app copied out of the repository it points into\?\)/) });
    const check = await runMain(['check', copy]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^unreadable: tsconfig\.json:8: tsconfig error: typeRoots folder/m);
    // In the repository the same example is fine.
    expect((await runMain(['check', join(ROOT, 'examples', 'virus-scan')])).status).toBe(0);
  });
});
