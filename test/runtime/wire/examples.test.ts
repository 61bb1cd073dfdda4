/** Examples of each kind, each refusal with its path, `into`, aliases, key order and failed replies. */
import { describe, expect, test } from '@jest/globals';
import {
  Uncrossable,
  WireError,
  decodeReply,
  decodeRequest,
  encodeReply,
  encodeRequest,
  snapshot,
  type CodeRegistry,
} from '../../../src/runtime/wire/index.js';

class Point {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
}
class Bag extends Map<unknown, unknown> {}
class AppError extends RangeError {}
class Secret {}
function scan(): number {
  return 1;
}

const known = new Map<string, object>([
  ['Point', Point.prototype],
  ['Bag', Bag.prototype],
  ['AppError', AppError.prototype],
]);
const registry: CodeRegistry = {
  keyOfPrototype: (p) => [...known].find(([, v]) => v === p)?.[0],
  prototypeOf: (k) => known.get(k),
  keyOfFunction: (f) => (f === scan ? 'scan' : f === Point ? 'Point' : undefined),
  functionOf: (k) => (k === 'scan' ? scan : k === 'Point' ? Point : undefined),
};

function roundTrip<T>(value: T): T {
  return decodeRequest(encodeRequest([value], registry).bytes, registry).roots[0] as T;
}

/** A call on the clone: decode, run `body` on the roots, reply; the device decodes (not applied yet). */
function call(roots: unknown[], body: (roots: unknown[]) => unknown[], alias?: (roots: unknown[]) => Map<object, number>) {
  const request = encodeRequest(roots, registry);
  const clone = decodeRequest(request.bytes, registry);
  const snap = snapshot(clone.objects, clone.baseline);
  const values = body(clone.roots);
  const reply = encodeReply(values, { objects: clone.objects, snapshot: snap }, registry, alias ? { alias: alias(clone.roots) } : undefined);
  return { reply, decoded: decodeReply(reply, request.objects, registry), request };
}

function refusal(value: unknown): Uncrossable {
  try {
    encodeRequest([value], registry);
  } catch (e) {
    if (e instanceof Uncrossable) return e;
    throw e;
  }
  throw new Error('crossed');
}

describe('values that cross', () => {
  test('primitives', () => {
    const values = [undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, 63, 64, -1, 2 ** 53, 1.5, 0n, -(2n ** 100n), '', 'é', '\ud800x', 'x\udc00', '😀'];
    const back = roundTrip(values);
    back.forEach((v, i) => expect(Object.is(v, values[i])).toBe(true));
  });

  test('arrays: holes, sparse, named properties', () => {
    const a: unknown[] & { tag?: string } = [1, , 3];
    a.tag = 'x';
    const sparse: unknown[] = [];
    sparse[100000] = 'far';
    const back = roundTrip({ a, sparse });
    expect(back.a.length).toBe(3);
    expect(1 in back.a).toBe(false);
    expect((back.a as typeof a).tag).toBe('x');
    expect(back.sparse.length).toBe(100001);
    expect(Object.keys(back.sparse)).toEqual(['100000']);
  });

  test('class instances, builtin subclasses, null prototypes, registered functions', () => {
    const bag = new Bag([['k', new Point(1, 2)]]);
    const bare = Object.assign(Object.create(null) as object, { z: 1 });
    const back = roundTrip({ bag, bare, fn: scan, cls: Point });
    expect(back.bag).toBeInstanceOf(Bag);
    expect(back.bag.get('k')).toBeInstanceOf(Point);
    expect(Object.getPrototypeOf(back.bare)).toBeNull();
    expect(back.fn).toBe(scan);
    expect(back.cls).toBe(Point);
  });

  test('Map and Set keep key identity; Date, RegExp, boxed primitives', () => {
    const k = { k: 1 };
    const re = /a+/gy;
    re.lastIndex = 3;
    const back = roundTrip({ m: new Map([[k, k]]), s: new Set([k]), k, d: new Date(NaN), d2: new Date(5), re, n: new Number(4), str: new String('ab') });
    expect(back.m.get(back.k)).toBe(back.k);
    expect(back.s.has(back.k)).toBe(true);
    expect(Number.isNaN(back.d.getTime())).toBe(true);
    expect(back.d2.getTime()).toBe(5);
    expect([back.re.source, back.re.flags, back.re.lastIndex]).toEqual(['a+', 'gy', 3]);
    expect(back.n).toBeInstanceOf(Number);
    expect(back.str.valueOf()).toBe('ab');
  });

  test('typed arrays, DataView, Buffer; views sharing a buffer keep sharing it', () => {
    const ab = new ArrayBuffer(32);
    const f = new Float64Array(ab, 8, 2);
    const u = new Uint8Array(ab, 8, 16);
    const dv = new DataView(ab, 4, 8);
    f[0] = 1.5;
    const all = { f, u, dv, big: new BigInt64Array([-5n]), c: new Uint8ClampedArray([300 & 255]), f32: new Float32Array([0.5]), buf: Buffer.from('hello') };
    const back = roundTrip(all);
    expect(back.f.buffer).toBe(back.u.buffer);
    expect(back.dv.buffer).toBe(back.u.buffer);
    expect(back.u.byteOffset - back.dv.byteOffset).toBe(4);
    back.f[0] = 2;
    expect(back.u[7]).toBe(64);
    expect(back.big[0]).toBe(-5n);
    expect(Buffer.isBuffer(back.buf)).toBe(true);
    expect(back.buf.toString()).toBe('hello');
    // A pooled Buffer does not take its whole slab along.
    const { bytes } = encodeRequest([Buffer.from('hi')], registry);
    expect(bytes.length).toBeLessThan(64);
  });

  test('errors: builtin types, app subclasses, cause, code, AggregateError', () => {
    const cause = new TypeError('inner');
    const e = new AppError('outer', { cause });
    (e as Error & { code?: string }).code = 'E_SCAN';
    Object.defineProperty(e, 'hidden', { value: 7, writable: true, configurable: true });
    const agg = new AggregateError([e, cause], 'many');
    const back = roundTrip(agg);
    expect(back).toBeInstanceOf(AggregateError);
    expect(back.message).toBe('many');
    expect(back.stack).toBe(agg.stack);
    const [be, bc] = back.errors as [AppError & { code: string; hidden: number }, TypeError];
    expect(be).toBeInstanceOf(AppError);
    expect(be.cause).toBe(bc);
    expect(be.code).toBe('E_SCAN');
    expect(be.hidden).toBe(7);
    expect(Object.getOwnPropertyDescriptor(be, 'hidden')!.enumerable).toBe(false);
    expect(Object.keys(be)).toEqual(['code']);
  });

  test('integrity levels', () => {
    const back = roundTrip({ f: Object.freeze({ a: 1 }), s: Object.seal({ b: 2 }), n: Object.preventExtensions({ c: 3 }), fa: Object.freeze([1]) });
    expect(Object.isFrozen(back.f)).toBe(true);
    expect(Object.isSealed(back.s) && !Object.isFrozen(back.s)).toBe(true);
    expect(!Object.isExtensible(back.n) && !Object.isSealed(back.n)).toBe(true);
    expect(Object.isFrozen(back.fa)).toBe(true);
  });

  test('a 100k-deep linked list, both ways', () => {
    let list: { next: unknown; n: number } | null = null;
    for (let i = 0; i < 100_000; i++) list = { next: list, n: i };
    const { decoded, request } = call([list], (roots) => {
      let node = roots[0] as { next: unknown; n: number };
      while (node.next) node = node.next as typeof node;
      node.n = -1;
      let fresh: unknown = null;
      for (let i = 0; i < 100_000; i++) fresh = { next: fresh };
      return [fresh];
    });
    decoded.apply();
    expect(request.objects.length).toBe(100_000);
    let depth = 0;
    for (let v = decoded.values[0] as { next: unknown } | null; v; v = v.next as typeof v) depth++;
    expect(depth).toBe(100_000);
    expect((request.objects[99_999] as { n: number }).n).toBe(-1);
  });
});

describe('values that cannot cross, with where and why', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['function', [0, { onDone: () => 1 }], 'roots[0][1].onDone', /function/],
    ['symbol value', { s: Symbol('x') }, 'roots[0].s', /symbol/],
    ['symbol key', { [Symbol('k')]: 1 }, 'roots[0][Symbol(k)]', /symbol-keyed/],
    ['unregistered class', { o: new Secret() }, 'roots[0].o', /Secret, a class that is not registered/],
    ['WeakMap', [new WeakMap()], 'roots[0][0]', /WeakMap/],
    ['WeakSet', [new WeakSet()], 'roots[0][0]', /WeakSet/],
    ['WeakRef', [new WeakRef({})], 'roots[0][0]', /WeakRef/],
    ['Promise', { p: Promise.resolve(1) }, 'roots[0].p', /Promise/],
    ['Proxy', { p: new Proxy({}, {}) }, 'roots[0].p', /Proxy/],
    ['SharedArrayBuffer', { b: new SharedArrayBuffer(8) }, 'roots[0].b', /SharedArrayBuffer/],
    ['accessor', { o: { get x() { return 1; } } }, 'roots[0].o.x', /accessor/],
    ['non-enumerable', Object.defineProperty({}, 'h', { value: 1, writable: true, configurable: true }), 'roots[0].h', /non-enumerable/],
    ['read-only', Object.defineProperty({}, 'r', { value: 1, enumerable: true, configurable: true }), 'roots[0].r', /read-only/],
    ['Map value', new Map([['k', () => 1]]), 'roots[0].[[entries]][0].value', /function/],
    ['typed array property', Object.assign(new Uint8Array(4), { extra: 1 }), 'roots[0].extra', /property of a typed array/],
    ['long typed array property', Object.assign(new Uint8Array(1000), { extra: 1 }), 'roots[0]', /own properties/],
    ['long array, hidden property', Object.defineProperty(new Array(100).fill(0), 'h', { value: 1 }), 'roots[0].h', /non-enumerable/],
  ];
  test.each(cases)('%s', (_name, value, path, why) => {
    const e = refusal(value);
    expect(e.path).toBe(path);
    expect(e.message).toMatch(why);
    expect(e.message).toContain(path);
  });

  test('a detached buffer', () => {
    const ab = new ArrayBuffer(8);
    structuredClone(ab, { transfer: [ab] });
    expect(refusal({ ab }).message).toMatch(/detached/);
  });

  test('a change the clone makes that cannot cross says where', () => {
    const request = encodeRequest([{ a: 1 }], registry);
    const clone = decodeRequest(request.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    (clone.roots[0] as Record<string, unknown>).cb = () => 1;
    expect(() => encodeReply([], { objects: clone.objects, snapshot: snap }, registry)).toThrow(/objects\[0\]\.cb is a function/);
  });
});

describe('decoding into existing objects', () => {
  test('a Map, an object and a typed array keep their identity', () => {
    const table = new Map<unknown, unknown>([['old', 1]]);
    const conf = { stale: true };
    const buf = new Uint8Array(4);
    const device = { table: new Map([['a', { n: 1 }]]), conf: { mode: 'x' }, buf: new Uint8Array([1, 2, 3, 4]) };
    const request = encodeRequest([device.table, device.conf, device.buf, { t: device.table, b: device.buf }], registry);
    const { roots, objects, baseline } = decodeRequest(request.bytes, registry, { into: new Map<number, object>([[0, table], [1, conf], [2, buf]]) });
    expect(roots[0]).toBe(table);
    expect([...table.keys()]).toEqual(['a']);
    expect(conf).toEqual({ mode: 'x' });
    expect([...buf]).toEqual([1, 2, 3, 4]);
    expect((roots[3] as { t: unknown; b: unknown }).t).toBe(table);
    expect((roots[3] as { t: unknown; b: unknown }).b).toBe(buf);
    // Changes the clone makes to a buffer decoded into come back.
    const snap = snapshot(objects, baseline);
    buf[0] = 9;
    table.set('b', 2);
    const reply = encodeReply([], { objects, snapshot: snap }, registry);
    decodeReply(reply, request.objects, registry).apply();
    expect(device.buf[0]).toBe(9);
    expect([...device.table.keys()]).toEqual(['a', 'b']);
  });

  test('a kind mismatch is a WireError and changes nothing', () => {
    const conf = { keep: 1 };
    const { bytes } = encodeRequest([{ a: 1 }, [1, 2]], registry);
    expect(() => decodeRequest(bytes, registry, { into: new Map<number, object>([[0, conf], [1, new Map()]]) })).toThrow(WireError);
    expect(conf).toEqual({ keep: 1 });
  });
});

describe('replies', () => {
  test('only changed objects travel; unchanged ones cost nothing', () => {
    const big = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
    const { reply } = call([big], () => []);
    expect(reply.length).toBeLessThan(16);
  });

  test('alias: a constructor on the clone made the instance for the device `this`', () => {
    const self = new Point(1, 2);
    const request = encodeRequest([self], registry);
    const clone = decodeRequest(request.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    const made = new Point(7, 8);
    const reply = encodeReply([made], { objects: clone.objects, snapshot: snap }, registry, { alias: new Map([[made, 0]]) });
    const { values, apply } = decodeReply(reply, request.objects, registry);
    expect(values[0]).toBe(self);
    apply();
    expect(self).toEqual(new Point(7, 8));
  });

  test('key order after apply follows the clone, and aliases see the change', () => {
    const o: Record<string, unknown> = { a: 1, b: 2, c: 3 };
    const alias = o;
    const { decoded } = call([o], (roots) => {
      const c = roots[0] as Record<string, unknown>;
      delete c.a;
      c.a = 4;
      c[2] = 'two';
      c.d = 5;
      return [];
    });
    decoded.apply();
    expect(Object.keys(alias)).toEqual(['2', 'b', 'c', 'a', 'd']);
    expect(JSON.stringify(alias)).toBe('{"2":"two","b":2,"c":3,"a":4,"d":5}');
  });

  test('appended keys and set values keep the cheap path; Map order too', () => {
    const m = new Map([['x', 1], ['y', 2]]);
    const { decoded } = call([m], (roots) => {
      const c = roots[0] as Map<string, number>;
      c.delete('x');
      c.set('x', 3);
      return [];
    });
    decoded.apply();
    expect([...m]).toEqual([['y', 2], ['x', 3]]);
  });

  test('nothing changes on the device until apply(), and not at all when decodeReply throws', () => {
    const o = { n: 1, list: [1, 2] };
    const { reply, request } = call([o], (roots) => {
      const c = roots[0] as typeof o;
      c.n = 2;
      c.list.push(3);
      return [];
    });
    const d = decodeReply(reply, request.objects, registry);
    expect(o).toEqual({ n: 1, list: [1, 2] });
    const bad = reply.slice(0, reply.length - 1);
    expect(() => decodeReply(bad, request.objects, registry)).toThrow(WireError);
    expect(o).toEqual({ n: 1, list: [1, 2] });
    d.apply();
    expect(o).toEqual({ n: 2, list: [1, 2, 3] });
  });

  test('a change a frozen device object cannot take is refused before anything is applied', () => {
    const frozen = Object.freeze({ a: 1 });
    const other = { b: 1 };
    const request = encodeRequest([frozen, other], registry);
    const clone = decodeRequest(request.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    (clone.roots[1] as { b: number }).b = 2;
    const reply = encodeReply([], { objects: clone.objects, snapshot: snap }, registry);
    // The same reply against a device where the first object is now frozen but the clone's was not.
    const fake = encodeRequest([{ a: 1 }, other], registry);
    const cloneB = decodeRequest(fake.bytes, registry);
    const snapB = snapshot(cloneB.objects, cloneB.baseline);
    (cloneB.roots[0] as { a: number }).a = 5;
    const replyB = encodeReply([], { objects: cloneB.objects, snapshot: snapB }, registry);
    expect(() => decodeReply(replyB, [frozen, other], registry)).toThrow(WireError);
    expect(other.b).toBe(1);
    decodeReply(reply, request.objects, registry).apply();
    expect(other.b).toBe(2);
  });

  test('typed array bytes come back into the device buffer at their place', () => {
    const ab = new ArrayBuffer(64);
    const view = new Uint8Array(ab, 40, 8);
    const { decoded } = call([view], (roots) => {
      (roots[0] as Uint8Array)[2] = 7;
      return [];
    });
    decoded.apply();
    expect(new Uint8Array(ab)[42]).toBe(7);
  });

  test('a reply that mentions many request objects keeps the identity of each, aliases included', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ i }));
    const self = new Point(1, 2);
    const request = encodeRequest([rows, self], registry);
    const clone = decodeRequest(request.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    const cloneRows = clone.roots[0] as { i: number }[];
    const made = new Point(3, 4);
    // A few mentions first (looked for one by one), then many (all of them indexed).
    const few = [cloneRows[5], cloneRows[7], clone.roots[1]];
    cloneRows.reverse();
    const reply = encodeReply([few, cloneRows.slice(), made], { objects: clone.objects, snapshot: snap }, registry, { alias: new Map([[made, clone.objects.indexOf(clone.roots[1] as object)]]) });
    const { values, apply } = decodeReply(reply, request.objects, registry);
    const [backFew, backAll, backMade] = values as [unknown[], unknown[], unknown];
    expect(backFew[0]).toBe(rows[5]);
    expect(backFew[1]).toBe(rows[7]);
    // roots[1] on the clone stands for the device's `this`, which the alias now names.
    expect(backFew[2]).toBe(self);
    expect(backMade).toBe(self);
    backAll.forEach((r, i) => expect(r).toBe(rows[99 - i]));
    apply();
    expect(rows[0]!.i).toBe(99);
    expect(self).toEqual(new Point(3, 4));
  });

  test('an alias that is itself a request object stands for the other, however many objects are mentioned', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ i }));
    const self = new Point(1, 2);
    const request = encodeRequest([rows, self], registry);
    const clone = decodeRequest(request.bytes, registry);
    const snap = snapshot(clone.objects, clone.baseline);
    const stand = (clone.roots[0] as object[])[0]!;
    const alias = new Map([[stand, clone.objects.indexOf(clone.roots[1] as object)]]);
    // `after` is written once the list's many elements were: by then the objects are indexed.
    const reply = encodeReply([(clone.roots[0] as object[]).slice(), { after: stand }], { objects: clone.objects, snapshot: snap }, registry, { alias });
    const [all, back] = decodeReply(reply, request.objects, registry).values as [unknown[], { after: unknown }];
    expect(back.after).toBe(self);
    expect(all[0]).toBe(self);
    expect(all[1]).toBe(rows[1]);
  });

  test('a reply for another request is refused', () => {
    const { reply } = call([{ a: 1 }, { b: 2 }], () => []);
    expect(() => decodeReply(reply, [{}], registry)).toThrow(WireError);
  });
});

describe('the snapshot starts from what the decoder made', () => {
  /** One property of each way a value is written, after objects and strings it can refer back to. */
  function sample() {
    const shared = { s: 1 };
    const holey: unknown[] = [1, , 3];
    const list: unknown[] = Array.from({ length: 70 }, (_, i) => i);
    delete list[10];
    return {
      shared,
      small: 5, int: 123456, neg: -7, float: 1.5, negZero: -0, nan: NaN, big: 2n ** 70n, negBig: -3n,
      str: 'fresh', again: 'fresh', long: 'a string longer than thirty-two characters, written in place',
      yes: true, no: false, nul: null, undef: undefined,
      fn: scan, cls: Point, ref: shared,
      made: { inner: [shared] as unknown[] }, date: new Date(7), boxed: new Number(3), re: /x+/g,
      bytes: new Uint8Array([1, 2, 3]), point: new Point(1, 2), holey, list,
    };
  }
  type Sample = ReturnType<typeof sample> & Record<string, unknown>;
  const other: Record<string, unknown> = {
    small: 6, int: 123457, neg: -8, float: 2.5, negZero: 0, nan: 0, big: 2n ** 70n + 1n, negBig: -4n,
    str: 'fresh!', again: 'fresher', long: 'a string longer than thirty-two characters, written in place!',
    yes: false, no: true, nul: undefined, undef: null, fn: Point, cls: scan,
  };

  /** The reply when the clone changes `change`, from the decoder's record and from reading every object. */
  function replies(change: (clone: Sample) => void) {
    const request = encodeRequest([sample()], registry);
    const { roots, objects, baseline } = decodeRequest(request.bytes, registry);
    const fast = snapshot(objects, baseline);
    const copy = objects.slice();
    const read = snapshot(copy);
    change(roots[0] as Sample);
    const outcome = (list: object[], snap: typeof fast) => {
      try {
        return encodeReply([], { objects: list, snapshot: snap }, registry);
      } catch (e) {
        if (e instanceof Uncrossable) return e;
        throw e;
      }
    };
    const fastReply = outcome(objects, fast);
    const readReply = outcome(copy, read);
    if (fastReply instanceof Uncrossable) {
      expect(readReply).toBeInstanceOf(Uncrossable);
      expect(fastReply.message).toBe((readReply as Uncrossable).message);
      throw fastReply;
    }
    expect(Buffer.from(fastReply)).toEqual(Buffer.from(readReply as Uint8Array));
    return { reply: fastReply, request };
  }

  test('nothing changed: nothing is sent', () => {
    expect(replies(() => {}).reply.length).toBeLessThan(16);
  });

  test.each(Object.keys(other))('another value of the same kind for %s is sent and applied', (key) => {
    const { reply, request } = replies((c) => {
      c[key] = other[key];
    });
    expect(reply.length).toBeGreaterThan(16);
    const device = request.objects[0] as Sample;
    decodeReply(reply, request.objects, registry).apply();
    expect(Object.is(device[key], other[key])).toBe(true);
  });

  test('equal values written again are no change; another object with the same contents is', () => {
    expect(replies((c) => {
      c.str = ['fr', 'esh'].join('');
      c.nan = 0 / 0;
      c.big = 2n ** 70n;
      c.ref = c.shared;
      c.holey[0] = 1;
    }).reply.length).toBeLessThan(16);
    expect(replies((c) => (c.ref = { s: 1 })).reply.length).toBeGreaterThan(16);
  });

  test.each([
    ['a hole filled', (c: Sample) => (c.holey[1] = 2)],
    ['a hole made', (c: Sample) => delete c.holey[0]],
    ['a hole made in a long array', (c: Sample) => delete c.list[40]],
    ['a hole filled in a long array', (c: Sample) => (c.list[10] = 10)],
    ['a named property on an array', (c: Sample) => Object.assign(c.holey, { tag: 1 })],
    ['a named property on a long array', (c: Sample) => Object.assign(c.list, { tag: 1 })],
    ['a shorter array', (c: Sample) => (c.list.length = 69)],
    ['an element of a nested array', (c: Sample) => c.made.inner.push(1)],
    ['a key order', (c: Sample) => { const v = c.small; delete (c as Partial<Sample>).small; c.small = v; }],
    ['a prototype', (c: Sample) => Object.setPrototypeOf(c.made, Point.prototype)],
    ['an integrity level', (c: Sample) => Object.preventExtensions(c.shared)],
    ['a frozen array', (c: Sample) => Object.freeze(c.list)],
    ['a changed buffer', (c: Sample) => (c.bytes[1] = 9)],
    ['a class instance', (c: Sample) => (c.point.y = 3)],
  ])('%s is sent', (_name, change) => {
    expect(replies(change).reply.length).toBeGreaterThan(16);
  });

  test.each([
    ['an accessor with the same value', (c: Sample) => Object.defineProperty(c, 'small', { get: () => 5, enumerable: true, configurable: true }), /accessor/],
    ['a symbol key', (c: Sample) => ((c as Record<symbol, unknown>)[Symbol('k')] = 1), /symbol-keyed/],
    ['a property made non-enumerable', (c: Sample) => Object.defineProperty(c, 'small', { enumerable: false }), /non-enumerable/],
    ['a property made read-only', (c: Sample) => Object.defineProperty(c, 'small', { writable: false }), /read-only/],
    ['a read-only array length', (c: Sample) => Object.defineProperty(c.holey, 'length', { writable: false }), /read-only length/],
    ['a hidden property on a long array', (c: Sample) => Object.defineProperty(c.list, 'h', { value: 1 }), /non-enumerable/],
    ['an unregistered class', (c: Sample) => Object.setPrototypeOf(c.shared, Secret.prototype), /Secret/],
  ])('%s is refused, as when every object is read', (_name, change, why) => {
    expect(() => replies(change)).toThrow(why);
  });

  test('a snapshot of objects that were not just decoded reads them', () => {
    const request = encodeRequest([sample()], registry);
    const first = decodeRequest(request.bytes, registry);
    decodeRequest(request.bytes, registry);
    const snap = snapshot(first.objects, first.baseline);
    (first.roots[0] as Sample).small = 9;
    const reply = encodeReply([], { objects: first.objects, snapshot: snap }, registry);
    decodeReply(reply, request.objects, registry).apply();
    expect((request.objects[0] as Sample).small).toBe(9);
  });
});
