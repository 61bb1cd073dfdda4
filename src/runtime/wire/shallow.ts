/**
 * The shallow state of one object: what the wire carries for it (its kind, prototype, integrity
 * level, own properties and kind-specific contents), with child objects held by reference. One
 * reader serves the encoder, the clone's snapshot and its diff, so the three agree by construction.
 */
import { types } from 'node:util';
import { Refusal } from './errors.js';
import {
  BOXED_PROTOS,
  BUFFER_PROTO,
  Boxed,
  ERROR_PROTOS,
  KIND_PROTOS,
  Kind,
  Level,
  Proto,
  TYPED_ARRAYS,
  TYPED_PROTOS,
  builtinBelow,
  sameBuiltin,
} from './kinds.js';
import { arrayHasOnlyElements, checkBare, checkDescriptor, checkTypedArrayBare, isIndex, keyLabel, levelOf, ownProps } from './props.js';
import type { CodeRegistry } from './registry.js';
import { O, R, isArray } from '../intrinsics.js';

/** A missing array element. Symbols never cross as values, so this one cannot be confused with data. */
export const HOLE: unique symbol = Symbol('hole');

export interface Shallow {
  kind: Kind;
  /** Errors: index in ERRORS; typed arrays: in TYPED_ARRAYS; boxed: a Boxed code. */
  sub: number;
  proto: object | null;
  protoCode: number;
  protoKey: string | undefined;
  level: Level;
  /** Own named properties in order (for arrays, the non-index ones). */
  keys: string[];
  values: unknown[];
  /** Errors only: whether each property is enumerable. */
  enumerable: boolean[] | undefined;
  /** Arrays: length. Views: element count (typed arrays) or byte length (DataView). */
  length: number;
  /** Arrays: elements (HOLE where missing), or [index, value, ...] when sparse; Map: key, value, ...; Set: values. */
  items: unknown[] | undefined;
  sparse: boolean;
  /** Date: its time; RegExp: lastIndex; boxed: the primitive. */
  state: unknown;
  /** ArrayBuffer: its bytes (live when read, a copy in a snapshot). */
  bytes: Uint8Array | undefined;
  /** Views: their buffer and byte offset. */
  buffer: ArrayBuffer | undefined;
  offset: number;
  /** RegExp: source and flags. */
  source: string;
  flags: string;
}

export function emptyShallow(kind: Kind): Shallow {
  return {
    kind,
    sub: 0,
    proto: KIND_PROTOS[kind]!,
    protoCode: Proto.Default,
    protoKey: undefined,
    level: Level.Extensible,
    keys: [],
    values: [],
    enumerable: undefined,
    length: 0,
    items: undefined,
    sparse: false,
    state: undefined,
    bytes: undefined,
    buffer: undefined,
    offset: 0,
    source: '',
    flags: '',
  };
}

const getter = (proto: object, key: PropertyKey) => O.getOwnPropertyDescriptor(proto, key)!.get!;
const TypedArrayProto = O.getPrototypeOf(Uint8Array.prototype) as object;
const taTag = getter(TypedArrayProto, Symbol.toStringTag);
const taBuffer = getter(TypedArrayProto, 'buffer');
const taOffset = getter(TypedArrayProto, 'byteOffset');
const taLength = getter(TypedArrayProto, 'length');
const dvBuffer = getter(DataView.prototype, 'buffer');
const dvOffset = getter(DataView.prototype, 'byteOffset');
const dvLength = getter(DataView.prototype, 'byteLength');
const abLength = getter(ArrayBuffer.prototype, 'byteLength');
const abResizable = O.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable')?.get;
const reSource = getter(RegExp.prototype, 'source');
const reFlags = getter(RegExp.prototype, 'flags');
const TYPED_NAMES = TYPED_ARRAYS.map((c) => c.name);
const WeakRefProto: object | undefined = (globalThis as { WeakRef?: { prototype: object } }).WeakRef?.prototype;
const FinalizationProto: object | undefined = (globalThis as { FinalizationRegistry?: { prototype: object } }).FinalizationRegistry?.prototype;

function constructorName(p: object): string {
  const c = O.getOwnPropertyDescriptor(p, 'constructor')?.value as { name?: unknown } | undefined;
  return typeof c?.name === 'string' && c.name !== '' ? c.name : 'an anonymous class';
}

/** Names the prototype: the kind's default, null, Buffer, or a registered key; refuses any other. */
function setProto(o: object, s: Shallow, fallback: object, registry: CodeRegistry): void {
  const p = O.getPrototypeOf(o) as object | null;
  s.proto = p;
  if (p === fallback || (p !== null && sameBuiltin(p, fallback))) return;
  if (p === null) s.protoCode = Proto.Null;
  else if (p === BUFFER_PROTO && s.kind === Kind.TypedArray && s.sub === 1) s.protoCode = Proto.Buffer;
  else {
    const key = registry.keyOfPrototype(p);
    if (key === undefined) throw new Refusal('', `an instance of ${constructorName(p)}, a class that is not registered`);
    s.protoCode = Proto.Registered;
    s.protoKey = key;
  }
}

function refuseExotic(o: object): void {
  if (types.isProxy(o)) throw new Refusal('', 'a Proxy');
  if (types.isPromise(o)) throw new Refusal('', 'a Promise');
  if (types.isWeakMap(o) || types.isWeakSet(o)) throw new Refusal('', `a ${types.isWeakMap(o) ? 'WeakMap' : 'WeakSet'}`);
  if (types.isSharedArrayBuffer(o)) throw new Refusal('', 'a SharedArrayBuffer');
  if (types.isSymbolObject(o)) throw new Refusal('', 'a boxed symbol');
  if (WeakRefProto !== undefined && builtinBelow(o, [WeakRefProto]) >= 0) throw new Refusal('', 'a WeakRef');
  if (FinalizationProto !== undefined && builtinBelow(o, [FinalizationProto]) >= 0) throw new Refusal('', 'a FinalizationRegistry');
  if (types.isGeneratorObject(o) || types.isMapIterator(o) || types.isSetIterator(o)) throw new Refusal('', 'an iterator');
  if (types.isModuleNamespaceObject(o)) throw new Refusal('', 'a module namespace');
  if (types.isArgumentsObject(o)) throw new Refusal('', 'an arguments object');
  if (types.isExternal(o)) throw new Refusal('', 'a native handle');
}

/** The kind an object is read as (without checking that it can cross). */
export function kindOf(o: object): Kind {
  if (isArray(o)) return Kind.Array;
  if (types.isArrayBufferView(o)) return types.isDataView(o) ? Kind.DataView : Kind.TypedArray;
  if (types.isArrayBuffer(o)) return Kind.ArrayBuffer;
  if (types.isMap(o)) return Kind.Map;
  if (types.isSet(o)) return Kind.Set;
  if (types.isDate(o)) return Kind.Date;
  if (types.isRegExp(o)) return Kind.RegExp;
  if (types.isNativeError(o)) return Kind.Error;
  if (types.isBoxedPrimitive(o)) return Kind.Boxed;
  return Kind.Object;
}

/** The subtype that picks a kind's default prototype: the builtin error or typed array type, the boxed type. */
export function subOf(o: object, kind: Kind): number {
  if (kind === Kind.Error) return Math.max(0, builtinBelow(O.getPrototypeOf(o) as object | null, ERROR_PROTOS));
  if (kind === Kind.TypedArray) return TYPED_NAMES.indexOf(taTag.call(o) as string);
  if (kind === Kind.Boxed) return types.isNumberObject(o) ? Boxed.Number : types.isStringObject(o) ? Boxed.String : types.isBooleanObject(o) ? Boxed.Boolean : Boxed.BigInt;
  return 0;
}

/** Reads one object's shallow state; throws Refusal for anything that cannot cross. */
export function readShallow(o: object, registry: CodeRegistry, head = false): Shallow {
  if (isArray(o) && !types.isProxy(o)) return head ? readOrdinary(o, Kind.Array, registry, 0, true) : readArray(o, registry);
  // Plain objects first: the builtin type checks below cost ~15 ns each. (An object with a
  // builtin's internal slots whose prototype was replaced by Object.prototype is taken as plain.)
  if (O.getPrototypeOf(o) === Object.prototype && !types.isProxy(o)) return readOrdinary(o, Kind.Object, registry, 0, head);
  if (types.isArrayBufferView(o)) return types.isDataView(o) ? readDataView(o, registry) : readTyped(o, registry);
  if (types.isArrayBuffer(o)) return readArrayBuffer(o, registry);
  if (types.isMap(o)) return readCollection(o, Kind.Map, registry);
  if (types.isSet(o)) return readCollection(o, Kind.Set, registry);
  if (types.isDate(o)) {
    const s = readOrdinary(o, Kind.Date, registry);
    s.state = Date.prototype.getTime.call(o);
    return s;
  }
  if (types.isRegExp(o)) return readRegExp(o, registry);
  if (types.isNativeError(o)) return readError(o, registry);
  if (types.isBoxedPrimitive(o) && !types.isSymbolObject(o)) return readBoxed(o, registry);
  refuseExotic(o);
  return readOrdinary(o, Kind.Object, registry, 0, head);
}

/** `head`: only what making the object needs (kind and prototype); its contents are read later. */
function readOrdinary(o: object, kind: Kind, registry: CodeRegistry, sub = 0, head = false): Shallow {
  const s = emptyShallow(kind);
  s.sub = sub;
  setProto(o, s, KIND_PROTOS[kind]!, registry);
  if (head) return s;
  s.level = levelOf(o);
  const p = ownProps(o, s.level, false);
  s.keys = p.keys;
  s.values = p.values;
  return s;
}

function readCollection(o: Map<unknown, unknown> | Set<unknown>, kind: Kind, registry: CodeRegistry): Shallow {
  const s = readOrdinary(o, kind, registry);
  const items: unknown[] = [];
  // The builtin forEach, not the object's own iterator, which a subclass may override.
  if (kind === Kind.Map) Map.prototype.forEach.call(o, (v: unknown, k: unknown) => items.push(k, v));
  else Set.prototype.forEach.call(o, (v: unknown) => items.push(v));
  s.items = items;
  return s;
}

function readRegExp(o: RegExp, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.RegExp);
  setProto(o, s, RegExp.prototype, registry);
  s.level = levelOf(o);
  const li = O.getOwnPropertyDescriptor(o, 'lastIndex')!;
  if (!('value' in li) || li.writable !== s.level < Level.Frozen) throw new Refusal('.lastIndex', 'a read-only lastIndex');
  s.state = li.value;
  const p = ownProps(o, s.level, false, (k) => k === 'lastIndex');
  s.keys = p.keys;
  s.values = p.values;
  s.source = reSource.call(o) as string;
  s.flags = reFlags.call(o) as string;
  return s;
}

function readError(o: Error, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.Error);
  const below = builtinBelow(O.getPrototypeOf(o) as object | null, ERROR_PROTOS);
  s.sub = below < 0 ? 0 : below;
  setProto(o, s, ERROR_PROTOS[s.sub]!, registry);
  s.level = levelOf(o);
  const p = ownProps(o, s.level, true);
  s.keys = p.keys;
  s.values = p.values;
  s.enumerable = p.enumerable;
  return s;
}

function readBoxed(o: object, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.Boxed);
  let skip: ((k: string) => boolean) | undefined;
  if (types.isNumberObject(o)) {
    s.sub = Boxed.Number;
    s.state = Number.prototype.valueOf.call(o);
  } else if (types.isStringObject(o)) {
    s.sub = Boxed.String;
    const str = String.prototype.valueOf.call(o);
    s.state = str;
    skip = (k) => k === 'length' || (isIndex(k) && Number(k) < str.length);
  } else if (types.isBooleanObject(o)) {
    s.sub = Boxed.Boolean;
    s.state = Boolean.prototype.valueOf.call(o);
  } else {
    s.sub = Boxed.BigInt;
    s.state = BigInt.prototype.valueOf.call(o);
  }
  setProto(o, s, BOXED_PROTOS[s.sub]!, registry);
  s.level = levelOf(o);
  const p = ownProps(o, s.level, false, skip);
  s.keys = p.keys;
  s.values = p.values;
  return s;
}

function readArrayBuffer(o: ArrayBuffer, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.ArrayBuffer);
  if (abResizable !== undefined && abResizable.call(o) === true) throw new Refusal('', 'a resizable ArrayBuffer');
  const n = abLength.call(o) as number;
  if (n === 0) {
    try {
      new Uint8Array(o);
    } catch {
      throw new Refusal('', 'a detached ArrayBuffer');
    }
  }
  setProto(o, s, ArrayBuffer.prototype, registry);
  s.level = levelOf(o);
  checkBare(o, 'an ArrayBuffer');
  s.bytes = new Uint8Array(o, 0, n);
  return s;
}

function readTyped(o: ArrayBufferView, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.TypedArray);
  s.sub = TYPED_NAMES.indexOf(taTag.call(o) as string);
  setProto(o, s, TYPED_PROTOS[s.sub]!, registry);
  s.level = levelOf(o);
  s.length = taLength.call(o) as number;
  checkTypedArrayBare(o as ArrayBufferView & { length: number });
  s.buffer = taBuffer.call(o) as ArrayBuffer;
  s.offset = taOffset.call(o) as number;
  return s;
}

function readDataView(o: DataView, registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.DataView);
  setProto(o, s, DataView.prototype, registry);
  s.level = levelOf(o);
  checkBare(o, 'a DataView');
  s.buffer = dvBuffer.call(o) as ArrayBuffer;
  s.offset = dvOffset.call(o) as number;
  s.length = dvLength.call(o) as number;
  return s;
}

/** Past this many holes, and more holes than elements, an array is read as sparse. */
const SPARSE_AFTER = 32;

function readArray(a: unknown[], registry: CodeRegistry): Shallow {
  const s = emptyShallow(Kind.Array);
  setProto(a, s, Array.prototype, registry);
  s.level = levelOf(a);
  const len = a.length;
  s.length = len;
  const ld = O.getOwnPropertyDescriptor(a, 'length')!;
  if (ld.writable !== s.level < Level.Frozen) throw new Refusal('.length', 'a read-only length');
  if (arrayHasOnlyElements(a)) {
    readElements(a, len, s);
    return s;
  }
  const all = R.ownKeys(a);
  let n = 0;
  while (n < all.length && typeof all[n] === 'string' && isIndex(all[n] as string)) n++;
  for (let i = n + 1; i < all.length; i++) {
    const key = all[i]!;
    if (typeof key === 'symbol') throw new Refusal(keyLabel(key), 'a symbol-keyed property');
    const d = O.getOwnPropertyDescriptor(a, key)!;
    checkDescriptor(key, d, s.level, false);
    s.keys.push(key);
    s.values.push(d.value);
  }
  if (n * 2 >= len) readElements(a, len, s);
  else readSparse(a, all as string[], n, s);
  return s;
}

function readElements(a: unknown[], len: number, s: Shallow): void {
  const items = new Array<unknown>(len);
  let holes = 0;
  for (let i = 0; i < len; i++) {
    const v = a[i];
    if (v === undefined && !(i in a)) {
      items[i] = HOLE;
      if (++holes > SPARSE_AFTER && holes * 2 > i + 1) {
        const keys = O.keys(a);
        let n = 0;
        while (n < keys.length && isIndex(keys[n]!)) n++;
        readSparse(a, keys, n, s);
        return;
      }
    } else items[i] = v;
  }
  s.items = items;
}

function readSparse(a: unknown[], keys: readonly (string | symbol)[], n: number, s: Shallow): void {
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const k = Number(keys[i]);
    items.push(k, a[k]);
  }
  s.items = items;
  s.sparse = true;
}
