import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('comparators handed on through parameters (calls-order-rules)', () => {
  const r = analyzeApp({ appDir: fixture('calls-order-rules'), catalogs: [] });
  const L = 'src/lib.ts';
  const into = (id: string): string[][] => edges(r).filter(([, to]) => to === `${L}#${id}`);

  test('a callable parameter handed to a library call reaches what callers pass; a rest parameter spread on shifts positions', () => {
    expect(into('comparer.<anonymous 1>')).toEqual([
      [`${L}#comparer`, `${L}#comparer.<anonymous 1>`, `${L}:5:10`, 'callback'],
      // takeFirstImpl's cmp: the wrapper `(...args) => func(...args, first)` passes on position 1 of its callers.
      [`${L}#heap`, `${L}#comparer.<anonymous 1>`, `${L}:25:25`, 'callback'],
      [`${L}#purryOrder`, `${L}#comparer.<anonymous 1>`, `${L}:9:57`, 'callback'],
      [`${L}#purryOrder.<anonymous 1>`, `${L}#comparer.<anonymous 1>`, `${L}:10:50`, 'callback'],
      // `[...data].sort(cmp)`: Array.sort may run it.
      [`${L}#sortImpl`, `${L}#comparer.<anonymous 1>`, `${L}:16:82`, 'callback'],
    ]);
  });

  test('a parameter that is not callable, handed to a library call, reaches nothing', () => {
    expect(edges(r).filter(([from]) => from === `${L}#logImpl`)).toEqual([]);
    // `kept.push(cmp)`: push declares `...items: T[]`, it keeps the comparator, it does not run it.
    expect(edges(r).filter(([from]) => from === `${L}#keep`)).toEqual([]);
    // `Array.prototype.slice.call(cmp)`: call's declared `this: Function` is no argument; cmp is thisArg.
    expect(edges(r).filter(([from]) => from === `${L}#asThis`)).toEqual([]);
    // `n` after the spread is the wrapper's `first`, a number: takeFirstImpl's edges are heap's only.
    expect(edges(r).filter(([from]) => from === `${L}#takeFirstImpl`)).toEqual([[`${L}#takeFirstImpl`, `${L}#heap`, `${L}:22:83`, 'direct']]);
  });
});
