import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('members of what a value holds when its declared type is the library\'s (calls-value-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-value-members'), catalogs: [] });
  const B = 'src/bag.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);
  test('a call returning a literal declared IterableIterator: its next, stepped or iterated', () => {
    // const it = this.values(); it.next(): the literal's next (what stepper returns).
    expect(from(`${B}#bag.sum`)).toEqual([
      [`${B}#bag.sum`, `${B}#bag.values`, `${B}:17:21`, 'method'],
      [`${B}#bag.sum`, `${B}#stepper.<anonymous 1>`, `${B}:19:21`, 'callback'],
      [`${B}#bag.sum`, `${B}#stepper.<anonymous 1>`, `${B}:19:45`, 'callback'],
    ]);
    // Array.from and a spread iterate it: its [Symbol.iterator], and the next of what that returns.
    for (const [fn, line, col] of [['listAll', 26, 21], ['spread', 30, 14]] as const) {
      expect(from(`${B}#${fn}`).filter(([, , , kind]) => kind === 'implicit')).toEqual([
        [`${B}#${fn}`, `${B}#bag.values.[Symbol.iterator]`, `${B}:${line}:${col}`, 'implicit'],
        [`${B}#${fn}`, `${B}#stepper.<anonymous 1>`, `${B}:${line}:${col}`, 'implicit'],
      ]);
    }
  });
  test('a library value, and a generator\'s result, have no app members', () => {
    expect(from(`${B}#lookup`)).toEqual([]);
    // g.next() resumes the generator; the `next` it returns at the end is not run.
    expect(from(`${B}#firstCount`).map(([, to]) => to)).toEqual([`${B}#counter`, `${B}#counter`]);
  });
  test('a const typed by a library interface holds its literal\'s members (traps.set!.call)', () => {
    expect(from('src/handler.ts#traps.deleteProperty')).toEqual([
      ['src/handler.ts#traps.deleteProperty', 'src/handler.ts#traps.set', 'src/handler.ts:13:23', 'callback'],
    ]);
  });
});

describe('proxies behind narrowed receivers (calls-proxy-narrowed)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-narrowed'), catalogs: [] });
  const C = 'src/copy.ts';
  const M = 'src/methods.ts';
  const D = 'src/draft.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);
  test('x: any narrowed by Array.isArray or instanceof may still be a draft: traps, handed-out methods, their iterators', () => {
    expect(from(`${C}#cloneAny`)).toEqual([
      [`${C}#cloneAny`, `${C}#cloneAny.<anonymous 1>`, `${C}:4:38`, 'callback'],
      [`${C}#cloneAny`, `${D}#traps.get`, `${C}:4:34`, 'implicit'], // x.map on an any[]: a built-in method through the traps
      [`${C}#cloneAny`, `${D}#traps.get`, `${C}:5:45`, 'implicit'],
      [`${C}#cloneAny`, `${D}#traps.has`, `${C}:4:34`, 'implicit'],
      [`${C}#cloneAny`, `${D}#traps.has`, `${C}:5:45`, 'implicit'],
      // x.entries() on a Map narrowed from any: what the get trap hands out as entries,
      // and iterating its result runs that literal's [Symbol.iterator] and next.
      [`${C}#cloneAny`, `${M}#mapMethods.entries`, `${C}:5:45`, 'callback'],
      [`${C}#cloneAny`, `${M}#mapMethods.entries.[Symbol.iterator]`, `${C}:5:38`, 'implicit'],
      [`${C}#cloneAny`, `${M}#mapMethods.entries.next`, `${C}:5:38`, 'implicit'],
    ]);
  });
  test('receivers declared as an array or a Map are not drafts', () => {
    expect(from(`${C}#cloneList`)).toEqual([[`${C}#cloneList`, `${C}#cloneList.<anonymous 1>`, `${C}:11:17`, 'callback']]);
    expect(from(`${C}#pairs`)).toEqual([]);
  });
});
