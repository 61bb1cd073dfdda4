/**
 * The run-time's transform of one module, on each side, run for real: the transformed code is
 * evaluated with the run-time's registry, and the clone's entries are called as the server does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { RUNTIME_GLOBAL, type EntrySpec, type PointHandle } from '../../src/runtime/global.js';
import { memberOf, Registry } from '../../src/runtime/registry.js';
import { transformModule, type TransformPlan } from '../../src/runtime/transform/index.js';

const app = mkdtempSync(join(tmpdir(), 'cc-transform-'));

function transformed(source: string, plan: Partial<TransformPlan> & Pick<TransformPlan, 'mode'>): string {
  const file = join(app, 'src', 'mod.js');
  return transformModule(file, source, app, { points: [], bindings: [], ...plan })!.code;
}

/** Evaluates a transformed script with a run-time that records what the module registered and what the wrappers asked. */
function evaluate(code: string, onCall?: (id: string, self: unknown, args: unknown[], captured: unknown[] | undefined) => unknown) {
  const registry = new Registry();
  const L = Symbol('local');
  const unsupported = new Map<string, string>();
  const points = new Map<string, PointHandle>();
  const runtime = {
    L,
    mod: (key: string) => registry.module(key),
    member: memberOf,
    point: (id: string) => {
      let p = points.get(id);
      if (!p) {
        const call = (self: unknown, args: ArrayLike<unknown>, captured?: () => unknown[]) => (onCall ? onCall(id, self, Array.from(args), captured?.()) : L);
        p = {
          on: true,
          call,
          construct: (self, args, captured) => call(self, args, captured) !== L,
          unsupported: (why: string) => void unsupported.set(id, why),
        };
        points.set(id, p);
      }
      return p;
    },
  };
  const context: Record<string | symbol, unknown> = { result: undefined, console };
  context.globalThis = context;
  (context as Record<symbol, unknown>)[Symbol.for(RUNTIME_GLOBAL)] = runtime;
  runInNewContext(code, context);
  return { registry, unsupported, context, L };
}

describe('device side', () => {
  const source = [
    'class Counter {',
    '  constructor() { this.n = 0; }',
    '  add(k) { this.n += k; return this.n; }',
    '}',
    'function make(base) {',
    '  const step = base * 2;',
    '  let uses = 0;',
    '  return (x) => { uses++; return x * step + uses; };',
    '}',
    'const pick = ({ a }) => a;',
    'result = { counter: new Counter(), scale: make(3), pick };',
  ].join('\n');

  it('keeps every line where it was (stack traces and source maps stay right)', () => {
    const code = transformed(source, { mode: 'device', points: [{ id: 'src/mod.js#Counter.add', captured: [] }] });
    expect(code.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('asks the run-time at each migration point, with `this`, the arguments and the captured variables, and runs the body when told LOCAL', () => {
    const code = transformed(source, {
      mode: 'device',
      points: [
        { id: 'src/mod.js#Counter.add', captured: [] },
        { id: 'src/mod.js#make.<anonymous 1>', captured: ['step', 'uses'] },
      ],
    });
    const seen: [string, unknown[], unknown[] | undefined][] = [];
    const { context, L } = evaluate(code, (id, _self, args, captured) => {
      seen.push([id, args, captured]);
      return L;
    });
    const r = context.result as { counter: { add(k: number): number }; scale(x: number): number };
    expect(r.counter.add(5)).toBe(5);
    expect(r.scale(10)).toBe(61);
    expect(r.scale(10)).toBe(62);
    expect(seen).toEqual([
      ['src/mod.js#Counter.add', [5], undefined],
      ['src/mod.js#make.<anonymous 1>', [10], [6, 0]],
      ['src/mod.js#make.<anonymous 1>', [10], [6, 1]],
    ]);
  });

  it("sends `this` only to code that may read it (an object literal's method that never says `this` leaves its object home)", () => {
    const code = transformed(
      [
        'function make(label) {',
        '  let total = 0;',
        '  return {',
        '    add(x) { total += x; return label + total; },',
        '    scaled(x) { return this.add(x * 2); },',
        '    later(x) { const f = function () { return this.v; }; return f.call({ v: x }); },',
        '  };',
        '}',
        'result = make("a");',
      ].join('\n'),
      {
        mode: 'device',
        points: [
          { id: 'src/mod.js#make.add', captured: ['label', 'total'] },
          { id: 'src/mod.js#make.scaled', captured: [] },
          { id: 'src/mod.js#make.later', captured: [] },
        ],
      },
    );
    const selves: [string, unknown][] = [];
    const { context, L } = evaluate(code, (id, self) => {
      selves.push([id, self]);
      return L;
    });
    const api = context.result as { add(x: number): string; scaled(x: number): string; later(x: number): unknown };
    expect(api.scaled(1)).toBe('a2');
    expect(api.later(7)).toBe(7);
    expect(selves).toEqual([
      ['src/mod.js#make.scaled', api],
      ['src/mod.js#make.add', undefined],
      ['src/mod.js#make.later', undefined],
    ]);
  });

  it("sends parameters' values, not `arguments`, after defaults ran, so that the clone does not run a default again", () => {
    const code = transformed(
      [
        'let next = 1;',
        'function tag(name, id = next++, sep = ":") { return name + sep + id; }',
        'function count(xs = []) { return arguments.length + xs.length; }',
        'function pick({ a = next++ }) { return a; }',
        'const twice = (x, k = 2) => x * k;',
        'function none() { next++; }',
        'function opt(x, y = none()) { return y === undefined; }',
        'result = { tag, count, pick, twice, opt };',
      ].join('\n'),
      {
        mode: 'device',
        points: ['tag', 'count', 'pick', 'twice', 'opt'].map((name) => ({ id: `src/mod.js#${name}`, captured: [] })),
      },
    );
    const seen: [string, unknown[]][] = [];
    const { context, unsupported, L } = evaluate(code, (id, _self, args) => {
      seen.push([id, args]);
      return L;
    });
    const r = context.result as { tag(n: string, id?: number): string; count(xs?: number[]): number; pick(o: object): number; twice(x: number): number; opt(x: number): boolean };
    expect([r.tag('a'), r.tag('b', undefined), r.tag('c', 7), r.count(), r.twice(4), r.pick({}), r.opt(1)]).toEqual(['a:1', 'b:2', 'c:7', 0, 8, 3, true]);
    // Defaults are sent as evaluated (a destructured one inside the rebuilt object); a call whose
    // default with effects left its parameter undefined stays home.
    expect(seen).toEqual([
      ['src/mod.js#tag', ['a', 1, ':']],
      ['src/mod.js#tag', ['b', 2, ':']],
      ['src/mod.js#tag', ['c', 7, ':']],
      ['src/mod.js#count', []],
      ['src/mod.js#twice', [4, 2]],
      ['src/mod.js#pick', [{ a: 3 }]],
    ]);
    expect(unsupported.size).toBe(0);
  });

  it("returns the clone's answer instead of running the body", () => {
    const code = transformed(source, { mode: 'device', points: [{ id: 'src/mod.js#Counter.add', captured: [] }] });
    const { context } = evaluate(code, () => 'from the clone');
    expect((context.result as { counter: { add(k: number): unknown } }).counter.add(5)).toBe('from the clone');
  });

  it('sends an arrow function\'s destructured parameters rebuilt from the names they bound, which the clone\'s copy destructures into the same values', () => {
    const source = [
      'let next = 10;',
      'const pick = ({ a }) => a;',
      'const pair = ([line, [, second], ...rest], { "x-y": label = "none", k: { deep } = {}, ...others }) => [line, second, rest, label, deep, others];',
      'const later = ({ id = next++ }) => id;',
      'const keyed = (name, { [name]: v }) => v;',
      'function rows(entries) { return entries.map(([name, n]) => name + n); }',
      'result = { pick, pair, later, keyed, rows };',
    ].join('\n');
    const ids = ['pick', 'pair', 'later', 'keyed', 'rows.<anonymous 1>'].map((n) => `src/mod.js#${n}`);
    const device = transformed(source, { mode: 'device', points: ids.map((id) => ({ id, captured: [] })) });
    const clone = evaluate(transformed(source, { mode: 'clone', points: ids.map((id) => ({ id, captured: [] })) })).registry;
    const seen: [string, unknown[]][] = [];
    // The clone's answer, as the server computes it: its copy of the function called with the arguments sent.
    const { context, unsupported } = evaluate(device, (id, self, args) => {
      seen.push([id, args]);
      const entry = clone.entries.get(id)!;
      const fn = 'fn' in entry ? entry.fn() : 'lift' in entry ? entry.lift.call(self, [], undefined)[0] : undefined;
      return fn!.apply(self, args);
    });
    expect(unsupported.size).toBe(0);
    type Api = { pick(o: object): unknown; pair(...a: unknown[]): unknown; later(o: object): unknown; keyed(n: string, o: object): unknown; rows(e: unknown[]): unknown };
    const api = context.result as Api;
    const original = evaluate(source).context.result as Api;
    const calls: [keyof Api, unknown[]][] = [
      ['pick', [{ a: 7, b: 8 }]],
      ['pair', [['L', ['s0', 's1', 's2'], 'r1', 'r2'], { 'x-y': 'X', k: { deep: 'D' }, o1: 1, o2: 2 }]],
      ['pair', [['L', []], {}]],
      ['later', [{}]],
      ['later', [{ id: 3 }]],
      ['keyed', ['n', { n: 'value' }]],
      ['rows', [[['a', 1], ['b', 2]]]],
    ];
    for (const [name, args] of calls) expect((api[name] as (...a: unknown[]) => unknown)(...args)).toEqual((original[name] as (...a: unknown[]) => unknown)(...args));
    expect(seen.map(([id, args]) => [id.split('#')[1], args])).toEqual([
      ['pick', [{ a: 7 }]],
      ['pair', [['L', [undefined, 's1'], 'r1', 'r2'], { 'x-y': 'X', k: { deep: 'D' }, o1: 1, o2: 2 }]],
      ['pair', [['L', [undefined, undefined]], { 'x-y': 'none', k: { deep: undefined } }]],
      ['later', [{ id: 10 }]], // its default ran once, on the device
      ['later', [{ id: 3 }]],
      ['keyed', ['n', { n: 'value' }]],
      ['rows.<anonymous 1>', [['a', 1]]],
      ['rows.<anonymous 1>', [['b', 2]]],
    ]);
  });

  it('keeps at home a destructured parameter whose computed key has effects, and says why', () => {
    const code = transformed('let n = 0;\nconst take = ({ [`k${n++}`]: v }) => v;\nresult = take;', { mode: 'device', points: [{ id: 'src/mod.js#take', captured: [] }] });
    const { unsupported, context } = evaluate(code, () => 'from the clone');
    expect(unsupported.get('src/mod.js#take')).toMatch(/^a computed key in a destructured parameter \(`k\$\{n\+\+\}`\) would be evaluated again/);
    expect((context.result as (o: object) => unknown)({ k0: 5 })).toBe(5);
  });

  it('leaves an async function an older manifest lists as a point unwrapped, and says why once: it runs on the device', async () => {
    const source = 'async function load(n) { await null; return n + 1; }\nclass Q { async drain() { return 2; } }\nresult = { load, q: new Q() };';
    const points = [
      { id: 'src/mod.js#load', captured: [] },
      { id: 'src/mod.js#Q.drain', captured: [] },
    ];
    const code = transformed(source, { mode: 'device', points });
    expect(code).not.toMatch(/__cc\$p\d/);
    const { unsupported, context } = evaluate(code, () => 'from the clone');
    expect(unsupported.get('src/mod.js#load')).toMatch(/^an async function goes on after its call returns/);
    expect(unsupported.get('src/mod.js#Q.drain')).toMatch(/^an async function/);
    const result = context.result as { load(n: number): Promise<number>; q: { drain(): Promise<number> } };
    expect(await result.load(1)).toBe(2);
    expect(await result.q.drain()).toBe(2);
    expect(evaluate(transformed(source, { mode: 'clone', points })).registry.entries.size).toBe(0);
  });

  it('registers classes and carried bindings', () => {
    const code = transformed('let count = 1;\nconst table = new Map();\nclass Box {}\nresult = () => [count, table];', { mode: 'device', bindings: [{ file: 'src/mod.js', name: 'count' }, { file: 'src/mod.js', name: 'table' }] });
    const { registry } = evaluate(code);
    const [getCount, setCount] = registry.binding('src/mod.js', 'count')!;
    expect(getCount()).toBe(1);
    setCount!(5);
    expect(getCount()).toBe(5);
    expect(registry.binding('src/mod.js', 'table')![1]).toBeUndefined(); // a const is filled in place, never reassigned
    expect(typeof registry.classByKey('src/mod.js#Box')).toBe('function');
  });

  it('registers default-exported classes, named or not', () => {
    const named = transformed('export default class Grid { sum() { return 1; } }', { mode: 'device' });
    const anonymous = transformed('export default class { add() { return 2; } }', { mode: 'device' });
    expect(anonymous).toContain('export default class {static{');
    // Evaluated as scripts (without `export default`, which only a module may say).
    const grid = evaluate(named.replace('export default ', '')).registry.classByKey('src/mod.js#Grid') as new () => { sum(): number };
    const bag = evaluate(anonymous.replace('export default ', 'result = '));
    expect(new grid().sum()).toBe(1);
    expect(bag.registry.classByKey('src/mod.js#default')).toBe(bag.context.result);
  });

  it('registers top-level functions, declared or bound to a const, so that data holding them can cross', () => {
    const code = transformed('function byName(a, b) { return a < b; }\nconst byLength = (a, b) => a.length - b.length;\nresult = [byName, byLength];', { mode: 'device' });
    const { registry, context } = evaluate(code);
    const [byName, byLength] = context.result as Function[];
    expect(registry.keyOfFunction(byName!)).toBe('src/mod.js#byName');
    expect(registry.keyOfFunction(byLength!)).toBe('src/mod.js#byLength');
  });
});

describe('clone side', () => {
  it('copies a closure to the top level with its captured variables, and reads them back after the call', () => {
    const source = 'function make(base) {\n  const step = base * 2;\n  let uses = 0;\n  return (x) => { uses++; return x * step + uses; };\n}';
    const code = transformed(source, { mode: 'clone', points: [{ id: 'src/mod.js#make.<anonymous 1>', captured: ['step', 'uses'] }] });
    const { registry } = evaluate(code);
    const entry = registry.entries.get('src/mod.js#make.<anonymous 1>') as Extract<EntrySpec, { lift: unknown }>;
    expect(entry.captured).toEqual(['step', 'uses']);
    const [fn, read] = entry.lift.call(undefined, [6, 4], undefined);
    expect(fn(10)).toBe(65);
    expect(read()).toEqual([6, 5]);
  });

  it('gives object-literal accessors and methods entries that reach the right part', () => {
    const source = 'const store = {\n  v: 1,\n  get value() { return this.v * 10; },\n  set value(x) { this.v = x; },\n  twice(k) { return this.v * 2 * k; },\n};';
    const code = transformed(source, {
      mode: 'clone',
      points: [
        { id: 'src/mod.js#store.value', captured: [] },
        { id: 'src/mod.js#store.twice', captured: [] },
      ],
    });
    const { registry } = evaluate(code);
    const self = { v: 3 };
    const value = registry.entries.get('src/mod.js#store.value') as Extract<EntrySpec, { lift: unknown }>;
    expect(value.lift.call(self, [], 'get')[0].call(self)).toBe(30);
    value.lift.call(self, [], 'set')[0].call(self, 8);
    expect(self.v).toBe(8);
    const twice = registry.entries.get('src/mod.js#store.twice') as Extract<EntrySpec, { lift: unknown }>;
    expect(twice.lift.call(self, [], undefined)[0].call(self, 2)).toBe(32);
  });

  it('refuses to copy a function that uses a variable of an enclosing scope the analysis did not list', () => {
    const source = 'function make(base) {\n  const hidden = base + 1;\n  return (x) => x + hidden;\n}';
    const code = transformed(source, { mode: 'clone', points: [{ id: 'src/mod.js#make.<anonymous 1>', captured: [] }] });
    expect(evaluate(code).registry.entries.has('src/mod.js#make.<anonymous 1>')).toBe(false);
  });

  it("copies a function whose nested class uses its own super, and refuses one that uses its method's super", () => {
    const source = 'const box = {\n  make() {\n    class Local extends Array { sum() { return super.length; } }\n    return new Local().sum();\n  },\n  size() { return super.toString(); },\n};';
    const code = transformed(source, {
      mode: 'clone',
      points: [
        { id: 'src/mod.js#box.make', captured: [] },
        { id: 'src/mod.js#box.size', captured: [] },
      ],
    });
    const { registry } = evaluate(code);
    expect(registry.entries.has('src/mod.js#box.make')).toBe(true);
    expect(registry.entries.has('src/mod.js#box.size')).toBe(false);
  });

  it('names class members and top-level functions for the server', () => {
    const code = transformed('class A { static make(n) { return n; } run() {} }\nfunction top(x) { return x; }', {
      mode: 'clone',
      points: [
        { id: 'src/mod.js#A.static.make', captured: [] },
        { id: 'src/mod.js#A.run', captured: [] },
        { id: 'src/mod.js#top', captured: [] },
      ],
    });
    const { registry } = evaluate(code);
    expect(registry.entries.get('src/mod.js#A.static.make')).toMatchObject({ cls: 'A', member: 'make', isStatic: true, kind: 'method' });
    expect(registry.entries.get('src/mod.js#A.run')).toMatchObject({ cls: 'A', member: 'run', isStatic: false, kind: 'method' });
    expect((registry.entries.get('src/mod.js#top') as Extract<EntrySpec, { fn: unknown }>).fn()(4)).toBe(4);
  });
});
