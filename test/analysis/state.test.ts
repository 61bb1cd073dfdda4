import { analyzeApp, explainMethod } from '../../src/analysis/index.js';
import type { AnalysisResult, Reason, StateBinding } from '../../src/analysis/types.js';
import { bundledCatalog, fixture } from './helpers.js';

const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device'), bundledCatalog('react-native')];
const analyze = (name: string): AnalysisResult => analyzeApp({ appDir: fixture(name), catalogs });

/** id -> a candidate's state, or the rules that make the method no candidate. */
const outcome = (r: AnalysisResult) => Object.fromEntries(r.methods.map((m) => [m.id, m.candidate ? m.state : m.reasons.map((x) => x.rule)]));
const stateReasons = (r: AnalysisResult, id: string): Reason[] => r.methods.find((m) => m.id === id)!.reasons.filter((x) => x.rule === 'state');
const mod = (file: string, name: string, line: number, access: StateBinding['access'] = 'read'): StateBinding => ({ scope: 'module', file, name, line, access });
const cap = (file: string, name: string, line: number, access: StateBinding['access'] = 'read'): StateBinding => ({ scope: 'captured', file, name, line, access });

describe('module bindings', () => {
  test('a counter read and written (state-counter)', () => {
    const C = 'src/counter.ts';
    expect(outcome(analyze('state-counter'))).toEqual({
      [`${C}#addTwice`]: [mod(C, 'count', 1, 'read-write')], // += and count = count + n
      [`${C}#bump`]: [mod(C, 'count', 1, 'read-write')], // ++
      [`${C}#peek`]: [mod(C, 'count', 1, 'read')],
      [`${C}#reset`]: [mod(C, 'count', 1, 'write')],
    });
  });

  test('a const Map, a const made by a call and destructured consts are listed (state-table)', () => {
    const T = 'src/table.ts';
    expect(outcome(analyze('state-table'))).toEqual({
      [`${T}#buildTable`]: [],
      [`${T}#buildTable.<anonymous 1>`]: [],
      [`${T}#clamp`]: [mod(T, 'high', 12), mod(T, 'low', 12)],
      [`${T}#lookup`]: [mod(T, 'table', 1)],
      [`${T}#square`]: [mod(T, 'BIG', 10)],
    });
  });

  test('primitive consts are not listed (state-primitive)', () => {
    expect(outcome(analyze('state-primitive'))).toEqual({ 'src/limits.ts#describe': [] });
  });

  test('consts bound to functions and classes, an unwritten let and an alias of code are not listed (state-const-function)', () => {
    const M = 'src/math.ts';
    expect(outcome(analyze('state-const-function'))).toEqual({
      [`${M}#Shape.constructor`]: [],
      [`${M}#combine`]: [],
      [`${M}#double`]: [],
      [`${M}#half`]: [],
      [`${M}#square`]: [],
      [`${M}#triple`]: [],
    });
  });

  test('an export let through a named import, a re-export and a namespace import is the declaring module\'s (state-import)', () => {
    const counter = mod('src/state.ts', 'counter', 1);
    expect(outcome(analyze('state-import'))).toEqual({
      'src/named.ts#shown': [counter],
      'src/namespace.ts#doubled': [counter], // st.counter
      'src/namespace.ts#everything': [counter], // Object.keys(st) may read any export
      'src/reexported.ts#report': [counter], // import { total } from './index.js'
      'src/state.ts#increment': [mod('src/state.ts', 'counter', 1, 'read-write')],
    });
  });

  test('transitive through callees in another module, access kinds unioned (state-transitive)', () => {
    const S = 'src/store.ts';
    const cache = mod(S, 'cache', 1);
    const hits = mod(S, 'hits', 2, 'read-write');
    const r = analyze('state-transitive');
    expect(outcome(r)).toEqual({
      'src/compute.ts#fib': [cache, hits], // recursive: one component with its callees' state
      'src/compute.ts#run': [mod('src/compute.ts', 'runs', 3, 'read-write'), cache, hits],
      [`${S}#recall`]: [cache, hits],
      [`${S}#remember`]: [cache], // cache.set(...) changes the Map, not the binding
    });
    expect(explainMethod(r, 'src/compute.ts#run').lines).toEqual([
      'src/compute.ts#run (src/compute.ts:13): candidate',
      '  may migrate: not pinned, reaches no pinned method, its boundary is serializable',
      '  state: reads src/store.ts#cache (src/store.ts:1); reads and writes src/compute.ts#runs (src/compute.ts:3), src/store.ts#hits (src/store.ts:2)',
    ]);
    expect(explainMethod(r, 'src/store.ts#remember').lines[2]).toBe('  state: reads src/store.ts#cache (src/store.ts:1)');
  });
});

describe('captured bindings', () => {
  test('a closure reads a captured parameter and constant, also in a function nested in it, or run by other code (state-captured-read)', () => {
    const S = 'src/scale.ts';
    const C = 'src/client.ts';
    const both = [cap(S, 'factor', 1), cap(S, 'offset', 2)];
    expect(outcome(analyze('state-captured-read'))).toEqual({
      [`${S}#makeScaler`]: ['not-serializable'], // returns a function
      [`${S}#makeScaler.<anonymous 1>`]: both,
      [`${S}#makeScaler.<anonymous 1>.<anonymous 1>`]: both,
      [`${C}#makeClient`]: ['not-serializable'],
      [`${C}#makeClient.send`]: ['state'], // captures options, which holds a function
      [`${C}#suite`]: ['not-serializable'],
      [`${C}#suite.<anonymous 1>`]: [cap(C, 'client', 18), cap(C, 'dynamic', 17)], // dynamic: through send, outside suite
      [`${C}#suite.headers`]: [cap(C, 'dynamic', 17)],
    });
  });

  test('closures write captured lets, also through a helper declared beside them (state-captured-write)', () => {
    const T = 'src/tally.ts';
    expect(outcome(analyze('state-captured-write'))).toEqual({
      [`${T}#makeResetter`]: ['not-serializable'],
      [`${T}#makeResetter.<anonymous 1>`]: [cap(T, 'value', 19, 'write')],
      [`${T}#makeTally`]: [], // sum and last are its own locals, made anew on the clone
      // Its copy on the clone would call remember(), a function of makeTally's scope that no call carries: the run-time keeps it home.
      [`${T}#makeTally.add`]: ['state'],
      [`${T}#makeTally.remember`]: [cap(T, 'last', 3, 'write')],
      [`${T}#makeTally.total`]: [cap(T, 'last', 3), cap(T, 'sum', 2)],
    });
  });

  test("an arrow's captured `this` is listed, and judged like `this` (state-arrow-this)", () => {
    const C = 'src/counter.ts';
    const r = analyze('state-arrow-this');
    expect(outcome(r)).toEqual({
      [`${C}#Counter.bumpAll`]: [],
      [`${C}#Counter.bumpAll.<anonymous 1>`]: [cap(C, 'this', 5)], // this of bumpAll (line 5)
      [`${C}#Counter.bumpAll.<anonymous 1>.<anonymous 1>`]: [cap(C, 'this', 5)],
      [`${C}#Counter.plain`]: [],
      [`${C}#Counter.plain.<anonymous 1>`]: [], // a function expression has its own this
      [`${C}#Emitter.fire`]: ['not-serializable'],
      [`${C}#Emitter.fire.<anonymous 1>`]: ['state'],
      [`${C}#Emitter.listener`]: ['not-serializable'],
    });
    expect(stateReasons(r, `${C}#Emitter.fire.<anonymous 1>`)[0]!.message).toBe(
      "captures 'this' (src/counter.ts:24), of type 'Emitter' (property 'listener': function), which cannot cross to the clone (at src/counter.ts:25)",
    );
  });

  test('a captured function makes its users no candidates, also through a helper; a recursive call does not (state-captured-function)', () => {
    const E = 'src/events.ts';
    const R = 'src/recurse.ts';
    const r = analyze('state-captured-function');
    expect(outcome(r)).toEqual({
      [`${E}#swapped`]: ['not-serializable'],
      [`${E}#swapped.<anonymous 1>`]: ['state'], // pick is written by swapped itself
      [`${E}#swapped.pick`]: [],
      [`${E}#swapped.pick~2`]: [],
      [`${E}#viaHelper`]: ['not-serializable', 'not-serializable'],
      [`${E}#viaHelper.<anonymous 1>`]: ['state'],
      [`${E}#viaHelper.notify`]: ['state'],
      [`${E}#withHandler`]: ['not-serializable', 'not-serializable'],
      [`${E}#withHandler.<anonymous 1>`]: [], // (a, b) => a + b
      [`${E}#withHandler.<anonymous 2>`]: ['state'],
      [`${R}#noop`]: [],
      [`${R}#visit`]: ['not-serializable'],
      [`${R}#visit.deeper`]: [cap(R, 'depth', 2)], // visit() makes a new onLeaf: not deeper's
      [`${R}#visit.leaf`]: ['state'],
    });
    const own = stateReasons(r, `${E}#withHandler.<anonymous 2>`)[0]!;
    expect(own.message).toBe("captures 'handle' (src/events.ts:1), of type '(n: number) => void' (function), which cannot cross to the clone (at src/events.ts:4)");
    expect(own.site).toBe('src/events.ts:4:5');
    const via = stateReasons(r, `${E}#viaHelper.<anonymous 1>`)[0]!;
    expect(via.message).toBe(
      "may reach a use of 'handle' (src/events.ts:9), of type '(n: number) => void' (function), which cannot cross to the clone: " +
        'src/events.ts#viaHelper.<anonymous 1> -> src/events.ts#viaHelper.notify (called at src/events.ts:11), which captures it at src/events.ts:10',
    );
    expect(via.via).toEqual([`${E}#viaHelper.<anonymous 1>`, `${E}#viaHelper.notify`]);
    expect(via.path?.map((e) => [e.from, e.to, e.site])).toEqual([[`${E}#viaHelper.<anonymous 1>`, `${E}#viaHelper.notify`, 'src/events.ts:11:16']]);
  });
});

describe('state that cannot cross', () => {
  test('a module let holding a function written elsewhere, and a const function made at run time (state-reassigned-function)', () => {
    const H = 'src/handlers.ts';
    const r = analyze('state-reassigned-function');
    expect(outcome(r)).toEqual({
      [`${H}#apply`]: ['state'],
      [`${H}#applyScaled`]: ['state'],
      [`${H}#makeScaler`]: ['not-serializable'],
      [`${H}#makeScaler.<anonymous 1>`]: [cap(H, 'k', 13)],
      [`${H}#onValue`]: [], // the initial handler itself
      [`${H}#pure`]: [],
      [`${H}#setHandler`]: ['not-serializable'],
    });
    expect(stateReasons(r, `${H}#apply`).map((x) => x.message)).toEqual([
      'reads src/handlers.ts#onValue (src/handlers.ts:3), a function held in a variable written at src/handlers.ts:6, which cannot cross to the clone (at src/handlers.ts:10)',
    ]);
    expect(stateReasons(r, `${H}#applyScaled`).map((x) => x.message)).toEqual([
      'reads src/handlers.ts#scaled (src/handlers.ts:17), a function made at run time (src/handlers.ts:17), which may hold captured state and cannot cross to the clone (at src/handlers.ts:20)',
    ]);
  });

  test('functions held in module data: a table of code crosses, a function made at run time or an array does not (state-function-tables)', () => {
    const T = 'src/tables.ts';
    const r = analyze('state-function-tables');
    expect(outcome(r)).toEqual({
      [`${T}#memoize`]: ['not-serializable', 'not-serializable'],
      [`${T}#memoize.<anonymous 1>`]: ['state'],
      [`${T}#parseA`]: [],
      [`${T}#parseB`]: [],
      [`${T}#parseCached`]: ['state'],
      [`${T}#parseWith`]: [mod(T, 'parsers', 11)],
      [`${T}#parsers.c`]: [],
      [`${T}#runHooks`]: ['state'],
    });
    expect(stateReasons(r, `${T}#parseCached`)[0]!.message).toBe(
      "reads src/tables.ts#cached (src/tables.ts:13), whose property 'a' (src/tables.ts:13) holds a function made at run time, which cannot cross to the clone (at src/tables.ts:22)",
    );
    expect(stateReasons(r, `${T}#runHooks`)[0]!.message).toBe(
      "reads src/tables.ts#hooks (src/tables.ts:15), of type '((s: string) => number)[]' (function), which may hold functions made at run time and cannot cross to the clone (at src/tables.ts:27)",
    );
  });

  test('a WeakMap memo, a promise and a symbol held in a let; a symbol const is a constant (state-weakmap)', () => {
    const M = 'src/memo.ts';
    const r = analyze('state-weakmap');
    expect(outcome(r)).toEqual({
      [`${M}#isReady`]: ['state'],
      [`${M}#keyName`]: [],
      [`${M}#norm`]: ['state'],
      [`${M}#rotate`]: ['state'],
      [`${M}#total`]: ['state'],
      [`${M}#total.<anonymous 1>`]: ['state'],
    });
    expect(stateReasons(r, `${M}#norm`)[0]!.message).toBe(
      "reads src/memo.ts#memo (src/memo.ts:6), of type 'WeakMap<Point, number>' (WeakMap cannot be cloned), which cannot cross to the clone (at src/memo.ts:9)",
    );
    const total = stateReasons(r, `${M}#total`)[0]!;
    expect(total.message).toBe(
      "may reach a use of src/memo.ts#memo (src/memo.ts:6), of type 'WeakMap<Point, number>' (WeakMap cannot be cloned), which cannot cross to the clone: " +
        'src/memo.ts#total -> src/memo.ts#total.<anonymous 1> (called at src/memo.ts:17) -> src/memo.ts#norm (called at src/memo.ts:17), which reads it at src/memo.ts:9',
    );
    expect(total.via).toEqual([`${M}#total`, `${M}#total.<anonymous 1>`, `${M}#norm`]);
    expect(total.site).toBe('src/memo.ts:17:20');
    expect(stateReasons(r, `${M}#isReady`)[0]!.message).toContain("of type 'Promise<number>' (Promise cannot be cloned)");
    expect(stateReasons(r, `${M}#rotate`)[0]!.message).toMatch(/^reads and writes src\/memo\.ts#current \(src\/memo\.ts:28\), of type 'symbol' \(symbol\)/);
    expect(explainMethod(r, `${M}#total`).lines).toEqual([
      `${M}#total (${M}:16): not a candidate`,
      `  state: ${total.message}`,
      `    ${M}#total -> ${M}#total.<anonymous 1>  [callback] at ${M}:17:20`,
      `    ${M}#total.<anonymous 1> -> ${M}#norm  [direct] at ${M}:17:34`,
    ]);
  });

  test('the constructor of a derived class, not of its base (state-derived-constructor)', () => {
    const S = 'src/shapes.ts';
    const r = analyze('state-derived-constructor');
    expect(outcome(r)).toEqual({
      [`${S}#Shape.area`]: [],
      [`${S}#Shape.constructor`]: [],
      [`${S}#Square.area`]: [],
      [`${S}#Square.constructor`]: ['state'],
      [`${S}#Tagged.constructor`]: ['state'], // implicit, running field initialisers after super()
    });
    expect(stateReasons(r, `${S}#Square.constructor`)[0]).toEqual({
      rule: 'state',
      message: "constructor of 'Square', which extends 'Shape': 'this' does not exist before super() returns, so the run-time cannot carry it (src/shapes.ts:12)",
      site: 'src/shapes.ts:12:3',
    });
  });

  test('generators and async generators (state-generator)', () => {
    const S = 'src/seq.ts';
    const r = analyze('state-generator');
    expect(outcome(r)).toEqual({ [`${S}#chunks`]: ['state'], [`${S}#range`]: ['state'], [`${S}#sum`]: [] });
    expect(stateReasons(r, `${S}#range`)[0]!.message).toBe('a generator: its body runs after the call returns, as the caller iterates its result (src/seq.ts:1)');
    expect(stateReasons(r, `${S}#chunks`)[0]!.message).toMatch(/^an async generator: /);
  });

  test('async functions and sync functions returning promises; the sync helper they call stays a candidate (state-async)', () => {
    const J = 'src/jobs.ts';
    const r = analyze('state-async');
    expect(outcome(r)).toEqual({
      [`${J}#Queue.drain`]: ['state'], // an async method, even with no await
      [`${J}#deferred`]: ['not-serializable'], // Promise<number>, declared
      [`${J}#inferred`]: ['not-serializable'], // Promise<number>, inferred
      [`${J}#later`]: ['state'], // an async arrow
      [`${J}#load`]: ['state'], // awaits
      [`${J}#quick`]: ['state'], // no await
      [`${J}#settled`]: ['not-serializable'], // PromiseLike<number>
      [`${J}#tally`]: [], // the sync work they call stays a candidate
      [`${J}#ticket`]: ['not-serializable'], // a thenable of the app's own
    });
    expect(stateReasons(r, `${J}#load`)[0]!.message).toBe(
      "an async function: its body goes on after the call returns, interleaved with the device's other work, so the clone cannot run it as one call (move its work into a synchronous function, which can migrate) (src/jobs.ts:8)",
    );
    const deferred = r.methods.find((m) => m.id === `${J}#deferred`)!.reasons;
    expect(deferred.map((x) => x.message)).toEqual([
      "result has type 'Promise<number>', a promise: the caller goes on while it settles, interleaved with the device's other work, so the clone cannot answer it as one call (src/jobs.ts:28)",
    ]);
  });

  test('forms the run-time cannot carry are no candidates, by its own test; those it can stay candidates (state-runtime-forms)', () => {
    const F = 'src/forms.ts';
    const r = analyze('state-runtime-forms');
    expect(outcome(r)).toEqual({
      [`${F}#idsOf`]: [],
      [`${F}#idsOf.<anonymous 1>`]: ['state'], // a computed key in a destructured parameter
      [`${F}#makeCounter`]: [],
      [`${F}#makeCounter.Local.constructor`]: ['state'], // declared inside a function
      [`${F}#makeCounter.Local.twice`]: ['state'],
      [`${F}#levels`]: [],
      [`${F}#levels.<anonymous 1>`]: ['state'], // reads the function's enum, not the module's Level
      [`${F}#pad`]: [], // an inert default
      [`${F}#pairs`]: [],
      [`${F}#pairs.<anonymous 1>`]: [], // destructured arrow parameters: the wrapper rebuilds them
      [`${F}#pairs.<anonymous 2>`]: [],
      [`${F}#shadowed`]: [],
      [`${F}#shadowed.<anonymous 1>`]: [], // its 'row' is its own loop's, not the enclosing one's
      // An effectful default: a call that leaves the parameter out stays on the device (the wrapper's guard), one that passes it migrates.
      [`${F}#tag`]: [{ scope: 'module', file: 'src/forms.ts', name: 'nextId', line: 2, access: 'read-write' }],
    });
    expect(stateReasons(r, `${F}#makeCounter.Local.twice`)[0]!.message).toMatch(/^the run-time cannot carry it: its class is declared inside a function/);
    expect(stateReasons(r, `${F}#idsOf.<anonymous 1>`)[0]!.message).toMatch(/^the run-time cannot carry it: a computed key in a destructured parameter \(prefix \+ 'Id'\) would be evaluated again/);
    expect(stateReasons(r, `${F}#levels.<anonymous 1>`)[0]!.message).toMatch(/^the run-time cannot carry it: it uses 'Level' of a scope around it, which its carried state does not hold/);
  });

  test('pure computations next to device code stay candidates with no state (state-device-neighbour)', () => {
    const F = 'src/files.ts';
    expect(outcome(analyze('state-device-neighbour'))).toEqual({
      [`${F}#load`]: ['pinned'],
      [`${F}#loadMean`]: ['reaches-pinned'],
      [`${F}#mean`]: [],
      [`${F}#mean.<anonymous 1>`]: [],
      [`${F}#parse`]: [], // SEPARATOR is a primitive constant
      [`${F}#parse.<anonymous 1>`]: [],
    });
  });
});

describe('state no call carries', () => {
  test("static fields and namespaces' variables: changed after load or computed as the class loads, not candidates; read-only tables, plain regexps, load-time writes and primitives never written are fine (state-static)", () => {
    const C = 'src/counter.ts';
    const G = 'src/config.ts';
    const r = analyze('state-static');
    expect(outcome(r)).toEqual({
      [`${G}#Config.static.<init>`]: [mod(G, 'shared', 1)],
      [`${G}#bumpShared`]: [mod(G, 'shared', 1)],
      [`${G}#fallback`]: ['state'], // FALLBACK is the object of a module binding
      [`${G}#level`]: ['state'], // written by another module's top-level code
      [`${G}#retries`]: [], // a static readonly table, read through
      [`${C}#Counter.bump`]: ['state'], // Counter.total++
      [`${C}#Counter.cached`]: ['state'], // cache.set() elsewhere
      [`${C}#Counter.label`]: [], // NAME through this.constructor; names.slice() of strings; pushes at load only
      [`${C}#Counter.limitFor`]: [],
      [`${C}#Counter.matches`]: [], // a regexp without g or y
      [`${C}#Counter.remember`]: ['state'],
      [`${C}#Counter.seen`]: ['state'], // this.constructor.total
      [`${C}#Counter.static.<init>`]: [],
      [`${C}#Counter.static.make`]: ['state'], // static #made
      [`${C}#report`]: [],
      [`${C}#summary`]: ['state'],
      [`${C}#tally`]: ['state'], // through bump
      [`${C}#totalByPattern`]: ['state'], // const { total } = Counter
      [`${C}#totalOf`]: ['state'], // Counter['total']
      [`${C}#nameOf`]: [], // const { NAME } = Counter: a constant
      'src/registry.ts#add': ['state', 'state'], // a namespace's variables: size++, seen.add()
      'src/registry.ts#kind': ['state'], // a namespace's constant: the run-time's copy of kind() would not find KIND
      'src/registry.ts#sizeOf': ['state'], // Registry.size
      // Computed as the class loads: the clone computes its own (a name is not followed: kept off too).
      'src/policy.ts#seed': ['state'], // Math.random()
      'src/policy.ts#started': ['state'], // Date.now()
      'src/policy.ts#base': ['state'], // BASE
      'src/policy.ts#high': [], // literals, arithmetic and a template of them
      'src/policy.ts#hasKind': [], // an empty Set, never changed
      'src/policy.ts#Policy.static.<init>': [],
      // Set in a `static {}` block: by what each side computes for itself, or by literals alike on both.
      'src/policy.ts#flagLevel': ['state'], // Date.now() % 7
      'src/policy.ts#flagNames': ['state'], // push(String(Math.random()))
      'src/policy.ts#flagCount': [], // += 2 and ++ of a literal
      'src/policy.ts#flagLabel': [], // a template of literals
      'src/policy.ts#Flags.static.<init>': [],
    });
    const tail = 'static fields stay with the class on each side, and a call does not carry them';
    expect(stateReasons(r, `${C}#Counter.bump`)[0]!.message).toBe(
      `reads and writes static field Counter.total (${C}:2), assigned at ${C}:15 after load: ${tail} (at ${C}:15)`,
    );
    expect(stateReasons(r, `${C}#Counter.cached`)[0]!.message).toBe(
      `reads static field Counter.cache (${C}:6), changed (.set() called) at ${C}:36 after load: ${tail} (at ${C}:32)`,
    );
    expect(stateReasons(r, `${C}#Counter.static.make`)[0]!.message).toMatch(/^reads and writes static field Counter\.#made \(src\/counter\.ts:7\)/);
    expect(stateReasons(r, `${G}#level`)[0]!.message).toBe(
      `reads static field Config.level (${G}:4), assigned at src/main.ts:4 as another module loads, which the clone may not load: ${tail} (at ${G}:14)`,
    );
    expect(stateReasons(r, `${G}#fallback`)[0]!.message).toBe(
      `reads static field Config.FALLBACK (${G}:6), given at ${G}:6 an object that other code holds too: ${tail} (at ${G}:18)`,
    );
    expect(stateReasons(r, 'src/policy.ts#flagLevel')[0]!.message).toBe(
      `reads static field Flags.level (src/policy.ts:34), computed as its class loads (src/policy.ts:39), which the clone does again and may get another value: ${tail} (at src/policy.ts:48)`,
    );
    expect(stateReasons(r, 'src/registry.ts#sizeOf')[0]!.message).toBe(
      "reads namespace variable Registry.size (src/registry.ts:2), assigned at src/registry.ts:8 after load: a namespace's variables stay with it on each side, and a call does not carry them (at src/registry.ts:17)",
    );
    const via = stateReasons(r, `${C}#tally`)[0]!;
    expect(via.message).toBe(
      `may reach a use of static field Counter.total (${C}:2), assigned at ${C}:15 after load: ${tail}: ${C}#tally -> ${C}#Counter.bump (called at ${C}:60), which reads and writes it at ${C}:15`,
    );
    expect(via.via).toEqual([`${C}#tally`, `${C}#Counter.bump`]);
  });

  test('globals: written under the call, or read where the app writes them; built-ins read are fine (state-globals)', () => {
    const E = 'src/env.ts';
    const r = analyze('state-globals');
    expect(outcome(r)).toEqual({
      [`${E}#appName`]: ['state'], // set by Object.assign(globalThis, { appName })
      [`${E}#circle`]: [], // Math.PI
      [`${E}#countRun`]: ['state'], // ++appRuns, declared by `declare global`
      [`${E}#describe`]: ['reaches-pinned'], // calls mode
      [`${E}#exitCodeOf`]: ['state'], // process.exitCode, which fail() sets
      [`${E}#fail`]: ['state'],
      [`${E}#flagged`]: ['state'],
      [`${E}#install`]: ['state'],
      [`${E}#mode`]: ['pinned'], // process.env: the device's environment, not the clone's (node-device catalog)
      [`${E}#runs`]: ['state'], // self.appRuns
      [`${E}#setFlag`]: ['state'], // globalThis['flag'] = true
      [`${E}#start`]: ['state'],
      [`${E}#tracked`]: ['state'], // through runs()
    });
    const tail = 'globals stay on each side, and a call does not carry them';
    expect(stateReasons(r, `${E}#start`)[0]!.message).toBe(`writes global globalThis.appRuns: ${tail} (at ${E}:6)`);
    expect(stateReasons(r, `${E}#runs`)[0]!.message).toBe(`reads global globalThis.appRuns, which the app writes at ${E}:6: ${tail} (at ${E}:14)`);
    expect(stateReasons(r, `${E}#exitCodeOf`)[0]!.message).toBe(`reads global process.exitCode, which the app writes at ${E}:30: ${tail} (at ${E}:34)`);
    expect(stateReasons(r, `${E}#tracked`)[0]!.message).toBe(
      `may reach a use of global globalThis.appRuns, which the app writes at ${E}:6: ${tail}: ${E}#tracked -> ${E}#runs (called at ${E}:54), which reads it at ${E}:14`,
    );
  });

  test('a global read after a module variable of the same name is still a read of the global (state-globals-shadowed)', () => {
    const E = 'src/env.ts';
    const S = 'src/shadow.ts';
    const B = 'src/block.ts';
    const N = 'src/named.ts';
    const r = analyze('state-globals-shadowed');
    expect(outcome(r)).toEqual({
      [`${E}#start`]: ['state'],
      [`${B}#blockThenGlobal`]: ['state'], // the bare appRuns after the block's own
      [`${N}#callThenGlobal`]: ['state'], // globalThis.appRuns, after a call of the app's function appRuns
      ['src/runs.ts#appRuns']: [],
      [`${S}#local`]: [], // the imported appRuns only
      [`${S}#sameAsGlobal`]: ['state'], // globalThis.appRuns, after the imported one
    });
    expect(stateReasons(r, `${S}#sameAsGlobal`)[0]!.message).toBe(
      `reads global globalThis.appRuns, which the app writes at ${E}:6: globals stay on each side, and a call does not carry them (at ${S}:5)`,
    );
    expect(stateReasons(r, `${N}#callThenGlobal`)[0]!.message).toBe(
      `reads global globalThis.appRuns, which the app writes at ${E}:6: globals stay on each side, and a call does not carry them (at ${N}:6)`,
    );
  });

  test('instances of classes with #private members cannot cross: parameters, this, results, constructors, carried state (state-private)', () => {
    const A = 'src/account.ts';
    const r = analyze('state-private');
    expect(outcome(r)).toEqual({
      [`${A}#Account.constructor`]: ['not-serializable'], // the instance comes back without #balance
      [`${A}#Account.deposit`]: ['not-serializable'],
      [`${A}#Branded.#check`]: ['not-serializable'],
      [`${A}#Branded.ok`]: ['not-serializable'], // a private method: the brand
      [`${A}#Ledger.add`]: [], // static #count is no instance's
      [`${A}#Ledger.static.next`]: ['state'],
      [`${A}#Plain.deposit`]: [], // TypeScript's `private` and plain fields cross
      [`${A}#balanceOf`]: ['not-serializable'],
      [`${A}#lockedOf`]: ['not-serializable'], // Vault inherits #balance
      [`${A}#mainOwner`]: ['state'],
      [`${A}#open`]: ['not-serializable'],
      [`${A}#record`]: [],
      [`${A}#sum`]: [],
      [`${A}#sum.<anonymous 1>`]: [],
    });
    const reasons = (id: string) => r.methods.find((m) => m.id === id)!.reasons.map((x) => x.message);
    const lost = "an instance of 'Account' has private field '#balance', which no serializer can see or restore: it would arrive without it";
    expect(reasons(`${A}#balanceOf`)).toEqual([`parameter 'a' has type 'Account', which cannot cross the boundary: ${lost} (${A}:53)`]);
    expect(reasons(`${A}#Account.constructor`)).toEqual([`the instance it makes cannot come back from the clone: ${lost} (${A}:5)`]);
    expect(reasons(`${A}#lockedOf`)).toEqual([
      `parameter 'w' has type '{ vault: Vault; }', which cannot cross the boundary: property 'vault': an instance of 'Vault' has private field '#balance' (declared in 'Account'), which no serializer can see or restore: it would arrive without it (${A}:61)`,
    ]);
    expect(reasons(`${A}#Branded.ok`)[0]).toContain("has private method '#check', which no serializer can see or restore: it would arrive without the brand it checks");
    expect(reasons(`${A}#mainOwner`)).toEqual([`reads ${A}#main (${A}:51), of type 'Account' (${lost}), which cannot cross to the clone (at ${A}:66)`]);
  });

  test("a module compiled to CommonJS: exported variables live on exports, JavaScript's exports.x likewise; unchanged ones are fine (state-commonjs)", () => {
    const S = 'src/state.ts';
    const L = 'src/legacy.js';
    const r = analyze('state-commonjs');
    expect(outcome(r)).toEqual({
      [`${L}#hit`]: ['state'], // exports.hits++
      [`${L}#nameAt`]: [], // exports.names, read through
      [`${L}#touch`]: ['state'], // an undeclared assignment makes a global
      [`${L}#touchedAt`]: ['state'],
      'src/reader.ts#current': ['state'], // counter, through the import
      'src/reader.ts#first': [], // table: never changed
      'src/reader.ts#hitsNow': ['state'],
      [`${S}#bump`]: ['state'],
      [`${S}#bumpHidden`]: ['state'], // `let hidden; export { hidden }` is copied to exports on each write
      [`${S}#lookup`]: [],
      [`${S}#tick`]: [mod(S, 'local', 5, 'read-write')], // not exported: a binding the run-time carries
      'src/literal.js#module.exports.bump': ['state'], // module.exports = { count: 0, bump() { module.exports.count++ } }
      'src/user.js#countNow': ['state'], // require('./literal').count
      'src/user.js#firstName': [],
      'src/user.js#labelNow': [], // never changed
      'src/user.js#lastHits': ['state'], // legacy.hits of require('./legacy')
    });
    expect(stateReasons(r, 'src/reader.ts#current')[0]!.message).toBe(
      `reads ${S}#counter (${S}:1), assigned at ${S}:9 after load: exported from a module compiled to CommonJS, it lives on the module's exports, which a call does not carry (at src/reader.ts:5)`,
    );
    expect(stateReasons(r, `${L}#hit`)[0]!.message).toBe(
      `reads and writes exports.hits of ${L} (${L}:1), assigned at ${L}:5 after load: a CommonJS module's exports stay on each side, and a call does not carry them (at ${L}:5)`,
    );
  });

  test('the same exported let under ES modules is a binding the run-time carries (state-import)', () => {
    expect(outcome(analyze('state-import'))['src/state.ts#increment']).toEqual([mod('src/state.ts', 'counter', 1, 'read-write')]);
  });

  test("functions the run-time copies to the module's top level: super, and an arrow's arguments and new.target (state-lifted)", () => {
    const F = 'src/lifted.ts';
    const r = analyze('state-lifted');
    expect(outcome(r)).toEqual({
      [`${F}#Shape.area`]: [],
      [`${F}#Square.area`]: [],
      [`${F}#Square.area.base`]: ['state'], // super.area() in an arrow
      [`${F}#Square.half`]: [],
      [`${F}#Square.half.f`]: [], // a function expression's own arguments
      [`${F}#made`]: [],
      [`${F}#made.how`]: ['state'], // new.target
      [`${F}#sumAll`]: [],
      [`${F}#sumAll.add`]: ['state'], // arguments of sumAll
      [`${F}#table.describe`]: ['state'], // super in an object literal's method
      [`${F}#table.plain`]: [],
      [`${F}#total`]: [],
      [`${F}#total.twice`]: [],
    });
    expect(stateReasons(r, `${F}#sumAll.add`)[0]).toEqual({
      rule: 'state',
      message: `an arrow function that uses 'arguments' of its enclosing function: the run-time runs a copy of it at its module's top level on the clone, where 'arguments' is another's (at ${F}:4)`,
      site: `${F}:4:21`,
    });
    expect(stateReasons(r, `${F}#Square.area.base`)[0]!.message).toMatch(/^an arrow function that uses super of its class: /);
    expect(stateReasons(r, `${F}#table.describe`)[0]!.message).toMatch(/^a function that uses super of its object literal: /);
  });

  test('a module binding changed through an alias, also a captured one, is listed (state-alias)', () => {
    const A = 'src/alias.ts';
    expect(outcome(analyze('state-alias'))).toEqual({
      [`${A}#makeCounter`]: ['not-serializable'],
      [`${A}#makeCounter.<anonymous 1>`]: [cap(A, 't', 14), mod(A, 'table', 1)], // one object, shared in one request
      [`${A}#makeReader`]: ['not-serializable'],
      [`${A}#makeReader.<anonymous 1>`]: [cap(A, 't', 9)],
      [`${A}#record`]: [mod(A, 'table', 1)], // const t = table; t.set(...)
    });
  });
});
