import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('app classes of a library type through an app interface (calls-library-bases)', () => {
  test('`promise.then(...)` on a PromiseLike reaches classes implementing an interface that extends PromiseLike, a field holding then too', () => {
    const r = analyzeApp({ appDir: fixture('calls-library-bases'), catalogs: [] });
    const L = 'src/async.ts';
    expect(edges(r).filter(([from]) => from === `${L}#fromPromise`)).toEqual([
      [`${L}#fromPromise`, `${L}#EitherAsyncImpl.then`, `${L}:32:11`, 'hierarchy'],
      [`${L}#fromPromise`, `${L}#LazyImpl.then`, `${L}:32:11`, 'hierarchy'],
    ]);
  });
});
