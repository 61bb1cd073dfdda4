/**
 * Writes an object graph. Each object gets a wire id at its first mention, where its kind,
 * prototype and what creating it needs are written (so the reader can make it at once and every
 * later reference is a plain id); its contents follow later, in id order (breadth first), so
 * that neither side recurses on the data's depth. ArrayBuffer bytes go in the trailer (envelope.ts).
 */
import { types } from 'node:util';
import { Refusal, Uncrossable } from './errors.js';
import { NumberList, Writer } from './bytes.js';
import { patchTrailerAt, writeHeader, writeTrailer, type BufferRegion, type WrittenRegion } from './envelope.js';
import { Kind, Proto, Tag, bytesPerElement } from './kinds.js';
import { OrdinaryBodies } from './ordinaryBodies.js';
import { keyLabel } from './props.js';
import type { CodeRegistry } from './registry.js';
import { writeBigInt, writeNumber } from './scalars.js';
import { HOLE, readShallow, type Shallow } from './shallow.js';
import { writeContents } from './writeContents.js';
import { O, isArray } from '../intrinsics.js';

/** Strings up to this length go through the string table (keys always do). */
const TABLE_UP_TO = 32;

const getPrototypeOf = O.getPrototypeOf;
/** Lookups that scan the peer's objects before they are all put in the map. */
const SCANS = 16;
const ObjectProto = Object.prototype;
const ArrayProto = Array.prototype;

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
  private readonly regions: WrittenRegion[] = [];
  private readonly regionOf = new Map<number, WrittenRegion>();
  /** Objects below this id are known to the peer already (the request's, when replying). */
  private known = 0;
  /** How the known objects are named in paths (`objects`: `objects[3]`). */
  private knownLabel = '';
  /** The peer's objects while they are not in `ids` yet, and how many lookups scanned them. */
  private unindexed: readonly object[] | undefined;
  private scans = 0;
  private readonly bodies = new OrdinaryBodies(this);

  constructor(
    private readonly registry: CodeRegistry,
    /** How the roots are named in paths: `roots` or `values`. */
    private readonly rootName: string,
    /** Known buffers' regions, for views made over them (replies only). */
    private readonly knownRegions?: WeakMap<ArrayBuffer, BufferRegion>,
  ) {}

  private trailerAt = 0;

  /** The header (envelope.ts); where the trailer starts is filled in by end. */
  start(type: number): void {
    this.trailerAt = writeHeader(this.w, type);
  }

  /** Writes the contents still owed and the trailer; the message. */
  end(): Uint8Array {
    this.drain();
    patchTrailerAt(this.w, this.trailerAt);
    writeTrailer(this.w, this.regions);
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
        writeNumber(w, v);
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
        writeBigInt(w, v);
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

  /** Reads an object's state, turning a refusal into an Uncrossable at its path. */
  read(o: object, owner: number, key: string | number | undefined, head = false): Shallow {
    try {
      return readShallow(o, this.registry, head);
    } catch (e) {
      throw this.refused(e, owner, key);
    }
  }

  /** A Refusal met while reading an object, as an Uncrossable at its path; anything else as it is. */
  refused(e: unknown, owner: number, key: string | number | undefined): unknown {
    return e instanceof Refusal ? new Uncrossable(this.path(owner, key) + e.at, e.reason) : e;
  }

  private newObject(o: object, owner: number, key: string | number): number {
    // Plain objects and arrays: what readShallow would say of their head (kind, default
    // prototype), without its builtin type checks or a Shallow to hold it.
    if (!types.isProxy(o)) {
      const p = getPrototypeOf(o) as object | null;
      if (p === ObjectProto ? !isArray(o) : p === ArrayProto && isArray(o)) {
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
        const r: WrittenRegion = { ab: o as ArrayBuffer, lo: Infinity, hi: 0, whole: false };
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
        this.bodies.object(this.objects[j]!, known + j);
        continue;
      } else if (kind === Kind.Array) {
        if (this.bodies.list(this.objects[j] as unknown[], known + j)) continue;
        s = this.read(this.objects[j]!, known + j, undefined);
      } else {
        s = this.shallows.get(j)!;
        this.shallows.delete(j);
      }
      writeContents(this, s, known + j);
    }
  }
}
