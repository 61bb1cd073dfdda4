/**
 * loadMergedProfiles reads one file at a time: the merge and the sha256 the manifest records must
 * be what reading them all and hashing their decoded text gave.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_BYTES_PER_CONTEXT, loadMergedProfiles, refuseBeyondHeap } from '../../src/cli/load.js';
import { factsOf, mergeProfiles } from '../../src/profiles/merge.js';
import { parseJsonProfileBytes, parseProfile } from '../../src/profiles/parse.js';

const json = (side: string, selfMs: number, method = 'a.ts#f') =>
  JSON.stringify({ 'clonecloud-profile': 1, side, runs: 1, contexts: [{ id: 0, method: 'a.ts#main', calls: 1, selfMs: 1 }, { id: 1, parent: 0, method, calls: 2, selfMs }] });

describe('loadMergedProfiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cc-load-'));
    mkdirSync(join(dir, 'p'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('merges in the order of the files from the app, and hashes each file as decoded', () => {
    const files = {
      // A method name in UTF-8, and a BOM: the bytes' digest is the decoded text's.
      'p/z.profile.json': Buffer.from(json('device', 5, 'a.ts#größe')),
      'p/b.profile.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json('device', 7))]),
      // Not UTF-8 (a Latin-1 byte): the digest is of the text as decoded, U+FFFD and all.
      'p/a.profile.yaml': Buffer.from(`# caf\xe9\n${json('clone', 3)}\n`, 'latin1'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const paths = Object.keys(files).map((f) => join(dir, f));
    const { profiles, merged } = loadMergedProfiles(dir, paths, 0.5);
    const order = ['p/a.profile.yaml', 'p/b.profile.yaml', 'p/z.profile.json'];
    expect(profiles.map((p) => p.profile.file)).toEqual(order);
    const texts = order.map((f) => files[f as keyof typeof files].toString('utf8'));
    expect(texts[0]).toContain('\ufffd');
    expect(profiles.map((p) => p.sha256)).toEqual(texts.map((t) => createHash('sha256').update(t).digest('hex')));
    expect(profiles.map((p) => p.profile.contextCount)).toEqual([2, 2, 2]);
    const parsed = order.map((f, i) => ({ ...parseProfile(texts[i]!, f.endsWith('.json') ? 'x.json' : 'x.yaml'), file: f }));
    expect(merged).toEqual(mergeProfiles(parsed, 0.5));
  });

  it('reads an ASCII JSON profile by its columns, giving what parsing its text gives', () => {
    // All ASCII, as record writes it: parseJsonProfileBytes takes it (the test above's JSON, with a
    // non-ASCII method, goes the text way).
    const quick = Buffer.from(json('device', 5));
    expect(parseJsonProfileBytes(quick, 'x.json')).toBeDefined();
    const other = Buffer.from(json('clone', 4, 'a.ts#g'));
    writeFileSync(join(dir, 'p/q.profile.json'), quick);
    writeFileSync(join(dir, 'p/r.profile.json'), other);
    const { profiles, merged } = loadMergedProfiles(dir, [join(dir, 'p/r.profile.json'), join(dir, 'p/q.profile.json')], 0.5);
    expect(profiles.map((p) => p.profile.file)).toEqual(['p/q.profile.json', 'p/r.profile.json']);
    expect(profiles.map((p) => p.sha256)).toEqual([quick, other].map((b) => createHash('sha256').update(b.toString('utf8')).digest('hex')));
    expect(profiles.map((p) => p.profile.methods)).toEqual([['a.ts#f', 'a.ts#main'], ['a.ts#g', 'a.ts#main']]);
    const parsed = [quick, other].map((b, i) => ({ ...parseProfile(b.toString('utf8'), 'x.json'), file: i === 0 ? 'p/q.profile.json' : 'p/r.profile.json' }));
    expect(profiles.map((p) => p.profile)).toEqual(parsed.map(factsOf));
    expect(merged).toEqual(mergeProfiles(parsed, 0.5));
  });

  it('merges nothing from no files', () => {
    expect(loadMergedProfiles(dir, [], 1).merged.size).toBe(0);
  });
});

describe('refuseBeyondHeap', () => {
  it('lets through what fits the heap limit and names the limit for what does not', () => {
    const limit = 1000 * HEAP_BYTES_PER_CONTEXT;
    expect(() => refuseBeyondHeap(1000, limit)).not.toThrow();
    expect(() => refuseBeyondHeap(1001, limit, 'p/big.profile.json')).toThrow(
      /^p\/big\.profile\.json: 1001 calling contexts merged so far need about 1 MB of memory to partition, more than Node's heap limit of 1 MB \(raise it with NODE_OPTIONS=--max-old-space-size=<MB>\)$/,
    );
  });
});
