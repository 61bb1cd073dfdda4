import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('reads that a typeof test rules functions out of (calls-typeof-guards)', () => {
  const r = analyzeApp({ appDir: fixture('calls-typeof-guards'), catalogs: [] });
  const L = 'src/state.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${L}:${site}`);

  test('an updater is run, not returned: a call of the result runs what the updater returns, never the updater', () => {
    // `typeof next === 'function' ? next(prev) : next` returns next only when it is not a function: run.<anonymous 1> is not there.
    expect(at('12:3')).toEqual([[`${L}#run`, `${L}#beep`, `${L}:12:3`, 'callback']]);
    // The updater itself runs in resolve.
    expect(at('6:39')).toEqual([[`${L}#resolve`, `${L}#run.<anonymous 1>`, `${L}:6:39`, 'callback']]);
  });

  test('a variable assigned after its test is not ruled out: what it is given later still flows', () => {
    expect(at('21:35')).toEqual([[`${L}#reassigned`, `${L}#beep`, `${L}:21:35`, 'callback']]);
  });

  test("a parameter of a function reading `arguments` is not ruled out: sloppy code assigns it through arguments[i]", () => {
    expect(at('36:35')).toEqual([[`${L}#viaArguments`, `${L}#beep`, `${L}:36:35`, 'callback']]);
  });
});
