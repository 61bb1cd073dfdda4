/**
 * A catalog's YAML as plain data, each node with its 1-based line: what catalog.ts checks.
 *
 * The YAML library costs about 90 ms of CPU per start (50 to load, 40 to parse the three
 * bundled catalogs cold), a tenth of analysing a small app. The catalogs use a small part of
 * YAML: top-level keys, block lists at two spaces, `name:`/`why:` maps in them, plain or
 * single-quoted one-line scalars. `fromSubset` reads exactly that part and declines (undefined)
 * on anything else; then the library reads the text (`fromYaml`). Where the subset reader
 * answers, it answers what the library would (the catalog tests compare them on generated text).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { InputError } from '../../errors.js';

export type Tree = { line: number } & ({ scalar: unknown } | { list: (Tree | null)[] } | { pairs: Pair[] } | { other: true });
export interface Pair {
  /** The key as a string ('' when it is not a scalar). */
  key: string;
  line: number;
  value: Tree | null;
}

/** The tree of a catalog's text (null for an empty document); bad YAML is an InputError at its line. */
export function readTree(text: string, file: string): Tree | null {
  return fromSubset(text) ?? fromYaml(text, file);
}

export function fromYaml(text: string, file: string): Tree | null {
  // Loaded only when the subset reader declines (require: synchronous, and no export scan).
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new InputError(err.message.split('\n')[0] ?? 'bad YAML', `${file}:${lc.linePos(err.pos[0]).line}`);
  const line = (n: unknown): number => {
    const range = (n as Yaml.Node | null | undefined)?.range;
    return range ? lc.linePos(range[0]).line : 1;
  };
  const tree = (n: unknown): Tree | null => {
    if (n === null || n === undefined) return null;
    if (isScalar(n)) return { line: line(n), scalar: n.value };
    if (isSeq(n)) return { line: line(n), list: n.items.map(tree) };
    if (isMap(n)) return { line: line(n), pairs: n.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : '', line: line(p.key), value: tree(p.value) })) };
    return { line: line(n), other: true };
  };
  return tree(doc.contents);
}

const TOP = /^([a-z]+):(?: +(.*))?$/;
const ITEM = /^ {2}- (.*)$/;
const ITEM_KEY = /^ {4}([a-z]+): +(.*)$/;
const PAIR = /^([a-z]+): +(.*)$/;
const KEYS = new Set(['platform', 'description', 'modules', 'globals', 'types', 'name', 'why', 'results']);
const QUOTED = /^'((?:[^']|'')*)'$/;
/** Plain scalars the subset reads as strings: no indicator first, nothing the core schema reads as null, a bool or a number, no `: ` or ` #`. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`+.~0-9]/;
const NOT_STRING = /^(?:null|true|false)$/i;

/** The subset of YAML the bundled catalogs use (see the header), or undefined. */
export function fromSubset(text: string): Tree | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  const top: Pair[] = [];
  let list: (Tree | null)[] | undefined; // the list of the last key, while its items come
  let item: Pair[] | undefined; // the map of the last item, while its keys come
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!;
    const n = i + 1;
    if (/^ *(#.*)?$/.test(row)) continue;
    let m = TOP.exec(row);
    if (m) {
      const [, key, rest] = m as unknown as [string, string, string | undefined];
      if (!KEYS.has(key) || top.some((p) => p.key === key) || !closed(top)) return undefined;
      item = undefined;
      list = undefined;
      if (rest === undefined || rest === '') {
        top.push({ key, line: n, value: null }); // a list, once its first item comes
        continue;
      }
      const value = rest === '[]' ? { line: n, list: [] } : scalar(rest, n);
      if (!value) return undefined;
      top.push({ key, line: n, value });
      continue;
    }
    const last = top[top.length - 1];
    if ((m = ITEM.exec(row)) && last && (list || last.value === null)) {
      if (!list) last.value = { line: n, list: (list = []) };
      const pair = PAIR.exec(m[1]!);
      if (pair) {
        const value = scalar(pair[2]!, n);
        if (!KEYS.has(pair[1]!) || !value) return undefined;
        list.push({ line: n, pairs: (item = [{ key: pair[1]!, line: n, value }]) });
        continue;
      }
      const value = scalar(m[1]!, n);
      if (!value) return undefined;
      item = undefined;
      list.push(value);
      continue;
    }
    if ((m = ITEM_KEY.exec(row)) && item) {
      const value = scalar(m[2]!, n);
      if (!KEYS.has(m[1]!) || item.some((p) => p.key === m![1]) || !value) return undefined;
      item.push({ key: m[1]!, line: n, value });
      continue;
    }
    return undefined;
  }
  if (!closed(top)) return undefined;
  return top.length ? { line: top[0]!.line, pairs: top } : undefined;
}

/** The last key has its value (a key with nothing after it is left to the library). */
function closed(top: Pair[]): boolean {
  return top.length === 0 || top[top.length - 1]!.value !== null;
}

function scalar(text: string, line: number): Tree | undefined {
  const q = QUOTED.exec(text);
  if (q) return { line, scalar: q[1]!.replace(/''/g, "'") };
  if (text === '' || INDICATOR.test(text) || NOT_STRING.test(text) || /\s$/.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return undefined;
  return { line, scalar: text };
}
