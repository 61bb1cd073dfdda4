import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('class members under a well-known symbol are named by their key (calls-symbol-keyed-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-symbol-keyed-members'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`).map(([from, to, , kind]) => [from, to, kind]);
  const tags = ['Base', 'Derived', 'ListType', 'ScalarType'].map((c) => `${A}#${c}.[Symbol.toStringTag]`);

  test('a read through a type literal declaring the key runs the getters of the classes fitting it (not Plain)', () => {
    expect(at('26:32')).toEqual(tags.map((t) => [`${A}#sameRealm`, t, 'accessor']));
  });

  test("a read on a base class runs a subclass's override (classes of its shape alone are matched by written names)", () => {
    expect(at('46:12')).toEqual([`${A}#Base.[Symbol.toStringTag]`, `${A}#Derived.[Symbol.toStringTag]`].map((t) => [`${A}#tagOf`, t, 'accessor']));
  });
});
