import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a handed-out function is known by the result type its exported function writes out (calls-handed-back-declared)', () => {
  test('a written result with no call signature, or one the callee does not admit, hands out nothing; an open or unwritten one the function itself', () => {
    const r = analyzeApp({ appDir: fixture('calls-handed-back-declared'), catalogs: [] });
    const F = 'src/factory.ts';
    const site = `${F}:66:10`;
    // Kept: labeller's arrow (known as () => string), later's (awaited), plain's (no result written),
    // picked's (T: the caller picks), loose's (Function), opaque's (unknown), over's (overloads: the implementation's result is hidden).
    // Left out: factory's `_` (its interface has no call signature), counts' tally (a record), numbered's arrow
    // (callers hold a (n: number) => string, which a callee passing a string does not admit).
    expect(edges(r).filter(([from]) => from === `${F}#run`)).toEqual([
      [`${F}#run`, `${F}#labeller.<anonymous 1>`, site, 'callback'],
      [`${F}#run`, `${F}#later.<anonymous 1>`, site, 'callback'],
      [`${F}#run`, `${F}#loose.anyhow`, site, 'callback'],
      [`${F}#run`, `${F}#opaque.kept`, site, 'callback'],
      [`${F}#run`, `${F}#over.both`, site, 'callback'],
      [`${F}#run`, `${F}#picked.given`, site, 'callback'],
      [`${F}#run`, `${F}#plain.<anonymous 1>`, site, 'callback'],
    ]);
    // Still unresolved: other callers may pass other functions.
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${F}#run`, site]]);
  });
});
