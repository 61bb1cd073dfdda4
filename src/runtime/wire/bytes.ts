/**
 * Byte-level writing and reading: LEB128 varints (up to 2^53), little-endian float64, raw bytes
 * and strings. Strings are UTF-8 when well formed and UTF-16LE otherwise, so that lone surrogates
 * survive. The reader checks every length against the buffer and throws WireError, never reads
 * past the end, and never allocates more than the input could describe.
 */
import { Buffer } from 'node:buffer';
import { WireError } from './errors.js';

const MAX_VARINT = Number.MAX_SAFE_INTEGER;
/** Strings this short are tried as ASCII first (a byte loop beats the UTF-8 encoder on them). */
const SHORT = 64;

/** Scratch for float conversions, shared: encoding and decoding are synchronous and never nest. */
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

type WellFormed = string & { isWellFormed?(): boolean };
/** Whether a string has no lone surrogate (isWellFormed exists from Node 20 on; the scan is the fallback). */
export function wellFormed(s: string): boolean {
  const f = (s as WellFormed).isWellFormed;
  if (f) return f.call(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

export class Writer {
  buf: Buffer;
  pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  /** Makes room for n more bytes. */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u8(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  varint(n: number): void {
    if (n < 0x80) {
      if (this.pos >= this.buf.length) this.ensure(1);
      this.buf[this.pos++] = n;
      return;
    }
    this.ensure(8);
    const buf = this.buf;
    let pos = this.pos;
    while (n >= 0x80) {
      buf[pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    buf[pos++] = n;
    this.pos = pos;
  }

  f64le(x: number): void {
    this.ensure(8);
    f64[0] = x;
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < 8; i++) buf[p + i] = f64Bytes[i]!;
    this.pos = p + 8;
  }

  /** Four bytes to fill in later (an offset not known yet). */
  reserve32(): number {
    this.ensure(4);
    const at = this.pos;
    this.pos += 4;
    return at;
  }

  patch32(at: number, value: number): void {
    this.buf.writeUInt32LE(value, at);
  }

  bytes(src: Uint8Array): void {
    this.ensure(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** varint(byteLength * 2 + isUtf16), then the bytes. */
  str(s: string): void {
    const n = s.length;
    if (n < SHORT) {
      this.ensure(n + 1);
      const buf = this.buf;
      const start = this.pos + 1;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
      if (i === n) {
        buf[this.pos] = n * 2;
        this.pos = start + n;
        return;
      }
    }
    if (wellFormed(s)) {
      const len = Buffer.byteLength(s, 'utf8');
      this.varint(len * 2);
      this.ensure(len);
      this.pos += this.buf.write(s, this.pos, len, 'utf8');
    } else {
      this.varint(n * 4 + 1);
      this.ensure(n * 2);
      this.pos += this.buf.write(s, this.pos, n * 2, 'utf16le');
    }
  }

  /** The bytes written so far (a view, not a copy). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

export class Reader {
  readonly buf: Buffer;
  pos: number;
  end: number;

  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
    this.end = bytes.byteLength;
  }

  fail(what: string): never {
    throw new WireError(`${what} at byte ${this.pos}`);
  }

  /** Throws unless n more bytes are there. */
  need(n: number): void {
    if (n > this.end - this.pos) this.fail('truncated');
  }

  remaining(): number {
    return this.end - this.pos;
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('truncated');
    return this.buf[this.pos++]!;
  }

  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < this.end) {
      const b = buf[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (pos >= this.end) this.fail('truncated varint');
      const b = buf[pos++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (n > MAX_VARINT) break;
        this.pos = pos;
        return n;
      }
      scale *= 0x80;
    }
    return this.fail('varint out of range');
  }

  /** A varint that counts things of at least `unit` bytes each still to come: bounds allocations. */
  count(unit = 1): number {
    const n = this.varint();
    if (n * unit > this.end - this.pos) this.fail('count larger than the input');
    return n;
  }

  f64le(): number {
    this.need(8);
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < 8; i++) f64Bytes[i] = buf[p + i]!;
    this.pos = p + 8;
    return f64[0]!;
  }

  u32le(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** A view of the next n bytes (not a copy). */
  bytes(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  str(): string {
    const h = this.varint();
    const len = Math.floor(h / 2);
    this.need(len);
    const start = this.pos;
    this.pos += len;
    if (h % 2 === 1) {
      if (len % 2 === 1) this.fail('odd UTF-16 length');
      return this.buf.toString('utf16le', start, start + len);
    }
    if (len < SHORT) {
      const buf = this.buf;
      let ascii = true;
      for (let i = start; i < start + len; i++) {
        if (buf[i]! >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return buf.toString('latin1', start, start + len);
    }
    return this.buf.toString('utf8', start, start + len);
  }
}

/**
 * A growable list of numbers: a plain array while short, then a typed array (pushing costs a
 * store; a plain array of small integers was four times slower to fill with an entry per object
 * of a large message, and the collector scans it). Short lists stay plain because making a typed
 * array costs about a microsecond, which small messages would pay for each list.
 */
export class NumberList {
  private short: number[] = [];
  private long: Float64Array | undefined;
  length = 0;

  push(v: number): void {
    const long = this.long;
    if (long === undefined) {
      if (this.length < SHORT_LIST) {
        this.short.push(v);
        this.length++;
        return;
      }
      this.grow();
    } else if (this.length === long.length) this.grow();
    this.long![this.length++] = v;
  }

  private grow(): void {
    const next = new Float64Array(Math.max(4 * SHORT_LIST, this.length * 2));
    if (this.long === undefined) next.set(this.short);
    else next.set(this.long);
    this.long = next;
    this.short = [];
  }

  /** The entry at i (i < length). */
  at(i: number): number {
    return this.long === undefined ? this.short[i]! : this.long[i]!;
  }

  set(i: number, v: number): void {
    if (this.long === undefined) this.short[i] = v;
    else this.long[i] = v;
  }
}

/** Entries a NumberList holds in a plain array. */
const SHORT_LIST = 256;
