import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a lazy pipe: evaluators built in stages and run through a loop variable (calls-lazy-pipe)', () => {
  const r = analyzeApp({ appDir: fixture('calls-lazy-pipe'), catalogs: [] });
  const L = 'src/lib.ts';
  const from = (id: string): string[][] => edges(r).filter(([f]) => f === `${L}#${id}`);

  test('`lazyFn(...)` over `sequence.entries()` runs the evaluators that the carried `lazy` factories return', () => {
    // take's factory comes back out of toSingle(takeLazy) (a returned parameter: what purry's caller passed).
    // sequence (a parameter) <- pipe's array <- push <- map over functions <- prepare's Object.assign(fn) <-
    // lazy(...) <- `lazy` put on dataLast by Object.assign <- purry's parameter <- mapLazy / takeLazy.
    expect(from('processItem')).toEqual([
      [`${L}#processItem`, `${L}#mapLazy.<anonymous 1>`, `${L}:58:15`, 'callback'],
      [`${L}#processItem`, `${L}#processItem`, `${L}:61:47`, 'direct'],
      [`${L}#processItem`, `${L}#takeLazy.<anonymous 1>`, `${L}:58:15`, 'callback'],
    ]);
    // `stray` has the evaluators' type but no data-last function carries it: only run() calls it.
    expect(edges(r).filter(([, to]) => to === `${L}#stray`)).toEqual([['src/main.ts#run', `${L}#stray`, 'src/main.ts:4:3', 'callback']]);
  });

  test('the factories themselves run where `lazy` is read back', () => {
    expect(from('prepare')).toEqual([
      [`${L}#prepare`, `${L}#mapLazy`, `${L}:70:14`, 'callback'],
      [`${L}#prepare`, `${L}#takeLazy`, `${L}:70:14`, 'callback'],
    ]);
  });
});
