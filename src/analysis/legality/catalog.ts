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
 *   types:                       # type names whose values cannot leave the device
 *     - name: HTMLCanvasElement
 *
 * Unknown keys, wrong types, empty or duplicate names are errors with file:line and field.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { InputError } from '../../errors.js';
import type { CatalogEntry, PlatformCatalog } from '../types.js';

const LISTS = ['modules', 'globals', 'types'] as const;
const TOP_KEYS = new Set<string>(['platform', 'description', ...LISTS]);
const GLOBAL_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function parseCatalog(text: string, file: string): PlatformCatalog {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (n: YamlNode | null | undefined): string => `${file}:${n?.range ? lc.linePos(n.range[0]).line : 1}`;
  const err = doc.errors[0];
  if (err) throw new InputError(err.message.split('\n')[0] ?? 'bad YAML', `${file}:${lc.linePos(err.pos[0]).line}`);
  const root = doc.contents;
  if (!isMap(root)) throw new InputError('a catalog is a mapping with platform, modules, globals, types', at(root));

  const out: PlatformCatalog = { platform: '', file, modules: [], globals: [], types: [] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!TOP_KEYS.has(key)) throw new InputError('unknown key', at(pair.key as YamlNode), key);
    if (key === 'platform' || key === 'description') {
      if (!isScalar(value) || typeof value.value !== 'string' || value.value === '') {
        throw new InputError('must be a non-empty string', at(value ?? (pair.key as YamlNode)), key);
      }
      if (key === 'platform') out.platform = value.value;
      else out.description = value.value;
      continue;
    }
    const list = key as (typeof LISTS)[number];
    if (value === null || (isScalar(value) && value.value === null)) continue; // empty list
    if (!isSeq(value)) throw new InputError('must be a list', at(value), key);
    const seen = new Set<string>();
    value.items.forEach((item, i) => {
      const node = item as YamlNode;
      const entry = parseEntry(node, `${key}[${i}]`, at);
      if (list === 'globals' && !GLOBAL_PATH.test(entry.name)) {
        throw new InputError('a global must be an identifier or a dotted path', at(node), `${key}[${i}].name`);
      }
      if (seen.has(entry.name)) throw new InputError(`duplicate '${entry.name}'`, at(node), `${key}[${i}].name`);
      seen.add(entry.name);
      out[list].push(entry);
    });
  }
  if (!out.platform) throw new InputError('missing', `${file}:1`, 'platform');
  return out;
}

function parseEntry(node: YamlNode, field: string, at: (n: YamlNode) => string): CatalogEntry {
  const line = Number(at(node).split(':').pop());
  if (isScalar(node)) {
    if (typeof node.value !== 'string' || node.value === '') throw new InputError('must be a non-empty string', at(node), field);
    return { name: node.value, line };
  }
  if (!isMap(node)) throw new InputError('must be a name or {name, why}', at(node), field);
  const entry: CatalogEntry = { name: '', line };
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as YamlNode | null;
    if (key !== 'name' && key !== 'why') throw new InputError('unknown key', at(pair.key as YamlNode), `${field}.${key}`);
    if (!isScalar(v) || typeof v.value !== 'string' || v.value === '') {
      throw new InputError('must be a non-empty string', at(v ?? (pair.key as YamlNode)), `${field}.${key}`);
    }
    entry[key] = v.value;
  }
  if (!entry.name) throw new InputError('missing', at(node), `${field}.name`);
  return entry;
}

/** Device type name -> the platform whose catalog lists it (the last catalog wins a clash). */
export function catalogTypes(catalogs: PlatformCatalog[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const c of catalogs) for (const t of c.types) types.set(t.name, c.platform);
  return types;
}
