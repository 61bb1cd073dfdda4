/**
 * A bad profile through the real CLI binary: exit 2 and exactly one line that says what is wrong
 * and where (file:line, and the field), whichever way the file is read (JSON as record writes it,
 * JSON the general way, YAML) and whichever step finds it (parsing, the merge, the app check).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CONTEXT_DEPTH } from '../../src/profiles/merge.js';
import { parseJsonProfileBytes, parseProfile } from '../../src/profiles/parse.js';
import { renderProfile, renderProfileJson } from '../../src/profiles/record/render.js';
import type { Profile, ProfileContext } from '../../src/profiles/types.js';
import { copyFixture, runCli } from '../helpers/cli.js';

/** A chain of `n` contexts, each a distinct method called by the one before: n methods deep. */
function chain(n: number): Profile {
  const contexts: ProfileContext[] = Array.from({ length: n }, (_, id) => ({
    id,
    ...(id === 0 ? {} : { parent: id - 1 }),
    method: `src/deep.ts#f${id}`,
    calls: 1,
    selfMs: 0.5,
    bytesIn: 0,
    bytesOut: 0,
  }));
  return { file: '', side: 'device', runs: 1, app: 'e2e-app', contexts };
}

/** 1-based number of the first line of `text` that contains `needle` (which must be there). */
function lineWith(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

describe('a bad profile: exit 2, one line with file:line and the field', () => {
  let app: string;
  let profiles: string;
  beforeAll(() => {
    app = copyFixture('e2e-app');
    profiles = join(app, 'profiles');
    // The fixture's own device profile out of the way: each case writes the one it is about.
    rmSync(join(profiles, 'device.profile.yaml'));
  });
  afterEach(() => {
    for (const name of ['device.profile.json', 'device.profile.yaml']) rmSync(join(profiles, name), { force: true });
  });

  /** Writes `text` as profiles/<name>, runs partition, and checks the one line it prints. */
  function expectOneLine(name: string, text: string, line: string): void {
    writeFileSync(join(profiles, name), text);
    const run = runCli(['partition', app], app);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 2, stdout: '', stderr: `${line}\n` });
  }

  const DEEP = `a calling context more than ${MAX_CONTEXT_DEPTH} distinct methods deep (recursion folded): not a recording of a real program?`;
  // The first context too deep is the one MAX_CONTEXT_DEPTH + 1 methods down.
  const first = MAX_CONTEXT_DEPTH;

  test('contexts nested past the depth limit, in JSON as record writes it', () => {
    const text = renderProfileJson(chain(first + 2), []);
    expect(parseJsonProfileBytes(Buffer.from(text), 'x.json')).toBeDefined();
    const line = lineWith(text, `{"id":${first},`);
    expectOneLine('device.profile.json', text, `error: profiles/device.profile.json:${line}: field 'contexts[${first}]': ${DEEP}`);
  });

  test('contexts nested past the depth limit, in JSON read the general way', () => {
    // An escaped character in a method name: the quick reader gives up on the file.
    const text = renderProfileJson(chain(first + 2), []).replace('"src/deep.ts#f0"', '"src/deep.ts#\\u00660"');
    expect(parseProfile(text, 'x.json').contexts[0]!.method).toBe('src/deep.ts#f0');
    expect(parseJsonProfileBytes(Buffer.from(text), 'x.json')).toBeUndefined();
    const line = lineWith(text, `{"id":${first},`);
    expectOneLine('device.profile.json', text, `error: profiles/device.profile.json:${line}: field 'contexts[${first}]': ${DEEP}`);
  });

  test('contexts nested past the depth limit, in YAML', () => {
    const text = renderProfile(chain(first + 2), []);
    const line = lineWith(text, `- { id: ${first},`);
    expectOneLine('device.profile.yaml', text, `error: profiles/device.profile.yaml:${line}: field 'contexts[${first}]': ${DEEP}`);
  });

  const other: Profile = { ...chain(3), app: 'other-app' };
  const otherJson = renderProfileJson(other, []);
  const otherYaml = renderProfile(other, []);
  const badJson = renderProfileJson(chain(3), []).replace('{"id":2,"parent":1,', '{"id":2,"parent":7,');
  const badYaml = renderProfile(chain(3), []).replace('calls: 1,', 'calls: -1,');
  test.each([
    ['a profile of another app, JSON', 'device.profile.json', otherJson, `${lineWith(otherJson, '"app"')}: field 'app': profile is for app 'other-app', not 'e2e-app'`],
    ['a profile of another app, YAML', 'device.profile.yaml', otherYaml, `${lineWith(otherYaml, 'app:')}: field 'app': profile is for app 'other-app', not 'e2e-app'`],
    ['a bad field, JSON', 'device.profile.json', badJson, `${lineWith(badJson, '{"id":2,')}: field 'contexts[2].parent': parent 7 is not an earlier context (parents must come before children)`],
    ['a bad field, YAML', 'device.profile.yaml', badYaml, `${lineWith(badYaml, '- { id: 0,')}: field 'contexts[0].calls': expected a number >= 0, got -1`],
  ])('%s', (_name, file, text, said) => {
    expectOneLine(file, text, `error: profiles/${file}:${said}`);
  });

  test('malformed JSON: the line and column where it breaks', () => {
    const whole = renderProfileJson(chain(3), []);
    const cut = whole.slice(0, whole.indexOf('{"id":1,') + 5);
    const lines = cut.split('\n');
    const run = (writeFileSync(join(profiles, 'device.profile.json'), cut), runCli(['partition', app], app));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: profiles/device\\.profile\\.json:${lines.length}:\\d+: malformed or truncated JSON \\(.+\\)\\n$`));
  });

  test('the fixture itself is read (so the cases above fail for their own reason)', () => {
    writeFileSync(join(profiles, 'device.profile.yaml'), readFileSync(join(app, 'profiles', 'clone.profile.yaml'), 'utf8').replace('side: clone', 'side: device'));
    const run = runCli(['partition', app], app);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
