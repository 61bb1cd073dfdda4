import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back to a callee typed as a type guard (calls-predicate-fit)', () => {
  const r = analyzeApp({ appDir: fixture('calls-predicate-fit'), catalogs: [] });
  const L = 'src/lib.ts';
  const to = (fn: string) => edges(r).filter(([f]) => f === `${L}#${fn}`).map(([, t, site]) => `${t} ${site}`);

  test('a guard of T (`(value: T) => value is S`) runs type guards only: not a predicate, not a function returning any', () => {
    expect(to('narrow')).toEqual([`${L}#isString.<anonymous 1> ${L}:22:27`]);
  });

  test("a guard whose only type parameter is the guarded type (`(u: unknown) => u is A`) is compared erased: a guard of string fits", () => {
    expect(to('keepOnly')).toEqual([`${L}#isString.<anonymous 1> ${L}:15:27`]);
  });

  test('a callee returning a boolean runs guards, predicates and functions returning any alike', () => {
    expect(to('countWhere')).toEqual([`${L}#isString.<anonymous 1> ${L}:29:27`, `${L}#loose.<anonymous 1> ${L}:29:27`, `${L}#truthy.<anonymous 1> ${L}:29:27`]);
  });
});
