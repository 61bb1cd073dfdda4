import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { analyzeApp } from '../../src/analysis/index.js';
import { parseProfile } from '../../src/profiles/parse.js';
import { mergeProfiles } from '../../src/profiles/merge.js';
import type { Profile, ProfileContext } from '../../src/profiles/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

// The fixture is compiled (with source maps) outside its folder, as a CI build would be; the
// recorder maps every compiled function back to src/*.ts through the maps.
const APP = join(ROOT, 'test', 'fixtures', 'record-forms');
const tmp = mkdtempSync(join(tmpdir(), 'cc-record-'));
const build = join(tmp, 'build');
const cache = join(tmp, 'cache');

function record(out: string, args: string[], side = 'device', flags: string[] = []) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'clonecloud.js'), 'record', '--side', side, '--app', APP, '--out', out, ...flags, '--', process.execPath, join(build, 'main.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CLONECLOUD_RECORD_CACHE: cache },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const read = (file: string): Profile => parseProfile(readFileSync(file, 'utf8'), file);

/** The context at a call path of method names (without the file), or undefined. */
function at(p: Profile, ...path: string[]): ProfileContext | undefined {
  let parent: number | undefined;
  let found: ProfileContext | undefined;
  for (const name of path) {
    found = p.contexts.find((c) => c.parent === parent && c.method.split('#')[1] === name);
    if (!found) return undefined;
    parent = found.id;
  }
  return found;
}

let profile: Profile;
let first: ReturnType<typeof record>;

beforeAll(() => {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', APP, '--outDir', build], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  first = record(join(tmp, 'one.profile.yaml'), ['--child']);
  profile = read(join(tmp, 'one.profile.yaml'));
});

describe('clonecloud record', () => {
  it('writes a valid profile of a clean run, marked with its exit', () => {
    expect(first.stderr).toMatch(/wrote .*one\.profile\.yaml: \d+ contexts/);
    expect(first.status).toBe(0);
    expect(profile).toMatchObject({ side: 'device', runs: 1, app: 'record-forms', exit: { code: 0 } });
  });

  it('counts exact calls per calling context for every call form', () => {
    const calls = (...path: string[]) => at(profile, ...path)?.calls;
    expect(calls('main')).toBe(1);
    expect(calls('main', 'sync')).toBe(1);
    expect(calls('main', 'sync', 'leaf')).toBe(10);
    expect(calls('main', 'waitAWhile')).toBe(1);
    expect(calls('main', 'waitAWhile', 'leaf')).toBe(2); // before and after the await
    expect(calls('main', 'numbers')).toBe(1); // one generator, resumed 5 times
    expect(calls('main', 'numbers', 'leaf')).toBe(4);
    expect(calls('main', 'Counter.add')).toBe(3);
    expect(calls('main', 'Counter.add', 'leaf')).toBe(3);
    expect(calls('main', 'makeAdder')).toBe(1);
    expect(calls('main', 'makeAdder.<anonymous 1>')).toBe(2); // the closure, called by main
    expect(calls('main', 'makeAdder.<anonymous 1>', 'leaf')).toBe(2);
    expect(calls('main', 'withCallback', 'leaf')).toBe(1);
  });

  it('folds recursion onto the first occurrence and survives exceptions thrown through frames', () => {
    expect(at(profile, 'main', 'fact')?.calls).toBe(5);
    expect(at(profile, 'main', 'fact', 'fact')).toBeUndefined();
    expect(at(profile, 'main', 'catcher', 'thrower')?.calls).toBe(4);
    // After the throw unwound four thrower frames, the handler's call is catcher's, not thrower's.
    expect(at(profile, 'main', 'catcher', 'leaf')?.calls).toBe(1);
    expect(at(profile, 'main', 'catcher', 'thrower', 'leaf')).toBeUndefined();
    // and everything after it is still main's
    expect(at(profile, 'main', 'withCallback')?.parent).toBe(at(profile, 'main')!.id);
  });

  it('does not count time awaiting as self time', () => {
    const wait = at(profile, 'main', 'waitAWhile')!;
    expect(wait.selfMs).toBeLessThan(25); // it awaited a 50 ms timer (loose: CI machines are loaded)
    expect(at(profile, 'main')!.selfMs).toBeGreaterThanOrEqual(0);
  });

  it('traces child Node processes and merges them into the profile', () => {
    expect(at(profile, 'childWork')?.calls).toBe(1);
    expect(at(profile, 'childWork', 'leaf')?.calls).toBe(2);
  });

  it('measures boundary bytes and names values that cannot be serialized', () => {
    expect(at(profile, 'main', 'sync', 'leaf')!.bytesIn).toBeGreaterThan(0);
    expect(at(profile, 'main', 'sync', 'leaf')!.bytesOut).toBeGreaterThan(0);
    expect(profile.unserializable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'src/forms.ts#withCallback', value: 'argument 0', count: 1 }),
        expect.objectContaining({ method: 'src/forms.ts#makeAdder', value: 'result', reason: expect.stringMatching(/^a function cannot be cloned/) }),
      ]),
    );
  });

  it('names methods exactly as the analyzer does', () => {
    const known = new Set(analyzeApp({ appDir: APP, catalogs: [] }).methods.map((m) => m.id));
    const recorded = [...new Set(profile.contexts.map((c) => c.method))].sort();
    expect(recorded.length).toBeGreaterThanOrEqual(12);
    expect(recorded.filter((id) => !known.has(id))).toEqual([]);
  });

  it('starts with the schema line and states the machine and the load', () => {
    const text = readFileSync(join(tmp, 'one.profile.yaml'), 'utf8');
    const schema = relative(tmp, join(ROOT, 'schemas', 'profile.schema.json')).split(sep).join('/');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(text).toMatch(/^# Machine: .+, \d+ cores, Node v\d+/m);
    expect(text).toMatch(/^# Load average \(1, 5, 15 min\): [\d.]+ [\d.]+ [\d.]+ at the start, [\d.]+ [\d.]+ [\d.]+ at the end\.$/m);
    expect(text).toMatch(/Bytes are SAMPLED/);
  });

  it('folds --runs 3 fresh runs into one profile: runs 3, totals over the runs', () => {
    const out = join(tmp, 'three.profile.yaml');
    const run = record(out, ['--child'], 'device', ['--runs', '3']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/3 runs/);
    const p = read(out);
    expect(p.runs).toBe(3);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Runs: 3, each a fresh process/m);
    for (const c of profile.contexts) {
      const path: string[] = [];
      for (let k: ProfileContext | undefined = c; k; k = profile.contexts.find((x) => x.id === k!.parent)) path.unshift(k.method.split('#')[1]!);
      expect([path.join(' '), at(p, ...path)?.calls]).toEqual([path.join(' '), c.calls * 3]);
    }
  });

  it('scales self times by the device model with --device-model, and says so', () => {
    const out = join(tmp, 'modelled.profile.yaml');
    const run = record(out, [], 'device', ['--device-model', 'phone-midrange']);
    expect(run.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/DEVICE MODEL, NOT A DEVICE: recorded on the machine above, then every selfMs was multiplied by 4\n# \(= 1\/relativeSpeed 0\.25 of profiles\/devices\/phone-midrange\.yaml/);
    const measured = Number(/ms of wall time = ([\d.]+) ms of selfMs/.exec(text)![1]);
    const total = read(out).contexts.reduce((s, c) => s + c.selfMs, 0);
    expect(total).toBeCloseTo(measured * 4, measured >= 100 ? -1 : measured >= 1 ? 0 : 1);
    expect(at(read(out), 'main', 'sync', 'leaf')?.calls).toBe(10); // calls as measured
    expect(runCli(['record', '--side', 'clone', '--device-model', 'phone-midrange', '--', 'node', '-e', '1']).status).toBe(2);
    expect(runCli(['record', '--side', 'device', '--device-model', 'toaster', '--', 'node', '-e', '1']).stderr).toMatch(/unknown device model 'toaster'/);
  });

  it('marks a failing run and exits 1, still writing the profile', () => {
    const out = join(tmp, 'fail.profile.yaml');
    const run = record(out, ['--fail']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/exited with code 3/);
    const p = read(out);
    expect(p.exit).toEqual({ code: 3 });
    expect(at(p, 'main', 'sync', 'leaf')?.calls).toBe(10);
  });

  it('takes the exit codes of --ok-exit as a normal end, and says so', () => {
    const out = join(tmp, 'ok.profile.yaml');
    const run = record(out, ['--fail'], 'device', ['--ok-exit', '0,3', '--runs', '2']);
    expect(run.status).toBe(0);
    expect(read(out)).toMatchObject({ runs: 2, exit: { code: 3 } });
    expect(readFileSync(out, 'utf8')).toMatch(/exit: code 3 \(a normal end of this program: --ok-exit 0,3\)/);
  });

  it('writes the profile of a run interrupted with SIGINT, marked so', async () => {
    const out = join(tmp, 'int.profile.yaml');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'clonecloud.js'), 'record', '--side', 'clone', '--app', APP, '--out', out, '--', process.execPath, join(build, 'main.js'), '--hang'], {
      env: { ...process.env, NO_COLOR: '1', CLONECLOUD_RECORD_CACHE: cache },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(stderr).toMatch(/stopped by SIGINT/);
    expect(status).toBe(1);
    const p = read(out);
    expect(p.exit).toEqual({ signal: 'SIGINT' });
    expect(at(p, 'main', 'Counter.add')?.calls).toBe(3);
  });

  it('is a usage error (exit 2) without a command after --', () => {
    const run = runCli(['record', '--side', 'device', '--app', APP]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: clonecloud record/);
    expect(runCli(['record', '--side', 'phone', '--', 'node', '-e', '1']).status).toBe(2);
  });

  it('adds several runs up by call path in merge and partition', () => {
    const second = join(tmp, 'two.profile.yaml');
    expect(record(second, ['--child']).status).toBe(0);
    const runs = [profile, read(second)];
    const merged = mergeProfiles(runs, 0.25);
    expect(merged.runs.device).toBe(2);
    const leafOfSync = merged.contexts.find((c) => c.path.join(' ') === 'src/main.ts#main src/forms.ts#sync src/forms.ts#leaf')!;
    expect(leafOfSync.device.calls).toBe(10); // per run: (10 + 10) / 2
    const clone = join(tmp, 'clone.profile.yaml');
    expect(record(clone, [], 'clone').status).toBe(0);
    const manifest = join(tmp, 'manifest.yaml');
    const part = runCli(['partition', APP, '--profiles', join(tmp, 'one.profile.yaml'), second, clone, '--network', 'wifi', '--out', manifest, '--json']);
    expect(part.stderr).not.toMatch(/no longer in the app/);
    expect(part.status).toBe(0);
    const json = JSON.parse(part.stdout);
    expect(json.manifest.inputs.profiles).toHaveLength(3);
  });
});
