import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back through a callee typed by type parameters (calls-handed-back-generic)', () => {
  test("the callee's type parameters are erased: what fits once T is picked may run; a wrong result or arity does not", () => {
    const r = analyzeApp({ appDir: fixture('calls-handed-back-generic'), catalogs: [] });
    const L = 'src/lib.ts';
    // fn: (value: T, index: number) => PropertyKey | undefined. identity()'s <U>(x: U) => U and constant(v)'s
    // () => V fit once T and V are picked; isPositive()'s arrow returns a boolean, join3()'s needs three arguments.
    expect(edges(r).filter(([from]) => from === `${L}#countBy.<anonymous 1>`)).toEqual([
      [`${L}#countBy.<anonymous 1>`, `${L}#constant.<anonymous 1>`, `${L}:24:15`, 'callback'],
      [`${L}#countBy.<anonymous 1>`, `${L}#identityImpl`, `${L}:24:15`, 'callback'],
    ]);
    // pred: (n: number) => boolean names no type parameter: compared as written, only the predicate fits.
    expect(edges(r).filter(([from]) => from === `${L}#keep`)).toEqual([[`${L}#keep`, `${L}#isPositive.<anonymous 1>`, `${L}:33:27`, 'callback']]);
    // Both stay listed: callers outside may pass other functions.
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([
      [`${L}#countBy.<anonymous 1>`, `${L}:24:15`],
      [`${L}#keep`, `${L}:33:27`],
    ]);
  });
});
