/**
 * Bad input that used to crash the CLI (exit 3 and a stack trace): each is now one line on
 * stderr naming the file (and the field when there is one), exit 2, and nothing written.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, copyFixture, runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

/** A YAML document of `levels` aliases, each repeating the one before ten times: 10^levels values. */
function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function expectOneLineError(run: { status: number | null; stderr: string; stdout?: string }, pattern: RegExp): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(`${run.stdout ?? ''}${run.stderr}`).not.toMatch(/^\s+at /m);
}

/** The app with a committed manifest, and its bytes, to check that nothing touched it. */
async function appWithManifest(): Promise<{ app: string; manifest: string; bytes: string }> {
  const app = copyFixture('e2e-app');
  const made = await runMain(['partition', app, '--network', 'wifi']);
  expect(made.status).toBe(0);
  const manifest = join(app, 'clonecloud.manifest.yaml');
  return { app, manifest, bytes: readFileSync(manifest, 'utf8') };
}

describe('YAML that would exhaust resources', () => {
  test('an alias bomb in the config, a profile or a manifest is bad input naming the file', async () => {
    const { app, manifest, bytes } = await appWithManifest();
    writeFileSync(join(app, 'clonecloud.yaml'), aliasBomb());
    expectOneLineError(await runMain(['partition', app]), /clonecloud\.yaml: malformed YAML\/JSON: its aliases expand to too many values/);
    writeFileSync(join(app, 'clonecloud.yaml'), '');
    writeFileSync(join(app, 'profiles', 'bomb.profile.yaml'), aliasBomb());
    expectOneLineError(await runMain(['check', app]), /bomb\.profile\.yaml: malformed YAML\/JSON: its aliases expand/);
    const bomb = join(app, 'bomb.yaml');
    writeFileSync(bomb, aliasBomb());
    expectOneLineError(await runMain(['diff', bomb, manifest]), /bomb\.yaml: malformed YAML\/JSON: its aliases expand/);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  // The parser's own duplicate-key check took minutes on this file: jest's timeout bounds it (speed
  // itself is the benchmarks' to measure, not a wall-clock assertion here).
  test('a mapping of 200k keys is read; a repeated key is still an error at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-keys-'));
    const keys = join(dir, 'keys.yaml');
    writeFileSync(keys, Array.from({ length: 200_000 }, (_, i) => `k${i}: 1\n`).join(''));
    expectOneLineError(await runMain(['diff', keys, keys]), /keys\.yaml:1: field 'k0': unknown key/);
    const dup = join(dir, 'dup.yaml');
    writeFileSync(dup, 'clonecloud-manifest: 1\napp: a\napp: b\n');
    expectOneLineError(await runMain(['diff', dup, dup]), /dup\.yaml:3: malformed YAML\/JSON: map keys must be unique \("app" is repeated\)/);
  });

  test('nesting deeper than the parser can follow is bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-deep-yaml-'));
    const deep = join(dir, 'deep.yaml');
    writeFileSync(deep, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expectOneLineError(await runMain(['diff', deep, deep]), /deep\.yaml:1: malformed YAML\/JSON: nested more than 100 levels deep/);
    const block = join(dir, 'block.yaml');
    writeFileSync(block, `a: 1\nb:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}\n`);
    expectOneLineError(await runMain(['diff', block, block]), /block\.yaml:102: malformed YAML\/JSON: nested more than 100 levels deep/);
  });
});

describe('huge or endless inputs', () => {
  test('diff /dev/zero stops after the size limit', async () => {
    const { manifest } = await appWithManifest();
    const started = Date.now();
    expectOneLineError(await runMain(['diff', '/dev/zero', manifest]), /^error: \/dev\/zero: manifest larger than 16 MiB: not read/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('CLONECLOUD_MAX_INPUT_MB sets the limit; a folder given as a file says so', async () => {
    const { manifest } = await appWithManifest();
    const run = runCli(['diff', manifest, manifest], ROOT, { CLONECLOUD_MAX_INPUT_MB: '0.0001' });
    expectOneLineError(run, /clonecloud\.manifest\.yaml: manifest larger than 0 MiB: not read/);
    expectOneLineError(await runMain(['diff', tmpdir(), manifest]), /: manifest expected, found a folder$/);
  });

  test('an analysis that outgrows the heap is one line naming the limit, never a V8 crash', () => {
    // The real binary under a tiny heap: the analysis runs in a thread of its own, whose
    // running out of memory is an error the CLI reports (before, the process aborted with a trace).
    const app = copyFixture('e2e-app');
    const run = spawnSync(process.execPath, ['--max-old-space-size=16', join(ROOT, 'bin', 'clonecloud.js'), 'partition', app], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expectOneLineError(run, /tsconfig\.json: the analysis needed more memory than Node's heap limit of \d+ MB \(raise it with NODE_OPTIONS=--max-old-space-size=<MB>\)$/);
    expect(readdirSync(app)).not.toContain('clonecloud.manifest.yaml');
  });
});

describe('output paths', () => {
  test.each([
    ['into a folder that does not exist', (app: string) => join(app, 'missing', 'm.yaml'), /field '--out': folder .*missing not found/],
    ['onto a folder', (app: string) => app, /field '--out': is a folder: expected a file to write/],
    ['empty', () => '', /^error: field '--out': an empty path: expected a file to write$/],
  ])('partition --out %s is bad input, and the manifest is untouched', async (_, out, pattern) => {
    const { app, manifest, bytes } = await appWithManifest();
    expectOneLineError(await runMain(['partition', app, '--network', 'wifi', '--out', out(app)]), pattern);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });

  test('graph --out onto a folder, import --out empty', async () => {
    const { app } = await appWithManifest();
    expectOneLineError(await runMain(['graph', app, '--out', app]), /field '--out': is a folder/);
    const cpu = join(app, 'x.cpuprofile');
    writeFileSync(cpu, JSON.stringify({ nodes: [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 } }], startTime: 0, endTime: 1, samples: [], timeDeltas: [] }));
    expectOneLineError(await runMain(['import', cpu, '--side', 'device', '--app', app, '--out', '']), /field '--out': an empty path/);
  });
});

describe('hostile tree shapes', () => {
  const frame = (name: string, line = 0) => ({ functionName: name, url: '', lineNumber: line, columnNumber: 0 });

  test('a CPU profile node that is its own child, a child of two nodes, or in a cycle is bad input', async () => {
    const app = copyFixture('e2e-app');
    const cases: [string, unknown[], RegExp][] = [
      ['self', [{ id: 1, callFrame: frame('(root)'), children: [2] }, { id: 2, callFrame: frame('f'), children: [2] }], /field 'nodes\[1\]\.children\[0\]': node 2 is its own child/],
      ['two parents', [{ id: 1, callFrame: frame('(root)'), children: [2, 3] }, { id: 2, callFrame: frame('f'), children: [3] }, { id: 3, callFrame: frame('g') }], /node 3 is a child of both node 1 and node 2/],
      ['cycle', [{ id: 1, callFrame: frame('(root)') }, { id: 2, callFrame: frame('f'), children: [3] }, { id: 3, callFrame: frame('g'), children: [2] }], /field 'nodes\[1\]\.children': node 2 is its own ancestor/],
    ];
    for (const [name, nodes, pattern] of cases) {
      const file = join(app, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify({ nodes, startTime: 0, endTime: 10, samples: [2], timeDeltas: [1] }));
      expectOneLineError(await runMain(['import', file, '--side', 'device', '--app', app]), pattern);
    }
    expect(readdirSync(app)).not.toContain('profiles-imported');
  });

  test('sample times that add up beyond any number are bad input, never selfMs: NaN', async () => {
    const app = copyFixture('e2e-app');
    const file = join(app, 'inf.cpuprofile');
    writeFileSync(file, JSON.stringify({ nodes: [{ id: 1, callFrame: frame('(root)') }], startTime: 1e308, endTime: 1e308, samples: [1, 1], timeDeltas: [1e308, 1e308] }));
    expectOneLineError(await runMain(['import', file, '--side', 'device', '--app', app]), /inf\.cpuprofile: field 'timeDeltas\[0\]': the sample times add up beyond any number/);
  });

  test('a CPU profile 20,000 frames deep is imported (recursion folded)', async () => {
    const app = copyFixture('e2e-app');
    const url = `file://${join(app, 'src', 'compute.ts')}`;
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: i + 1, callFrame: { functionName: 'f', url, lineNumber: i % 2 === 0 ? 0 : 5, columnNumber: 10 }, children: i + 1 < n ? [i + 2] : [] }));
    nodes[0]!.callFrame = { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 };
    const file = join(app, 'deep.cpuprofile');
    writeFileSync(file, JSON.stringify({ nodes, startTime: 0, endTime: 2000, samples: [n, n - 1], timeDeltas: [0, 1000] }));
    const out = join(app, 'profiles', 'deep.profile.yaml');
    const run = await runMain(['import', file, '--side', 'device', '--app', app, '--out', out]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/contexts:\n {2}- \{ id: 0, method: "src\/compute\.ts#/);
  });

  test('a profile 20,000 distinct methods deep is bad input naming the context', async () => {
    const { app, manifest, bytes } = await appWithManifest();
    const lines = ['clonecloud-profile: 1', 'side: device', 'runs: 1', 'contexts:', '  - { id: 0, method: "src/main.ts#main", calls: 1, selfMs: 1 }'];
    for (let i = 1; i < 20_000; i++) lines.push(`  - { id: ${i}, parent: ${i - 1}, method: "src/x.ts#f${i}", calls: 1, selfMs: 1 }`);
    writeFileSync(join(app, 'profiles', 'deep.profile.yaml'), `${lines.join('\n')}\n`);
    expectOneLineError(await runMain(['partition', app, '--network', 'wifi']), /deep\.profile\.yaml:1005: field 'contexts\[1000\]': a calling context more than 1000 distinct methods deep/);
    expect(readFileSync(manifest, 'utf8')).toBe(bytes);
  });
});

describe('a reader that closes the pipe', () => {
  test('analyze | head -1: EPIPE ends the output quietly, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-epipe-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', noLib: true, types: [] }, include: ['src'] }));
    // Output much larger than a pipe's buffer, so that writes go on after the reader left.
    writeFileSync(join(dir, 'src', 'many.ts'), Array.from({ length: 3000 }, (_, i) => `export function f${i}(x: number): number { return x + ${i}; }`).join('\n'));
    for (const args of [['analyze', dir, '--json'], ['analyze', dir]]) {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'clonecloud.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('exit', (c) => resolve({ code: c, stderr: err }));
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
    }
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});
