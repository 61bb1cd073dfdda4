import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture, verdictRows } from './helpers.js';

describe("a member of a library's container typed by the app's function (calls-library-containers)", () => {
  const r = analyzeApp({ appDir: fixture('calls-library-containers'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('Object.fromEntries(...).size(): the arrow its type was inferred from, the site listed as not all known', () => {
    expect(edges(r)).toEqual([[`${A}#viaFromEntries`, `${A}#ops.size`, `${A}:8:10`, 'callback']]);
    expect(r.unresolved.map((u) => [u.from, u.reason])).toEqual([[`${A}#viaFromEntries`, 'function value held by a library container, typed by an app function']]);
  });

  test('so the method reaches the device function (it was a candidate, the call silently taken for a library call)', () => {
    expect(verdictRows(r)[`${A}#viaFromEntries`]).toEqual([false, false, ['reaches-pinned']]);
    expect(verdictRows(r)[`${A}#plain`]).toEqual([false, true, []]);
  });
});
