import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('erased type parameters keep the shape around them (calls-generic-shapes)', () => {
  test('an object type no pick makes a primitive (V[], readonly E[]) does not fit a primitive; a bound that admits one ({}) does', () => {
    const r = analyzeApp({ appDir: fixture('calls-generic-shapes'), catalogs: [] });
    const L = 'src/lib.ts';
    const from = (id: string): string[][] => edges(r).filter(([f]) => f === id);
    // fn: (value: T, index: number) => PropertyKey | undefined: tagOf's K, boxed's B and firstOf's E may be keys;
    // pluck's V[] may not.
    expect(from(`${L}#countBy.<anonymous 1>`)).toEqual([
      [`${L}#countBy.<anonymous 1>`, `${L}#boxed.<anonymous 1>`, `${L}:21:15`, 'callback'],
      [`${L}#countBy.<anonymous 1>`, `${L}#firstOf.<anonymous 1>`, `${L}:21:15`, 'callback'],
      [`${L}#countBy.<anonymous 1>`, `${L}#tagOf.<anonymous 1>`, `${L}:21:15`, 'callback'],
    ]);
    // fn: (i: number) => T: the result is free; firstOf's list cannot be the number.
    expect(from(`${L}#atEach`)).toEqual([
      [`${L}#atEach`, `${L}#boxed.<anonymous 1>`, `${L}:30:40`, 'callback'],
      [`${L}#atEach`, `${L}#pluck.<anonymous 1>`, `${L}:30:40`, 'callback'],
      [`${L}#atEach`, `${L}#tagOf.<anonymous 1>`, `${L}:30:40`, 'callback'],
    ]);
  });
});
