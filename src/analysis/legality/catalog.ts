/**
 * Platform catalogs: YAML lists of what only the device has. Format:
 *
 *   platform: browser            # required, a name
 *   description: ...             # optional
 *   modules:                     # module specifiers; `fs` also matches `node:fs` and `fs/...`
 *     - name: serialport
 *       why: serial ports are on the device
 *     - usb                      # a bare string is an entry without `why`
 *   globals:                     # global identifiers or member paths
 *     - name: navigator.geolocation
 *     - name: Function
 *       results: code            # what a call returns: `handle` (the default) or `code` (made from text)
 *   types:                       # type names whose values cannot leave the device
 *     - name: HTMLCanvasElement
 *
 * Unknown keys, wrong types, empty or duplicate names are errors with file:line and field.
 */
import { InputError } from '../../errors.js';
import type { CatalogEntry, PlatformCatalog } from '../types.js';
import { readTree, type Tree } from './catalog-tree.js';

const LISTS = ['modules', 'globals', 'types'] as const;
const TOP_KEYS = new Set<string>(['platform', 'description', ...LISTS]);
const GLOBAL_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

type At = (n: { line: number } | null) => string;

export function parseCatalog(text: string, file: string): PlatformCatalog {
  const root = readTree(text, file);
  const at: At = (n) => `${file}:${n ? n.line : 1}`;
  if (!root || !('pairs' in root)) throw new InputError('a catalog is a mapping with platform, modules, globals, types', at(root));

  const out: PlatformCatalog = { platform: '', file, modules: [], globals: [], types: [] };
  for (const pair of root.pairs) {
    const { key, value } = pair;
    if (!TOP_KEYS.has(key)) throw new InputError('unknown key', at(pair), key);
    if (key === 'platform' || key === 'description') {
      const text = stringOf(value);
      if (text === undefined) throw new InputError('must be a non-empty string', at(value ?? pair), key);
      if (key === 'platform') out.platform = text;
      else out.description = text;
      continue;
    }
    const list = key as (typeof LISTS)[number];
    if (value === null || ('scalar' in value && value.scalar === null)) continue; // empty list
    if (!('list' in value)) throw new InputError('must be a list', at(value), key);
    const seen = new Set<string>();
    value.list.forEach((item, i) => {
      const entry = parseEntry(item, `${key}[${i}]`, at);
      if (list === 'globals' && !GLOBAL_PATH.test(entry.name)) {
        throw new InputError('a global must be an identifier or a dotted path', at(item), `${key}[${i}].name`);
      }
      if (seen.has(entry.name)) throw new InputError(`duplicate '${entry.name}'`, at(item), `${key}[${i}].name`);
      seen.add(entry.name);
      out[list].push(entry);
    });
  }
  if (!out.platform) throw new InputError('missing', `${file}:1`, 'platform');
  return out;
}

function parseEntry(node: Tree | null, field: string, at: At): CatalogEntry {
  const line = node ? node.line : 1;
  if (node && 'scalar' in node) {
    const name = stringOf(node);
    if (name === undefined) throw new InputError('must be a non-empty string', at(node), field);
    return { name, line };
  }
  if (!node || !('pairs' in node)) throw new InputError('must be a name or {name, why, results}', at(node), field);
  const entry: CatalogEntry = { name: '', line };
  for (const pair of node.pairs) {
    const { key, value } = pair;
    if (key !== 'name' && key !== 'why' && key !== 'results') throw new InputError('unknown key', at(pair), `${field}.${key}`);
    const text = stringOf(value);
    if (text === undefined) throw new InputError('must be a non-empty string', at(value ?? pair), `${field}.${key}`);
    if (key !== 'results') entry[key] = text;
    else if (text === 'handle' || text === 'code') entry.results = text;
    else throw new InputError(`must be 'handle' or 'code', not '${text}'`, at(value ?? pair), `${field}.${key}`);
  }
  if (!entry.name) throw new InputError('missing', at(node), `${field}.name`);
  return entry;
}

/** A scalar's non-empty string, or undefined. */
function stringOf(n: Tree | null): string | undefined {
  return n && 'scalar' in n && typeof n.scalar === 'string' && n.scalar !== '' ? n.scalar : undefined;
}

/** Device type name -> the platform whose catalog lists it (the last catalog wins a clash). */
export function catalogTypes(catalogs: readonly PlatformCatalog[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const c of catalogs) for (const t of c.types) types.set(t.name, c.platform);
  return types;
}
