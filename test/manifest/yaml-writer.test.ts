import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isCollection, parse } from 'yaml';
import { writeYaml } from '../../src/manifest/yaml-writer.js';
import { renderManifest } from '../../src/manifest/render.js';
import type { Manifest } from '../../src/manifest/types.js';

/** What the `yaml` library writes for `value`, with the collections in `flow` on one line (as render.ts asked it). */
function library(value: Record<string, unknown>, flow: ReadonlySet<object>): string {
  const doc = new Document(value);
  const mark = (v: unknown, path: (string | number)[]): void => {
    if (typeof v !== 'object' || v === null) return;
    if (flow.has(v)) {
      const node = doc.getIn(path, true);
      if (isCollection(node)) node.flow = true;
    }
    if (Array.isArray(v)) v.forEach((x, i) => mark(x, [...path, i]));
    else for (const [k, x] of Object.entries(v)) mark(x, [...path, k]);
  };
  for (const [k, x] of Object.entries(value)) mark(x, [k]);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** The maps render.ts writes on one line: predicted figures and state bindings. */
function oneLine(value: Record<string, unknown>): Set<object> {
  const m = value as { partitions?: { predicted?: object[] }[]; runtime?: { points?: { state?: object[] }[] } };
  return new Set<object>([...(m.partitions ?? []).flatMap((p) => p.predicted ?? []), ...(m.runtime?.points ?? []).flatMap((p) => p.state ?? [])]);
}

// A small deterministic generator (the cases are the same on every run).
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = [
  'src/a.ts#A.run', 'sha256:0f3a', '3g', 'wifi', 'ms', '.build', 'x', 'a-b', 'a_b', 'f(x)', 'a<b>', 'a=b', 'a~', 'a+b', '$x', 'a@b', 'a#b', 'a:b',
  '42', '-7', '0x1F', '0o17', '1e3', '.5', '1.', '+1', '.inf', '-.Inf', '.NaN', 'true', 'False', 'null', 'NULL', '~', '', ' ', 'a b', 'a: b', 'a:',
  '#x', 'a #b', '- x', '-', '?', '? x', ':x', '...', '...x', '---', '--- x', '%x', '@x', '&a', '*a', '!a', '|', '>', '`x', "'x'", '"x"', 'a,b',
  '[x]', '{x}', 'a\nb', 'a\tb', 'é', 'y', 'n', 'yes', 'on', '0', '00', '1_000', '12:30', '2026-12-06',
];
const NUMBERS = [0, 1, -1, 2.53, 1234.568, 0.012346, -0, 1e21, 1e-7, 123456789012, Number.NaN, Infinity, -Infinity, 0.1 + 0.2];

function value(next: () => number, depth: number, flow: Set<object>): unknown {
  const r = next();
  if (depth <= 0 || r < 0.55) {
    const s = next();
    if (s < 0.6) return WORDS[Math.floor(next() * WORDS.length)];
    if (s < 0.9) return NUMBERS[Math.floor(next() * NUMBERS.length)];
    return next() < 0.5;
  }
  if (r < 0.75) {
    const list = Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth - 1, flow));
    if (next() < 0.2) flow.add(list);
    return list;
  }
  const map = object(next, depth - 1, flow);
  if (next() < 0.3) flow.add(map);
  return map;
}

function object(next: () => number, depth: number, flow: Set<object>): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const size = Math.floor(next() * 4);
  for (let i = 0; i < size; i++) map[next() < 0.8 ? `k${Math.floor(next() * 5)}` : WORDS[Math.floor(next() * WORDS.length)]!] = value(next, depth, flow);
  return map;
}

describe('writeYaml', () => {
  it('writes the examples’ manifests as the library does, with no fallback', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
    const files = readdirSync(root).map((d) => join(root, d, 'clonecloud.manifest.yaml')).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const value = parse(text) as Record<string, unknown>;
      const flow = oneLine(value);
      const written = writeYaml(value, flow);
      expect(written).toBe(library(value, flow));
      // The file is what render.ts wrote: its comment lines, then the same body.
      expect(text.endsWith(written!)).toBe(true);
    }
  });

  it('writes a random value as the library does, or leaves it to the library', () => {
    const next = random(46);
    let written = 0;
    for (let c = 0; c < 3000; c++) {
      const flow = new Set<object>();
      const v = object(next, 3, flow);
      const out = writeYaml(v, flow);
      if (out === undefined) continue;
      written++;
      expect(out).toBe(library(v, flow));
    }
    // Most values are written by the writer itself (else the comparison above proves little).
    expect(written).toBeGreaterThan(300);
  });

  it('leaves every string that would need quotes to the library, and writes the plain ones', () => {
    for (const word of WORDS) {
      const v = { a: word, b: [word], c: { [word || 'k']: 1 } };
      const out = writeYaml(v, new Set());
      if (out !== undefined) expect(out).toBe(library(v, new Set()));
    }
    for (const word of ['src/a.ts#A.run', 'sha256:0f3a', '3g', '.build', 'a<b>']) expect(writeYaml({ a: [word] }, new Set())).toBe(`a:\n  - ${word}\n`);
    for (const word of ['42', 'true', 'null', '~', '1e3', '.inf', 'a b', 'a:', '- x', '...x', '#x', '']) expect(writeYaml({ a: word }, new Set())).toBeUndefined();
  });

  it('keeps renderManifest’s bytes where a string needs quotes (the library writes the manifest)', () => {
    const manifest: Manifest = {
      app: 'demo',
      objective: 'time',
      nesting: 'dynamic',
      device: 'phone-midrange',
      inputs: { sources: 'sha256:abc', profiles: [] },
      partitions: [{ network: 'wifi', migrate: ['src/a.ts#default export', 'src/a.ts#b'], cost: { unit: 'ms', deviceOnly: 2, partitioned: 1 }, speedup: 2, optimal: true }],
      estimated: [{ path: 'main > a', side: 'clone' }],
    };
    const text = renderManifest(manifest);
    expect(parse(text).partitions[0].migrate).toEqual(['src/a.ts#b', 'src/a.ts#default export']);
    const body = text.slice(text.indexOf('clonecloud-manifest:'));
    const value = parse(body) as Record<string, unknown>;
    expect(body).toBe(library(value, oneLine(value)));
  });
});
