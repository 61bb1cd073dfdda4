import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('Object.assign through a const holding it (calls-assign-alias)', () => {
  test("`assign(function run() {}, members)` is run: a call of the const it initialises runs it", () => {
    const r = analyzeApp({ appDir: fixture('calls-assign-alias'), catalogs: [] });
    const L = 'src/lib.ts';
    // run is a function value (the const's initializer), so its call is a 'callback' edge, as is step passed to it.
    expect(edges(r).filter(([from]) => from === `${L}#main`)).toEqual([
      [`${L}#main`, `${L}#run`, `${L}:17:10`, 'callback'],
      [`${L}#main`, `${L}#step`, `${L}:17:14`, 'callback'],
    ]);
    expect(edges(r).filter(([from]) => from === `${L}#run`)).toEqual([[`${L}#run`, `${L}#step`, `${L}:7:12`, 'callback']]);
  });
});
