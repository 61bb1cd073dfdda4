import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, edgeRows as edges, fixture } from './helpers.js';

describe('computed keys with a finite type, stores through them (calls-keys)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-keys'), catalogs: [] })));
  const K = 'src/keys.ts';

  test('every property the key may name, and what was stored over those methods', () => {
    expect(edges(r)).toEqual([
      // r[k].call(r, s), K extends keyof Renderer: the read hands out each method, the call runs it
      [`${K}#anyKey`, `${K}#Renderer.bold`, `${K}:22:12`, 'callback'],
      [`${K}#anyKey`, `${K}#Renderer.bold`, `${K}:22:15`, 'callback'],
      [`${K}#anyKey`, `${K}#Renderer.code`, `${K}:22:12`, 'callback'],
      [`${K}#anyKey`, `${K}#Renderer.code`, `${K}:22:15`, 'callback'],
      [`${K}#anyKey`, `${K}#Renderer.text`, `${K}:22:12`, 'callback'],
      [`${K}#anyKey`, `${K}#Renderer.text`, `${K}:22:15`, 'callback'],
      [`${K}#anyKey`, `${K}#wrapAll.<anonymous 1>`, `${K}:22:12`, 'callback'],
      [`${K}#anyKey`, `${K}#wrapAll.<anonymous 1>`, `${K}:22:15`, 'callback'],
      // r[op](s), op: an enum of 'text' and 'code'
      [`${K}#byEnum`, `${K}#Renderer.code`, `${K}:31:10`, 'method'],
      [`${K}#byEnum`, `${K}#Renderer.text`, `${K}:31:10`, 'method'],
      [`${K}#byEnum`, `${K}#wrapAll.<anonymous 1>`, `${K}:31:10`, 'callback'],
      [`${K}#lookup`, `${K}#table.up`, `${K}:59:10`, 'callback'], // a string key: candidates, and unresolved
      // extra[k] with k: 'text' | 'other': 'text' is a member (of a type literal, so of classes and
      // literals with its shape), 'other' only an index signature: candidates, and unresolved
      [`${K}#mixed`, `${K}#Renderer.text`, `${K}:66:19`, 'callback'],
      [`${K}#mixed`, `${K}#extra.text`, `${K}:66:19`, 'callback'],
      [`${K}#mixed`, `${K}#extra.text`, `${K}:67:17`, 'callback'],
      // ... and, `text` being a method of that type literal, what is stored under the name anywhere
      // (names only, as for a member declared as a property): Counter's and the wrapper
      [`${K}#mixed`, `${K}#patch.c.text`, `${K}:66:19`, 'callback'],
      [`${K}#mixed`, `${K}#wrapAll.<anonymous 1>`, `${K}:66:19`, 'callback'],
      // r.text() may run the wrapper stored by r[k] = ...; r.code() may not ('code' is not a Style)
      [`${K}#render`, `${K}#Renderer.code`, `${K}:42:26`, 'method'],
      [`${K}#render`, `${K}#Renderer.text`, `${K}:42:12`, 'method'],
      [`${K}#render`, `${K}#wrapAll.<anonymous 1>`, `${K}:42:12`, 'callback'],
      [`${K}#styled`, `${K}#Renderer.bold`, `${K}:18:10`, 'method'],
      [`${K}#styled`, `${K}#Renderer.text`, `${K}:18:10`, 'method'],
      [`${K}#styled`, `${K}#wrapAll.<anonymous 1>`, `${K}:18:10`, 'callback'],
      // const prev = r[k]: handed out; the store r[k] = ... itself reads nothing
      [`${K}#wrapAll`, `${K}#Renderer.bold`, `${K}:36:20`, 'callback'],
      [`${K}#wrapAll`, `${K}#Renderer.text`, `${K}:36:20`, 'callback'],
      [`${K}#wrapAll`, `${K}#wrapAll.<anonymous 1>`, `${K}:36:20`, 'callback'],
      // prev.call(r, s): the previous method, or a wrapper stored by an earlier wrapAll
      [`${K}#wrapAll.<anonymous 1>`, `${K}#Renderer.bold`, `${K}:37:27`, 'callback'],
      [`${K}#wrapAll.<anonymous 1>`, `${K}#Renderer.bold`, `${K}:37:32`, 'callback'],
      [`${K}#wrapAll.<anonymous 1>`, `${K}#Renderer.text`, `${K}:37:27`, 'callback'],
      [`${K}#wrapAll.<anonymous 1>`, `${K}#Renderer.text`, `${K}:37:32`, 'callback'],
      [`${K}#wrapAll.<anonymous 1>`, `${K}#wrapAll.<anonymous 1>`, `${K}:37:27`, 'callback'],
      [`${K}#wrapAll.<anonymous 1>`, `${K}#wrapAll.<anonymous 1>`, `${K}:37:32`, 'callback'],
    ]);
    // Counter's store (another shape) reaches no Renderer method; patch() writes, so no edge either.
    expect(r.edges.filter((e) => e.from === `${K}#patch` || (e.to.startsWith(`${K}#patch`) && e.from !== `${K}#mixed`))).toEqual([]);
  });

  test('a key typed string, or naming an index signature, stays unresolved', () => {
    expect(r.unresolved).toEqual([
      { from: `${K}#lookup`, site: `${K}:59:10`, text: 'table[name]!', reason: 'called through a computed key ([name]): the member is not known statically' },
      { from: `${K}#mixed`, site: `${K}:67:10`, text: 'f', reason: 'callee is not a statically known function' },
      { from: `${K}#mixed`, site: `${K}:67:17`, text: 'extra[k]', reason: 'called through a computed key ([k]): the member is not known statically' },
    ]);
  });
});

describe('values stored into properties (calls-stores)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-stores'), catalogs: [] })));
  const S = 'src/stores.ts';

  test('a factory result, a variable and a conditional stored into a property', () => {
    expect(edges(r)).toEqual([
      [`${S}#Job.run`, `${S}#Job.done`, `${S}:11:10`, 'callback'], // the field initialiser
      [`${S}#Job.run`, `${S}#onFail`, `${S}:11:10`, 'callback'], // j.done = pick(ok)
      [`${S}#Job.run`, `${S}#onReady`, `${S}:11:10`, 'callback'],
      [`${S}#fire`, `${S}#onReady`, `${S}:29:5`, 'callback'], // h.before = f (const f = onReady)
      [`${S}#hook`, `${S}#onReady`, `${S}:24:13`, 'callback'],
      [`${S}#hook`, `${S}#onReady`, `${S}:25:14`, 'callback'],
      [`${S}#pick`, `${S}#onFail`, `${S}:6:47`, 'callback'],
      [`${S}#pick`, `${S}#onReady`, `${S}:6:37`, 'callback'],
      [`${S}#ring`, `${S}#Slot.call`, `${S}:44:5`, 'method'], // an app method named `call`
      [`${S}#wire`, `${S}#pick`, `${S}:16:12`, 'callback'],
    ]);
  });

  test('a stored parameter that no call site fills keeps the call unresolved', () => {
    expect(r.unresolved).toEqual([{ from: `${S}#Slot.call`, site: `${S}:39:10`, text: 'this.cb', reason: 'function value stored from a parameter' }]);
  });
});

describe('values stored over members an interface declares as methods (calls-stores-method-signatures)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-stores-method-signatures'), catalogs: [] })));
  const I = 'src/internals.ts';

  test('a call through the interface runs what was stored under the method, as under a property', () => {
    expect(edges(r)).toEqual([
      [`${I}#exec`, `${I}#make.inst.parse`, `${I}:18:12`, 'callback'], // i.run(): inst.run = inst.parse
      [`${I}#finish`, `${I}#hook.h.done`, `${I}:35:5`, 'callback'], // declared as a property: as before
      [`${I}#make`, `${I}#make.inst.parse`, `${I}:13:19`, 'callback'], // inst.parse read as a value: handed on
    ]);
  });

  test('a method nothing is stored under stays unresolved', () => {
    expect(r.unresolved.map((u) => [u.from, u.text])).toEqual([[`${I}#stop`, 'c.close']]);
  });
});

describe('callbacks handed callbacks, f.call and f.apply arguments (calls-params)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-params'), catalogs: [] })));
  const P = 'src/params.ts';

  test('a function found for a parameter receives that call\'s arguments', () => {
    expect(edges(r)).toEqual([
      [`${P}#callWith`, `${P}#start.<anonymous 1>`, `${P}:18:5`, 'callback'],
      [`${P}#collect`, `${P}#collect.<anonymous 1>`, `${P}:10:8`, 'callback'],
      [`${P}#collect`, `${P}#walk`, `${P}:10:3`, 'direct'],
      [`${P}#collect.<anonymous 1>`, `${P}#walk.<anonymous 1>`, `${P}:11:17`, 'callback'], // path(): visit(0, () => ...)
      [`${P}#later`, `${P}#done`, `${P}:33:23`, 'callback'],
      [`${P}#later`, `${P}#later.<anonymous 1>`, `${P}:33:10`, 'callback'],
      [`${P}#later`, `${P}#spread`, `${P}:33:3`, 'direct'],
      [`${P}#later.<anonymous 1>`, `${P}#done`, `${P}:33:17`, 'callback'], // k(): h.apply(null, list), list[0] is what callers pass there
      [`${P}#spread`, `${P}#later.<anonymous 1>`, `${P}:29:5`, 'callback'],
      [`${P}#start`, `${P}#callWith`, `${P}:24:3`, 'direct'],
      [`${P}#start`, `${P}#done`, `${P}:24:24`, 'callback'],
      [`${P}#start`, `${P}#start.<anonymous 1>`, `${P}:24:12`, 'callback'],
      [`${P}#start.<anonymous 1>`, `${P}#done`, `${P}:24:19`, 'callback'], // k(): h.call(null, k), not null
      [`${P}#walk`, `${P}#collect.<anonymous 1>`, `${P}:5:3`, 'callback'],
      [`${P}#walk`, `${P}#walk.<anonymous 1>`, `${P}:5:12`, 'callback'],
    ]);
  });

  test('escaped callbacks keep their sites listed; an apply list not written out is followed by position, its site still listed', () => {
    const some = 'function value received as a parameter; 1 passed value(s) found, but other callers are not known statically';
    expect(r.unresolved).toEqual([
      { from: `${P}#collect.<anonymous 1>`, site: `${P}:11:17`, text: 'path', reason: some },
      { from: `${P}#later.<anonymous 1>`, site: `${P}:33:17`, text: 'k', reason: some },
      { from: `${P}#start.<anonymous 1>`, site: `${P}:24:19`, text: 'k', reason: some },
    ]);
  });
});

describe('arrays of functions (calls-arrays)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-arrays'), catalogs: [] })));
  const A = 'src/arrays.ts';

  test('callbacks of array methods and for-of variables receive the elements', () => {
    expect(edges(r)).toEqual([
      [`${A}#each`, `${A}#each.<anonymous 1>`, `${A}:15:17`, 'callback'],
      [`${A}#each.<anonymous 1>`, `${A}#load`, `${A}:15:27`, 'callback'], // steps.forEach((step) => step())
      [`${A}#each.<anonymous 1>`, `${A}#parse`, `${A}:15:27`, 'callback'],
      [`${A}#inPlace`, `${A}#check`, `${A}:24:26`, 'callback'],
      [`${A}#inPlace`, `${A}#check`, `${A}:24:39`, 'callback'], // for (const f of [load, check]) f()
      [`${A}#inPlace`, `${A}#load`, `${A}:24:20`, 'callback'],
      [`${A}#inPlace`, `${A}#load`, `${A}:24:39`, 'callback'],
      [`${A}#indexed`, `${A}#load`, `${A}:35:10`, 'callback'], // steps[i]()
      [`${A}#indexed`, `${A}#parse`, `${A}:35:10`, 'callback'],
      [`${A}#loop`, `${A}#load`, `${A}:30:39`, 'callback'], // for (const f of steps.slice())
      [`${A}#loop`, `${A}#parse`, `${A}:30:39`, 'callback'],
      [`${A}#parallel`, `${A}#check`, `${A}:19:33`, 'callback'],
      [`${A}#parallel`, `${A}#parallel.<anonymous 1>`, `${A}:19:44`, 'callback'],
      [`${A}#parallel.<anonymous 1>`, `${A}#check`, `${A}:19:60`, 'callback'], // Promise.all([...steps, check].map(...))
      [`${A}#parallel.<anonymous 1>`, `${A}#load`, `${A}:19:60`, 'callback'],
      [`${A}#parallel.<anonymous 1>`, `${A}#parse`, `${A}:19:60`, 'callback'],
    ]);
  });

  test('an array held in a variable may grow elsewhere: its sites stay listed', () => {
    expect(r.unresolved.map((u) => [u.from, u.site, u.reason])).toEqual([
      [`${A}#each.<anonymous 1>`, `${A}:15:27`, 'function value received as a parameter; 2 passed value(s) found, but other callers are not known statically'],
      [`${A}#indexed`, `${A}:35:10`, 'called through a computed key ([i]): the member is not known statically'],
      [`${A}#loop`, `${A}:30:39`, 'loop variable over an iterable whose elements are not all known statically'],
      [`${A}#parallel.<anonymous 1>`, `${A}:19:60`, 'function value received as a parameter; 3 passed value(s) found, but other callers are not known statically'],
    ]);
  });
});

describe('arrays grown after they are made (calls-arrays-grown)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-arrays-grown'), catalogs: [] })));
  const G = 'src/grown.ts';
  const R = 'src/registry.ts';

  test('what push, unshift (spread too), splice and index stores add is an element, also through an import', () => {
    expect(edges(r)).toEqual([
      [`${G}#Bus.emit`, `${G}#Bus.emit.<anonymous 1>`, `${G}:34:34`, 'callback'],
      [`${G}#Bus.emit.<anonymous 1>`, `${G}#three`, `${G}:34:48`, 'callback'], // this.listeners[at] = three
      [`${G}#Bus.on`, `${G}#three`, `${G}:30:26`, 'callback'],
      [`${G}#fireAll`, `${G}#one`, `${G}:22:34`, 'callback'], // handlers.push(one)
      [`${G}#fireAll`, `${G}#setup.<anonymous 1>`, `${G}:22:34`, 'callback'], // handlers.splice(0, 0, f), f from register(() => 4)
      [`${G}#fireAll`, `${G}#two`, `${G}:22:34`, 'callback'], // handlers.unshift(...[two])
      [`${G}#setup`, `${G}#register`, `${G}:39:3`, 'direct'],
      [`${G}#setup`, `${G}#setup.<anonymous 1>`, `${G}:39:12`, 'callback'],
      [`${R}#runTasks`, `${R}#runTasks.<anonymous 1>`, `${R}:5:23`, 'callback'],
      [`${R}#runTasks.<anonymous 1>`, 'src/plugin.ts#four', `${R}:5:37`, 'callback'], // tasks.push(four) through the import
    ]);
  });

  test('an array in a variable may still grow unseen: the sites stay listed', () => {
    expect(r.unresolved.map((u) => [u.from, u.site, u.reason])).toEqual([
      [`${G}#Bus.emit.<anonymous 1>`, `${G}:34:48`, 'function value received as a parameter; 1 passed value(s) found, but other callers are not known statically'],
      [`${G}#fireAll`, `${G}:22:34`, 'loop variable over an iterable whose elements are not all known statically'],
      [`${R}#runTasks.<anonymous 1>`, `${R}:5:37`, 'function value received as a parameter; 1 passed value(s) found, but other callers are not known statically'],
    ]);
  });
});

describe('parameters stored into properties or added to arrays (calls-stored-params)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-stored-params'), catalogs: [bundledCatalog('browser')] })));
  const E = 'src/events.ts';

  test('calls through them run what callers pass: handlers and listeners', () => {
    expect(edges(r)).toEqual([
      [`${E}#Button.click`, `${E}#beep`, `${E}:10:10`, 'callback'], // this.handler = handler; b.onClick(beep)
      [`${E}#Emitter.emit`, `${E}#log`, `${E}:22:37`, 'callback'], // this.listeners.push(listener); e.on(log)
      [`${E}#Emitter.emit`, `${E}#wire.<anonymous 1>`, `${E}:22:37`, 'callback'],
      [`${E}#wire`, `${E}#Button.onClick`, `${E}:35:5`, 'method'],
      [`${E}#wire`, `${E}#Emitter.on`, `${E}:36:5`, 'method'],
      [`${E}#wire`, `${E}#Emitter.on`, `${E}:37:5`, 'method'],
      [`${E}#wire`, `${E}#beep`, `${E}:35:13`, 'callback'],
      [`${E}#wire`, `${E}#log`, `${E}:36:8`, 'callback'],
      [`${E}#wire`, `${E}#wire.<anonymous 1>`, `${E}:37:8`, 'callback'],
      [`${E}#wire.<anonymous 1>`, `${E}#log`, `${E}:37:15`, 'direct'],
    ]);
    expect(r.unresolved.map((u) => [u.from, u.site, u.reason])).toEqual([
      [`${E}#Emitter.emit`, `${E}:22:37`, 'loop variable over an iterable whose elements are not all known statically'],
    ]);
  });

  test('a handler that reaches the device makes the method that runs it reach the device', () => {
    const click = r.methods.find((m) => m.id === `${E}#Button.click`)!;
    expect([click.candidate, click.reasons.map((x) => x.via)]).toEqual([false, [[`${E}#Button.click`, `${E}#beep`]]]);
  });
});

describe('destructured functions (calls-destructuring)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-destructuring'), catalogs: [] })));
  const D = 'src/destructuring.ts';

  test('from a variable, from a parameter (what callers pass for that property), with a default', () => {
    expect(edges(r)).toEqual([
      [`${D}#caller`, `${D}#run`, `${D}:24:3`, 'direct'],
      [`${D}#caller`, `${D}#run`, `${D}:25:3`, 'direct'],
      [`${D}#caller`, `${D}#save`, `${D}:24:15`, 'callback'],
      [`${D}#exposed`, `${D}#save`, `${D}:30:3`, 'callback'], // done?.(): what Options' `done` holds ({ done: save }), as `o.done?.()` would
      [`${D}#fromVariable`, `${D}#fail`, `${D}:10:19`, 'callback'], // reads handlers.onFail
      [`${D}#fromVariable`, `${D}#fail`, `${D}:12:3`, 'callback'], // failed()
      [`${D}#fromVariable`, `${D}#save`, `${D}:11:3`, 'callback'], // onSave()
      [`${D}#run`, `${D}#noop`, `${D}:19:23`, 'callback'],
      [`${D}#run`, `${D}#noop`, `${D}:20:3`, 'callback'], // done(): the default (run({}))
      [`${D}#run`, `${D}#save`, `${D}:20:3`, 'callback'], // done(): run({ done: save })
    ]);
  });

  test('a destructured parameter whose callers are not all known stays listed', () => {
    expect(r.unresolved).toEqual([{ from: `${D}#exposed`, site: `${D}:30:3`, text: 'done', reason: 'function value destructured from a parameter' }]);
  });
});

describe('functions taken out of arrays by position (calls-array-destructuring)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-array-destructuring'), catalogs: [] })));
  const P = 'src/pairs.ts';

  test('the element at that position of what is returned or held; any element after a spread or for a rest', () => {
    expect(edges(r)).toEqual([
      [`${P}#counter`, `${P}#makeStore`, `${P}:23:22`, 'direct'],
      [`${P}#counter`, `${P}#read`, `${P}:24:7`, 'callback'], // get(): [read, write][0]
      [`${P}#counter`, `${P}#write`, `${P}:24:3`, 'callback'], // set(...): [read, write][1]
      [`${P}#fromVariable`, `${P}#read`, `${P}:36:3`, 'callback'], // first(): pair[0], not reset
      [`${P}#makeStore`, `${P}#read`, `${P}:12:11`, 'callback'],
      [`${P}#makeStore`, `${P}#write`, `${P}:12:17`, 'callback'],
      // off(): position 1 of both returns, the pair written in place and the one kept in cache
      [`${P}#toggler`, `${P}#reset`, `${P}:29:3`, 'callback'],
      [`${P}#toggler`, `${P}#useToggle`, `${P}:28:19`, 'direct'],
      [`${P}#toggler`, `${P}#useToggle.<anonymous 1>`, `${P}:29:3`, 'callback'],
      [`${P}#useToggle`, `${P}#reset`, `${P}:18:20`, 'callback'],
      [`${P}#useToggle`, `${P}#reset`, `${P}:19:38`, 'callback'],
      [`${P}#useToggle`, `${P}#useToggle.<anonymous 1>`, `${P}:18:27`, 'callback'],
      [`${P}#useToggle`, `${P}#useToggle.<anonymous 2>`, `${P}:19:22`, 'callback'],
      [`${P}#useToggle.<anonymous 2>`, `${P}#write`, `${P}:19:28`, 'direct'],
      [`${P}#withSpread`, `${P}#read`, `${P}:41:35`, 'callback'],
      [`${P}#withSpread`, `${P}#read`, `${P}:44:28`, 'callback'],
      [`${P}#withSpread`, `${P}#read`, `${P}:45:3`, 'callback'], // any(): after ...extra, any element found
      [`${P}#withSpread`, `${P}#reset`, `${P}:41:28`, 'callback'],
      [`${P}#withSpread`, `${P}#reset`, `${P}:42:3`, 'callback'], // head(): position 0 only
      [`${P}#withSpread`, `${P}#withSpread.<anonymous 1>`, `${P}:43:16`, 'callback'],
      // rest.forEach((f) => f()): the rest holds elements of the literal
      [`${P}#withSpread.<anonymous 1>`, `${P}#read`, `${P}:43:23`, 'callback'],
      [`${P}#withSpread.<anonymous 1>`, `${P}#reset`, `${P}:43:23`, 'callback'],
    ]);
  });

  test('a callback over a rest (an array held in a variable) stays listed', () => {
    expect(r.unresolved.filter((u) => u.from.startsWith(`${P}#withSpread`))).toEqual([
      // `const [any] = [...extra, read]`: extra's elements are what callers pass, and withSpread has none in the app
      { from: `${P}#withSpread`, site: `${P}:45:3`, text: 'any', reason: 'function value in an array received as a parameter (or a property of one)' },
      { from: `${P}#withSpread.<anonymous 1>`, site: `${P}:43:23`, text: 'f', reason: 'function value received as a parameter; 2 passed value(s) found, but other callers are not known statically' },
    ]);
  });
});

describe('handlers run from an object\'s listing (calls-object-listings)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-object-listings'), catalogs: [] })));
  const R = 'src/registry.ts';

  test('Object.values(o) holds what its properties hold, Object.entries(o) the same at position 1', () => {
    expect(edges(r)).toEqual([
      [`${R}#addStop`, `${R}#stop`, `${R}:27:23`, 'callback'],
      [`${R}#fromPairs`, `${R}#log`, `${R}:30:32`, 'callback'], // the pair written in place
      [`${R}#fromPairs`, `${R}#stop`, `${R}:30:32`, 'callback'], // the pair pushed by addStop
      [`${R}#handlers.stop`, `${R}#stop`, `${R}:7:39`, 'direct'],
      [`${R}#loop`, `${R}#handlers.stop`, `${R}:14:46`, 'callback'], // for (const run of Object.values(handlers))
      [`${R}#loop`, `${R}#start`, `${R}:14:46`, 'callback'],
      [`${R}#named`, `${R}#handlers.stop`, `${R}:20:5`, 'callback'], // for (const [name, run] of Object.entries(handlers))
      [`${R}#named`, `${R}#start`, `${R}:20:5`, 'callback'],
      [`${R}#runAll`, `${R}#runAll.<anonymous 1>`, `${R}:10:35`, 'callback'],
      [`${R}#runAll.<anonymous 1>`, `${R}#handlers.stop`, `${R}:10:42`, 'callback'], // Object.values(handlers).forEach((h) => h())
      [`${R}#runAll.<anonymous 1>`, `${R}#start`, `${R}:10:42`, 'callback'],
    ]);
  });

  test('an object or array may get more members elsewhere: the loops stay listed as partly known', () => {
    const loopReason = 'loop variable over an iterable whose elements are not all known statically';
    expect(r.unresolved.filter((u) => !u.text.startsWith('console.'))).toEqual([
      { from: `${R}#fromPairs`, site: `${R}:30:32`, text: 'run', reason: loopReason },
      { from: `${R}#loop`, site: `${R}:14:46`, text: 'run', reason: loopReason },
      { from: `${R}#named`, site: `${R}:20:5`, text: 'run', reason: loopReason },
      {
        from: `${R}#runAll.<anonymous 1>`,
        site: `${R}:10:42`,
        text: 'h',
        reason: 'function value received as a parameter; 2 passed value(s) found, but other callers are not known statically',
      },
    ]);
  });
});

describe('functions returning calls of themselves (calls-self-returning)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-self-returning'), catalogs: [] })));
  const C = 'src/curried.ts';
  const V = 'src/through-variable.ts';

  test('what they return is found, and the search ends', () => {
    expect(edges(r).filter(([from]) => from!.startsWith(C))).toEqual([
      [`${C}#collect`, `${C}#collect`, `${C}:5:12`, 'direct'], // collect(1)(o): collect(1) ...
      [`${C}#collect`, `${C}#collect.<anonymous 1>`, `${C}:5:12`, 'callback'], // ... then what it returns
      [`${C}#collect`, `${C}#collect.<anonymous 1>`, `${C}:7:10`, 'callback'], // returned: handed out
      [`${C}#main`, `${C}#collect`, `${C}:20:11`, 'direct'],
      [`${C}#main`, `${C}#collect.<anonymous 1>`, `${C}:20:11`, 'callback'],
      [`${C}#main`, `${C}#ping`, `${C}:20:26`, 'direct'],
      [`${C}#main`, `${C}#ping.<anonymous 1>`, `${C}:20:26`, 'callback'], // pong's arrow returns a number
      [`${C}#ping`, `${C}#ping.<anonymous 1>`, `${C}:12:63`, 'callback'],
      [`${C}#ping`, `${C}#pong`, `${C}:12:19`, 'direct'],
      [`${C}#ping`, `${C}#pong.<anonymous 1>`, `${C}:12:19`, 'callback'],
      [`${C}#pong`, `${C}#ping`, `${C}:16:19`, 'direct'],
      [`${C}#pong`, `${C}#ping.<anonymous 1>`, `${C}:16:19`, 'callback'],
      [`${C}#pong`, `${C}#pong.<anonymous 1>`, `${C}:16:63`, 'callback'],
    ]);
    expect(r.unresolved.filter((u) => u.from.startsWith(C))).toEqual([]);
  });

  test('a cycle through a variable that never yields a function: cut, and listed as unresolved', () => {
    expect(edges(r).filter(([from]) => from!.startsWith(V))).toEqual([[`${V}#main`, `${V}#k`, `${V}:9:16`, 'callback']]);
    expect(r.unresolved.filter((u) => u.from.startsWith(V)).map((u) => [u.site, u.text, u.reason])).toEqual([
      [`${V}:7:33`, 'h()()', 'callee has no symbol (untyped or any)'],
      [`${V}:7:33`, 'h()', 'callee has no symbol (untyped or any)'],
      [`${V}:7:33`, 'h', 'callee is not a statically known function'],
      [`${V}:9:11`, 'h', 'callee is not a statically known function'],
      [`${V}:5:10`, 'h()', 'callee has no symbol (untyped or any)'],
      [`${V}:5:10`, 'h', 'callee is not a statically known function'],
    ]);
  });
});

describe('functions kept in Sets and Maps (calls-collections)', () => {
  test('what add and set put in is what forEach, for…of and get give back, also through the parameter it came from', () => {
    const r = analyzeApp({ appDir: fixture('calls-collections'), catalogs: [] });
    const E = 'src/events.ts';
    const run = edges(r).filter(([from, , , kind]) => kind === 'callback' && !String(from).endsWith('#makeEmitter') && !String(from).endsWith('#wire'));
    expect(run).toEqual([
      [`${E}#makeEmitter.emit`, `${E}#makeEmitter.emit.<anonymous 1>`, `${E}:17:25`, 'callback'],
      [`${E}#makeEmitter.emit.<anonymous 1>`, `${E}#logIt`, `${E}:17:32`, 'callback'], // listeners.forEach((l) => l(n))
      [`${E}#makeEmitter.emitLoop`, `${E}#logIt`, `${E}:20:34`, 'callback'], // for (const l of listeners) l(n)
      [`${E}#makeEmitter.emitNamed`, `${E}#countIt`, `${E}:23:7`, 'callback'], // byName.get(key)?.(n)
      [`${E}#makeEmitter.on`, `${E}#makeEmitter.on.<anonymous 1>`, `${E}:11:14`, 'callback'],
    ]);
    // A Set or Map in a variable may be filled in ways not followed: the sites stay listed as partial.
    expect(r.unresolved.map((u) => u.site)).toEqual([`${E}:17:32`, `${E}:20:34`, `${E}:23:7`]);
  });
});

describe('functions assigned after the declaration (calls-assigned)', () => {
  test('a let or a parameter holds what is assigned to it anywhere, besides its initializer or what callers pass', () => {
    const r = analyzeApp({ appDir: fixture('calls-assigned'), catalogs: [] });
    const P = 'src/pick.ts';
    const calls = edges(r).filter(([, , site]) => site === `${P}:13:10` || site === `${P}:18:10`);
    expect(calls).toEqual([
      [`${P}#pick`, `${P}#doubled`, `${P}:13:10`, 'callback'], // let f = plain; if (twice) f = doubled; f(1)
      [`${P}#pick`, `${P}#plain`, `${P}:13:10`, 'callback'],
      [`${P}#withDefault`, `${P}#withDefault.g`, `${P}:18:10`, 'callback'], // if (!g) g = (n) => n + 1; g(2)
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
