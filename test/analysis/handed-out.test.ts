import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions the app hands to its callers come back (calls-handed-back)', () => {
  test('a call through a parameter whose callers are outside may run what exported functions return, when its type fits', () => {
    const r = analyzeApp({ appDir: fixture('calls-handed-back'), catalogs: [] });
    const S = 'src/signals.ts';
    // run(fn): fn() may be signal()'s bound read (known outside as () => number) or watch()'s
    // bound clear; format()'s arrow needs an argument, so it does not fit () => void.
    expect(edges(r).filter(([from]) => from === `${S}#run`)).toEqual([
      [`${S}#run`, `${S}#clear`, `${S}:27:3`, 'callback'],
      [`${S}#run`, `${S}#read`, `${S}:27:3`, 'callback'],
    ]);
    // each(xs, f) is called by the app alone: f is what total passes, nothing handed out.
    expect(edges(r).filter(([from]) => from === `${S}#each`)).toEqual([[`${S}#each`, `${S}#total.<anonymous 1>`, `${S}:32:23`, 'callback']]);
    // Still unresolved: other callers' functions are not known.
    expect(r.unresolved).toEqual([{ from: `${S}#run`, site: `${S}:27:3`, text: 'fn', reason: 'function value received as a parameter' }]);
  });
});
