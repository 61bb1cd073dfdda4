/**
 * The clone's snapshot of the request objects right after decoding, and the comparison that
 * finds which of them the call changed. A snapshot holds each object's shallow state: its
 * children by identity, and for buffers the bytes the device has.
 *
 * Objects that decodeRequest made as ordinary objects, listed arrays or views are not read here:
 * what they hold right after decoding is what the request says, and the decoder recorded where
 * (its Baseline); the reply's Rereader compares each with those bytes. A buffer's snapshot is the
 * part of the request it came from (no copy). The request's bytes must therefore stay as they
 * are until the reply is encoded.
 */
import { Buffer } from 'node:buffer';
import { Reader } from './bytes.js';
import type { Baseline } from './baseline.js';
import type { BufferRegion } from './envelope.js';
import { Kind, Level, Proto, Tag } from './kinds.js';
import { arrayHasOnlyElements, checkBare, checkTypedArrayBare, levelOf } from './props.js';
import type { CodeRegistry } from './registry.js';
import { readShallow, type Shallow } from './shallow.js';
import { O, R } from '../intrinsics.js';

/**
 * The part of each buffer decoded from a request that the device has, and where it sits on the
 * device's buffer (weakly held: a clone's buffers come and go with their calls).
 */
export const bufferRegions = new WeakMap<object, BufferRegion>();

/** Shallow states of the request objects, by wire id. */
export class Snapshot {
  /** @internal */
  constructor(
    /** How many request objects. */
    readonly count: number,
    /** Each object's state, or undefined where the baseline holds the object. */
    readonly states: readonly (Shallow | undefined)[],
    readonly base: Baseline | undefined,
  ) {}
}

/** Snapshots see prototypes by identity only, so any prototype will do here. */
const ANY: CodeRegistry = {
  keyOfPrototype: () => '',
  prototypeOf: () => undefined,
  keyOfFunction: () => '',
  functionOf: () => undefined,
};

/** A buffer's state as the device sees it: the bytes of its region, and where they go there. */
export function toDevice(ab: object, s: Shallow): Shallow {
  const r = bufferRegions.get(ab);
  if (r !== undefined && s.bytes !== undefined) {
    s.bytes = s.bytes.subarray(r.lo, r.hi);
    s.offset = r.lo + r.delta;
  }
  return s;
}

/**
 * The shallow states of `objects`. With the baseline decodeRequest returned for them, objects it
 * made are not read again (their state is in the request's bytes); without one, every object is read.
 */
export function snapshot(objects: readonly object[], baseline?: Baseline): Snapshot {
  const base = baseline !== undefined && baseline.made.length === objects.length ? baseline : undefined;
  const states: (Shallow | undefined)[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    if (base !== undefined && base.bodyAt.at(i) >= 0 && base.made[i] === o) {
      states.push(undefined);
      continue;
    }
    const s = readShallow(o, ANY);
    if (s.kind === Kind.ArrayBuffer) {
      toDevice(o, s);
      const sent = base?.bytes.get(o);
      s.bytes = sent !== undefined && sent.length === s.bytes!.length ? sent : Uint8Array.prototype.slice.call(s.bytes!);
    }
    states.push(s);
  }
  return new Snapshot(objects.length, states, base);
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!O.is(a[i], b[i])) return false;
  return true;
}

/** Whether an object's state now is the one snapshotted (by SameValue and identity). */
export function sameState(now: Shallow, then: Shallow): boolean {
  if (
    now.kind !== then.kind ||
    now.proto !== then.proto ||
    now.level !== then.level ||
    now.length !== then.length ||
    now.sparse !== then.sparse ||
    !O.is(now.state, then.state) ||
    !sameList(now.keys, then.keys) ||
    !sameList(now.values, then.values) ||
    !sameList(now.enumerable, then.enumerable) ||
    !sameList(now.items, then.items)
  ) {
    return false;
  }
  if (now.bytes === undefined || then.bytes === undefined) return now.bytes === then.bytes;
  return Buffer.from(now.bytes.buffer, now.bytes.byteOffset, now.bytes.byteLength).equals(then.bytes);
}

const getPrototypeOf = O.getPrototypeOf;
const ownNames = O.getOwnPropertyNames;
const ownSymbols = O.getOwnPropertySymbols;
const ownDescriptor = O.getOwnPropertyDescriptor;
const ownKeys = R.ownKeys;
/** Equal to no value: what is() is given to only read past one. */
const NOTHING = Symbol('nothing');

/**
 * Reads a request's recorded objects again, comparing what each held right after decoding with
 * what it holds now: unchanged(o, i) is sameState(readShallow(o), its snapshot) for an object
 * the baseline holds, without allocating (false also when reading o would refuse it: the caller
 * then reads it, and says why). The request decoded once already, so its bytes are well formed.
 */
export class Rereader {
  private readonly r: Reader;
  /** The table index of the next new string, and the id of the next new object. */
  private str = 0;
  private obj = 0;

  constructor(private readonly base: Baseline) {
    this.r = new Reader(base.buf);
  }

  unchanged(o: object, i: number): boolean {
    const base = this.base;
    if (base.made[i] !== o || getPrototypeOf(o) !== base.protos[i]) return false;
    const r = this.r;
    r.pos = base.bodyAt.at(i);
    this.str = base.strAt.at(i);
    this.obj = base.newAt.at(i);
    try {
      const kind = base.kinds.at(i);
      return kind === Kind.Object ? this.sameObject(o) : kind === Kind.Array ? this.sameArray(o as unknown[]) : this.sameView(o, kind);
    } catch {
      return false;
    }
  }

  /** An ordinary object: its level, then its keys and values in order, each a plain data property. */
  private sameObject(o: object): boolean {
    const r = this.r;
    const level = levelOf(o);
    if (r.u8() !== level) return false;
    if (ownSymbols(o).length > 0) return false;
    const names = ownNames(o);
    if (r.varint() !== names.length) return false;
    const writable = level < Level.Frozen;
    const configurable = level < Level.Sealed;
    for (let j = 0; j < names.length; j++) {
      const k = names[j]!;
      if (this.key() !== k) return false;
      const d = ownDescriptor(o, k)!;
      // A data property with the attributes of its level (an accessor has no `writable`).
      if (d.writable !== writable || d.enumerable !== true || d.configurable !== configurable) return false;
      if (!this.is(d.value)) return false;
    }
    return true;
  }

  /** An array listed without named properties: level, length, each element or hole; none named now. */
  private sameArray(a: unknown[]): boolean {
    const r = this.r;
    const level = levelOf(a);
    if (r.u8() !== level) return false;
    const len = a.length;
    if (r.varint() !== len || r.u8() !== 0) return false;
    if (ownDescriptor(a, 'length')!.writable !== level < Level.Frozen) return false;
    const buf = r.buf;
    let present = 0;
    for (let j = 0; j < len; j++) {
      // As readElements sees holes.
      const v = a[j];
      const hole = v === undefined && !(j in a);
      if (buf[r.pos] === Tag.Hole) {
        r.pos++;
        if (!hole) return false;
      } else {
        if (hole || !this.is(v)) return false;
        present++;
      }
    }
    if (r.varint() !== 0) return false;
    if (arrayHasOnlyElements(a)) return true;
    const keys = ownKeys(a);
    return keys.length === present + 1 && keys[present] === 'length';
  }

  /** A typed array or DataView: its level, and still no property (its buffer, offset and length cannot change). */
  private sameView(o: object, kind: number): boolean {
    const r = this.r;
    if (r.u8() !== levelOf(o) || r.varint() !== 0) return false;
    // These throw when there is one: the caller then reads the view, which refuses it.
    if (kind === Kind.TypedArray) checkTypedArrayBare(o as ArrayBufferView & { length: number });
    else checkBare(o, 'a DataView');
    return true;
  }

  private key(): string {
    const v = this.r.varint();
    if (v !== 1) return this.base.table[v / 2]!;
    this.skipStr();
    return this.base.table[this.str++]!;
  }

  private skipStr(): void {
    const h = this.r.varint();
    this.r.pos += Math.floor(h / 2);
  }

  /** Whether the next value is v (SameValue; objects by identity); reads past it either way. */
  private is(v: unknown): boolean {
    const r = this.r;
    const tag = r.u8();
    if (tag >= Tag.SmallInt) return v === tag - Tag.SmallInt;
    switch (tag) {
      case Tag.Undefined:
        return v === undefined;
      case Tag.Null:
        return v === null;
      case Tag.False:
        return v === false;
      case Tag.True:
        return v === true;
      case Tag.Int: {
        const z = r.varint();
        return O.is(v, z % 2 === 0 ? z / 2 : -(z + 1) / 2);
      }
      case Tag.Float:
        return O.is(v, r.f64le());
      case Tag.BigInt: {
        const sign = r.u8();
        const n = r.varint();
        const m = n === 0 ? 0n : BigInt('0x' + r.bytes(n).toString('hex'));
        return v === (sign === 1 ? -m : m);
      }
      case Tag.Str:
        return v === r.str();
      case Tag.StrNew:
        this.skipStr();
        return v === this.base.table[this.str++];
      case Tag.StrRef:
        return v === this.base.table[r.varint()];
      case Tag.Ref:
        return v === this.base.made[r.varint()];
      case Tag.Function:
        return v === this.base.registry.functionOf(this.key());
      case Tag.New: {
        const id = this.obj++;
        this.skipHead();
        return v === this.base.made[id];
      }
      default:
        throw new RangeError('not a value');
    }
  }

  /** Reads past what making an object took (GraphReader.newObject): kind, prototype, creation data. */
  private skipHead(): void {
    const r = this.r;
    const kind = r.u8();
    if (r.u8() === Proto.Registered) this.key();
    if (kind === Kind.Error || kind === Kind.Boxed || kind === Kind.TypedArray) r.u8();
    switch (kind) {
      case Kind.RegExp:
        this.skipStr();
        this.skipStr();
        break;
      case Kind.Boxed:
        this.is(NOTHING);
        break;
      case Kind.TypedArray:
      case Kind.DataView:
        this.is(NOTHING);
        r.varint();
        r.varint();
        break;
    }
  }
}
