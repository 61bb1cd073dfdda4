import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldProfiles, parseFoldMode, weightedMedian } from '../../src/profiles/fold.js';
import { mergeProfiles } from '../../src/profiles/merge.js';
import { parseProfile } from '../../src/profiles/parse.js';
import type { Profile, ProfileContext } from '../../src/profiles/types.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'fold-median');
const fixture = (name: string): Profile => parseProfile(readFileSync(join(FIXTURES, `${name}.profile.yaml`), 'utf8'), `${name}.profile.yaml`);
const [a, b, c, d] = ['run-a', 'run-b', 'run-c', 'run-d'].map(fixture) as [Profile, Profile, Profile, Profile];
/** What a profile says, without where it was read from. */
const figures = (p: Profile) => ({ side: p.side, app: p.app, runs: p.runs, contexts: p.contexts });

describe('foldProfiles by median', () => {
  it('folds an odd number of runs to the middle one per context (fixture folded-abc)', () => {
    expect(figures(foldProfiles([a, b, c], 'median').profile)).toEqual(figures(fixture('folded-abc')));
  });

  it('folds an even number of runs to the mean of the two middle ones (fixture folded-abcd)', () => {
    expect(figures(foldProfiles([a, b, c, d], 'median').profile)).toEqual(figures(fixture('folded-abcd')));
  });

  it('does not depend on the order of the runs nor of the contexts in a file', () => {
    const one = foldProfiles([a, b, c, d], 'median').profile;
    expect(foldProfiles([d, c, b, a], 'median').profile).toEqual(one);
    expect(foldProfiles([b, d, a, c], 'median').profile).toEqual(one);
  });

  it('says which contexts had different calls in different runs, and which were not in every run', () => {
    const { notes } = foldProfiles([a, b, c, d], 'median');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^1 context\(s\) had different call counts.*src\/main\.ts#main > src\/log\.ts#log \(3, 3, 4, 3\)$/);
    expect(notes[1]).toMatch(/^2 context\(s\) did not occur in every run \(a run without one counts 0 ms there\)/);
    expect(notes[1]).toMatch(/src\/rare\.ts#rare \(1 of 4 runs\)/);
    expect(notes[1]).toMatch(/src\/scan\.ts#hash \(3 of 4 runs\)/);
    expect(foldProfiles([a, d], 'median').notes.join('\n')).not.toMatch(/different call counts/);
  });

  it('gives the optimizer the median per run once merged (totals ÷ runs)', () => {
    const merged = mergeProfiles([foldProfiles([a, b, c], 'median').profile], 1);
    const scan = merged.contexts.find((x) => x.method === 'src/scan.ts#scan')!;
    expect(scan.clone).toEqual({ calls: 4, selfMs: 110, bytesIn: 800, bytesOut: 40 });
  });

  it('counts a file of r runs as r runs of its mean (a median over runs, not over files)', () => {
    const ctx = (selfMs: number): ProfileContext => ({ id: 0, method: 'm', calls: 1, selfMs, bytesIn: 0, bytesOut: 0 });
    const two: Profile = { file: 'two', side: 'device', runs: 2, contexts: [{ ...ctx(20), calls: 2 }] }; // 10 per run, twice
    const one: Profile = { file: 'one', side: 'device', runs: 1, contexts: [ctx(30)] };
    const folded = foldProfiles([one, two], 'median').profile;
    expect(folded.runs).toBe(3);
    expect(folded.contexts).toEqual([{ id: 0, method: 'm', calls: 3, selfMs: 30, bytesIn: 0, bytesOut: 0 }]); // 3 × median(10, 10, 30)
  });
});

describe('foldProfiles by sum', () => {
  it('adds the runs up, as the design says: every figure a total', () => {
    const folded = foldProfiles([a, b, c], 'sum').profile;
    const scan = folded.contexts.find((x) => x.method === 'src/scan.ts#scan')!;
    expect(scan).toMatchObject({ calls: 12, selfMs: 510, bytesIn: 2400 });
    expect(folded.contexts.find((x) => x.method === 'src/rare.ts#rare')).toMatchObject({ calls: 1, selfMs: 40 });
  });
});

describe('foldProfiles refuses', () => {
  it('profiles of two sides, of two apps, or none', () => {
    expect(() => foldProfiles([a, { ...b, side: 'device' }], 'median')).toThrow(/cannot fold a device profile into clone profiles/);
    expect(() => foldProfiles([a, { ...b, app: 'other' }], 'median')).toThrow(/app 'other'/);
    expect(() => foldProfiles([], 'median')).toThrow(/no profile/);
    expect(() => parseFoldMode('mean')).toThrow(/expected 'sum' or 'median', got 'mean'/);
  });
});

describe('weightedMedian', () => {
  it('is the middle value, or the mean of the two middle ones, counting each value its weight', () => {
    expect(weightedMedian([3, 1, 2], [1, 1, 1])).toBe(2);
    expect(weightedMedian([4, 1, 3, 2], [1, 1, 1, 1])).toBe(2.5);
    expect(weightedMedian([1, 9], [3, 1])).toBe(1);
    expect(weightedMedian([1, 9], [1, 1])).toBe(5);
    expect(weightedMedian([1, 9], [2, 2])).toBe(5);
    expect(weightedMedian([7], [1])).toBe(7);
  });
});

describe('clonecloud record --fold median', () => {
  const APP = join(ROOT, 'test', 'fixtures', 'record-forms');
  const tmp = mkdtempSync(join(tmpdir(), 'cc-fold-'));
  const build = join(tmp, 'build');
  const record = (out: string, flags: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'clonecloud.js'), 'record', '--side', 'clone', '--app', APP, '--out', out, ...flags, '--', process.execPath, join(build, 'main.js')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CLONECLOUD_RECORD_CACHE: join(tmp, 'cache') },
      timeout: 60_000,
    });

  beforeAll(() => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', APP, '--outDir', build], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it('writes one profile of the runs: runs 3, calls totals as with sum, the fold said in the header', () => {
    const medianOut = join(tmp, 'median.profile.yaml');
    const sumOut = join(tmp, 'sum.profile.yaml');
    const median = record(medianOut, ['--runs', '3', '--fold', 'median']);
    expect(median.stderr).toMatch(/wrote .*median\.profile\.yaml: \d+ contexts, \d+ calls, 3 runs/);
    expect(median.status).toBe(0);
    expect(record(sumOut, ['--runs', '3']).status).toBe(0);
    const text = readFileSync(medianOut, 'utf8');
    expect(text).toMatch(/^# Folded by median \(--fold median\)/m);
    expect(readFileSync(sumOut, 'utf8')).not.toMatch(/Folded by median/);
    const m = parseProfile(text, medianOut);
    const s = parseProfile(readFileSync(sumOut, 'utf8'), sumOut);
    expect(m.runs).toBe(3);
    // A deterministic program: the same contexts and calls, whichever way its times are folded.
    const calls = (p: Profile) => new Map(p.contexts.map((x) => [pathOf(p, x), x.calls]));
    expect(calls(m)).toEqual(calls(s));
  });

  it('refuses a fold it does not know', () => {
    const run = record(join(tmp, 'x.profile.yaml'), ['--fold', 'mean']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--fold.*expected 'sum' or 'median', got 'mean'|expected 'sum' or 'median', got 'mean'.*--fold/);
  });
});

function pathOf(p: Profile, c: ProfileContext): string {
  const names: string[] = [];
  for (let k: ProfileContext | undefined = c; k; k = p.contexts.find((x) => x.id === k!.parent)) names.unshift(k.method);
  return names.join(' > ');
}
