import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back to the app and on to a library call (calls-handed-back-library)', () => {
  test('a parameter handed to a library call, whose callers are outside, may hold what exported functions return, when its type fixes a result and fits', () => {
    const r = analyzeApp({ appDir: fixture('calls-handed-back-library'), catalogs: [] });
    const L = 'src/lib.ts';
    // xs.map(fn): fn's result U is free, so every function handed out would fit (identity()'s, isNot()'s, format()'s): none is counted.
    expect(edges(r).filter(([from]) => from === `${L}#mapAll`)).toEqual([]);
    // xs.filter(pred): isNot()'s arrow returns a boolean, identity's result is its erased T; format()'s arrow returns a string.
    expect(edges(r).filter(([from]) => from === `${L}#keepIf`)).toEqual([
      [`${L}#keepIf`, `${L}#identityImpl`, `${L}:27:20`, 'callback'],
      [`${L}#keepIf`, `${L}#isNot.<anonymous 1>`, `${L}:27:20`, 'callback'],
    ]);
    // sortedBy's callers are all in the app: cmp is sortAsc's arrow, nothing handed out.
    expect(edges(r).filter(([from]) => from === `${L}#sortedBy`)).toEqual([[`${L}#sortedBy`, `${L}#sortAsc.<anonymous 1>`, `${L}:32:23`, 'callback']]);
    // Library calls are not unresolved calls: only isNot's predicate() is (its callers are outside).
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${L}#isNot.<anonymous 1>`, `${L}:9:33`]]);
  });
});
