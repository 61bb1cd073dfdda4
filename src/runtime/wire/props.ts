/**
 * Own properties of an object, checked so that nothing crosses half: symbol keys, accessors,
 * non-enumerable properties (except those a kind owns, such as an error's message) and
 * attributes that differ from the object's integrity level are refused with their key.
 *
 * How accessors are detected: one property descriptor per own property (it also gives the value,
 * so it replaces the read; about 25 ns each). Array elements are the exception: they are read by
 * value, because a descriptor per element costs ~140 ns and V8 offers nothing cheaper; an
 * accessor or a read-only attribute on an array *element* is therefore not detected (one on an
 * array's named property is). Whether a long array or typed array has named properties at all is
 * asked of util.inspect with no elements shown (Node lists the non-index properties natively,
 * without the elements); Reflect.ownKeys would list every index (seconds for 10 MB).
 */
import { inspect } from 'node:util';
import { Refusal } from './errors.js';
import { Level } from './kinds.js';
import { O, R } from '../intrinsics.js';

/** Arrays and typed arrays up to this length are listed with R.ownKeys; longer ones probed. */
export const LIST_UP_TO = 64;

const PROBE_ALL = { depth: 0, maxArrayLength: 0, customInspect: false, showHidden: true, breakLength: Infinity, getters: false };
const PROBE_ENUMERABLE = { ...PROBE_ALL, showHidden: false };

export function keyLabel(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${String(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : /^(0|[1-9]\d*)$/.test(key) ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function levelOf(o: object): Level {
  if (O.isExtensible(o)) return Level.Extensible;
  if (O.isFrozen(o)) return Level.Frozen;
  return O.isSealed(o) ? Level.Sealed : Level.NonExtensible;
}

/** Whether a string is an array index (canonical, below 2^32 - 1). */
export function isIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  if (key.length > 1 && c === 48) return false;
  const n = Number(key);
  return Number.isInteger(n) && n < 4294967295 && String(n) === key;
}

/** Refuses a descriptor whose kind or attributes the wire cannot carry. */
export function checkDescriptor(key: string, d: PropertyDescriptor, level: Level, hiddenOk: boolean): void {
  if (d.get !== undefined || d.set !== undefined || !('value' in d)) throw new Refusal(keyLabel(key), 'an accessor property (get/set)');
  if (!d.enumerable && !hiddenOk) throw new Refusal(keyLabel(key), 'a non-enumerable property');
  if (d.writable !== level < Level.Frozen) throw new Refusal(keyLabel(key), d.writable ? 'a writable property of a frozen object' : 'a read-only property');
  if (d.configurable !== level < Level.Sealed) throw new Refusal(keyLabel(key), d.configurable ? 'a configurable property of a sealed object' : 'a non-configurable property');
}

export interface Props {
  keys: string[];
  values: unknown[];
  /** Only when hidden properties are allowed (errors): whether each one is enumerable. */
  enumerable: boolean[] | undefined;
}

/**
 * The own string-keyed properties of an ordinary object, in order. `skip` names those the kind
 * carries itself (a RegExp's lastIndex); `hiddenOk` allows non-enumerable ones (errors).
 */
export function ownProps(o: object, level: Level, hiddenOk: boolean, skip?: (key: string) => boolean): Props {
  // Names and symbols apart: Reflect.ownKeys is ten times slower than getOwnPropertyNames.
  const symbols = O.getOwnPropertySymbols(o);
  if (symbols.length > 0) throw new Refusal(keyLabel(symbols[0]!), 'a symbol-keyed property');
  const all = O.getOwnPropertyNames(o);
  const keys: string[] = [];
  const values: unknown[] = [];
  const enumerable: boolean[] | undefined = hiddenOk ? [] : undefined;
  const writable = level < Level.Frozen;
  const configurable = level < Level.Sealed;
  for (let i = 0; i < all.length; i++) {
    const key = all[i]!;
    if (skip !== undefined && skip(key)) continue;
    const d = O.getOwnPropertyDescriptor(o, key)!;
    // What checkDescriptor allows, in one test (an accessor has no `writable`); it says why not.
    if (d.writable !== writable || d.configurable !== configurable || (d.enumerable !== true && !hiddenOk)) checkDescriptor(key, d, level, hiddenOk);
    keys.push(key);
    values.push(d.value);
    enumerable?.push(d.enumerable!);
  }
  return { keys, values, enumerable };
}

/**
 * Whether a long array has no own property but its elements and length (true), or must be
 * listed (false). Node lists non-index properties after `[length]: n`, so the text ends there
 * exactly when there are none.
 */
export function arrayHasOnlyElements(a: unknown[]): boolean {
  if (a.length <= LIST_UP_TO) return false;
  return inspect(a, PROBE_ALL).endsWith(`[length]: ${a.length} ]`);
}

/**
 * Refuses a typed array that has own properties besides its elements. Short ones are listed; long
 * ones are probed, which sees symbols and enumerable names (a non-enumerable named property on a
 * long typed array is the one case not seen).
 */
export function checkTypedArrayBare(t: ArrayBufferView & { length: number }): void {
  if (t.length <= LIST_UP_TO) {
    const keys = R.ownKeys(t);
    if (keys.length > t.length) throw new Refusal(keyLabel(keys[t.length]!), 'a property of a typed array');
    return;
  }
  if (O.getOwnPropertySymbols(t).length > 0) throw new Refusal(keyLabel(O.getOwnPropertySymbols(t)[0]!), 'a property of a typed array');
  if (!inspect(t, PROBE_ENUMERABLE).endsWith(' more items ]')) throw new Refusal('', 'a typed array with own properties');
}

/** Refuses any own property (ArrayBuffers and DataViews carry none). */
export function checkBare(o: object, what: string): void {
  const keys = R.ownKeys(o);
  if (keys.length > 0) throw new Refusal(keyLabel(keys[0]!), `a property of ${what}`);
}
