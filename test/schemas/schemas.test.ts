import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { listFiles } from '../../src/util/files.js';
import { parseProfile } from '../../src/profiles/parse.js';
import { renderProfileJson } from '../../src/profiles/record/render.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// ajv is CommonJS: its class is the default export's `default` under ESM interop.
type AjvClass = typeof Ajv2020Module.default;
const Ajv2020: AjvClass = (Ajv2020Module as unknown as { default?: AjvClass }).default ?? (Ajv2020Module as unknown as AjvClass);
const ajv = new Ajv2020({ allErrors: true, strict: true });
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
const committed = (suffix: string) => listFiles(join(ROOT, 'examples')).filter((f) => f.endsWith(suffix)).map((f) => join('examples', f));

describe('JSON Schemas shipped in schemas/', () => {
  const profile = schema('profile');
  const manifest = schema('manifest');
  const config = schema('config');

  it.each(committed('.profile.yaml'))('the committed profile %s is valid', (file) => {
    expect(profile(parse(readFileSync(join(ROOT, file), 'utf8')))).toBe(true);
    expect(profile.errors ?? []).toEqual([]);
  });

  it.each(committed('.profile.yaml'))('the JSON form of %s is valid, with its header and $schema', (file) => {
    const header = ['yaml-language-server: $schema=../../schemas/profile.schema.json', 'Recorded by a test.'];
    const json = JSON.parse(renderProfileJson(parseProfile(readFileSync(join(ROOT, file), 'utf8'), file), header));
    expect(json.$schema).toBe('../../schemas/profile.schema.json');
    expect(profile(json)).toBe(true);
    expect(profile.errors ?? []).toEqual([]);
  });

  it.each(committed('clonecloud.manifest.yaml'))('the committed manifest %s is valid', (file) => {
    expect(manifest(parse(readFileSync(join(ROOT, file), 'utf8')))).toBe(true);
    expect(manifest.errors ?? []).toEqual([]);
  });

  it('rejects what the readers reject', () => {
    expect(profile({ 'clonecloud-profile': 1, side: 'phone', runs: 1, contexts: [] })).toBe(false);
    expect(profile({ 'clonecloud-profile': 1, side: 'device', runs: 0, contexts: [] })).toBe(false);
    expect(config({ networks: ['wifi'], network: ['lte'] })).toBe(false);
    expect(config({ timeLimit: 'soon' })).toBe(false);
    expect(config({ networks: ['wifi'], nesting: 'static', pin: ['src/ui/**'], timeLimit: 30, strict: true })).toBe(true);
  });
});
