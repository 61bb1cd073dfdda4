import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// A data property defined at run time is a store: `Object.defineProperty(o, 'k', { value: f })`
// (also Reflect.defineProperty, and each entry of Object.defineProperties) is `o.k = f`.
describe('data properties defined at run time (calls-defined-values)', () => {
  const r = analyzeApp({ appDir: fixture('calls-defined-values'), catalogs: [] });
  const S = 'src/define.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test("a member an interface declares as a method, defined on the factory's result: the function defined there", () => {
    expect(from(`${S}#useMaker`)).toEqual([
      [`${S}#useMaker`, `${S}#factory`, `${S}:17:10`, 'direct'],
      [`${S}#useMaker`, `${S}#factory.init`, `${S}:17:20`, 'callback'],
    ]);
  });

  test("a class's method redefined on an instance by Reflect.defineProperty: the method and the function defined over it", () => {
    expect(from(`${S}#openIt`)).toEqual([
      [`${S}#openIt`, `${S}#Box.open`, `${S}:37:14`, 'method'],
      [`${S}#openIt`, `${S}#lid`, `${S}:37:14`, 'callback'],
    ]);
  });

  test('Object.defineProperties: each entry, its value written out or shorthand', () => {
    expect(from(`${S}#both`)).toEqual([
      [`${S}#both`, `${S}#lid`, `${S}:51:12`, 'callback'],
      [`${S}#both`, `${S}#value`, `${S}:51:24`, 'callback'],
    ]);
    expect(r.unresolved).toEqual([]);
  });
});
