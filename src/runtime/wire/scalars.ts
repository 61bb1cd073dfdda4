/**
 * Numbers and bigints on the wire, both ways: the tag and the bytes that follow it. Shared so
 * that writer and reader cannot drift apart on the encoding.
 */
import { Buffer } from 'node:buffer';
import type { Reader, Writer } from './bytes.js';
import { SMALL_INTS, Tag } from './kinds.js';

/** Integers this large in magnitude are sent as floats (zigzag must stay a safe integer). */
const INT_LIMIT = 2 ** 52;

/** A small integer in its tag, a safe integer as a zigzag varint, anything else (-0 too) as a float. */
export function writeNumber(w: Writer, v: number): void {
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
}

/** The integer after Tag.Int. */
export function readInt(r: Reader): number {
  const z = r.varint();
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** Sign byte, then the magnitude big-endian (through hex, linear in its size both ways). */
export function writeBigInt(w: Writer, v: bigint): void {
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

/** The bigint after Tag.BigInt. */
export function readBigInt(r: Reader): bigint {
  const sign = r.u8();
  if (sign > 1) r.fail('bad bigint sign');
  const n = r.count(1);
  const m = n === 0 ? 0n : BigInt('0x' + r.bytes(n).toString('hex'));
  return sign === 1 ? -m : m;
}
