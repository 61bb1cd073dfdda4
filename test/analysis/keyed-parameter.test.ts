import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a record of handlers read by a key of a finite type from a parameter (calls-keyed-parameter)', () => {
  test('reaches the members of the literals callers pass under the names the key admits', () => {
    const r = analyzeApp({ appDir: fixture('calls-keyed-parameter'), catalogs: [] });
    const V = 'src/visit.ts';
    const U = 'src/use.ts';
    expect(edges(r).filter(([from]) => String(from).startsWith(V))).toEqual([
      [`${V}#visit`, `${V}#visit.<anonymous 1>`, `${V}:15:9`, 'callback'],
      [`${V}#visit`, `${V}#visit.<anonymous 1>`, `${V}:19:10`, 'callback'],
      // const h = (fnOrHandlers as Handlers)[node.def.type]; h(node)
      [`${V}#visit.<anonymous 1>`, `${U}#deep.object`, `${V}:17:22`, 'callback'],
      [`${V}#visit.<anonymous 1>`, `${U}#deep.union`, `${V}:17:22`, 'callback'],
      // handlers[kind]?.(s) with kind: 'object' | 'array': never `union`
      [`${V}#visitObjects`, `${U}#shallow.object`, `${V}:25:10`, 'callback'],
    ]);
  });
});
