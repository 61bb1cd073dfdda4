/**
 * The quick reading of a JSON profile (parseJsonProfileBytes) must take only what parseProfile
 * takes, and read it the same: anything it takes, parseProfile takes with the same figures;
 * anything parseProfile refuses, it gives up on (so that parseProfile says what is wrong).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMergedProfiles } from '../../src/cli/load.js';
import { mergeProfiles, ProfileMerger, type MergedProfile } from '../../src/profiles/merge.js';
import { parseJsonProfileBytes, parseProfile } from '../../src/profiles/parse.js';
import { renderProfileJson } from '../../src/profiles/record/render.js';
import type { Profile, ProfileContext } from '../../src/profiles/types.js';

const FILE = 'p.profile.json';

function sample(n: number): Profile {
  const contexts: ProfileContext[] = [];
  for (let id = 0; id < n; id++) {
    const parent = id === 0 ? undefined : Math.floor((id - 1) / 3);
    contexts.push({ id, ...(parent === undefined ? {} : { parent }), method: `src/m${id % 5}.ts#f${id % 7}`, calls: id + 1, selfMs: (id * 0.1234) % 3, bytesIn: id * 17, bytesOut: (id * 31) % 500 });
  }
  return { file: '', side: 'device', runs: 2, app: 'x', contexts, unserializable: [{ method: 'src/m1.ts#f1', value: 'result', reason: 'a function', count: 2 }] };
}

function slowOf(text: string): Profile | Error {
  try {
    return parseProfile(text, FILE);
  } catch (error) {
    return error as Error;
  }
}

/** Checks the property for `text`; says whether the quick way took it. */
function agree(text: string): boolean {
  const slow = slowOf(text);
  const quick = parseJsonProfileBytes(Buffer.from(text, 'utf8'), FILE);
  if (slow instanceof Error) {
    expect({ text, quick }).toEqual({ text, quick: undefined });
    return false;
  }
  if (!quick) return false;
  const { contexts, ...head } = slow;
  expect(quick.head).toEqual(head);
  const ids = new Map(contexts.map((c, i) => [c.id, i]));
  const { columns } = quick;
  expect(columns.length).toBe(contexts.length);
  contexts.forEach((c, i) => {
    const got = {
      parent: columns.parent[i],
      method: columns.names[columns.method[i]!],
      calls: columns.calls[i],
      selfMs: columns.selfMs[i],
      bytesIn: columns.bytesIn[i],
      bytesOut: columns.bytesOut[i],
    };
    const want = { parent: c.parent === undefined ? -1 : ids.get(c.parent), method: c.method, calls: c.calls, selfMs: c.selfMs, bytesIn: c.bytesIn, bytesOut: c.bytesOut };
    for (const key of Object.keys(want) as (keyof typeof want)[]) expect({ i, key, value: Object.is(got[key], want[key]) ? want[key] : got[key] }).toEqual({ i, key, value: want[key] });
  });
  return true;
}

/**
 * The public loader on `text` as a file, against the general parser: the same merged profile
 * when the parser takes the text (whether or not the quick way did), the same error when not.
 */
function loadsAsParsed(text: string, dir: string): void {
  const file = join(dir, FILE);
  writeFileSync(file, text);
  const outcome = <T>(f: () => T): T | string => {
    try {
      return f();
    } catch (error) {
      return (error as Error).message;
    }
  };
  const viaLoader = outcome((): MergedProfile => loadMergedProfiles(dir, [file], 0.5).merged);
  const viaParser = outcome((): MergedProfile => mergeProfiles([parseProfile(text, file)], 0.5));
  expect({ text, merged: viaLoader }).toEqual({ text, merged: viaParser });
}

describe('parseJsonProfileBytes', () => {
  const text = renderProfileJson(sample(40), []);

  test('takes what record writes, as parseProfile reads it', () => {
    expect(agree(text)).toBe(true);
    expect(agree(renderProfileJson({ ...sample(0) }, []))).toBe(true);
  });

  test('numbers as JSON.parse reads them, or gives up', () => {
    const numbers = ['0', '5.0', '1e2', '1E+2', '2.5e-3', '0.1', '0.30000000000000004', '123456789012345678', '9007199254740993', '0.000001', '1e400', '-0', '-1', '01', '1.', '.5', '1e', '00', '0.1234567890123456789', '1e12', '1000000000000.5', '1e18', '1.0000000000000001e18'];
    const kinds = ['selfMs', 'calls', 'bytesIn', 'bytesOut', 'id'];
    let taken = 0;
    for (const kind of kinds) {
      for (const n of numbers) {
        const at = text.indexOf(`"${kind}":`, text.indexOf('"contexts"'));
        const end = text.indexOf(',', at);
        const valueEnd = text.slice(at, end).includes('}') ? text.indexOf('}', at) : end;
        if (agree(`${text.slice(0, at)}"${kind}":${n}${text.slice(valueEnd)}`)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(20);
  });

  test('gives up on contexts it does not take, and parseProfile says why', () => {
    const variants: [string, string][] = [
      ['"method":"src/m0.ts#f0"', '"method":"src/m0.ts#f\\u0030"'],
      ['"method":"src/m0.ts#f0"', '"method":"src/m0.ts#fé"'],
      ['"method":"src/m0.ts#f0"', '"method":""'],
      ['"method":"src/m0.ts#f0"', '"method":"a\tb"'],
      ['"method":"src/m0.ts#f0"', '"method":null'],
      ['"calls":1,', ''],
      ['"calls":1,', '"calls":1,"calls":1,'],
      ['"calls":1,', '"calls":1,"extra":1,'],
      ['"calls":1,', '"calls" : 1 ,'],
      ['"parent":0,', '"parent":1,'],
      ['"parent":0,', '"parent":99,'],
      ['"id":1,', '"id":0,'],
      ['"id":1,', '"id":100000000,'],
      ['"contextCount": 40', '"contextCount": 41'],
      ['"contexts": [', '"contexts": [\n    {},'],
      ['"contexts": [', '"contexts": [\n    [],'],
      ['"runs": 2', '"runs": 2, "contexts": []'],
      ['"runs": 2', '"runs": 0'],
      ['"side": "device"', '"side": "phone"'],
      ['"app": "x"', '"app": "\\u00e9"'],
      ['"app": "x"', '"app": "é"'],
    ];
    const texts = variants.map(([from, to]) => {
      expect(text.includes(from)).toBe(true);
      return text.replace(from, to);
    });
    texts.push(text.replace(/\n\s*\]/, ','), text.slice(0, text.length - 3), `\ufeff${text}`, text.replace(/\n/g, '\r\n'));
    const dir = mkdtempSync(join(tmpdir(), 'cc-json-contexts-'));
    let parsed = 0;
    for (const variant of texts) {
      agree(variant);
      // Given up on or not, what the loader makes of the file is what the general parser does.
      loadsAsParsed(variant, dir);
      if (!(slowOf(variant) instanceof Error)) parsed++;
    }
    // Some variants the quick way gives up on are good profiles: the fall-back is exercised.
    expect(parsed).toBeGreaterThanOrEqual(5);
  });

  test('every one-byte change agrees (seeded)', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = '{}[]",:0123456789.-eE \n\\ax';
    let taken = 0;
    for (let k = 0; k < 1500; k++) {
      const at = Math.floor(rand() * text.length);
      const ch = alphabet[Math.floor(rand() * alphabet.length)]!;
      const how = rand();
      const changed = how < 0.4 ? text.slice(0, at) + ch + text.slice(at + 1) : how < 0.7 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      if (agree(changed)) taken++;
    }
    expect(taken).toBeGreaterThan(100);
  });

  test('ProfileMerger.addColumns merges as add does', () => {
    const device = sample(60);
    // Recursion (a method again on its path) and a context only one side has.
    device.contexts.push({ id: 60, parent: 59, method: device.contexts[19]!.method, calls: 1, selfMs: 0.5, bytesIn: 1, bytesOut: 2 });
    const clone: Profile = { ...sample(50), side: 'clone', runs: 3, estimated: ['calls'] };
    const merger = new ProfileMerger(4);
    // The second file's columns in the first's memory, as partition reads them.
    let reuse: ReturnType<typeof parseJsonProfileBytes>;
    for (const profile of [device, clone]) {
      const quick = parseJsonProfileBytes(Buffer.from(renderProfileJson(profile, [])), FILE, reuse?.columns)!;
      expect(quick).toBeDefined();
      merger.addColumns(quick.head, quick.columns);
      reuse = quick;
    }
    const parsed = [device, clone].map((p) => parseProfile(renderProfileJson(p, []), FILE));
    expect(merger.finish(0.25)).toEqual(mergeProfiles(parsed, 0.25));
  });
});
