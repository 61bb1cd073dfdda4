import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a literal written as a view of an interface that the app asserts whole implements it (calls-asserted-views)', () => {
  const r = analyzeApp({ appDir: fixture('calls-asserted-views'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string): string[][] => edges(r).filter(([, , s]) => s === site);

  test("`view as FetchContext` (its `signal` added at run time): a call through FetchContext runs the view's member", () => {
    expect(at(`${A}:14:18`)).toEqual([[`${A}#run`, `${A}#fetchQuery.fetchFn`, `${A}:14:18`, 'hierarchy']]);
    // Other views may come from callers outside: the site stays listed, as for views spread in.
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${A}#run`, `${A}:14:18`]]);
  });

  test('a view of an interface nothing asserts whole is not one of its objects', () => {
    expect(at(`${A}:34:11`)).toEqual([[`${A}#finish`, `${A}#withDefaults.onDone`, `${A}:34:11`, 'hierarchy']]);
  });
});
