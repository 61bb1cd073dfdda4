/**
 * The frame around a graph, shared by writer and reader: the header (magic "CW", format version,
 * message type, where the trailer starts) and the trailer of buffer bytes. ArrayBuffer bytes go in
 * the trailer because a buffer reached only through views sends just the part those views cover
 * (a pooled Buffer does not carry its 8 KB slab), known only once the whole graph has been seen.
 */
import type { Reader, Writer } from './bytes.js';

const MAGIC_C = 0x43;
const MAGIC_W = 0x57;
const FORMAT_VERSION = 1;

/** Where a buffer's part on the wire starts (`delta`: the peer's offset minus ours) and what it covers. */
export interface BufferRegion {
  delta: number;
  lo: number;
  hi: number;
}

/** A buffer being written: the span its views cover so far, or all of it when held directly. */
export interface WrittenRegion {
  ab: ArrayBuffer;
  lo: number;
  hi: number;
  whole: boolean;
}

/** A buffer's part in a message read: the sender's offset of its first byte, its length and where its bytes are. */
export interface TrailerEntry {
  base: number;
  len: number;
  start: number;
}

/** Writes the header; where the trailer's offset goes (see patchTrailerAt). */
export function writeHeader(w: Writer, type: number): number {
  w.u8(MAGIC_C);
  w.u8(MAGIC_W);
  w.u8(FORMAT_VERSION);
  w.u8(type);
  return w.reserve32();
}

/** Fills in where the trailer starts: here, at the end of the graph. */
export function patchTrailerAt(w: Writer, trailerAt: number): void {
  if (w.pos > 0xffffffff) throw new RangeError('a message over 4 GB');
  w.patch32(trailerAt, w.pos);
}

/** The bytes of every new buffer, as the part its views cover (all of it when held directly). */
export function writeTrailer(w: Writer, regions: readonly WrittenRegion[]): void {
  w.varint(regions.length);
  let total = 0;
  for (const r of regions) total += r.whole ? r.ab.byteLength : Math.max(0, r.hi - r.lo) + 8;
  w.ensure(total + 20 * regions.length);
  for (const r of regions) {
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

/**
 * Checks the header (magic, version, message type) and reads the trailer; leaves the reader at
 * the graph, its end at the trailer.
 */
export function readHeader(r: Reader, type: number): TrailerEntry[] {
  if (r.u8() !== MAGIC_C || r.u8() !== MAGIC_W) r.fail('not a clonecloud message');
  if (r.u8() !== FORMAT_VERSION) r.fail('unknown format version');
  if (r.u8() !== type) r.fail('unexpected message type');
  const at = r.u32le();
  if (at < r.pos || at > r.end) r.fail('trailer out of bounds');
  const body = r.pos;
  const end = r.end;
  r.pos = at;
  const n = r.count(2);
  const entries: TrailerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const base = r.varint();
    const len = r.count(1);
    entries.push({ base, len, start: r.pos });
    r.pos += len;
  }
  if (r.pos !== end) r.fail('bytes after the trailer');
  r.pos = body;
  r.end = at;
  return entries;
}
