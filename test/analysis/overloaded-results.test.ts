import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('values overloaded functions hand out, known by the overloads\' results (calls-overloaded-results)', () => {
  const r = analyzeApp({ appDir: fixture('calls-overloaded-results'), catalogs: [] });
  const R = 'src/ref.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${R}#${fn}`);
  test("a read of the declared interface's accessor runs the getters of the classes handed out (through a call's return, or `as any`)", () => {
    expect(from('unref')).toEqual([
      [`${R}#unref`, `${R}#GetterRef.value`, `${R}:70:23`, 'accessor'],
      [`${R}#unref`, `${R}#RefImpl.value`, `${R}:70:23`, 'accessor'],
      [`${R}#unref`, `${R}#isRef`, `${R}:70:10`, 'direct'],
    ]);
    // Counter has a `value` getter too, but no overloaded function hands it out as a Ref.
    expect(edges(r).filter(([, to]) => to === `${R}#Counter.value`)).toEqual([]);
  });
  test('a write runs them too, as for any accessor; a call of the declared method runs the value\'s method', () => {
    expect(from('reset')).toEqual([
      [`${R}#reset`, `${R}#GetterRef.value`, `${R}:74:5`, 'accessor'],
      [`${R}#reset`, `${R}#RefImpl.value`, `${R}:74:5`, 'accessor'],
    ]);
    expect(from('unbox')).toEqual([[`${R}#unbox`, `${R}#BoxImpl.open`, `${R}:78:12`, 'method']]);
  });
});
