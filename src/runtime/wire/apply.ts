/**
 * Writing a decoded shallow state into an object: a fresh shell being built, an `into` target,
 * or a device object receiving the clone's changes in place. checkApply says beforehand whether
 * the write can succeed (integrity levels), so that applying validated input never fails half way.
 *
 * Key order: when the object's named keys, less the deleted ones, are a prefix of the new ones
 * (values set, keys deleted or appended), the keys are updated in place; otherwise they are all
 * deleted and added again in the new order. Index-like keys are left out of this comparison, since
 * the language orders them first anyway. Maps and Sets follow the same rule.
 */
import { WireError } from './errors.js';
import { Kind, Level } from './kinds.js';
import { arrayHasOnlyElements, isIndex, levelOf } from './props.js';
import { HOLE, type Shallow } from './shallow.js';
import { O } from '../intrinsics.js';

const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

/** Adds an own data property without running a setter up the prototype chain (or `__proto__`'s). */
export function addKey(o: object, k: string, v: unknown, plain: boolean, enumerable = true): void {
  if (enumerable && (plain ? k !== '__proto__' : !(k in o))) (o as Record<string, unknown>)[k] = v;
  else O.defineProperty(o, k, { value: v, writable: true, enumerable, configurable: true });
}

function setKey(o: object, k: string, v: unknown): void {
  if (!O.is((o as Record<string, unknown>)[k], v)) (o as Record<string, unknown>)[k] = v;
}

/** The current named keys whose relative order matters (index-like keys excluded). */
function namedKeys(o: object, kind: Kind): string[] {
  if (kind === Kind.Array && arrayHasOnlyElements(o as unknown[])) return [];
  const all = kind === Kind.Error ? O.getOwnPropertyNames(o) : O.keys(o);
  const out: string[] = [];
  for (const k of all) if (!isIndex(k) && !(kind === Kind.Array && k === 'length')) out.push(k);
  return out;
}

type Plan = 'append' | 'prune' | 'rebuild';

/** How the named keys move from `cur` to `next`: append, prune (delete then append) or rebuild. */
function planKeys(cur: readonly string[], next: readonly string[], same: (a: unknown, b: unknown) => boolean = O.is): Plan {
  let i = 0;
  while (i < cur.length && i < next.length && same(cur[i], next[i])) i++;
  if (i === cur.length) return 'append';
  const want = new Set(next);
  let j = i;
  for (let c = i; c < cur.length; c++) {
    if (!want.has(cur[c]!)) continue;
    if (j >= next.length || !same(cur[c], next[j])) return 'rebuild';
    j++;
  }
  return 'prune';
}

function applyProps(o: object, s: Shallow, fresh: boolean): void {
  const { keys, values, enumerable } = s;
  const plain = s.kind === Kind.Object && (s.proto === Object.prototype || s.proto === null);
  const isError = enumerable !== undefined;
  const put = (k: string, v: unknown, i: number, exists: boolean) => {
    if (isError && !(exists && Object.prototype.propertyIsEnumerable.call(o, k) === enumerable[i])) {
      O.defineProperty(o, k, { value: v, writable: true, enumerable: enumerable[i]!, configurable: true });
    } else if (exists) setKey(o, k, v);
    else addKey(o, k, v, plain);
  };
  if (fresh) {
    for (let i = 0; i < keys.length; i++) put(keys[i]!, values[i], i, false);
    return;
  }
  const named = keys.filter((k) => !isIndex(k));
  const cur = namedKeys(o, s.kind);
  const plan = planKeys(cur, named);
  if (plan !== 'append') {
    const want = plan === 'prune' ? new Set(keys) : undefined;
    for (const k of cur) if (want === undefined || !want.has(k)) delete (o as Record<string, unknown>)[k];
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    put(k, values[i], i, Object.prototype.hasOwnProperty.call(o, k));
  }
  // Index-like keys that are gone (named ones were handled by the plan).
  if (s.kind !== Kind.Array) {
    const want = new Set(keys);
    // A String object's own characters are not properties that the wire carries.
    const chars = s.kind === Kind.Boxed && typeof s.state === 'string' ? s.state.length : 0;
    for (const k of O.keys(o)) if (isIndex(k) && !want.has(k) && Number(k) >= chars) delete (o as Record<string, unknown>)[k];
  }
}

function applyArray(a: unknown[], s: Shallow, fresh: boolean): void {
  const items = s.items!;
  if (!fresh && a.length !== s.length) a.length = s.length;
  if (s.sparse) {
    if (!fresh) {
      const want = new Set<number>();
      for (let i = 0; i < items.length; i += 2) want.add(items[i] as number);
      for (const k of O.keys(a)) if (isIndex(k) && !want.has(Number(k))) delete a[Number(k)];
    }
    for (let i = 0; i < items.length; i += 2) {
      const k = items[i] as number;
      if (fresh || !O.is(a[k], items[i + 1]) || !(k in a)) a[k] = items[i + 1];
    }
  } else if (fresh) {
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v !== HOLE) a[i] = v;
    }
  } else {
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v === HOLE) {
        if (i in a) delete a[i];
      } else if (!O.is(a[i], v) || (v === undefined && !(i in a))) a[i] = v;
    }
  }
  if (fresh && a.length !== s.length) a.length = s.length;
}

function applyMap(m: Map<unknown, unknown>, s: Shallow, fresh: boolean): void {
  const items = s.items!;
  if (!fresh) {
    const cur: unknown[] = [];
    Map.prototype.forEach.call(m, (_v: unknown, k: unknown) => cur.push(k));
    const next: unknown[] = [];
    for (let i = 0; i < items.length; i += 2) next.push(items[i]);
    reconcile(m, cur, next, Map.prototype.delete);
  }
  for (let i = 0; i < items.length; i += 2) Map.prototype.set.call(m, items[i], items[i + 1]);
}

function applySet(set: Set<unknown>, s: Shallow, fresh: boolean): void {
  const items = s.items!;
  if (!fresh) {
    const cur: unknown[] = [];
    Set.prototype.forEach.call(set, (v: unknown) => cur.push(v));
    reconcile(set, cur, items, Set.prototype.delete);
  }
  for (const v of items) Set.prototype.add.call(set, v);
}

/** Deletes from a Map or Set what the new order needs gone (everything, when it must be rebuilt). */
function reconcile(c: object, cur: unknown[], next: unknown[], del: (this: never, k: unknown) => boolean): void {
  const plan = planKeys(cur as string[], next as string[], sameValueZero);
  if (plan === 'append') return;
  const want = plan === 'prune' ? new Set(next) : undefined;
  for (const k of cur) if (want === undefined || !want.has(k)) del.call(c as never, k);
}

export function raise(o: object, level: Level): void {
  if (level === Level.Frozen) O.freeze(o);
  else if (level === Level.Sealed) O.seal(o);
  else if (level === Level.NonExtensible) O.preventExtensions(o);
}

/** Writes a state into an object; `fresh`: a shell just made with the right kind and prototype. */
export function applyState(o: object, s: Shallow, fresh: boolean): void {
  if (!fresh && O.getPrototypeOf(o) !== s.proto) O.setPrototypeOf(o, s.proto);
  switch (s.kind) {
    case Kind.Array:
      applyArray(o as unknown[], s, fresh);
      break;
    case Kind.Map:
      applyMap(o as Map<unknown, unknown>, s, fresh);
      break;
    case Kind.Set:
      applySet(o as Set<unknown>, s, fresh);
      break;
    case Kind.Date:
      Date.prototype.setTime.call(o, s.state as number);
      break;
    case Kind.RegExp:
      if (!O.is((o as RegExp).lastIndex, s.state)) (o as { lastIndex: unknown }).lastIndex = s.state;
      break;
    case Kind.ArrayBuffer:
      if (s.bytes !== undefined) new Uint8Array(o as ArrayBuffer, s.offset, s.bytes.length).set(s.bytes);
      break;
  }
  const bare = s.kind === Kind.TypedArray || s.kind === Kind.DataView || s.kind === Kind.ArrayBuffer;
  if (!bare && (s.keys.length > 0 || !fresh)) applyProps(o, s, fresh);
  if (s.level > Level.Extensible && (fresh || levelOf(o) < s.level)) raise(o, s.level);
}

function fail(what: string): never {
  throw new WireError(`a change that cannot be applied: ${what}`);
}

/** Throws WireError unless applyState(o, s, false) can succeed on o as it is now. */
export function checkApply(o: object, s: Shallow): void {
  const cur = levelOf(o);
  if (s.level < cur) fail('it would lower an integrity level');
  if (s.kind === Kind.ArrayBuffer && s.bytes !== undefined) {
    const n = (o as ArrayBuffer).byteLength;
    if (s.offset + s.bytes.length > n) fail('bytes past the end of a buffer');
    if (n === 0 && s.bytes.length > 0) fail('a detached buffer');
  }
  if (cur === Level.Extensible) return;
  if (O.getPrototypeOf(o) !== s.proto) fail('a new prototype for a non-extensible object');
  const rec = o as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(o, k);
  for (const k of s.keys) if (!has(k)) fail(`a new property ${k} on a non-extensible object`);
  const named = s.keys.filter((k) => !isIndex(k));
  if (planKeys(namedKeys(o, s.kind), named) === 'rebuild') fail('a new key order on a non-extensible object');
  if (s.kind === Kind.Array) {
    const a = o as unknown[];
    const items = s.items!;
    const step = s.sparse ? 2 : 1;
    for (let i = 0; i < items.length; i += step) {
      const k = s.sparse ? (items[i] as number) : i;
      const v = s.sparse ? items[i + 1] : items[i];
      if (v !== HOLE && !(k in a)) fail(`a new element ${k} of a non-extensible array`);
      if (cur === Level.Frozen && v !== HOLE && !O.is(a[k], v)) fail(`a new value at [${k}] of a frozen array`);
    }
  }
  if (cur < Level.Sealed) return;
  if (s.enumerable !== undefined) {
    for (let i = 0; i < s.keys.length; i++) {
      if (Object.prototype.propertyIsEnumerable.call(o, s.keys[i]!) !== s.enumerable[i]) fail(`a new enumerability of ${s.keys[i]} on a sealed error`);
    }
  }
  const want = new Set(s.keys);
  for (const k of s.kind === Kind.Error ? O.getOwnPropertyNames(o) : O.keys(o)) {
    if (s.kind === Kind.Array && isIndex(k)) continue;
    if (!want.has(k)) fail(`deleting ${k} from a sealed object`);
  }
  if (s.kind === Kind.Array) {
    const a = o as unknown[];
    if (a.length !== s.length) fail('a new length of a sealed array');
    const present = s.sparse ? s.items!.length / 2 : s.items!.filter((v) => v !== HOLE).length;
    if (present !== O.keys(a).filter(isIndex).length) fail('deleting an element of a sealed array');
  }
  if (cur < Level.Frozen) return;
  for (let i = 0; i < s.keys.length; i++) if (!O.is(rec[s.keys[i]!], s.values[i])) fail(`a new value of ${s.keys[i]} on a frozen object`);
  if (s.kind === Kind.RegExp && !O.is((o as RegExp).lastIndex, s.state)) fail('a new lastIndex of a frozen RegExp');
}
