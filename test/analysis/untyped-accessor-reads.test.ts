import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a read through a receiver typed any runs accessors installed on a declared property (calls-untyped-accessor-reads)', () => {
  const r = analyzeApp({ appDir: fixture('calls-untyped-accessor-reads'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (f: string): string[][] => edges(r).filter(([x]) => x === f);

  test("`caught.status` with `caught: any`: the getter defineProperty installed on FetchError's declared `status`", () => {
    expect(from(`${A}#statusOf`)).toEqual([[`${A}#statusOf`, `${A}#createError.get`, `${A}:29:17`, 'accessor']]);
  });

  test('a receiver of an unrelated declared type does not run it', () => {
    expect(from(`${A}#statusOfOther`)).toEqual([]);
  });
});
