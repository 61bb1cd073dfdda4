/**
 * Reads what GraphWriter wrote: makes each object at its first mention (so that references are
 * plain ids), then reads contents in id order with a loop, never recursing on the data. Every
 * count is checked against the bytes left before anything is allocated for it.
 */
import { Buffer } from 'node:buffer';
import { types } from 'node:util';
import { applyState } from './apply.js';
import type { Baseline, Deferred } from './baseline.js';
import { NumberList, Reader } from './bytes.js';
import { readHeader, type BufferRegion, type TrailerEntry } from './envelope.js';
import { UnknownKey } from './errors.js';
import { BOXED_PROTOS, BOXED_TYPES, BUFFER_PROTO, ERRORS, ERROR_PROTOS, KIND_COUNT, KIND_NAMES, KIND_PROTOS, Kind, Level, Proto, SMALL_INTS, TYPED_ARRAYS, TYPED_PROTOS, Tag, bytesPerElement, makeError } from './kinds.js';
import type { CodeRegistry } from './registry.js';
import { fillArray, fillObject, readContents } from './readContents.js';
import { readBigInt, readInt } from './scalars.js';
import { kindOf } from './shallow.js';
import { O } from '../intrinsics.js';

export class GraphReader {
  readonly r: Reader;
  /** The objects made here and their kinds, at index id - known (this side's own objects are `adopted`). */
  readonly objects: (object | null)[] = [];
  readonly kinds = new NumberList();
  private adopted: readonly object[] = [];
  /** Buffers made here: the sender's offset minus ours, and the part of ours the sender has. */
  readonly regions = new Map<object, BufferRegion>();
  private readonly table: string[] = [];
  private trailer: TrailerEntry[] = [];
  private nextBuffer = 0;
  /** Objects below this id are this side's own (known to the sender by id). */
  private known = 0;
  /** The root object to decode into, while reading that root. */
  private into: object | undefined;
  /** Objects decoded into, with the bytes of those that are buffers. */
  private readonly intoTargets = new Map<object, { bytes: Uint8Array; offset: number } | undefined>();
  /** Their states, written once everything decoded. */
  readonly deferred: Deferred[] = [];
  /** The prototype of each object made here (ids from `known` on). */
  private readonly protos: (object | null)[] = [];
  /** Recorded when asked for (requests: the clone snapshots them). */
  readonly baseline: Baseline | undefined;

  constructor(
    bytes: Uint8Array,
    private readonly registry: CodeRegistry,
    record = false,
  ) {
    this.r = new Reader(bytes);
    if (record) {
      this.baseline = {
        buf: bytes,
        table: this.table,
        registry,
        made: this.objects as object[],
        kinds: this.kinds,
        protos: this.protos,
        bodyAt: new NumberList(),
        strAt: new NumberList(),
        newAt: new NumberList(),
        bytes: new Map(),
      };
    }
  }

  unknown(key: string, kind: 'class' | 'function'): never {
    throw new UnknownKey(key, `unknown ${kind} key ${JSON.stringify(key)} at byte ${this.r.pos}`);
  }

  fail(what: string): never {
    return this.r.fail(what);
  }

  /** Checks the header (magic, version, message type) and reads the trailer of buffer bytes. */
  header(type: number): void {
    this.trailer = readHeader(this.r, type);
  }

  /** The last check: every byte and every buffer was used. */
  finish(): void {
    if (this.r.pos !== this.r.end) this.fail('bytes left over');
    if (this.nextBuffer !== this.trailer.length) this.fail('buffers left over');
  }

  adopt(objects: readonly object[]): void {
    if (this.objects.length > 0) this.fail('adopt() comes before any object');
    this.adopted = objects;
    this.known = objects.length;
  }

  /** Reads one value, decoding its object into `into` when given (a root only). */
  root(into: object | undefined): unknown {
    this.into = into;
    const v = this.value();
    if (this.into !== undefined) this.fail('a root decoded into an object is not a new object');
    return v;
  }

  readKey(): string {
    const v = this.r.varint();
    if (v === 1) {
      const s = this.r.str();
      this.table.push(s);
      return s;
    }
    if (v % 2 === 1 || v / 2 >= this.table.length) this.fail('bad key');
    return this.table[v / 2]!;
  }

  value(): unknown {
    const r = this.r;
    const tag = r.u8();
    if (tag >= Tag.SmallInt) {
      if (tag >= Tag.SmallInt + SMALL_INTS) this.fail('unknown tag');
      return tag - Tag.SmallInt;
    }
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return readInt(r);
      case Tag.Float:
        return r.f64le();
      case Tag.BigInt:
        return readBigInt(r);
      case Tag.Str:
        return r.str();
      case Tag.StrNew: {
        const s = r.str();
        this.table.push(s);
        return s;
      }
      case Tag.StrRef: {
        const i = r.varint();
        if (i >= this.table.length) this.fail('bad string reference');
        return this.table[i];
      }
      case Tag.Ref: {
        const id = r.varint();
        const o = id < this.known ? this.adopted[id] : this.objects[id - this.known];
        if (o === null || o === undefined) this.fail('bad object reference');
        return o;
      }
      case Tag.Function: {
        const key = this.readKey();
        const fn = this.registry.functionOf(key);
        if (fn === undefined) this.unknown(key, 'function');
        return fn;
      }
      case Tag.New:
        return this.newObject();
      default:
        return this.fail('unknown tag');
    }
  }

  /** A prototype named on the wire, for an object of a kind and subtype. */
  resolveProto(kind: number, sub: number, code: number, key: string | undefined): object | null {
    switch (code) {
      case Proto.Default:
        return kind === Kind.Error ? ERROR_PROTOS[sub]! : kind === Kind.TypedArray ? TYPED_PROTOS[sub]! : kind === Kind.Boxed ? BOXED_PROTOS[sub]! : KIND_PROTOS[kind]!;
      case Proto.Null:
        return null;
      case Proto.Buffer:
        if (kind !== Kind.TypedArray || sub !== 1) this.fail('Buffer prototype on another kind');
        return BUFFER_PROTO;
      case Proto.Registered: {
        const p = this.registry.prototypeOf(key!);
        if (p === undefined) this.unknown(key!, 'class');
        return p;
      }
      default:
        return this.fail('bad prototype');
    }
  }

  readProto(): [number, string | undefined] {
    const code = this.r.u8();
    return [code, code === Proto.Registered ? this.readKey() : undefined];
  }

  private newObject(): object {
    const r = this.r;
    const into = this.into;
    this.into = undefined;
    const kind = r.u8();
    if (kind >= KIND_COUNT) this.fail('unknown kind');
    // The common case: a plain object or array with the default prototype.
    if ((kind === Kind.Object || kind === Kind.Array) && into === undefined && r.pos < r.end && r.buf[r.pos] === Proto.Default) {
      r.pos++;
      const made = kind === Kind.Object ? {} : [];
      this.objects.push(made);
      this.kinds.push(kind);
      this.protos.push(KIND_PROTOS[kind]!);
      return made;
    }
    const code = r.u8();
    const key = code === Proto.Registered ? this.readKey() : undefined;
    const at = this.objects.length;
    this.objects.push(null);
    this.kinds.push(kind);
    let sub = 0;
    if (kind === Kind.Error || kind === Kind.Boxed || kind === Kind.TypedArray) {
      sub = r.u8();
      const subs = kind === Kind.Error ? ERRORS.length : kind === Kind.Boxed ? BOXED_TYPES.length : TYPED_ARRAYS.length;
      if (sub >= subs) this.fail('unknown subtype');
    }
    const proto = this.resolveProto(kind, sub, code, key);
    this.protos.push(proto);
    let o: object;
    switch (kind) {
      case Kind.Object:
        o = proto === Object.prototype ? {} : (O.create(proto) as object);
        break;
      case Kind.Array:
        o = [];
        break;
      case Kind.Map:
        o = new Map();
        break;
      case Kind.Set:
        o = new Set();
        break;
      case Kind.Date:
        o = new Date(0);
        break;
      case Kind.RegExp: {
        const source = r.str();
        const flags = r.str();
        try {
          o = new RegExp(source, flags);
        } catch {
          this.fail('bad regular expression');
        }
        break;
      }
      case Kind.Error:
        o = makeError(sub);
        break;
      case Kind.Boxed: {
        const v = this.value();
        if (typeof v !== BOXED_TYPES[sub]) this.fail('bad boxed primitive');
        o = Object(v) as object;
        break;
      }
      case Kind.ArrayBuffer:
        o = this.buffer();
        break;
      default:
        o = this.view(kind, sub, code, into);
        if (into === undefined && O.getPrototypeOf(o) !== proto) O.setPrototypeOf(o, proto);
        this.objects[at] = o;
        return o;
    }
    if (into !== undefined) o = this.decodeInto(into, o, kind);
    else if (O.getPrototypeOf(o) !== proto) O.setPrototypeOf(o, proto);
    this.objects[at] = o;
    return o;
  }

  /** A new buffer with the next trailer entry's bytes. */
  private buffer(): ArrayBuffer {
    const e = this.trailer[this.nextBuffer++];
    if (e === undefined) this.fail('more buffers than the trailer has');
    const ab = new ArrayBuffer(e.len);
    const src = this.r.buf.subarray(e.start, e.start + e.len);
    new Uint8Array(ab).set(src);
    this.regions.set(ab, { delta: e.base, lo: 0, hi: e.len });
    this.baseline?.bytes.set(ab, src);
    return ab;
  }

  private view(kind: number, sub: number, code: number, into: object | undefined): object {
    const r = this.r;
    const abAt = this.objects.length;
    const ab = this.value();
    if (!types.isArrayBuffer(ab)) this.fail('a view without a buffer');
    const abFresh = this.objects.length === abAt + 1 && this.objects[abAt] === ab;
    // Offsets are the sender's on a buffer made here, this side's own on one of its own buffers.
    const at = r.varint() - (this.regions.get(ab)?.delta ?? 0);
    const length = r.varint();
    const size = kind === Kind.TypedArray ? bytesPerElement(sub) : 1;
    if (at < 0 || at % size !== 0 || at + length * size > ab.byteLength) this.fail('a view outside its buffer');
    const view: object =
      kind === Kind.DataView ? new DataView(ab, at, length) : code === Proto.Buffer ? Buffer.from(ab, at, length) : new TYPED_ARRAYS[sub]!(ab, at, length);
    if (into === undefined) return view;
    if (!abFresh) this.fail('a view decoded into an object shares an earlier buffer');
    return this.viewInto(into, view as ArrayBufferView, kind, sub, ab, at, abAt);
  }

  /**
   * A root view decoded into an existing view of the same type and length: the buffer decoded
   * with it is replaced by the target's own buffer (the bytes go there once all is decoded).
   */
  private viewInto(into: object, view: ArrayBufferView, kind: number, sub: number, ab: ArrayBuffer, at: number, abAt: number): object {
    const target = into as ArrayBufferView;
    const same =
      kind === Kind.DataView
        ? types.isDataView(into) && target.byteLength === view.byteLength
        : types.isTypedArray(into) && into instanceof TYPED_ARRAYS[sub]! && target.byteLength === view.byteLength;
    if (!same) this.fail(`cannot decode a ${kind === Kind.DataView ? 'DataView' : TYPED_ARRAYS[sub]!.name} into that object`);
    const shift = target.byteOffset - at;
    const own = target.buffer as ArrayBuffer;
    if (shift < 0 || shift + ab.byteLength > own.byteLength) this.fail('a view decoded into an object does not fit its buffer');
    const region = this.regions.get(ab)!;
    this.regions.delete(ab);
    this.regions.set(own, { delta: region.delta - shift, lo: shift, hi: shift + ab.byteLength });
    this.objects[abAt] = own;
    this.protos[abAt] = O.getPrototypeOf(own) as object;
    this.intoTargets.set(own, { bytes: new Uint8Array(ab), offset: shift });
    this.intoTargets.set(into, undefined);
    const base = this.baseline?.bytes;
    if (base?.has(ab)) {
      base.set(own, base.get(ab)!);
      base.delete(ab);
    }
    return into;
  }

  /** A root decoded into an existing object of the same kind: its contents are deferred. */
  private decodeInto(into: object, made: object, kind: number): object {
    const ok =
      kind === Kind.Object
        ? kindOf(into) === Kind.Object && !types.isProxy(into)
        : kindOf(into) === kind &&
          (kind === Kind.Error
            ? O.getPrototypeOf(made) === O.getPrototypeOf(into)
            : kind === Kind.RegExp
              ? (into as RegExp).source === (made as RegExp).source && (into as RegExp).flags === (made as RegExp).flags
              : kind === Kind.ArrayBuffer
                ? (into as ArrayBuffer).byteLength === (made as ArrayBuffer).byteLength
                : kind !== Kind.Boxed);
    if (!ok) this.fail(`cannot decode ${KIND_NAMES[kind]} into that object`);
    if (kind === Kind.ArrayBuffer) {
      const region = this.regions.get(made)!;
      this.regions.delete(made);
      this.regions.set(into, region);
      this.intoTargets.set(into, { bytes: new Uint8Array(made as ArrayBuffer), offset: 0 });
      const base = this.baseline?.bytes;
      if (base?.has(made)) {
        base.set(into, base.get(made)!);
        base.delete(made);
      }
    } else this.intoTargets.set(into, undefined);
    return into;
  }

  /** Reads the contents of every object made since, in id order: builds each, or defers it (into). */
  drain(): void {
    const base = this.baseline;
    for (let j = 0; j < this.objects.length; j++) {
      const o = this.objects[j]!;
      const kind = this.kinds.at(j);
      if ((kind === Kind.Object || kind === Kind.Array) && (this.intoTargets.size === 0 || !this.intoTargets.has(o))) {
        if (base !== undefined) {
          base.bodyAt.push(this.r.pos);
          base.strAt.push(this.table.length);
          base.newAt.push(this.known + this.objects.length);
        }
        if (kind === Kind.Object) {
          fillObject(this, o, this.protos[j]!);
          continue;
        }
        if (fillArray(this, o as unknown[])) continue;
        // A sparse array: read as any other kind.
        if (base !== undefined) base.bodyAt.set(base.bodyAt.length - 1, -1);
      } else if (base !== undefined) {
        // A view made here holds what the request says too (no property, its level): recorded.
        const view = (kind === Kind.TypedArray || kind === Kind.DataView) && !this.intoTargets.has(o);
        base.bodyAt.push(view ? this.r.pos : -1);
        base.strAt.push(0);
        base.newAt.push(0);
      }
      const state = readContents(this, kind, false, o);
      state.proto = this.protos[j]!;
      if (this.intoTargets.has(o)) {
        const bytes = this.intoTargets.get(o);
        if (bytes !== undefined) {
          state.bytes = bytes.bytes;
          state.offset = bytes.offset;
        }
        this.deferred.push({ target: o, state });
      } else {
        if (state.kind === Kind.TypedArray && state.level === Level.Frozen && (o as Uint8Array).length > 0) this.fail('a frozen typed array with elements');
        applyState(o, state, true);
      }
    }
  }
}
