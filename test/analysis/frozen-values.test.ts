import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('Object.freeze/seal/preventExtensions return what they are given (calls-frozen-values)', () => {
  const r = analyzeApp({ appDir: fixture('calls-frozen-values'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`).map(([from, to]) => [from, to]);

  test("a frozen array, a parameter's default, holds its elements", () => {
    expect(at('25:27')).toEqual([
      [`${A}#validate.<anonymous 1>`, `${A}#knownTypes`],
      [`${A}#validate.<anonymous 1>`, `${A}#uniqueNames`],
    ]);
  });

  test('a sealed array iterated, a function kept from extensions', () => {
    expect(at('31:30')).toEqual([[`${A}#validateSealed`, `${A}#lonelyRule`]]);
    expect(at('36:3')).toEqual([[`${A}#runFrozen`, `${A}#lonelyRule`]]);
  });
});
