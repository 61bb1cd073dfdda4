import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('iteration runs [Symbol.iterator], next and generator bodies (calls-iterators)', () => {
  test('for…of, spread, destructuring, Array.from and new Set run the class iterator; a generator runs where it is iterated', () => {
    const r = analyzeApp({ appDir: fixture('calls-iterators'), catalogs: [] });
    const I = 'src/iter.ts';
    expect(edges(r)).toEqual([
      [`${I}#Range.[Symbol.iterator]`, `${I}#Cursor.constructor`, `${I}:7:12`, 'constructor'],
      // consume(evens(4)): the parameter iterated holds the generator its caller passes
      [`${I}#consume`, `${I}#evens`, `${I}:43:19`, 'implicit'],
      [`${I}#first`, `${I}#Cursor.next`, `${I}:38:15`, 'implicit'], // const [a] = r
      [`${I}#first`, `${I}#Range.[Symbol.iterator]`, `${I}:38:15`, 'implicit'],
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
      // Reflect.ownKeys(target): the target is a record, which may be a proxy too (sound, not precise)
      [`${T}#handler.ownKeys`, `${T}#handler.ownKeys`, `${T}:15:20`, 'implicit'],
      [`${T}#has`, `${T}#handler.has`, `${T}:39:17`, 'implicit'], // 'a' in c
      [`${T}#keys`, `${T}#handler.ownKeys`, `${T}:43:17`, 'implicit'], // Object.keys(c)
      [`${T}#read`, `${T}#handler.get`, `${T}:31:10`, 'implicit'], // c.a
      [`${T}#write`, `${T}#handler.set`, `${T}:35:3`, 'implicit'], // c.b = 2
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
