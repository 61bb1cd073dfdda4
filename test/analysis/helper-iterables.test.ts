import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('iterators a helper makes of a literal, known by the library type (calls-helper-iterables)', () => {
  const r = analyzeApp({ appDir: fixture('calls-helper-iterables'), catalogs: [] });
  const B = 'src/bag.ts';
  const I = 'src/iterable.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${B}#${fn}`);
  test("iterating the class runs its [Symbol.iterator] and the `next` of the literal the helper copied by Object.assign, received as a parameter", () => {
    expect(from('Bag.forEach')).toEqual([
      [`${B}#Bag.forEach`, `${B}#Bag.[Symbol.iterator]`, `${B}:36:21`, 'implicit'],
      [`${B}#Bag.forEach`, `${B}#Bag.values.next`, `${B}:36:21`, 'implicit'],
    ]);
  });
  test("a `next` calling the `next` the helper handed out for another call; each call's own literal, not every caller's", () => {
    expect(from('Bag.entries.next').map(([, to]) => to)).toEqual([`${B}#Bag.values.next`]);
    expect(from('pairs').map(([, to, , kind]) => [to, kind])).toEqual([
      [`${B}#Bag.[Symbol.iterator]`, 'implicit'],
      [`${B}#Bag.entries`, 'method'],
      [`${B}#Bag.entries.next`, 'implicit'],
      [`${I}#getSelf`, 'implicit'],
    ]);
  });
  test('`this` handed to a built-in taking an iterable (Array.from, new Set) is iterated', () => {
    const iterated = (fn: string) => from(fn).filter(([, , , kind]) => kind === 'implicit').map(([, to]) => to);
    expect(iterated('Bag.toArray')).toEqual([`${B}#Bag.[Symbol.iterator]`, `${B}#Bag.values.next`]);
    expect(iterated('Bag.copy')).toEqual([`${B}#Bag.[Symbol.iterator]`, `${B}#Bag.values.next`]);
  });
  test('iterating what the helper returns runs the [Symbol.iterator] stored on its parameter, and, as that returns `this`, the value\'s own next', () => {
    // Bag's own [Symbol.iterator]: an app class implementing Iterable may be held by the library's IterableIterator (library-subtypes.ts).
    expect(from('listed').map(([, to, , kind]) => [to, kind])).toEqual([
      [`${B}#Bag.[Symbol.iterator]`, 'implicit'],
      [`${B}#Bag.values`, 'method'],
      [`${B}#Bag.values.next`, 'implicit'],
      [`${I}#getSelf`, 'implicit'],
    ]);
  });
});
