/** A device value (device-values.ts finds them): the API it comes from, its chain, its last step; and keeping each once. */
import type { ts } from '../../typescript.cjs';
import type { CatalogEntry, PlatformCatalog } from '../types.js';

export interface Api {
  kind: 'module' | 'global' | 'module-level value' | 'type';
  entry: CatalogEntry;
  catalog: PlatformCatalog;
}

/** The most specific catalog entry a global member path names (`navigator.geolocation` over `navigator`, whatever their order). */
export function mostSpecific(apis: readonly Api[] | undefined, path: readonly string[]): Api | undefined {
  let best: Api | undefined;
  for (const api of apis ?? []) {
    if (api.entry.name.split('.').every((w, i) => path[i] === w) && (!best || api.entry.name.length > best.entry.name.length)) best = api;
  }
  return best;
}

/** A device value an expression may hold. */
export interface DeviceValue {
  /** The catalog API it comes from; undefined while a global path names no entry yet (`navigator`, `globalThis`). */
  api?: Api;
  /** The global member path it is, when it is one (`['navigator', 'geolocation']`). */
  path?: string[];
  /**
   * An app object or array literal some member of which may hold a device value
   * (`{ out: process.stdout }` passed as options): its members are followed where it is read
   * (`opts.out`, `const { out } = opts`), however it got there.
   */
  holder?: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression;
  /** A generator's result whose yields may hold device values, followed as a value to where it is iterated. */
  iterates?: ts.FunctionLikeDeclaration;
  /** A message event of `postMessage(data)` whose data may hold device values: its `data` member is what was posted. */
  posted?: ts.Expression;
  /** Where it came from and each derivation, `'text' at file:line`, origin first. */
  chain: string[];
  /** The node of the last step, whose type is the value's (an element read from a list keeps its own: elementOfList). */
  at: ts.Node;
}

/**
 * Each value once per what it is (its API, global path, holder literal or generator) and where
 * its last step is (which decides whether it fits a use), the first found kept: an answer
 * gathers a value again for every route to it, and answers built on answers multiplied those
 * copies past what an array spread can hold (vue's reactivity package).
 */
export function distinctValues(vs: DeviceValue[]): DeviceValue[] {
  if (vs.length < 2) return vs;
  // Most lists are short and hold no repeat: compared in place, what a value is worked out only
  // for two at the same node (vue's reactivity built a map, sets and strings 300k times).
  if (vs.length <= SHORT && !hasRepeat(vs)) return vs;
  const seen = new Map<ts.Node, Set<unknown>>();
  const out: DeviceValue[] = [];
  for (const v of vs) {
    const what = whatValue(v);
    let here = seen.get(v.at);
    if (!here) seen.set(v.at, (here = new Set()));
    if (here.has(what)) continue;
    here.add(what);
    out.push(v);
  }
  return out;
}

/** Lists up to this long are checked for repeats pairwise. */
const SHORT = 16;

function hasRepeat(vs: readonly DeviceValue[]): boolean {
  for (let i = 1; i < vs.length; i++) {
    for (let j = 0; j < i; j++) if (vs[j]!.at === vs[i]!.at && whatValue(vs[j]!) === whatValue(vs[i]!)) return true;
  }
  return false;
}

/**
 * What each value is, worked out once per value object: answers are built from kept answers, so
 * one object is checked again in every answer holding it, and a text made afresh each time had
 * to be hashed afresh by every set that held it (vue's reactivity: 1.3 s of such hashing). A
 * value's fields are not changed once it is made.
 */
const whatValues = new WeakMap<DeviceValue, unknown>();

/** What a value is, apart from where it is: its API (and global path), else its holder literal, generator or path. */
function whatValue(v: DeviceValue): unknown {
  let what = whatValues.get(v);
  if (what === undefined && !whatValues.has(v)) {
    what = v.api ? `${v.api.kind}:${v.api.catalog.platform}:${v.api.entry.name}:${v.path?.join('.') ?? ''}` : (v.holder ?? v.iterates ?? v.posted ?? v.path?.join('.'));
    whatValues.set(v, what);
  }
  return what;
}
