/**
 * Security: the atomic manifest write never writes through something another user planted at
 * its temporary file's name, and never leaves the manifest as a link to a file outside the app.
 */
import { describe, expect, test } from '@jest/globals';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { temporaryName, writeFileAtomic } from '../../src/util/files.js';
import { copyFixture, runCli } from '../helpers/cli.js';

describe('writing the manifest', () => {
  test('a symlink planted at the temporary name is not written through, nor removed, and the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-atomic-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const target = join(dir, 'clonecloud.manifest.yaml');
    writeFileSync(target, 'old manifest\n');
    const planted = join(dir, '.planted.tmp');
    symlinkSync(victim, planted);
    expect(() => writeFileAtomic(target, 'new manifest\n', () => planted)).toThrow(/EEXIST/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(target, 'utf8')).toBe('old manifest\n');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true); // not ours to remove
  });

  test('temporary names are unpredictable and in the target folder', () => {
    const target = join(tmpdir(), 'x', 'clonecloud.manifest.yaml');
    const names = new Set(Array.from({ length: 50 }, () => temporaryName(target)));
    expect(names.size).toBe(50);
    for (const name of names) expect(name.startsWith(join(tmpdir(), 'x', '.clonecloud.manifest.yaml.'))).toBe(true);
  });

  test('a symlink at the manifest itself is replaced by the manifest, not followed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-atomic-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const target = join(dir, 'clonecloud.manifest.yaml');
    symlinkSync(victim, target);
    writeFileAtomic(target, 'manifest\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(target).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('manifest\n');
    expect(readdirSync(dir).sort()).toEqual(['clonecloud.manifest.yaml', 'victim.txt']);
  });

  test('partition: links planted at every name the old writer would have used change nothing outside the app', () => {
    const app = copyFixture('e2e-app');
    const outside = mkdtempSync(join(tmpdir(), 'cc-outside-'));
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The old temporary name was `.clonecloud.manifest.yaml.tmp-<pid>`: plant a link for every pid nearby.
    const pids = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()) || 32768;
    const start = Math.max(1, process.pid - 200);
    for (let pid = start; pid < Math.min(pids, process.pid + 2000); pid++) symlinkSync(victim, join(app, `.clonecloud.manifest.yaml.tmp-${pid}`));
    const run = runCli(['partition', app, '--network', 'wifi']);
    expect(run.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    const manifest = join(app, 'clonecloud.manifest.yaml');
    expect(lstatSync(manifest).isFile()).toBe(true);
    expect(readFileSync(manifest, 'utf8')).toMatch(/^# yaml-language-server/);
    expect(readdirSync(app).filter((f) => f.endsWith('.tmp') && !f.startsWith(`.${basename(manifest)}.tmp-`))).toEqual([]);
  });
});
