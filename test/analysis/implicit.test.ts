import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('iteration runs [Symbol.iterator], next and generator bodies (calls-iterators)', () => {
  test('for…of, spread, destructuring, Array.from and new Set run the class iterator; a generator runs where it is iterated', () => {
    const r = analyzeApp({ appDir: fixture('calls-iterators'), catalogs: [] });
    const I = 'src/iter.ts';
    expect(edges(r)).toEqual([
      [`${I}#Range.[Symbol.iterator]`, `${I}#Cursor.constructor`, `${I}:7:12`, 'constructor'],
      // consume(it: Iterable<number>): a library-typed value may hold any app iterable (Range)...
      [`${I}#consume`, `${I}#Cursor.next`, `${I}:43:19`, 'implicit'],
      [`${I}#consume`, `${I}#Range.[Symbol.iterator]`, `${I}:43:19`, 'implicit'],
      // ... and holds the generator its caller passes: consume(evens(4))
      [`${I}#consume`, `${I}#evens`, `${I}:43:19`, 'implicit'],
      [`${I}#first`, `${I}#Cursor.next`, `${I}:38:15`, 'implicit'], // const [a] = r
      [`${I}#first`, `${I}#Range.[Symbol.iterator]`, `${I}:38:15`, 'implicit'],
      // for (xs of xss) for (x of xs): any app iterable behind each library-typed Iterable (the
      // outer one too: candidates are not filtered by element type), and the generators whose
      // type fits the element's, Iterable<number>
      [`${I}#flat`, `${I}#Cursor.next`, `${I}:54:20`, 'implicit'],
      [`${I}#flat`, `${I}#Cursor.next`, `${I}:54:41`, 'implicit'],
      [`${I}#flat`, `${I}#Range.[Symbol.iterator]`, `${I}:54:20`, 'implicit'],
      [`${I}#flat`, `${I}#Range.[Symbol.iterator]`, `${I}:54:41`, 'implicit'],
      [`${I}#flat`, `${I}#evens`, `${I}:54:41`, 'implicit'],
      [`${I}#from`, `${I}#Cursor.next`, `${I}:32:21`, 'implicit'], // Array.from(r)
      [`${I}#from`, `${I}#Range.[Symbol.iterator]`, `${I}:32:21`, 'implicit'],
      // for…of: the iterator's next is found from what [Symbol.iterator] returns (new Cursor)
      [`${I}#loop`, `${I}#Cursor.next`, `${I}:25:19`, 'implicit'],
      [`${I}#loop`, `${I}#Range.[Symbol.iterator]`, `${I}:25:19`, 'implicit'],
      [`${I}#main`, `${I}#Range.constructor`, `${I}:47:35`, 'constructor'],
      [`${I}#main`, `${I}#consume`, `${I}:47:10`, 'direct'],
      [`${I}#main`, `${I}#evens`, `${I}:47:18`, 'direct'],
      [`${I}#main`, `${I}#loop`, `${I}:47:30`, 'direct'],
      [`${I}#set`, `${I}#Cursor.next`, `${I}:35:18`, 'implicit'], // new Set(r)
      [`${I}#set`, `${I}#Range.[Symbol.iterator]`, `${I}:35:18`, 'implicit'],
      [`${I}#spread`, `${I}#Cursor.next`, `${I}:29:14`, 'implicit'], // [...r]
      [`${I}#spread`, `${I}#Range.[Symbol.iterator]`, `${I}:29:14`, 'implicit'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe('conversions run toString, valueOf and toJSON (calls-conversions)', () => {
  test('a template, + and comparisons may run toString or valueOf; JSON.stringify runs toJSON; numbers run nothing', () => {
    const r = analyzeApp({ appDir: fixture('calls-conversions'), catalogs: [] });
    const C = 'src/conv.ts';
    expect(edges(r)).toEqual([
      [`${C}#cmp`, `${C}#Money.toString`, `${C}:22:10`, 'implicit'], // a < b, each operand
      [`${C}#cmp`, `${C}#Money.toString`, `${C}:22:14`, 'implicit'],
      [`${C}#cmp`, `${C}#Money.valueOf`, `${C}:22:10`, 'implicit'],
      [`${C}#cmp`, `${C}#Money.valueOf`, `${C}:22:14`, 'implicit'],
      [`${C}#concat`, `${C}#Money.toString`, `${C}:19:16`, 'implicit'], // 'x' + m
      [`${C}#concat`, `${C}#Money.valueOf`, `${C}:19:16`, 'implicit'],
      [`${C}#json`, `${C}#Money.toJSON`, `${C}:25:15`, 'implicit'],
      [`${C}#label`, `${C}#Money.toString`, `${C}:16:13`, 'implicit'], // `${m}`
      [`${C}#label`, `${C}#Money.valueOf`, `${C}:16:13`, 'implicit'],
      [`${C}#total`, `${C}#total.<anonymous 1>`, `${C}:28:20`, 'callback'],
      // s + m.valueOf(): both operands are numbers, so the + converts nothing
      [`${C}#total.<anonymous 1>`, `${C}#Money.valueOf`, `${C}:28:36`, 'method'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe("a proxy's traps run where the proxy is used (calls-proxy-traps)", () => {
  test('reads, writes, in, delete and Object.keys of a receiver that may be the proxy run the traps; a class-typed one does not', () => {
    const r = analyzeApp({ appDir: fixture('calls-proxy-traps'), catalogs: [] });
    const T = 'src/traps.ts';
    expect(edges(r)).toEqual([
      [`${T}#drop`, `${T}#frozen.h.deleteProperty`, `${T}:47:10`, 'implicit'], // delete o[k]: a trap stored into a handler
      // Reflect.get/set/has/ownKeys(target): the target is a record, which may be a proxy too (sound, not precise)
      [`${T}#handler.get`, `${T}#handler.get`, `${T}:6:46`, 'implicit'],
      [`${T}#handler.has`, `${T}#handler.has`, `${T}:12:20`, 'implicit'],
      [`${T}#handler.ownKeys`, `${T}#handler.ownKeys`, `${T}:15:20`, 'implicit'],
      [`${T}#handler.set`, `${T}#handler.set`, `${T}:9:20`, 'implicit'],
      [`${T}#has`, `${T}#handler.has`, `${T}:39:17`, 'implicit'], // 'a' in c
      [`${T}#keys`, `${T}#handler.ownKeys`, `${T}:43:17`, 'implicit'], // Object.keys(c)
      [`${T}#read`, `${T}#handler.get`, `${T}:31:10`, 'implicit'], // c.a
      [`${T}#write`, `${T}#handler.set`, `${T}:35:3`, 'implicit'], // c.b = 2
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe('a proxy over what a generic factory makes (calls-proxy-generic-target)', () => {
  test('a receiver made by the same factory runs the trap only with the target’s type arguments', () => {
    const r = analyzeApp({ appDir: fixture('calls-proxy-generic-target'), catalogs: [] });
    const B = 'src/boxes.ts';
    // box(2).value reads a Box<number>, the target's very type; box('s') and other(2) cannot be the proxy.
    // Reflect.get(target, key) in the trap: a Box<number> too (a proxy of a proxy).
    expect(edges(r).filter((e) => e[1] === `${B}#handler.get`)).toEqual([
      [`${B}#handler.get`, `${B}#handler.get`, `${B}:18:20`, 'implicit'],
      [`${B}#readBox`, `${B}#handler.get`, `${B}:25:10`, 'implicit'],
    ]);
  });
});

describe('functions and classes reached through values (calls-values-held)', () => {
  test('optional calls of interface members, new of a class value, destructured and held callbacks, factories, Object.assign, library-typed receivers, untyped receivers', () => {
    const r = analyzeApp({ appDir: fixture('calls-values-held'), catalogs: [] });
    const H = 'src/held.ts';
    expect(edges(r)).toEqual([
      [`${H}#Holder.go`, `${H}#hold.<anonymous 1>`, `${H}:58:10`, 'callback'], // this.fn(): what the constructor was given
      [`${H}#Node2.constructor`, `${H}#Node1.constructor`, `${H}:27:5`, 'super'],
      [`${H}#anyRecv`, `${H}#anyRecv.y.m`, `${H}:110:12`, 'callback'], // y is any, but initialised by a literal
      // new (o.constructor as typeof Node1)(): Node1 or any subclass
      [`${H}#clone`, `${H}#Node1.constructor`, `${H}:37:10`, 'constructor'],
      [`${H}#clone`, `${H}#Node2.constructor`, `${H}:37:10`, 'constructor'],
      [`${H}#factory`, `${H}#make`, `${H}:68:13`, 'direct'],
      [`${H}#factory`, `${H}#make.<anonymous 1>`, `${H}:69:10`, 'callback'], // const f = make(); f()
      [`${H}#handle`, `${H}#run.onError`, `${H}:50:3`, 'callback'], // const { onError } = ctx
      [`${H}#hold`, `${H}#Holder.constructor`, `${H}:62:3`, 'constructor'],
      [`${H}#hold`, `${H}#Holder.go`, `${H}:62:31`, 'method'],
      [`${H}#hold`, `${H}#hold.<anonymous 1>`, `${H}:62:14`, 'callback'],
      [`${H}#inCallback`, `${H}#inCallback.<anonymous 1>`, `${H}:18:14`, 'callback'],
      [`${H}#inCallback.<anonymous 1>`, `${H}#tracker.track`, `${H}:18:23`, 'hierarchy'],
      [`${H}#libRecv`, `${H}#MyMap.get`, `${H}:92:12`, 'hierarchy'], // m: Map may be a MyMap
      [`${H}#make`, `${H}#make.<anonymous 1>`, `${H}:65:10`, 'callback'],
      [`${H}#makeNode`, `${H}#Node1.constructor`, `${H}:34:10`, 'constructor'], // new t.nodeClass()
      [`${H}#makeNode`, `${H}#Node2.constructor`, `${H}:34:10`, 'constructor'],
      [`${H}#obj.b`, `${H}#obj.a`, `${H}:101:17`, 'method'], // this.a()
      [`${H}#optional`, `${H}#tracker.identify`, `${H}:15:12`, 'hierarchy'], // t.identify?.(1)
      [`${H}#pick`, `${H}#Node1.constructor`, `${H}:41:10`, 'constructor'], // Ctor = a ?? Node2
      [`${H}#pick`, `${H}#Node2.constructor`, `${H}:41:10`, 'constructor'],
      [`${H}#run`, `${H}#handle`, `${H}:53:3`, 'direct'],
      [`${H}#run`, `${H}#run.onError`, `${H}:53:21`, 'callback'],
      [`${H}#useApi`, `${H}#base`, `${H}:82:10`, 'callback'], // api = Object.assign(base, {...})
      [`${H}#useApi`, `${H}#extra`, `${H}:82:22`, 'method'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe('accessors installed at run time and well-known symbol getters (calls-installed)', () => {
  test('Object.defineProperty accessors run at reads and writes of that property; Array methods run species, toString runs toStringTag', () => {
    const r = analyzeApp({ appDir: fixture('calls-installed'), catalogs: [] });
    const I = 'src/installed.ts';
    expect(edges(r)).toEqual([
      [`${I}#make`, `${I}#make.get`, `${I}:9:5`, 'callback'], // handed to defineProperty
      [`${I}#make`, `${I}#make.set`, `${I}:12:5`, 'callback'],
      [`${I}#species`, `${I}#List.static.[Symbol.species]`, `${I}:34:12`, 'implicit'], // l.map
      [`${I}#species`, `${I}#species.<anonymous 1>`, `${I}:34:16`, 'callback'],
      [`${I}#tagged`, `${I}#List.[Symbol.toStringTag]`, `${I}:37:36`, 'implicit'],
      [`${I}#use`, `${I}#make.get`, `${I}:20:12`, 'accessor'], // p.x: the Point's x is the one replaced
      [`${I}#use`, `${I}#make.set`, `${I}:19:5`, 'accessor'], // p.x = 2
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe('parameters an overloaded implementation types any (calls-overload-any)', () => {
  test('members called on the parameter, or on what calling it returns, are those of the overloads\' types', () => {
    const r = analyzeApp({ appDir: fixture('calls-overload-any'), catalogs: [] });
    const S = 'src/shapes.ts';
    expect(edges(r)).toEqual([
      [`${S}#Circle.grow`, `${S}#Circle.constructor`, `${S}:22:12`, 'constructor'],
      // measure(s: Square) | measure(s: Circle, twice): s.area(), twice
      [`${S}#Frame.measure`, `${S}#Circle.area`, `${S}:43:26`, 'method'],
      [`${S}#Frame.measure`, `${S}#Circle.area`, `${S}:43:37`, 'method'],
      [`${S}#Frame.measure`, `${S}#Square.area`, `${S}:43:26`, 'method'],
      [`${S}#Frame.measure`, `${S}#Square.area`, `${S}:43:37`, 'method'],
      // through<S extends Shape>(f: (s: Shape) => S): f(this.inner).area() runs Shape's implementations
      [`${S}#Frame.through`, `${S}#Circle.area`, `${S}:36:26`, 'hierarchy'],
      [`${S}#Frame.through`, `${S}#Square.area`, `${S}:36:26`, 'hierarchy'],
      [`${S}#Square.grow`, `${S}#Square.constructor`, `${S}:12:12`, 'constructor'],
      // loose(s: any): s.area() runs the app's class members named area (calls-any-receiver)
      [`${S}#loose`, `${S}#Circle.area`, `${S}:49:12`, 'method'],
      [`${S}#loose`, `${S}#Square.area`, `${S}:49:12`, 'method'],
    ]);
    // f itself (no caller in the app passes one), and a plain parameter typed any, stay unresolved.
    expect(r.unresolved.map((u) => [u.from, u.site, u.reason])).toEqual([
      [`${S}#Frame.through`, `${S}:36:12`, 'function value received as a parameter'],
      [`${S}#loose`, `${S}:49:12`, "receiver typed any: the app's members named area, and what else it may hold"],
    ]);
  });
});

describe('generators that reach iteration through library code (calls-generators-via-library)', () => {
  test('yield* await p.then(() => gen()) and for…of over it run the generators whose type fits, not the others', () => {
    const r = analyzeApp({ appDir: fixture('calls-generators-via-library'), catalogs: [] });
    const R = 'src/relay.ts';
    expect(edges(r)).toEqual([
      [`${R}#relay`, `${R}#digits`, `${R}:14:10`, 'implicit'], // Generator<number>: digits, not words
      [`${R}#relay`, `${R}#relay.<anonymous 1>`, `${R}:14:27`, 'callback'],
      [`${R}#relay.<anonymous 1>`, `${R}#digits`, `${R}:14:33`, 'direct'],
      [`${R}#spelled`, `${R}#words`, `${R}:24:14`, 'direct'],
      [`${R}#total`, `${R}#digits`, `${R}:19:19`, 'implicit'],
      [`${R}#total`, `${R}#total.<anonymous 1>`, `${R}:19:36`, 'callback'],
      [`${R}#total.<anonymous 1>`, `${R}#digits`, `${R}:19:42`, 'direct'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});

describe('`using` runs [Symbol.dispose] at the end of the block (calls-using-dispose)', () => {
  test('using runs dispose; await using runs asyncDispose, or dispose when there is none; a const runs neither', () => {
    const r = analyzeApp({ appDir: fixture('calls-using-dispose'), catalogs: [] });
    const R = 'src/resources.ts';
    expect(edges(r)).toEqual([
      [`${R}#Connection.[Symbol.asyncDispose]`, `${R}#release`, `${R}:11:5`, 'direct'],
      [`${R}#Lock.[Symbol.dispose]`, `${R}#release`, `${R}:5:5`, 'direct'],
      [`${R}#withConnection`, `${R}#Connection.[Symbol.asyncDispose]`, `${R}:28:22`, 'implicit'],
      [`${R}#withConnection`, `${R}#Handle.[Symbol.dispose]`, `${R}:29:24`, 'implicit'],
      [`${R}#withLock`, `${R}#Lock.[Symbol.dispose]`, `${R}:22:16`, 'implicit'],
    ]);
  });
});
