/**
 * Reading one object's contents, after GraphReader made the object at its first mention: plain
 * objects and listed arrays straight into the new object (the common case, kept lean), any other
 * kind (and a change, in a reply) into a Shallow state that apply.ts writes.
 */
import { types } from 'node:util';
import { addKey, raise } from './apply.js';
import type { GraphReader } from './graphReader.js';
import { Kind, Level, Tag } from './kinds.js';
import { isIndex } from './props.js';
import { HOLE, emptyShallow, type Shallow } from './shallow.js';

const MAX_LENGTH = 2 ** 32 - 1;

/** A new plain or class object's contents, written straight into it (the common case, kept lean). */
export function fillObject(g: GraphReader, o: object, proto: object | null): void {
  const r = g.r;
  const level = r.u8();
  if (level > Level.Frozen) g.fail('bad integrity level');
  const plain = proto === Object.prototype || proto === null;
  const n = r.count(2);
  for (let i = 0; i < n; i++) {
    const k = g.readKey();
    addKey(o, k, g.value(), plain);
  }
  if (level > Level.Extensible) raise(o, level as Level);
}

/**
 * A new array's contents, written straight into it when its elements are listed (not sparse);
 * false, having read nothing, when they are not: readContents() reads it then. As applyState(fresh)
 * writes it: elements in order, the length, named properties, then the integrity level.
 */
export function fillArray(g: GraphReader, a: unknown[]): boolean {
  const base = g.baseline;
  const r = g.r;
  const at = r.pos;
  const level = r.u8();
  if (level > Level.Frozen) g.fail('bad integrity level');
  const length = r.varint();
  if (length > MAX_LENGTH) g.fail('array too long');
  if (r.u8() !== 0) {
    r.pos = at;
    return false;
  }
  r.need(length);
  const buf = r.buf;
  for (let i = 0; i < length; i++) {
    if (buf[r.pos] === Tag.Hole) r.pos++;
    else a[i] = g.value();
  }
  if (a.length !== length) a.length = length;
  const n = r.count(2);
  for (let i = 0; i < n; i++) {
    const k = g.readKey();
    if (k === 'length' || isIndex(k)) g.fail('an index or length among named properties');
    addKey(a, k, g.value(), false);
  }
  // One with named properties is snapshotted by reading it.
  if (n > 0 && base !== undefined) base.bodyAt.set(base.bodyAt.length - 1, -1);
  if (level > Level.Extensible) raise(a, level as Level);
  return true;
}

/** One object's contents (a change's too, when `change`: then a buffer's new bytes follow). */
export function readContents(g: GraphReader, kind: number, change: boolean, o: object): Shallow {
  const r = g.r;
  const s = emptyShallow(kind as Kind);
  const chars = kind === Kind.Boxed && types.isStringObject(o) ? String.prototype.valueOf.call(o).length : -1;
  if (kind === Kind.Boxed) s.state = (o as object).valueOf();
  const level = r.u8();
  if (level > Level.Frozen) g.fail('bad integrity level');
  s.level = level as Level;
  switch (kind) {
    case Kind.Array: {
      const length = r.varint();
      if (length > MAX_LENGTH) g.fail('array too long');
      s.length = length;
      const mode = r.u8();
      if (mode === 0) {
        r.need(length);
        const items = new Array<unknown>(length);
        for (let i = 0; i < length; i++) {
          if (r.buf[r.pos] === Tag.Hole) {
            r.pos++;
            items[i] = HOLE;
          } else items[i] = g.value();
        }
        s.items = items;
      } else if (mode === 1) {
        const n = r.count(2);
        const items: unknown[] = [];
        let last = -1;
        for (let i = 0; i < n; i++) {
          const k = r.varint();
          if (k <= last || k >= length) g.fail('bad sparse index');
          last = k;
          items.push(k, g.value());
        }
        s.items = items;
        s.sparse = true;
      } else g.fail('bad array mode');
      break;
    }
    case Kind.Map: {
      const n = r.count(2);
      const items: unknown[] = [];
      for (let i = 0; i < 2 * n; i++) items.push(g.value());
      s.items = items;
      break;
    }
    case Kind.Set: {
      const n = r.count(1);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) items.push(g.value());
      s.items = items;
      break;
    }
    case Kind.Date:
      s.state = r.f64le();
      break;
    case Kind.RegExp:
      s.state = g.value();
      break;
    case Kind.ArrayBuffer:
      if (change) {
        s.offset = r.varint();
        s.bytes = r.bytes(r.count(1));
      }
      break;
  }
  const n = r.count(2);
  if (n > 0 && (kind === Kind.TypedArray || kind === Kind.DataView || kind === Kind.ArrayBuffer)) g.fail('properties on a buffer or view');
  if (kind === Kind.Error) s.enumerable = [];
  for (let i = 0; i < n; i++) {
    const k = g.readKey();
    if (kind === Kind.Array && (k === 'length' || isIndex(k))) g.fail('an index or length among named properties');
    if (chars >= 0 && (k === 'length' || (isIndex(k) && Number(k) < chars))) g.fail("a String object's character among its properties");
    if (kind === Kind.RegExp && k === 'lastIndex') g.fail('lastIndex among named properties');
    s.keys.push(k);
    if (s.enumerable !== undefined) {
      const e = r.u8();
      if (e > 1) g.fail('bad property flag');
      s.enumerable.push(e === 1);
    }
    s.values.push(g.value());
  }
  return s;
}
