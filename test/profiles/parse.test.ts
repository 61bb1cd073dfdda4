import { parseProfile } from '../../src/profiles/parse.js';
import { InputError } from '../../src/errors.js';
import { JSON_PROFILE_CONTEXTS, profileFormat, renderProfile, renderProfileJson } from '../../src/profiles/record/render.js';

const valid = `clonecloud-profile: 1
side: device
runs: 2
contexts:
  - { id: 0, method: "src/main.ts#main", calls: 1, selfMs: 12.5, bytesIn: 0, bytesOut: 0 }
  - { id: 1, parent: 0, method: "src/scan.ts#Scanner.scanAll", calls: 2, selfMs: 3.1, bytesIn: 2048, bytesOut: 64 }
`;

function errorOf(text: string, file = 'p.profile.yaml'): string {
  try {
    parseProfile(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseProfile', () => {
  it('reads the documented format', () => {
    expect(parseProfile(valid, 'p.profile.yaml')).toEqual({
      file: 'p.profile.yaml',
      side: 'device',
      runs: 2,
      contexts: [
        { id: 0, method: 'src/main.ts#main', calls: 1, selfMs: 12.5, bytesIn: 0, bytesOut: 0 },
        { id: 1, parent: 0, method: 'src/scan.ts#Scanner.scanAll', calls: 2, selfMs: 3.1, bytesIn: 2048, bytesOut: 64 },
      ],
    });
  });

  it('reads JSON profiles too', () => {
    const json = JSON.stringify({ 'clonecloud-profile': 1, side: 'clone', runs: 1, app: 'x', contexts: [{ id: 3, method: 'a.ts#f', calls: 1, selfMs: 1 }] });
    expect(parseProfile(json, 'p.profile.json')).toEqual({
      file: 'p.profile.json', side: 'clone', runs: 1, app: 'x',
      contexts: [{ id: 3, method: 'a.ts#f', calls: 1, selfMs: 1, bytesIn: 0, bytesOut: 0 }],
    });
  });

  it.each([
    ['malformed YAML', valid.replace('calls: 2,', 'calls: [2,'), /^p\.profile\.yaml:6: malformed YAML\/JSON/],
    ['truncated JSON', '{"clonecloud-profile": 1, "side": "device",\n "contexts": [', /^p\.profile\.yaml:2: malformed YAML\/JSON/],
    ['wrong side', valid.replace('side: device', 'side: phone'), /^p\.profile\.yaml:2: field 'side': expected one of device, clone, got string "phone"$/],
    ['wrong version', valid.replace('clonecloud-profile: 1', 'clonecloud-profile: 2'), /^p\.profile\.yaml:1: field 'clonecloud-profile': unsupported profile format version 2/],
    ['not a profile', 'name: hello\n', /^p\.profile\.yaml:1: field 'name': unknown key/],
    ['missing version', 'side: device\nruns: 1\ncontexts: []\n', /not a clonecloud profile: missing 'clonecloud-profile: 1'/],
    ['zero runs', valid.replace('runs: 2', 'runs: 0'), /^p\.profile\.yaml:3: field 'runs': expected a number > 0, got 0$/],
    ['negative time', valid.replace('selfMs: 3.1', 'selfMs: -3'), /^p\.profile\.yaml:6: field 'contexts\[1\]\.selfMs': expected a number >= 0, got -3$/],
    ['string count', valid.replace('calls: 2', 'calls: "2"'), /^p\.profile\.yaml:6: field 'contexts\[1\]\.calls': expected a number, got string "2"$/],
    ['missing method', valid.replace('method: "src/main.ts#main", ', ''), /field 'contexts\[0\]\.method': expected a non-empty string, got nothing \(missing\)/],
    ['forward parent', valid.replace('parent: 0', 'parent: 5'), /^p\.profile\.yaml:6: field 'contexts\[1\]\.parent': parent 5 is not an earlier context/],
    ['duplicate id', valid.replace('id: 1,', 'id: 0,'), /^p\.profile\.yaml:6: field 'contexts\[1\]\.id': duplicate context id 0$/],
    ['empty file', '', /^p\.profile\.yaml: empty file/],
  ])('rejects %s with file:line and field', (_name, text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });
});

describe('JSON profiles', () => {
  const profile = parseProfile(valid, 'p.profile.yaml');
  const header = ['yaml-language-server: $schema=../schemas/profile.schema.json', 'Recorded by a test.'];
  const json = renderProfileJson({ ...profile, app: 'demo', exit: { code: 1 }, estimated: ['bytesIn'] }, header);

  it('read as JSON give what their YAML twin gives', () => {
    const yaml = renderProfile({ ...profile, app: 'demo', exit: { code: 1 }, estimated: ['bytesIn'] }, header);
    const fromJson = parseProfile(json, 'p.profile.json');
    expect(fromJson).toEqual({ ...parseProfile(yaml, 'p.profile.yaml'), file: 'p.profile.json' });
    expect(fromJson.contexts).toEqual(profile.contexts);
    // The YAML reader reads the same JSON text to the same profile.
    expect(parseProfile(json, 'p.profile.yaml')).toEqual({ ...fromJson, file: 'p.profile.yaml' });
  });

  it('carry the header as $schema and a list of lines, one context per line', () => {
    const lines = json.split('\n');
    expect(lines[1]).toBe('  "$schema": "../schemas/profile.schema.json",');
    expect(lines).toContain('    "Recorded by a test."');
    expect(lines.filter((l) => l.startsWith('    {"id":'))).toHaveLength(2);
  });

  const at = (json: string, from: string, to: string) => json.replace(from, to);
  it.each([
    ['malformed', at(json, '"calls":2,', '"calls":2,,'), /^p\.profile\.json:15:73: malformed or truncated JSON \(.+\)$/],
    ['truncated', json.slice(0, json.indexOf('"contexts"') + 15), /^p\.profile\.json:\d+:\d+: malformed or truncated JSON \(Unexpected end of JSON input\)$/],
    ['a repeated key', at(json, '"calls":2,', '"calls":2,"calls":3,'), /^p\.profile\.json:15:\d+: key "calls" appears twice in one object$/],
    ['empty', '  \n', /^p\.profile\.json: empty file$/],
    ['wrong side', at(json, '"side": "device"', '"side": "phone"'), /^p\.profile\.json:\d+: field 'side': expected one of device, clone, got string "phone"$/],
    ['string count', at(json, '"calls":2,', '"calls":"2",'), /^p\.profile\.json:\d+: field 'contexts\[1\]\.calls': expected a number, got string "2"$/],
    ['unknown key', at(json, '"id":1,', '"id":1,"cost":3,'), /^p\.profile\.json:\d+: field 'contexts\[1\]\.cost': unknown key/],
    ['forward parent', at(json, '"parent":0', '"parent":5'), /^p\.profile\.json:\d+: field 'contexts\[1\]\.parent': parent 5 is not an earlier context/],
    ['a header of numbers', at(json, '"Recorded by a test."', '7'), /^p\.profile\.json:\d+: field 'header\[0\]': expected a string$/],
    ['a wrong count', at(json, '"contextCount": 2', '"contextCount": 3'), /^p\.profile\.json:\d+: field 'contextCount': says 3 contexts, the file has 2: truncated\?$/],
  ])('rejects %s with file:line and field', (_name, text, expected) => {
    expect(errorOf(text, 'p.profile.json')).toMatch(expected);
  });

  it('name the line of the bad field', () => {
    const lines = json.split('\n');
    const line = lines.findIndex((l) => l.includes('"parent":0')) + 1;
    expect(errorOf(at(json, '"calls":2,', '"calls":-2,'), 'p.profile.json')).toBe(`p.profile.json:${line}: field 'contexts[1].calls': expected a number >= 0, got -2`);
    const runs = lines.findIndex((l) => l.includes('"runs"')) + 1;
    expect(errorOf(at(json, '"runs": 2', '"runs": 0'), 'p.profile.json')).toBe(`p.profile.json:${runs}: field 'runs': expected a number > 0, got 0`);
  });

  it('are what record writes above the threshold, unless --out names the format', () => {
    expect(profileFormat(undefined, JSON_PROFILE_CONTEXTS)).toBe('yaml');
    expect(profileFormat(undefined, JSON_PROFILE_CONTEXTS + 1)).toBe('json');
    expect(profileFormat('big.profile.yaml', 1e6)).toBe('yaml');
    expect(profileFormat('small.profile.json', 1)).toBe('json');
  });
});
