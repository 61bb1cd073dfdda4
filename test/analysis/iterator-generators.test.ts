import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('an iterator method returning a generator another method makes (calls-iterator-generators)', () => {
  const r = analyzeApp({ appDir: fixture('calls-iterator-generators'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test("spreading the collection runs [Symbol.iterator] and the body of the generator it returns", () => {
    expect(from('dump')).toEqual([
      [`${A}#dump`, `${A}#Cache.[Symbol.iterator]`, `${A}:38:14`, 'implicit'],
      [`${A}#dump`, `${A}#Cache.entries`, `${A}:38:14`, 'implicit'],
    ]);
  });

  test("an iterator method returning an array's iterator runs no generator of the app", () => {
    expect(from('first')).toEqual([[`${A}#first`, `${A}#Bag.[Symbol.iterator]`, `${A}:42:19`, 'implicit']]);
  });
});
