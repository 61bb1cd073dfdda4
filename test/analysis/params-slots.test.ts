import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// What callers pass is followed per parameter and per property (a slot): one walk that meets a
// function for two of its parameters, or for two properties of one, follows both.
describe('parameters passed on from two slots of one function (calls-params-slots)', () => {
  const r = analyzeApp({ appDir: fixture('calls-params-slots'), catalogs: [] });
  const S = 'src/slots.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('two parameters of one function passed to the same callee: the functions passed for both', () => {
    expect(from(`${S}#run`)).toEqual([
      [`${S}#run`, `${S}#alpha`, `${S}:5:3`, 'callback'],
      [`${S}#run`, `${S}#beta`, `${S}:5:3`, 'callback'],
    ]);
  });

  test('two properties of one parameter passed to the same callee: the functions passed for both', () => {
    expect(from(`${S}#exec`)).toEqual([
      [`${S}#exec`, `${S}#ended`, `${S}:14:3`, 'callback'],
      [`${S}#exec`, `${S}#started`, `${S}:14:3`, 'callback'],
    ]);
    // Every caller is known: neither site is listed as unresolved.
    expect(r.unresolved.filter((u) => u.from === `${S}#run` || u.from === `${S}#exec`)).toEqual([]);
  });
});
