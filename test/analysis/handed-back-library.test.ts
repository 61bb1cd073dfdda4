import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back to the app and on to a library call (calls-handed-back-library)', () => {
  test('a parameter handed to a library call, whose callers are outside, may hold what exported functions return, when its type fits', () => {
    const r = analyzeApp({ appDir: fixture('calls-handed-back-library'), catalogs: [] });
    const L = 'src/lib.ts';
    // xs.map(fn): identity()'s <T>(x: T) => T and isNot()'s arrow fit (value: T, index: number) => U with T, U erased;
    // format()'s arrow fits too (a number is a T); join3()'s needs three arguments.
    expect(edges(r).filter(([from]) => from === `${L}#mapAll`)).toEqual([
      [`${L}#mapAll`, `${L}#format.<anonymous 1>`, `${L}:22:17`, 'callback'],
      [`${L}#mapAll`, `${L}#identityImpl`, `${L}:22:17`, 'callback'],
      [`${L}#mapAll`, `${L}#isNot.<anonymous 1>`, `${L}:22:17`, 'callback'],
    ]);
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
