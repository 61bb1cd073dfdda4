import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a record of callbacks read from a parameter under a key of no finite type (calls-open-keyed-parameter)', () => {
  const r = analyzeApp({ appDir: fixture('calls-open-keyed-parameter'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`);

  test('`store[name](...)` with `name: T extends string` runs any function member of the records callers pass', () => {
    expect(at('17:10')).toEqual([
      [`${A}#execute`, `${A}#reducers.dec`, `${A}:17:10`, 'callback'],
      [`${A}#execute`, `${A}#reducers.inc`, `${A}:17:10`, 'callback'],
      [`${A}#execute`, `${A}#tests.positive`, `${A}:17:10`, 'callback'],
    ]);
    // Other callers and keys are not known: the site stays listed.
    expect(r.unresolved.filter((u) => u.site === `${A}:17:10`)).toHaveLength(1);
  });

  test('a key of a finite type still names only its members', () => {
    expect(at('26:10')).toEqual([[`${A}#run`, `${A}#reducers.inc`, `${A}:26:10`, 'callback']]);
  });
});
