import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a class field holding a function implements the interface's method of its name (calls-field-implementations)", () => {
  const r = analyzeApp({ appDir: fixture('calls-field-implementations'), catalogs: [] });
  const A = 'src/app.ts';

  test('a call through the interface runs what each implementing class field holds, not a static field', () => {
    expect(edges(r).filter(([f]) => f === `${A}#run`)).toEqual([
      [`${A}#run`, `${A}#helpers.matchAll`, `${A}:34:17`, 'hierarchy'],
      [`${A}#run`, `${A}#match`, `${A}:34:17`, 'hierarchy'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
