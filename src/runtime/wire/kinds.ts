/**
 * The kinds of objects that cross, the builtin constructors behind them, and the wire tags of
 * values. Plain tables: the codes are part of the format, so they only ever get new entries.
 */
import { Buffer } from 'node:buffer';
import { O } from '../intrinsics.js';

/** Wire tags of a value. */
export const Tag = {
  Undefined: 0,
  Null: 1,
  False: 2,
  True: 3,
  /** Zigzag varint of a safe integer (never -0). */
  Int: 4,
  Float: 5,
  /** Sign byte, then the magnitude's byte count and bytes, big-endian. */
  BigInt: 6,
  /** A string written in place (long ones, not worth a table entry). */
  Str: 7,
  /** A short string, added to the string table. */
  StrNew: 8,
  /** A short string seen before: its index in the table. */
  StrRef: 9,
  /** An object seen before: its wire id. */
  Ref: 10,
  /** A registered function or class: its key. */
  Function: 11,
  /** A missing array element (only inside an array's elements). */
  Hole: 12,
  /** A new object: a kind byte, its prototype, what creating it needs; it gets the next id. */
  New: 13,
  /** Small non-negative integers in the tag itself: SmallInt + n for n < 64. */
  SmallInt: 64,
} as const;

export const SMALL_INTS = 64;

/** Kinds of objects; an object's kind never changes, so a change is always of the same kind. */
export const Kind = {
  Object: 0,
  Array: 1,
  Map: 2,
  Set: 3,
  Date: 4,
  RegExp: 5,
  Error: 6,
  ArrayBuffer: 7,
  TypedArray: 8,
  DataView: 9,
  Boxed: 10,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];
export const KIND_COUNT = 11;

export const KIND_NAMES = ['object', 'array', 'Map', 'Set', 'Date', 'RegExp', 'error', 'ArrayBuffer', 'typed array', 'DataView', 'boxed primitive'];

/** The prototype an object of a kind gets when nothing else is said (Object.prototype for plain objects). */
export const KIND_PROTOS: readonly object[] = [
  Object.prototype,
  Array.prototype,
  Map.prototype,
  Set.prototype,
  Date.prototype,
  RegExp.prototype,
  Error.prototype,
  ArrayBuffer.prototype,
  Uint8Array.prototype,
  DataView.prototype,
  Object.prototype,
];

/** How a prototype is named on the wire. */
export const Proto = {
  /** The kind's own builtin prototype (for errors and typed arrays: of the subtype). */
  Default: 0,
  Null: 1,
  /** A registered class, by key. */
  Registered: 2,
  /** Node's Buffer (a typed array). */
  Buffer: 3,
} as const;

export type TypedArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint8ClampedArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

export const TYPED_ARRAYS: readonly TypedArrayCtor[] = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];
export const TYPED_PROTOS: readonly object[] = TYPED_ARRAYS.map((c) => c.prototype);
export const BUFFER_PROTO: object = Buffer.prototype;
const TYPED_SIZES = [1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8];
/** The element size of a typed array subtype (its index in TYPED_ARRAYS). */
export function bytesPerElement(sub: number): number {
  return TYPED_SIZES[sub]!;
}

export type ErrorCtor = new (...args: never[]) => Error;
export const ERRORS: readonly ErrorCtor[] = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError];
export const ERROR_PROTOS: readonly object[] = ERRORS.map((c) => c.prototype);
/** An error of a builtin type with no own properties yet (they come with its contents). */
export function makeError(sub: number): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const e = sub === 7 ? new AggregateError([]) : new (ERRORS[sub] as ErrorConstructor)();
    for (const k of O.getOwnPropertyNames(e)) delete (e as unknown as Record<string, unknown>)[k];
    return e;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export const Boxed = { Number: 0, String: 1, Boolean: 2, BigInt: 3 } as const;
export const BOXED_PROTOS: readonly object[] = [Number.prototype, String.prototype, Boolean.prototype, BigInt.prototype];
/** What `typeof` says of each boxed subtype's primitive. */
export const BOXED_TYPES: readonly string[] = ['number', 'string', 'boolean', 'bigint'];

/** Integrity levels, in the order they only ever increase. */
export const Level = { Extensible: 0, NonExtensible: 1, Sealed: 2, Frozen: 3 } as const;
export type Level = (typeof Level)[keyof typeof Level];

/** Index of a builtin prototype in a table, walking up from an app subclass; -1 when none is met. */
export function builtinBelow(proto: object | null, table: readonly object[]): number {
  for (let p = proto; p !== null; p = O.getPrototypeOf(p) as object | null) {
    const i = table.indexOf(p);
    if (i >= 0) return i;
  }
  return -1;
}

const NATIVE = /\{\s*\[native code\]\s*\}\s*$/;

/**
 * Whether a prototype is another realm's copy of a builtin one (a vm context's, or the one a
 * typed array made from an array gets under a test runner's sandbox): the same native
 * constructor by name.
 */
export function sameBuiltin(p: object, like: object): boolean {
  const c = O.getOwnPropertyDescriptor(p, 'constructor')?.value as unknown;
  const l = O.getOwnPropertyDescriptor(like, 'constructor')?.value as unknown;
  return (
    typeof c === 'function' &&
    typeof l === 'function' &&
    (c as { prototype?: unknown }).prototype === p &&
    c.name === l.name &&
    NATIVE.test(Function.prototype.toString.call(c))
  );
}
