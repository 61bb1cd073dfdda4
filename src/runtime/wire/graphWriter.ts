/**
 * Writes an object graph. Each object gets a wire id at its first mention, where its kind,
 * prototype and what creating it needs are written (so the reader can make it at once and every
 * later reference is a plain id); its contents follow later, in id order (breadth first), so
 * that neither side recurses on the data's depth. ArrayBuffer bytes go in a trailer, because a
 * buffer reached only through views sends just the part those views cover (a pooled Buffer does
 * not carry its 8 KB slab), which is known only once the whole graph has been seen.
 */
import { Buffer } from 'node:buffer';
import { types } from 'node:util';
import { Refusal, Uncrossable } from './errors.js';
import { NumberList, Writer } from './bytes.js';
import { Kind, Level, Proto, SMALL_INTS, Tag } from './kinds.js';
import { LIST_UP_TO, checkDescriptor, keyLabel, levelOf } from './props.js';
import type { CodeRegistry } from './registry.js';
import { HOLE, readShallow, type Shallow } from './shallow.js';
import { writeContents } from './writeContents.js';

/** Strings up to this length go through the string table (keys always do). */
const TABLE_UP_TO = 32;
/** Integers this large in magnitude are sent as floats (zigzag must stay a safe integer). */
const INT_LIMIT = 2 ** 52;

const getPrototypeOf = Object.getPrototypeOf;
const ownNames = Object.getOwnPropertyNames;
const ownSymbols = Object.getOwnPropertySymbols;
const ownDescriptor = Object.getOwnPropertyDescriptor;
const ownKeys = Reflect.ownKeys;
/** Lookups that scan the peer's objects before they are all put in the map. */
const SCANS = 16;
const ObjectProto = Object.prototype;
const ArrayProto = Array.prototype;

/** Where a buffer's part on the wire starts (`delta`: the peer's offset minus ours) and what it covers. */
export interface BufferRegion {
  delta: number;
  lo: number;
  hi: number;
}

interface Region {
  ab: ArrayBuffer;
  lo: number;
  hi: number;
  whole: boolean;
}

export class GraphWriter {
  readonly w = new Writer();
  readonly ids = new Map<object, number>();
  /**
   * The objects this message makes, with what each needs until its contents are written and
   * for paths, at index id - known (the peer's own objects below `known` need none of it).
   */
  readonly objects: object[] = [];
  /** The state read with the head of those not read again for their contents (not plain objects or arrays). */
  private readonly shallows = new Map<number, Shallow>();
  private readonly kinds = new NumberList();
  private readonly parents = new NumberList();
  private readonly via: (string | number)[] = [];
  private readonly table = new Map<string, number>();
  private readonly regions: Region[] = [];
  private readonly regionOf = new Map<number, Region>();
  /** Objects below this id are known to the peer already (the request's, when replying). */
  private known = 0;
  /** How the known objects are named in paths (`objects`: `objects[3]`). */
  private knownLabel = '';
  /** The peer's objects while they are not in `ids` yet, and how many lookups scanned them. */
  private unindexed: readonly object[] | undefined;
  private scans = 0;
  /** A plain object's values between reading them all (every check passed) and writing them. */
  private readonly scratch: unknown[] = [];
  /** The keys of the last ordinary object written and their table indices: the next often has the same. */
  private lastNames: string[] = [];
  private lastIndices: number[] = [];

  constructor(
    private readonly registry: CodeRegistry,
    /** How the roots are named in paths: `roots` or `values`. */
    private readonly rootName: string,
    /** Known buffers' regions, for views made over them (replies only). */
    private readonly knownRegions?: WeakMap<ArrayBuffer, BufferRegion>,
  ) {}

  private trailerAt = 0;

  /** The header: magic "CW", format version, message type, where the trailer starts (filled in by end). */
  start(type: number): void {
    const w = this.w;
    w.u8(0x43);
    w.u8(0x57);
    w.u8(1);
    w.u8(type);
    this.trailerAt = w.reserve32();
  }

  /** Writes the contents still owed and the trailer; the message. */
  end(): Uint8Array {
    this.drain();
    if (this.w.pos > 0xffffffff) throw new RangeError('a message over 4 GB');
    this.w.patch32(this.trailerAt, this.w.pos);
    this.trailer();
    return this.w.result();
  }

  /** Gives the peer's own objects their ids (and labels for paths). */
  adopt(objects: readonly object[], label: string): void {
    if (this.objects.length > 0) throw new Error('adopt() comes before any object');
    // Put in the map only once lookups show it is worth it (see idOf).
    this.unindexed = objects;
    this.known = objects.length;
    this.knownLabel = label;
  }

  /**
   * An object's id, or undefined for one not seen yet. The peer's objects (a reply's thousands of
   * request objects) are first looked for in their list, a native scan of about 1 ns an object
   * while a map entry costs about 100; a reply that mentions few objects (nothing changed) never
   * builds the map, one that mentions many builds it after SCANS scans.
   */
  private idOf(o: object): number | undefined {
    const id = this.ids.get(o);
    const list = this.unindexed;
    if (id !== undefined || list === undefined) return id;
    if (++this.scans <= SCANS) {
      // The last occurrence, as when every entry is set in order.
      const i = list.lastIndexOf(o);
      if (i < 0) return undefined;
      this.ids.set(o, i);
      return i;
    }
    this.unindexed = undefined;
    // Entries already there stay (an alias replaces the request object it stands for).
    for (let i = list.length - 1; i >= 0; i--) if (!this.ids.has(list[i]!)) this.ids.set(list[i]!, i);
    return this.ids.get(o);
  }

  /** An object's kind (-1 for the peer's own). */
  private kindOf(id: number): number {
    return id < this.known ? -1 : this.kinds.at(id - this.known);
  }

  /** Another object that stands for a known id (a constructor's new instance for the device's `this`). */
  alias(o: object, id: number): void {
    this.ids.set(o, id);
  }

  /** How one step of a path reads: a property, an element, a Map or Set entry, or a fixed label. */
  private label(ownerKind: number, key: string | number): string {
    if (typeof key === 'string') return key.charCodeAt(0) === 0 ? key.slice(1) : keyLabel(key);
    if (ownerKind === Kind.Map) return `.[[entries]][${Math.floor(key / 2)}].${key % 2 === 0 ? 'key' : 'value'}`;
    if (ownerKind === Kind.Set) return `.[[entries]][${key}]`;
    return `[${key}]`;
  }

  /** The path of a value: from its root through its owner (-1: it is a root) and key. */
  path(owner: number, key: string | number | undefined): string {
    if (owner < 0) return `${this.rootName}[${key as number}]`;
    const parts: string[] = [];
    if (key !== undefined) parts.push(this.label(this.kindOf(owner), key));
    for (let id = owner; ; ) {
      if (id < this.known) {
        parts.push(`${this.knownLabel}[${id}]`);
        break;
      }
      const v = this.via[id - this.known]!;
      const parent = this.parents.at(id - this.known);
      if (parent < 0) {
        parts.push(typeof v === 'number' ? `${this.rootName}[${v}]` : v);
        break;
      }
      parts.push(this.label(this.kindOf(parent), v));
      id = parent;
    }
    return parts.reverse().join('');
  }

  uncrossable(owner: number, key: string | number | undefined, reason: string): Uncrossable {
    return new Uncrossable(this.path(owner, key), reason);
  }

  /** Writes a key: its table index, or the key itself the first time; its index. */
  key(k: string): number {
    const i = this.table.get(k);
    if (i !== undefined) {
      this.w.varint(i * 2);
      return i;
    }
    const n = this.table.size;
    this.table.set(k, n);
    this.w.u8(1);
    this.w.str(k);
    return n;
  }

  /** Writes one value; `owner` and `key` say where it is, for paths (owner -1: a root). */
  value(v: unknown, owner: number, key: string | number): void {
    const w = this.w;
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v) && (v !== 0 || 1 / v > 0)) {
          if (v >= 0 && v < SMALL_INTS) w.u8(Tag.SmallInt + v);
          else if (v < INT_LIMIT && v > -INT_LIMIT) {
            w.u8(Tag.Int);
            w.varint(v >= 0 ? v * 2 : -v * 2 - 1);
          } else {
            w.u8(Tag.Float);
            w.f64le(v);
          }
        } else {
          w.u8(Tag.Float);
          w.f64le(v);
        }
        return;
      case 'string':
        if (v.length <= TABLE_UP_TO) {
          const i = this.table.get(v);
          if (i !== undefined) {
            w.u8(Tag.StrRef);
            w.varint(i);
          } else {
            this.table.set(v, this.table.size);
            w.u8(Tag.StrNew);
            w.str(v);
          }
        } else {
          w.u8(Tag.Str);
          w.str(v);
        }
        return;
      case 'boolean':
        w.u8(v ? Tag.True : Tag.False);
        return;
      case 'undefined':
        w.u8(Tag.Undefined);
        return;
      case 'bigint':
        this.bigint(v);
        return;
      case 'symbol':
        if (v === HOLE) {
          w.u8(Tag.Hole);
          return;
        }
        throw this.uncrossable(owner, key, 'a symbol');
      case 'function': {
        const k = this.registry.keyOfFunction(v);
        if (k === undefined) {
          const isClass = /^class[\s{]/.test(Function.prototype.toString.call(v));
          throw this.uncrossable(owner, key, `a ${isClass ? 'class' : 'function'} that is not registered${v.name ? ` (${v.name})` : ''}`);
        }
        w.u8(Tag.Function);
        this.key(k);
        return;
      }
      default: {
        if (v === null) {
          w.u8(Tag.Null);
          return;
        }
        const id = this.idOf(v as object);
        if (id === undefined) {
          const nid = this.newObject(v as object, owner, key);
          // A buffer held as a value (not only through views) crosses whole.
          if (this.kindOf(nid) === Kind.ArrayBuffer) this.regionOf.get(nid)!.whole = true;
        } else {
          w.u8(Tag.Ref);
          w.varint(id);
          if (this.kindOf(id) === Kind.ArrayBuffer) this.regionOf.get(id)!.whole = true;
        }
      }
    }
  }

  /** Sign byte, then the magnitude big-endian (through hex, linear in its size both ways). */
  private bigint(v: bigint): void {
    const w = this.w;
    w.u8(Tag.BigInt);
    w.u8(v < 0n ? 1 : 0);
    if (v === 0n) {
      w.varint(0);
      return;
    }
    let hex = (v < 0n ? -v : v).toString(16);
    if (hex.length % 2 === 1) hex = '0' + hex;
    const bytes = Buffer.from(hex, 'hex');
    w.varint(bytes.length);
    w.bytes(bytes);
  }

  /** Reads an object's state, turning a refusal into an Uncrossable at its path. */
  read(o: object, owner: number, key: string | number | undefined, head = false): Shallow {
    try {
      return readShallow(o, this.registry, head);
    } catch (e) {
      throw this.refused(e, owner, key);
    }
  }

  /** A Refusal met while reading an object, as an Uncrossable at its path; anything else as it is. */
  private refused(e: unknown, owner: number, key: string | number | undefined): unknown {
    return e instanceof Refusal ? new Uncrossable(this.path(owner, key) + e.at, e.reason) : e;
  }

  private newObject(o: object, owner: number, key: string | number): number {
    // Plain objects and arrays: what readShallow would say of their head (kind, default
    // prototype), without its builtin type checks or a Shallow to hold it.
    if (!types.isProxy(o)) {
      const p = getPrototypeOf(o) as object | null;
      if (p === ObjectProto ? !Array.isArray(o) : p === ArrayProto && Array.isArray(o)) {
        const kind = p === ObjectProto ? Kind.Object : Kind.Array;
        const id = this.known + this.objects.length;
        this.ids.set(o, id);
        this.objects.push(o);
        this.kinds.push(kind);
        this.parents.push(owner);
        this.via.push(key);
        const w = this.w;
        w.ensure(3);
        const buf = w.buf;
        buf[w.pos] = Tag.New;
        buf[w.pos + 1] = kind;
        buf[w.pos + 2] = Proto.Default;
        w.pos += 3;
        return id;
      }
    }
    const s = this.read(o, owner, key, true);
    const id = this.known + this.objects.length;
    this.ids.set(o, id);
    this.objects.push(o);
    // Plain objects and arrays are read again for their contents when written, so that thousands
    // waiting in the queue hold no copies of their properties.
    if (s.kind !== Kind.Object && s.kind !== Kind.Array) this.shallows.set(id - this.known, s);
    this.kinds.push(s.kind);
    this.parents.push(owner);
    this.via.push(key);
    const w = this.w;
    w.u8(Tag.New);
    w.u8(s.kind);
    this.proto(s);
    switch (s.kind) {
      case Kind.Error:
      case Kind.Boxed:
        w.u8(s.sub);
        if (s.kind === Kind.Boxed) this.value(s.state, id, '\0.[[PrimitiveValue]]');
        break;
      case Kind.RegExp:
        w.str(s.source);
        w.str(s.flags);
        break;
      case Kind.ArrayBuffer: {
        const r: Region = { ab: o as ArrayBuffer, lo: Infinity, hi: 0, whole: false };
        this.regions.push(r);
        this.regionOf.set(id, r);
        break;
      }
      case Kind.TypedArray:
      case Kind.DataView:
        this.view(s, id);
        break;
    }
    return id;
  }

  private view(s: Shallow, id: number): void {
    const w = this.w;
    if (s.kind === Kind.TypedArray) w.u8(s.sub);
    const ab = s.buffer!;
    const abId = this.idOf(ab);
    let delta = 0;
    if (abId === undefined) this.newObject(ab, id, '\0.buffer');
    else {
      w.u8(Tag.Ref);
      w.varint(abId);
      if (abId < this.known) delta = this.knownRegions?.get(ab)?.delta ?? 0;
    }
    const bytes = s.kind === Kind.TypedArray ? s.length * bytesPerElement(s.sub) : s.length;
    const region = this.regionOf.get(this.idOf(ab)!);
    if (region !== undefined) {
      region.lo = Math.min(region.lo, s.offset);
      region.hi = Math.max(region.hi, s.offset + bytes);
    }
    if (s.offset + delta < 0) throw this.uncrossable(id, '\0.byteOffset', 'a view outside the part of its buffer that the device has');
    w.varint(s.offset + delta);
    w.varint(s.length);
  }

  proto(s: Shallow): void {
    this.w.u8(s.protoCode);
    if (s.protoCode === Proto.Registered) this.key(s.protoKey!);
  }

  /** Writes the contents of every object not written yet, in id order, until none is left. */
  drain(): void {
    const known = this.known;
    for (let j = 0; j < this.objects.length; j++) {
      const kind = this.kinds.at(j);
      let s: Shallow;
      // Ordinary objects and arrays: their kind and prototype were read with their head; their
      // contents now. Others: what was read with the head.
      if (kind === Kind.Object) {
        this.objectBody(this.objects[j]!, known + j);
        continue;
      } else if (kind === Kind.Array) {
        if (this.listedBody(this.objects[j] as unknown[], known + j)) continue;
        s = this.read(this.objects[j]!, known + j, undefined);
      } else {
        s = this.shallows.get(j)!;
        this.shallows.delete(j);
      }
      writeContents(this, s, known + j);
    }
  }

  /**
   * An ordinary object's contents, as writeContents(readShallow(o)) writes them but without a Shallow:
   * every property is checked (and its value taken) before any is written, so that a refusal
   * is the one readShallow would raise.
   */
  private objectBody(o: object, id: number): void {
    const vals = this.scratch;
    let level: Level;
    let names: string[];
    try {
      level = levelOf(o);
      const symbols = ownSymbols(o);
      if (symbols.length > 0) throw new Refusal(keyLabel(symbols[0]!), 'a symbol-keyed property');
      names = ownNames(o);
      // What checkDescriptor allows, in one test: an accessor has no `writable`.
      const writable = level < Level.Frozen;
      const configurable = level < Level.Sealed;
      for (let i = 0; i < names.length; i++) {
        const d = ownDescriptor(o, names[i]!)!;
        if (d.writable !== writable || d.enumerable !== true || d.configurable !== configurable) checkDescriptor(names[i]!, d, level, false);
        vals[i] = d.value;
      }
    } catch (e) {
      throw this.refused(e, id, undefined);
    }
    const w = this.w;
    w.u8(level);
    const n = names.length;
    w.varint(n);
    const last = this.lastNames;
    let same = last.length === n;
    for (let i = 0; same && i < n; i++) same = names[i] === last[i];
    if (same) {
      // The same keys as the last object: their indices without looking each up.
      const indices = this.lastIndices;
      for (let i = 0; i < n; i++) {
        w.varint(indices[i]! * 2);
        this.value(vals[i], id, names[i]!);
      }
      return;
    }
    const indices: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = names[i]!;
      indices.push(this.key(k));
      this.value(vals[i], id, k);
    }
    this.lastNames = names;
    this.lastIndices = indices;
  }

  /**
   * A short array with every element and nothing else (no hole, named property or symbol), as
   * writeContents(readShallow(a)) writes it, without a Shallow; false, having written nothing, for any
   * other array (readShallow then reads it, and refuses what it must).
   */
  private listedBody(a: unknown[], id: number): boolean {
    const len = a.length;
    // Longer ones are probed (readArray), and may have holes.
    if (len > LIST_UP_TO) return false;
    const level = levelOf(a);
    if (ownDescriptor(a, 'length')!.writable !== level < Level.Frozen) return false;
    const keys = ownKeys(a);
    // Indices come first, in order: len of them below len are all of 0..len-1.
    if (keys.length !== len + 1 || keys[len] !== 'length') return false;
    const w = this.w;
    w.u8(level);
    w.varint(len);
    w.u8(0);
    for (let i = 0; i < len; i++) this.value(a[i], id, i);
    w.varint(0);
    return true;
  }

  /** The bytes of every new buffer, as the part its views cover (all of it when held directly). */
  trailer(): void {
    const w = this.w;
    w.varint(this.regions.length);
    let total = 0;
    for (const r of this.regions) total += r.whole ? r.ab.byteLength : Math.max(0, r.hi - r.lo) + 8;
    w.ensure(total + 20 * this.regions.length);
    for (const r of this.regions) {
      const n = r.ab.byteLength;
      let lo = r.whole || r.lo === Infinity ? 0 : r.lo;
      const hi = r.whole || r.lo === Infinity ? (r.whole ? n : 0) : r.hi;
      // Aligned to 8 so that every view keeps an offset its element size divides.
      lo -= lo % 8;
      w.varint(lo);
      w.varint(hi - lo);
      w.bytes(new Uint8Array(r.ab, lo, hi - lo));
    }
  }
}

const SIZES = [1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8];
export function bytesPerElement(sub: number): number {
  return SIZES[sub]!;
}
