import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a factory's result called later, the factory's call returned by another factory (calls-nested-factories)", () => {
  test('the hook create() returns through createImpl() receives the selector, which useStore runs', () => {
    const r = analyzeApp({ appDir: fixture('calls-nested-factories'), catalogs: [] });
    const S = 'src/store.ts';
    const U = 'src/use.ts';
    expect(edges(r).filter(([from]) => from === `${U}#renderOnce` || from === `${S}#useStore.read`)).toEqual([
      // selector(state), whose other callers are not known: a function handed out that fits (create's hook, useBound)
      [`${S}#useStore.read`, `${S}#createImpl`, `${S}:13:22`, 'callback'], // create() hands out createImpl, which fits Selector
      [`${S}#useStore.read`, `${S}#createImpl.useBound`, `${S}:13:22`, 'callback'],
      [`${S}#useStore.read`, `${S}#twice.<anonymous 1>`, `${S}:13:22`, 'callback'], // selector(state): what useBound passed on
      [`${S}#useStore.read`, `${S}#useStore.<anonymous 1>`, `${S}:13:22`, 'callback'], // the default
      [`${U}#renderOnce`, `${S}#create`, `${U}:4:22`, 'callback'],
      [`${U}#renderOnce`, `${S}#createImpl`, `${U}:5:10`, 'callback'], // create() (no argument) returns createImpl itself
      [`${U}#renderOnce`, `${S}#createImpl.useBound`, `${U}:5:10`, 'callback'], // create(1) returns createImpl(1): useBound
      [`${U}#renderOnce`, `${S}#twice`, `${U}:5:21`, 'direct'],
      [`${U}#renderOnce`, `${U}#renderOnce.<anonymous 1>`, `${U}:5:27`, 'callback'],
    ]);
  });
});
