/** JSON profiles through the CLI: the same manifest as their YAML twins; bad ones are one line and exit 2. */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProfile } from '../../src/profiles/parse.js';
import { renderProfileJson } from '../../src/profiles/record/render.js';
import { ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

const APP = join(ROOT, 'examples', 'virus-scan');
const PROFILES = join(APP, 'profiles');

/** The manifest without the lines that name the profile files and their digests. */
const decisions = (text: string): string => text.replace(/^inputs:\n(?: {2,}.*\n)*/m, '').replace(/^# yaml-language-server.*\n/, '');

describe('JSON profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-json-profiles-'));
  for (const name of readdirSync(PROFILES).filter((f) => f.endsWith('.profile.yaml'))) {
    const profile = parseProfile(readFileSync(join(PROFILES, name), 'utf8'), name);
    writeFileSync(join(dir, name.replace(/\.yaml$/, '.json')), renderProfileJson(profile, []));
  }

  test('give the manifest their YAML twins give', async () => {
    const fromYaml = await runMain(['partition', APP, '--profiles', PROFILES, '--out', join(dir, 'yaml.manifest.yaml')]);
    const fromJson = await runMain(['partition', APP, '--profiles', dir, '--out', join(dir, 'json.manifest.yaml')]);
    expect([fromYaml.status, fromJson.status]).toEqual([0, 0]);
    const yaml = readFileSync(join(dir, 'yaml.manifest.yaml'), 'utf8');
    const json = readFileSync(join(dir, 'json.manifest.yaml'), 'utf8');
    expect(json).toMatch(/file: .*device\.profile\.json/);
    expect(decisions(json)).toBe(decisions(yaml));
    expect(decisions(yaml)).toContain('partitions:');
  });

  test('a malformed one is exit 2 and one line naming the file', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'cc-json-bad-'));
    const text = readFileSync(join(dir, 'device.profile.json'), 'utf8');
    writeFileSync(join(bad, 'device.profile.json'), text.slice(0, text.length / 2));
    const run = await runMain(['partition', APP, '--profiles', bad, '--out', join(bad, 'm.yaml')]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: ${join(bad, 'device.profile.json').replace(/[.]/g, '\\.')}:\\d+(:\\d+)?: malformed or truncated JSON \\(.+\\)$`));
  });
});
