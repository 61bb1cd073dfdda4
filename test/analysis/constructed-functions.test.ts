import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('`new` of a function value runs the function (calls-constructed-functions)', () => {
  const r = analyzeApp({ appDir: fixture('calls-constructed-functions'), catalogs: [] });
  const F = 'src/factory.ts';
  const K = 'src/kinds.ts';
  const U = 'src/use.ts';
  const into = (from: string): string[][] => edges(r).filter(([f]) => f === from);

  test("a const holding a constructor factory's result, also through a namespace import: the factory's inner `_`", () => {
    expect(into(`${K}#size`)).toEqual([[`${K}#size`, `${F}#maker._`, `${K}:14:10`, 'constructor']]);
    expect(into(`${U}#viaNamespace`)).toEqual([[`${U}#viaNamespace`, `${F}#maker._`, `${U}:6:10`, 'constructor']]);
  });

  test('a function declaration or a function expression in a const, used with new: that function; an arrow is no constructor', () => {
    expect(into(`${U}#point`)).toEqual([[`${U}#point`, `${U}#Point`, `${U}:14:10`, 'constructor']]);
    expect(into(`${U}#legacy`)).toEqual([[`${U}#legacy`, `${U}#Legacy`, `${U}:22:10`, 'constructor']]);
    expect(into(`${U}#notConstructible`)).toEqual([]);
  });

  test('a constructor received as a parameter: what the callers pass; from callers outside, the handed-out functions whose type fits', () => {
    expect(into(`${U}#build`)).toEqual([[`${U}#build`, `${F}#maker._`, `${U}:33:10`, 'callback']]);
    // Not named's Named: its type takes a string and makes no Size.
    expect(into(`${U}#fromOutside`)).toEqual([[`${U}#fromOutside`, `${F}#maker._`, `${U}:43:10`, 'constructor']]);
    // Nor at a `new` of a library constructor type: maker's `_` makes a Trait (T's constraint), never a Function.
    expect(into(`${U}#fromLibrary`)).toEqual([]);
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([
      [`${U}#fromLibrary`, `${U}:49:10`],
      [`${U}#fromOutside`, `${U}:43:10`],
      [`${U}#notConstructible`, `${U}:28:10`],
    ]);
  });
});
