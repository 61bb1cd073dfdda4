/**
 * Untrusted bytes: random mutations of valid requests and replies (flipped, dropped, inserted
 * bytes, truncation) either decode or throw WireError, never another exception and never hang;
 * a reply that throws leaves the device's objects as they were.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import v8 from 'node:v8';
import { WireError, decodeReply, decodeRequest, encodeReply, encodeRequest, snapshot, type CodeRegistry } from '../../../src/runtime/wire/index.js';

class Point {
  x = 1;
}
const registry: CodeRegistry = {
  keyOfPrototype: (p) => (p === Point.prototype ? 'Point' : undefined),
  prototypeOf: (k) => (k === 'Point' ? Point.prototype : undefined),
  keyOfFunction: () => undefined,
  functionOf: () => undefined,
};

function sample(): unknown[] {
  const shared = { s: 'shared', n: -0 };
  const ab = new ArrayBuffer(24);
  const list: unknown[] = [1, , 'two', shared, shared];
  list.push(list);
  return [
    list,
    new Map<unknown, unknown>([[shared, new Set([1, 'x', shared])]]),
    { d: new Date(7), re: /x+/g, p: new Point(), f: new Float64Array(ab, 8, 2), u: new Uint8Array(ab), big: 2n ** 80n },
    Object.freeze({ e: new RangeError('r', { cause: shared }), agg: new AggregateError([1], 'a') }),
    'a longer string that goes in place rather than through the table',
    '\ud800',
  ];
}

type Edit = { at: number; kind: number; byte: number };
const edits = fc.array(fc.record({ at: fc.nat(), kind: fc.nat(3), byte: fc.nat(255) }), { minLength: 1, maxLength: 4 });

function mutateBytes(bytes: Uint8Array, list: Edit[]): Uint8Array {
  let out = Array.from(bytes);
  for (const e of list) {
    const at = e.at % (out.length + 1);
    if (e.kind === 0) out[at % out.length] = e.byte;
    else if (e.kind === 1) out.splice(at, 1);
    else if (e.kind === 2) out.splice(at, 0, e.byte);
    else out = out.slice(0, at);
  }
  return Uint8Array.from(out);
}

function onlyWireErrors(run: () => void): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
  }
}

describe('decoding untrusted bytes', () => {
  const request = encodeRequest(sample(), registry);
  const clone = decodeRequest(request.bytes, registry);
  const snap = snapshot(clone.objects, clone.baseline);
  const roots = clone.roots as [unknown[], Map<unknown, Set<unknown>>, Record<string, unknown>];
  roots[0].push({ made: roots[0] });
  roots[1].set('k', new Set([roots[0]]));
  (roots[2].u as Uint8Array)[3] = 9;
  (roots[2].p as Point).x = 5;
  const reply = encodeReply([{ back: roots[2] }], { objects: clone.objects, snapshot: snap }, registry);

  test('the valid messages decode', () => {
    expect(decodeRequest(request.bytes, registry).roots).toHaveLength(6);
    expect(decodeReply(reply, request.objects, registry).values).toHaveLength(1);
  });

  test('mutated requests decode or throw WireError', () => {
    fc.assert(
      fc.property(edits, (list) => {
        onlyWireErrors(() => decodeRequest(mutateBytes(request.bytes, list), registry));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  test('mutated requests decoded into existing objects change nothing when they throw', () => {
    fc.assert(
      fc.property(edits, (list) => {
        const target = new Map<unknown, unknown>([['keep', 1]]);
        try {
          decodeRequest(mutateBytes(request.bytes, list), registry, { into: new Map([[1, target]]) });
        } catch (e) {
          if (!(e instanceof WireError)) throw e;
          expect([...target]).toEqual([['keep', 1]]);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  test('mutated replies decode or throw WireError, and a throw leaves the device untouched', () => {
    fc.assert(
      fc.property(edits, (list) => {
        const device = encodeRequest(sample(), registry);
        const before = v8.serialize(device.objects.filter((o) => !(o instanceof Point) && !(o instanceof Error)));
        try {
          decodeReply(mutateBytes(reply, list), device.objects, registry);
        } catch (e) {
          if (!(e instanceof WireError)) throw e;
          expect(v8.serialize(device.objects.filter((o) => !(o instanceof Point) && !(o instanceof Error))).equals(before)).toBe(true);
        }
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  test('random bytes and every truncation throw WireError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        onlyWireErrors(() => decodeRequest(bytes, registry));
        onlyWireErrors(() => decodeReply(bytes, [], registry));
      }),
      { seed: 10, numRuns: 300 },
    );
    for (let n = 0; n < request.bytes.length; n++) expect(() => decodeRequest(request.bytes.subarray(0, n), registry)).toThrow(WireError);
    for (let n = 0; n < reply.length; n++) expect(() => decodeReply(reply.subarray(0, n), request.objects, registry)).toThrow(WireError);
  });

  test('lengths larger than the input are refused before allocating', () => {
    // Header, then a root count of 2^40.
    const bytes = Uint8Array.from([0x43, 0x57, 1, 1, 9, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(() => decodeRequest(bytes, registry)).toThrow(WireError);
  });
});
