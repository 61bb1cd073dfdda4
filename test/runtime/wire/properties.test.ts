/**
 * Property tests: random graphs over every kind that crosses, with cycles and shared references,
 * round-trip isomorphically (identity structure included); random mutations on the clone's copy,
 * sent back as a reply and applied to the device's original graph, leave the two isomorphic, and
 * each device object keeps its identity.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { types } from 'node:util';
import { Uncrossable, decodeReply, decodeRequest, encodeReply, encodeRequest, snapshot, type CodeRegistry } from '../../../src/runtime/wire/index.js';

class Point {
  x = 0;
  y = 0;
}
class Bag extends Map<unknown, unknown> {}
class AppError extends TypeError {}
function helper(): number {
  return 1;
}

const protos = new Map<string, object>([
  ['Point', Point.prototype],
  ['Bag', Bag.prototype],
  ['AppError', AppError.prototype],
]);
const fns = new Map<string, Function>([
  ['helper', helper],
  ['Point', Point],
]);
const registry: CodeRegistry = {
  keyOfPrototype: (p) => [...protos].find(([, v]) => v === p)?.[0],
  prototypeOf: (k) => protos.get(k),
  keyOfFunction: (f) => [...fns].find(([, v]) => v === f)?.[0],
  functionOf: (k) => fns.get(k),
};


/** Prototypes match when identical, or the same builtin of two realms (the sandbox's and Node's own). */
function sameProto(p: object | null, q: object | null): boolean {
  if (p === q) return true;
  if (p === null || q === null) return false;
  const name = (o: object) => (Object.getOwnPropertyDescriptor(o, 'constructor')?.value as { name?: string } | undefined)?.name;
  return name(p) === name(q) && /native code/.test(Function.prototype.toString.call(Object.getOwnPropertyDescriptor(p, 'constructor')?.value));
}

/** A description of where two graphs differ, or undefined when they are isomorphic; `map` gets a → b. */
function isomorphic(a: unknown, b: unknown, map = new Map<object, object>()): string | undefined {
  const back = new Map<object, object>();
  const bufferShift = new Map<object, number>();
  const stack: [unknown, unknown, string][] = [[a, b, 'root']];
  const pair = (x: unknown, y: unknown, path: string): string | undefined => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      return Object.is(x, y) ? undefined : `${path}: ${String(x)} vs ${String(y)}`;
    }
    const seen = map.get(x);
    if (seen !== undefined || back.has(y)) return seen === y && back.get(y) === x ? undefined : `${path}: sharing differs`;
    map.set(x, y);
    back.set(y, x);
    stack.push([x, y, path]);
    return undefined;
  };
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      const d = pair(x, y, path);
      if (d) return d;
      continue;
    }
    if (map.get(x) === undefined) {
      const d = pair(x, y, path);
      if (d) return d;
      continue;
    }
    if (!sameProto(Object.getPrototypeOf(x) as object | null, Object.getPrototypeOf(y) as object | null)) return `${path}: prototypes differ`;
    if (Object.isExtensible(x) !== Object.isExtensible(y) || Object.isSealed(x) !== Object.isSealed(y) || Object.isFrozen(x) !== Object.isFrozen(y)) {
      return `${path}: integrity differs`;
    }
    const tag = Object.prototype.toString.call(x);
    if (tag !== Object.prototype.toString.call(y)) return `${path}: kinds differ ${tag}`;
    if (types.isArrayBuffer(x)) continue;
    if (types.isArrayBufferView(x)) {
      const vx = x as Uint8Array;
      const vy = y as Uint8Array;
      if (vx.byteLength !== vy.byteLength) return `${path}: view lengths differ`;
      if (!Buffer.from(vx.buffer, vx.byteOffset, vx.byteLength).equals(Buffer.from(vy.buffer, vy.byteOffset, vy.byteLength))) return `${path}: bytes differ`;
      const shift = vx.byteOffset - vy.byteOffset;
      const known = bufferShift.get(vx.buffer);
      if (known !== undefined && known !== shift) return `${path}: views no longer share the same way`;
      bufferShift.set(vx.buffer, shift);
      const d = pair(vx.buffer, vy.buffer, `${path}.buffer`);
      if (d) return d;
      continue;
    }
    if (types.isDate(x) && !Object.is((x as Date).getTime(), (y as Date).getTime())) return `${path}: times differ`;
    if (types.isRegExp(x)) {
      const rx = x as RegExp;
      const ry = y as RegExp;
      if (rx.source !== ry.source || rx.flags !== ry.flags) return `${path}: regexps differ`;
    }
    if (types.isBoxedPrimitive(x) && !Object.is((x as object).valueOf(), (y as object).valueOf())) return `${path}: boxed values differ`;
    if (types.isMap(x) || types.isSet(x)) {
      const ex = [...(x as Map<unknown, unknown>).entries()];
      const ey = [...(y as Map<unknown, unknown>).entries()];
      if (ex.length !== ey.length) return `${path}: sizes differ`;
      for (let i = 0; i < ex.length; i++) {
        const d = pair(ex[i]![0], ey[i]![0], `${path}{${i}}.key`) ?? pair(ex[i]![1], ey[i]![1], `${path}{${i}}.value`);
        if (d) return d;
      }
    }
    const kx = Reflect.ownKeys(x).filter((k) => !(types.isStringObject(x) && (k === 'length' || /^\d+$/.test(String(k)))));
    const ky = Reflect.ownKeys(y).filter((k) => !(types.isStringObject(y) && (k === 'length' || /^\d+$/.test(String(k)))));
    if (kx.join('\0') !== ky.join('\0')) return `${path}: keys differ: ${kx.join(',')} vs ${ky.join(',')}`;
    for (const k of kx) {
      const dx = Object.getOwnPropertyDescriptor(x, k)!;
      const dy = Object.getOwnPropertyDescriptor(y, k)!;
      if (dx.enumerable !== dy.enumerable || dx.writable !== dy.writable || dx.configurable !== dy.configurable) return `${path}.${String(k)}: attributes differ`;
      if (k === 'stack') continue;
      const d = pair(dx.value, dy.value, `${path}.${String(k)}`);
      if (d) return d;
    }
  }
  return undefined;
}

// ---- random graphs ----

type Slot = { p: unknown } | { ref: number };
interface NodeSpec {
  kind: string;
  slots: [string, Slot][];
  bytes: number[];
}

const KINDS = [
  'object', 'object', 'nullproto', 'array', 'array', 'sparse', 'point', 'map', 'set', 'bag', 'date', 'regexp',
  'u8', 'f64', 'i64', 'clamped', 'buffer', 'view', 'dataview', 'ab', 'error', 'typeerror', 'apperror', 'aggregate',
  'boxednum', 'boxedstr', 'frozen', 'sealed', 'nonext',
] as const;

const prim: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 60)),
  fc.bigInt(),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('key', 'name', '', 'a long string that is longer than thirty-two characters'),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(helper),
);
const slot: fc.Arbitrary<Slot> = fc.oneof(prim.map((p) => ({ p })), fc.nat(40).map((ref) => ({ ref })));
const key = fc.oneof(fc.constantFrom('a', 'b', 'c', 'name', '__proto__', '0', '7', 'x y'), fc.string({ maxLength: 3 }));
const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record({
  kind: fc.constantFrom(...KINDS),
  slots: fc.array(fc.tuple(key, slot), { maxLength: 4 }),
  bytes: fc.array(fc.nat(255), { minLength: 8, maxLength: 8 }),
});

function build(specs: NodeSpec[]): object[] {
  const pool = new ArrayBuffer(64);
  const nodes: object[] = specs.map((s, i) => {
    switch (s.kind) {
      case 'nullproto': return Object.create(null) as object;
      case 'array': case 'sparse': return [];
      case 'point': return new Point();
      case 'map': return new Map();
      case 'set': return new Set();
      case 'bag': return new Bag();
      case 'date': return new Date(s.bytes[0]! * 1e9);
      case 'regexp': return /a(b)?/g;
      case 'u8': return new Uint8Array(s.bytes);
      case 'f64': return new Float64Array(pool, 8 * (i % 4), 2);
      case 'i64': return new BigInt64Array([BigInt(s.bytes[0]!) - 100n]);
      case 'clamped': return new Uint8ClampedArray(s.bytes);
      case 'buffer': return Buffer.from(s.bytes);
      case 'view': return new Uint8Array(pool, i % 32, 8);
      case 'dataview': return new DataView(pool, i % 16, 4);
      case 'ab': return i % 2 === 0 ? pool : new Uint8Array(s.bytes).buffer;
      case 'error': return new Error(`m${i}`);
      case 'typeerror': return new TypeError(`t${i}`, { cause: i });
      case 'apperror': return Object.assign(new AppError('app'), { code: 'E_APP' });
      case 'aggregate': return new AggregateError([], 'agg');
      case 'boxednum': return new Number(i);
      case 'boxedstr': return new String(`s${i}`);
      default: return {};
    }
  });
  const target = (s: Slot) => ('ref' in s ? nodes[s.ref % nodes.length] : s.p);
  specs.forEach((s, i) => {
    const o = nodes[i] as Record<string, unknown>;
    const views = ['u8', 'f64', 'i64', 'clamped', 'buffer', 'view', 'dataview', 'ab'];
    if (views.includes(s.kind)) return;
    s.slots.forEach(([k, v], j) => {
      if (s.kind === 'array') (o as unknown as unknown[]).push(target(v));
      else if (s.kind === 'sparse') (o as unknown as unknown[])[j * 3 + 1] = target(v);
      else if (s.kind === 'map' || s.kind === 'bag') (o as unknown as Map<unknown, unknown>).set(j % 2 ? k : target(v), target(v));
      else if (s.kind === 'set') (o as unknown as Set<unknown>).add(target(v));
      else if (s.kind === 'aggregate' && j === 0) (o as unknown as AggregateError).errors.push(target(v));
      // (an error named by an object makes V8's lazy stack formatting recurse without end)
      else if (!(s.kind === 'boxedstr' && /^\d+$|^length$/.test(k)) && !(/error|aggregate/.test(s.kind) && /^(name|message|stack)$/.test(k))) Object.defineProperty(o, k, { value: target(v), writable: true, enumerable: true, configurable: true });
    });
    if (s.kind === 'frozen') Object.freeze(o);
    if (s.kind === 'sealed') Object.seal(o);
    if (s.kind === 'nonext') Object.preventExtensions(o);
  });
  return nodes;
}

// ---- mutations on the clone ----

type Mutation = { op: number; node: number; key: string; a: Slot; b: Slot; n: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ op: fc.nat(13), node: fc.nat(40), key, a: slot, b: slot, n: fc.nat(20) });

function mutate(nodes: object[], m: Mutation): void {
  const o = nodes[m.node % nodes.length] as Record<string, unknown>;
  const val = (s: Slot) => ('ref' in s ? (s.ref % 7 === 0 ? { made: nodes[s.ref % nodes.length], n: m.n } : nodes[s.ref % nodes.length]) : s.p);
  try {
    if (Array.isArray(o)) {
      if (m.op % 4 === 0) o.push(val(m.a));
      else if (m.op % 4 === 1) o.splice(m.n % (o.length + 1), 1, val(m.a), val(m.b));
      else if (m.op % 4 === 2) o.length = m.n % 6;
      else o[m.n] = val(m.a);
      return;
    }
    if (types.isMap(o)) {
      const map = o as unknown as Map<unknown, unknown>;
      if (m.op % 3 === 0) map.set(val(m.a), val(m.b));
      else if (m.op % 3 === 1) map.delete([...map.keys()][m.n % Math.max(1, map.size)]);
      else {
        const first = [...map.entries()][0];
        if (first) {
          map.delete(first[0]);
          map.set(first[0], first[1]);
        }
      }
      return;
    }
    if (types.isSet(o)) {
      const set = o as unknown as Set<unknown>;
      if (m.op % 2 === 0) set.add(val(m.a));
      else set.delete([...set][m.n % Math.max(1, set.size)]);
      return;
    }
    if (types.isTypedArray(o)) {
      const t = o as unknown as Uint8Array;
      if (t.length > 0) (t as unknown as unknown[])[m.n % t.length] = t instanceof BigInt64Array ? BigInt(m.n) : m.n;
      return;
    }
    if (types.isDataView(o)) return (o as unknown as DataView).setUint8(m.n % 4, m.n);
    if (types.isArrayBuffer(o)) return new Uint8Array(o as unknown as ArrayBuffer)[0] = m.n, undefined;
    if (types.isDate(o)) return void (o as unknown as Date).setTime(m.n * 1000);
    if (types.isRegExp(o) && m.op % 2 === 0) return void ((o as unknown as RegExp).lastIndex = m.n);
    switch (m.op % 6) {
      case 0:
      case 1:
        Object.defineProperty(o, m.key, { value: val(m.a), writable: true, enumerable: true, configurable: true });
        return;
      case 2:
        delete o[m.key];
        delete o[Object.keys(o)[0]!];
        return;
      case 3: {
        const first = Object.keys(o)[0];
        if (first !== undefined) {
          const v = o[first];
          delete o[first];
          Object.defineProperty(o, first, { value: v, writable: true, enumerable: true, configurable: true });
        }
        return;
      }
      case 4:
        if (m.n === 3) Object.freeze(o);
        else if (m.n === 4) Object.seal(o);
        else Object.defineProperty(o, m.key, { value: { cycle: o, other: val(m.a) }, writable: true, enumerable: true, configurable: true });
        return;
      default:
        if ((Object.getPrototypeOf(o) === Object.prototype || o instanceof Point) && Object.isExtensible(o)) Object.setPrototypeOf(o, m.n % 2 ? Point.prototype : Object.prototype);
    }
  } catch {
    // a mutation a frozen or sealed object refuses: the clone simply did not change there
  }
}

const runs = { seed: 20261203, numRuns: 400 };

describe('wire property tests', () => {
  test('random graphs round-trip isomorphically', () => {
    fc.assert(
      fc.property(fc.array(nodeSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const nodes = build(specs);
        const { bytes, objects } = encodeRequest([nodes, nodes[0]], registry);
        const { roots, objects: cloneObjects } = decodeRequest(bytes, registry);
        expect(cloneObjects.length).toBe(objects.length);
        const diff = isomorphic([nodes, nodes[0]], roots);
        expect(diff).toBeUndefined();
      }),
      runs,
    );
  });

  test('random changes on the clone are applied in place on the device', () => {
    fc.assert(
      fc.property(fc.array(nodeSpec, { minLength: 1, maxLength: 10 }), fc.array(mutation, { maxLength: 8 }), (specs, mutations) => {
        const device = build(specs);
        const deviceNodes = device.slice();
        const request = encodeRequest([device], registry);
        const { roots, objects, baseline } = decodeRequest(request.bytes, registry);
        const clone = roots[0] as object[];
        const snap = snapshot(objects, baseline);
        const cloneNodes = clone.slice();
        for (const m of mutations) mutate(cloneNodes, m);
        const result = { made: cloneNodes[0], list: clone };
        const reply = encodeReply([result], { objects, snapshot: snap }, registry);
        const { values, apply } = decodeReply(reply, request.objects, registry);
        apply();
        const map = new Map<object, object>();
        const diff = isomorphic([device, values[0]], [clone, result], map);
        expect(diff).toBeUndefined();
        // Every device object the clone still reaches is the one it stood for.
        const reverse = new Map([...map].map(([d, c]) => [c, d]));
        cloneNodes.forEach((c, i) => {
          if (reverse.has(c)) expect(reverse.get(c)).toBe(deviceNodes[i]);
        });
      }),
      runs,
    );
  });

  test('nothing unchanged is sent back', () => {
    fc.assert(
      fc.property(fc.array(nodeSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const nodes = build(specs);
        const request = encodeRequest([nodes], registry);
        const { objects, baseline } = decodeRequest(request.bytes, registry);
        const reply = encodeReply([], { objects, snapshot: snapshot(objects, baseline) }, registry);
        expect(reply.length).toBeLessThan(16);
      }),
      { ...runs, numRuns: 100 },
    );
  });
});

// ---- the snapshot that starts from what the decoder recorded ----

/** Changes the fast comparison must see as well as a full read does, including ones that cannot cross. */
function mutateHard(nodes: object[], m: Mutation): void {
  const o = nodes[m.node % nodes.length] as Record<string, unknown>;
  const val = (s: Slot) => ('ref' in s ? nodes[s.ref % nodes.length] : s.p);
  try {
    switch ((m.op * 7 + m.n) % 19) {
      case 0: {
        // The same value written again, or an equal one that is not the same (0 and -0, a copy).
        const k = Object.keys(o)[m.n % Math.max(1, Object.keys(o).length)];
        if (k !== undefined) o[k] = m.n % 3 === 0 ? o[k] : m.n % 3 === 1 ? (o[k] === 0 ? -0 : o[k]) : typeof o[k] === 'string' ? `${o[k] as string}` : o[k];
        return;
      }
      case 1:
        if (Array.isArray(o) && o.length > 0) delete o[m.n % o.length];
        return;
      case 2:
        if (Array.isArray(o)) o[m.n % (o.length + 1)] = val(m.a);
        return;
      case 3:
        if (Array.isArray(o)) (o as unknown as Record<string, unknown>)[m.key === '' || /^\d+$/.test(m.key) ? 'named' : m.key] = val(m.a);
        return;
      case 4:
        Object.defineProperty(o, m.key || 'x', { get: () => 1, enumerable: true, configurable: true });
        return;
      case 5:
        (o as Record<symbol, unknown>)[Symbol('s')] = 1;
        return;
      case 6:
        Object.defineProperty(o, m.key || 'x', { value: val(m.a), writable: true, enumerable: false, configurable: true });
        return;
      case 7: {
        const k = Array.isArray(o) && m.n % 2 === 0 ? 'length' : Object.keys(o)[0];
        if (k !== undefined) Object.defineProperty(o, k, { writable: false });
        return;
      }
      case 8:
        if (m.n % 3 === 0) Object.preventExtensions(o);
        else if (m.n % 3 === 1) Object.seal(o);
        else Object.freeze(o);
        return;
      case 9:
        if (Array.isArray(o)) o.length = m.n % 70;
        return;
      case 10:
        if (Array.isArray(o)) for (let i = 0; i < 70; i++) o.push(i % 5 === 0 ? undefined : i);
        return;
      case 11: {
        const k = Object.keys(o)[m.n % Math.max(1, Object.keys(o).length)];
        if (k !== undefined) Object.defineProperty(o, k, { enumerable: false });
        return;
      }
      case 12:
        if (Array.isArray(o)) for (let i = 0; i < o.length; i++) if (!(i in o)) o[i] = i;
        return;
      case 13:
      case 14:
      case 15: {
        // Another value of the same type, for one key (of one object, of every object).
        const targets = m.op % 3 === 0 ? nodes : [o];
        for (const t of targets as Record<string, unknown>[]) {
          const keys = Object.keys(t);
          const k = keys[m.n % Math.max(1, keys.length)];
          if (k === undefined) continue;
          const v = t[k];
          t[k] =
            typeof v === 'number' ? (Number.isNaN(v) ? 0 : m.n % 2 ? v + 1 : v * 3 + 100) :
            typeof v === 'string' ? (m.n % 2 ? `${v}!` : `${v.slice(0, -1)}?`) :
            typeof v === 'bigint' ? v + 1n :
            typeof v === 'boolean' ? !v :
            v === helper ? Point :
            v === Point ? helper :
            typeof v === 'object' && v !== null ? nodes[(m.n + 1) % nodes.length] : v;
        }
        return;
      }
      default:
        mutate(nodes, m);
    }
  } catch {
    // refused by a frozen or sealed object
  }
}

describe('the snapshot the decoder starts', () => {
  test('finds the changes a full read of every object finds, and refuses what it refuses', () => {
    fc.assert(
      fc.property(fc.array(nodeSpec, { minLength: 1, maxLength: 10 }), fc.array(mutation, { maxLength: 6 }), fc.boolean(), (specs, mutations, long) => {
        const device = build(specs);
        if (long) {
          // Long and short arrays listed with a few holes.
          const a: unknown[] = Array.from({ length: 80 }, (_, i) => (i % 7 === 0 ? { i } : i));
          for (let i = 0; i < 80; i += 9) delete a[i];
          device.push(a, [1, , 3]);
        }
        const request = encodeRequest([device], registry);
        const { roots, objects, baseline } = decodeRequest(request.bytes, registry);
        const fast = snapshot(objects, baseline);
        // Without the decoder's baseline every object is read.
        const copy = objects.slice();
        const read = snapshot(copy);
        const cloneNodes = (roots[0] as object[]).slice();
        for (const m of mutations) mutateHard(cloneNodes, m);
        const answer = (s: typeof fast, list: object[]) => {
          try {
            return Buffer.from(encodeReply([cloneNodes[0]], { objects: list, snapshot: s }, registry)).toString('hex');
          } catch (e) {
            if (e instanceof Uncrossable) return `refused: ${e.message}`;
            throw e;
          }
        };
        expect(answer(fast, objects)).toBe(answer(read, copy));
      }),
      runs,
    );
  });
});
