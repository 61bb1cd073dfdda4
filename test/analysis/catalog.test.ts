import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { parseCatalog } from '../../src/analysis/legality/catalog.js';
import { fromSubset, fromYaml, type Tree } from '../../src/analysis/legality/catalog-tree.js';
import { bundledCatalog } from './helpers.js';

const platforms = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'platforms');

describe('parseCatalog', () => {
  test('reads entries, bare names and why, with lines', () => {
    const c = parseCatalog('platform: x\nmodules:\n  - usb\n  - name: fs\n    why: disk\nglobals:\n  - navigator.geolocation\ntypes: []\n', 'x.yaml');
    expect(c).toEqual({
      platform: 'x',
      file: 'x.yaml',
      modules: [
        { name: 'usb', line: 3 },
        { name: 'fs', why: 'disk', line: 4 },
      ],
      globals: [{ name: 'navigator.geolocation', line: 7 }],
      types: [],
    });
  });

  test.each([
    ['platform: x\nglobals:\n  - name: 1bad\n', 'x.yaml:3: field \'globals[0].name\': a global must be an identifier or a dotted path'],
    ['platform: x\nmodulez: []\n', "x.yaml:2: field 'modulez': unknown key"],
    ['modules: []\n', "x.yaml:1: field 'platform': missing"],
    ['platform: x\nmodules:\n  - fs\n  - fs\n', "x.yaml:4: field 'modules[1].name': duplicate 'fs'"],
    ['platform: x\nmodules:\n  - name: fs\n    because: disk\n', "x.yaml:4: field 'modules[0].because': unknown key"],
    ['platform: x\nglobals:\n  - name: eval\n    results: text\n', "x.yaml:4: field 'globals[0].results': must be 'handle' or 'code', not 'text'"],
  ])('rejects %j', (text, message) => {
    expect(() => parseCatalog(text, 'x.yaml')).toThrow(InputError);
    expect(() => parseCatalog(text, 'x.yaml')).toThrow(message);
  });

  test('the bundled catalogs parse', () => {
    expect(bundledCatalog('browser').globals.map((g) => g.name)).toContain('navigator.geolocation');
    // Code made from text: what it returns is followed as code only where taken for a function.
    for (const platform of ['browser', 'node-device'] as const) expect(bundledCatalog(platform).globals.find((g) => g.name === 'Function')?.results).toBe('code');
    expect(bundledCatalog('node-device').modules.map((m) => m.name)).toEqual(
      expect.arrayContaining(['serialport', 'onoff', 'i2c-bus', 'node-hid', 'usb', '@abandonware/noble', 'fs', 'readline', 'tty']),
    );
  });
});

/** What the YAML library reads, or the error it throws. */
const library = (text: string): Tree | null | { error: string } => {
  try {
    return fromYaml(text, 'x.yaml');
  } catch (e) {
    return { error: String(e) };
  }
};

describe('the subset reader of catalogs', () => {
  test.each(readdirSync(platforms).filter((f) => f.endsWith('.yaml')))('reads the bundled %s as the YAML library does', (name) => {
    const text = readFileSync(join(platforms, name), 'utf8');
    const tree = fromSubset(text);
    expect(tree).toBeDefined();
    expect(tree).toEqual(library(text));
  });

  test.each([
    ['a comment after a value', 'platform: x # here\n'],
    ['a double-quoted scalar', 'platform: "x"\n'],
    ['a number', 'platform: 1\n'],
    ['null', 'platform: ~\n'],
    ['a list at column 0', 'platform: x\nmodules:\n- fs\n'],
    ['a tab', 'platform:\tx\n'],
    ['a multi-line scalar', 'platform: x\ndescription: a\n  b\n'],
    ['a duplicate key', 'platform: x\nplatform: y\n'],
    ['a key without value or items', 'platform: x\nmodules:\n'],
    ['a document marker', '---\nplatform: x\n'],
    ['an unknown key', 'platform: x\nmodulez: []\n'],
  ])('leaves %s to the library', (_, text) => {
    expect(fromSubset(text)).toBeUndefined();
  });

  // Catalog-like documents, mostly in the subset, with the scalars and layouts that YAML reads
  // otherwise: where the subset reader answers, the library answers the same.
  const PLAIN = ['fs', 'node:fs', 'navigator.geolocation', "the device's disk", "'@scope/pkg'", "'it''s'", "''", "'a: b'", "'x # y'", 'a#b', 'yes', 'a, b', 'x]', 'é ü', '[]'];
  const TRICKY = ['a: b', 'a #b', '#c', '1', '1.5', '-x', '.x', '~', 'null', 'True', 'FALSE', '"dq"', '@x', '*ref', '&anc x', '!tag x', '|', '>', '[a]', '{}', 'x ', 'ends:', '`x`', '%x', "'open", ''];
  const KEYS = ['platform', 'description', 'modules', 'globals', 'types', 'name', 'why', 'other', 'True'];
  const value = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) });
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('platform', 'description', 'modules', 'globals', 'types') }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
  const itemKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('name', 'why') }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
  const item = fc.oneof(value.map((v) => [`  - ${v}`]), fc.array(fc.tuple(itemKey, value), { minLength: 1, maxLength: 3 }).map((ps) => ps.map(([k, v], i) => `${i ? '    ' : '  - '}${k}: ${v}`)));
  const entry = fc.tuple(key, fc.oneof(value.map((v) => [` ${v}`]), fc.array(item, { maxLength: 4 }).map((items) => ['', ...items.flat()])));
  const noise = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', '# note', '  # note', '   ') }, { weight: 1, arbitrary: fc.constantFrom(' x', '-', '      more', '  -', '\tx', 'platform:x') });
  const entries = fc.uniqueArray(entry, { minLength: 1, maxLength: 5, selector: ([k]) => k });
  const doc = fc.tuple(entries, fc.array(fc.tuple(fc.nat(40), noise), { maxLength: 2 })).map(([entries, inserts]) => {
    const lines = entries.flatMap(([k, [first, ...rest]]) => [`${k}:${first}`, ...rest]);
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join('\n') + '\n';
  });

  test('answers as the library does, where it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const tree = fromSubset(text);
        if (tree === undefined) return;
        answered++;
        expect(tree).toEqual(library(text));
      }),
      { seed: 13, numRuns: 2000 },
    );
    // Not vacuous: a good part of the documents is in the subset.
    expect(answered).toBeGreaterThan(200);
  });
});
