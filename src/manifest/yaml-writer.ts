/**
 * A YAML writer for the manifest's shape: maps, lists, plain strings, numbers and booleans, some
 * maps on one line. It writes the bytes the `yaml` library writes for the same value (Document,
 * toString with lineWidth 0 and flowCollectionPadding, the core schema), faster: renderManifest
 * of a 1M-context bench manifest (2.2 MB, 45k method ids) took 0.69 s with the library, 0.15 s
 * with this writer (its lists sorted in both). It
 * says so (undefined) for anything it does not write as the library would, a string that would
 * need quotes among them, and the caller then asks the library; test/manifest/yaml-writer.test.ts
 * compares the two on the examples' manifests and on random values.
 */
import { Document } from 'yaml';

/** A map or list the writer takes; `flow`: the maps and lists to write on one line (`{ a: 1, b: x }`). */
export function writeYaml(value: Record<string, unknown>, flow: ReadonlySet<object>): string | undefined {
  const out: string[] = [];
  if (Object.keys(value).length === 0) return undefined;
  return blockMap(value, '', flow, out) ? `${out.join('\n')}\n` : undefined;
}

/**
 * The core schema's tags other than string, whose test a plain string must not pass (`3g` stays
 * plain, `42`, `1e3`, `true`, `null`, `~` and `.inf` are quoted): the library's own tests.
 */
const otherTypes: RegExp[] = (new Document().schema as unknown as { tags: { default?: unknown; tag: string; test?: RegExp }[] }).tags
  .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test !== undefined)
  .map((t) => t.test!);

/**
 * Strings written plain by the library in block and flow context alike: no space, quote, comma,
 * bracket or brace; not starting with an indicator, not ending with ':' (a key), no document
 * marker; not read back as another type. Method ids, files, hashes, network names are.
 */
const PLAIN = /^[A-Za-z0-9_./$][A-Za-z0-9_./$#:@+<>()=~-]*$/;

function plain(s: string): boolean {
  return PLAIN.test(s) && !s.endsWith(':') && !s.startsWith('...') && !otherTypes.some((t) => t.test(s));
}

/** A scalar as the library writes it, or undefined when this writer does not know how. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return plain(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v < 0 ? '-.inf' : '.inf';
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  return undefined;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * A value written after `key:` or `- ` on the same line: a scalar, an empty collection, a flow map
 * or list (and everything inside one); BLOCK for a collection written on lines of its own, and
 * undefined for what the writer does not write.
 */
const BLOCK = Symbol('block');

function inline(v: unknown, flow: ReadonlySet<object>, inFlow = false): string | typeof BLOCK | undefined {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (!inFlow && !flow.has(v)) return BLOCK;
    return flowItems(v.map((x) => inline(x, flow, true)), true);
  }
  if (isMap(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    if (!inFlow && !flow.has(v)) return BLOCK;
    return flowItems(keys.map((k) => pair(k, v[k], flow)));
  }
  return scalar(v);
}

function pair(key: string, v: unknown, flow: ReadonlySet<object>): string | undefined {
  const k = scalar(key);
  const value = k === undefined ? undefined : inline(v, flow, true);
  return typeof value === 'string' ? `${k}: ${value}` : undefined;
}

function flowItems(items: (string | typeof BLOCK | undefined)[], list = false): string | undefined {
  if (!items.every((x) => typeof x === 'string')) return undefined;
  return list ? `[ ${items.join(', ')} ]` : `{ ${items.join(', ')} }`;
}

/** A map's lines at `indent`; false when a value is outside the writer's shape. */
function blockMap(map: Record<string, unknown>, indent: string, flow: ReadonlySet<object>, out: string[], first?: string): boolean {
  let lead = first;
  for (const key of Object.keys(map)) {
    const v = map[key];
    const k = scalar(key);
    if (k === undefined || v === undefined || v === null) return false;
    const start = lead ?? indent;
    lead = undefined;
    const one = inline(v, flow);
    if (one === undefined) return false;
    if (one !== BLOCK) {
      out.push(`${start}${k}: ${one}`);
    } else if (Array.isArray(v)) {
      out.push(`${start}${k}:`);
      if (!blockSeq(v, `${indent}  `, flow, out)) return false;
    } else if (isMap(v)) {
      out.push(`${start}${k}:`);
      if (!blockMap(v, `${indent}  `, flow, out)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** A non-empty list's lines, each item after `- ` at `indent`; a map item's first pair on the dash's line. */
function blockSeq(items: unknown[], indent: string, flow: ReadonlySet<object>, out: string[]): boolean {
  for (const item of items) {
    if (item === undefined || item === null) return false;
    const one = inline(item, flow);
    if (one === undefined) return false;
    if (one !== BLOCK) out.push(`${indent}- ${one}`);
    else if (isMap(item)) {
      if (!blockMap(item, `${indent}  `, flow, out, `${indent}- `)) return false;
    } else return false;
  }
  return true;
}
