import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('`new` of a class a call returns (calls-new-returned-class)', () => {
  const r = analyzeApp({ appDir: fixture('calls-new-returned-class'), catalogs: [] });
  const A = 'src/app.ts';
  const constructs = (from: string): string[][] => edges(r).filter(([f, , , kind]) => f === from && kind === 'constructor');

  test('the classes the called arrows return, though their type says only Function', () => {
    expect(constructs(`${A}#instantiate`)).toEqual([
      [`${A}#instantiate`, `${A}#Album.constructor`, `${A}:30:10`, 'constructor'],
      [`${A}#instantiate`, `${A}#Photo.constructor`, `${A}:30:10`, 'constructor'],
    ]);
  });

  test('each branch a function returns, called directly or held in a const first; never a class it does not return', () => {
    expect(constructs(`${A}#picked`)).toEqual([
      [`${A}#picked`, `${A}#Album.constructor`, `${A}:38:10`, 'constructor'],
      [`${A}#picked`, `${A}#Photo.constructor`, `${A}:38:10`, 'constructor'],
    ]);
    expect(constructs(`${A}#heldFirst`)).toEqual([
      [`${A}#heldFirst`, `${A}#Album.constructor`, `${A}:52:10`, 'constructor'],
      [`${A}#heldFirst`, `${A}#Photo.constructor`, `${A}:52:10`, 'constructor'],
    ]);
    expect(edges(r).filter(([, to]) => to === `${A}#Unrelated.constructor`)).toEqual([]);
  });

  test('a class returned by a function received as a parameter stays unresolved (a known gap)', () => {
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${A}#viaFactory`, `${A}:43:10`]]);
  });
});
