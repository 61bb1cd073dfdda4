/**
 * The clone's snapshot of the request objects right after decoding, and the comparison that
 * finds which of them the call changed. A snapshot holds each object's shallow state: its
 * children by identity, and for buffers a copy of the bytes the device has.
 */
import { Buffer } from 'node:buffer';
import type { BufferRegion } from './graphWriter.js';
import { Kind } from './kinds.js';
import type { CodeRegistry } from './registry.js';
import { readShallow, type Shallow } from './shallow.js';

/**
 * The part of each buffer decoded from a request that the device has, and where it sits on the
 * device's buffer (weakly held: a clone's buffers come and go with their calls).
 */
export const bufferRegions = new WeakMap<object, BufferRegion>();

/** Shallow states of the request objects, by wire id. */
export class Snapshot {
  /** @internal */
  constructor(readonly states: readonly Shallow[]) {}
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

export function snapshot(objects: readonly object[]): Snapshot {
  const states: Shallow[] = [];
  for (const o of objects) {
    const s = readShallow(o, ANY);
    if (s.kind === Kind.ArrayBuffer) {
      toDevice(o, s);
      s.bytes = Uint8Array.prototype.slice.call(s.bytes!);
    }
    states.push(s);
  }
  return new Snapshot(states);
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
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
    !Object.is(now.state, then.state) ||
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
