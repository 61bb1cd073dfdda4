/**
 * Security: `record` runs instrumented code from its cache, so code planted there by another
 * user must never run. The cache folder is per user and private; a folder that is not, or an
 * entry that is not the user's own, private and intact, is ignored, reported, and never run.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../../src/profiles/record/transform.js';
import { privateDirProblem, readEntryChecked, writeEntry } from '../../src/util/privateCache.js';
import { ROOT } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'cc-record-cache-'));
const app = join(root, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{ "name": "rec", "type": "module" }\n');
writeFileSync(join(app, 'main.js'), 'export function work(n) { let t = 0; for (let i = 0; i < n; i++) t += i; return t; }\nconsole.log(work(1000));\n');
const marker = join(root, 'planted-code-ran');

/** Code an attacker would plant: it leaves a marker when it runs. */
const PLANTED = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export function work() { return 0; } console.log(0);\n`;
const withDigest = (body: string) => `clonecloud-cache 1 sha256:${createHash('sha256').update(body).digest('hex')}\n${body}`;

function record(cache: string): { status: number | null; stderr: string; profile: string } {
  const out = join(root, 'p.profile.yaml');
  rmSync(out, { force: true });
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'clonecloud.js'), 'record', '--side', 'device', '--app', app, '--out', out, '--', process.execPath, join(app, 'main.js')], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CLONECLOUD_RECORD_CACHE: cache },
    timeout: 60_000,
  });
  return { status: run.status, stderr: run.stderr, profile: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}

/** A private cache filled by a first, honest recording; the name of main.js's entry. */
function filledCache(): { cache: string; entry: string } {
  const cache = mkdtempSync(join(root, 'cache-'));
  expect(record(cache).status).toBe(0);
  const entries = readdirSync(cache).filter((f) => /^[0-9a-f]{64}$/.test(f));
  expect(entries).toHaveLength(1);
  return { cache, entry: join(cache, entries[0]!) };
}

function expectHonestRun(run: ReturnType<typeof record>, warning: RegExp): void {
  expect(run.status).toBe(0);
  expect(existsSync(marker)).toBe(false);
  expect(run.stderr).toMatch(warning);
  expect(run.profile).toMatch(/method: "main\.js#work", calls: 1,/);
}

describe("the recorder's cache", () => {
  test('is one folder per user in the temp folder, created private', () => {
    const uid = process.getuid?.() ?? 'user';
    expect(cacheDir({})).toBe(join(tmpdir(), `clonecloud-record-${uid}`));
    const fresh = join(mkdtempSync(join(tmpdir(), 'cc-fresh-')), 'cache');
    expect(privateDirProblem(fresh)).toBeUndefined();
    writeEntry(fresh, 'k', 'code');
    expect(readEntryChecked(fresh, 'k')).toEqual({ hit: 'code' });
  });

  test('a damaged entry (planted code without its digest) is reported, never run, and replaced', () => {
    const { cache, entry } = filledCache();
    writeFileSync(entry, PLANTED);
    expectHonestRun(record(cache), /warning: the recorder's cache: ignored a cache entry: .* is damaged \(its content does not match its digest\) \(instrumented again instead\)/);
    expect(readEntryChecked(cache, entry.split('/').pop()!)).toEqual({ hit: expect.stringContaining('__cc$') });
  });

  test('an entry others may write is reported and never run, even with a valid digest', () => {
    const { cache, entry } = filledCache();
    writeFileSync(entry, withDigest(PLANTED));
    chmodSync(entry, 0o666);
    expectHonestRun(record(cache), /ignored a cache entry: .* is open to others \(mode 666\)/);
  });

  test('an entry that is a link to planted code is reported and never run', () => {
    const { cache, entry } = filledCache();
    const planted = join(root, 'planted.js');
    writeFileSync(planted, withDigest(PLANTED));
    rmSync(entry);
    symlinkSync(planted, entry);
    expectHonestRun(record(cache), /ignored a cache entry: .* is a symbolic link/);
  });

  test('a folder others may write is not used at all: its planted entries never run', () => {
    const { cache, entry } = filledCache();
    writeFileSync(entry, withDigest(PLANTED));
    chmodSync(cache, 0o777);
    expectHonestRun(record(cache), /warning: the recorder's cache .* is open to others \(mode 777\): not used/);
  });

  test('a folder that is a link to another folder is not used', () => {
    const { cache, entry } = filledCache();
    writeFileSync(entry, withDigest(PLANTED));
    const link = join(root, 'linked-cache');
    rmSync(link, { force: true });
    symlinkSync(cache, link);
    expectHonestRun(record(link), /warning: the recorder's cache .*linked-cache is a symbolic link, not a folder: not used/);
  });

  // Only root can give a folder to another user; the checks above cover everyone else's case.
  (process.getuid?.() === 0 ? test : test.skip)("a folder or entry owned by another user (another user's planted cache) is not used", () => {
    const { cache, entry } = filledCache();
    writeFileSync(entry, withDigest(PLANTED));
    chownSync(entry, 4242, 4242);
    expectHonestRun(record(cache), /ignored a cache entry: .* is owned by user 4242, not by you/);
    writeFileSync(entry, withDigest(PLANTED));
    chownSync(cache, 4242, 4242);
    expectHonestRun(record(cache), /warning: the recorder's cache .* is owned by user 4242, not by you \(0\): not used/);
  });
});
