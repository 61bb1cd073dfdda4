import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('app functions handed to one library call together (calls-library-cocallbacks)', () => {
  test("a function parameter of one may run the others: the library's listener reads the snapshot", () => {
    const r = analyzeApp({ appDir: fixture('calls-library-cocallbacks'), catalogs: [] });
    const S = 'src/store.ts';
    // useExternalStore(api.subscribe, () => api.get() * 2): subscribe's listener l, added to the
    // set and run by set(), may be the snapshot function
    expect(edges(r).filter(([from]) => from?.startsWith(`${S}#createStore.api.set`))).toEqual([
      [`${S}#createStore.api.set`, `${S}#createStore.api.set.<anonymous 1>`, `${S}:15:25`, 'callback'],
      [`${S}#createStore.api.set.<anonymous 1>`, `${S}#useCount.<anonymous 1>`, `${S}:15:32`, 'callback'],
    ]);
    // schedule(task, done): neither has a function parameter, so neither is given the other
    expect(edges(r).filter(([from]) => from?.startsWith(`${S}#later.`))).toEqual([
      [`${S}#later.<anonymous 1>`, `${S}#createStore.api.set`, `${S}:31:22`, 'method'],
      [`${S}#later.<anonymous 2>`, `${S}#createStore.api.set`, `${S}:31:42`, 'method'],
    ]);
  });
});
