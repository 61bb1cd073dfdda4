import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions a library call returns (calls-library-results)', () => {
  test('calling what `fold(failure, success)` or `debounce(save)` returned runs the app functions handed to it', () => {
    const r = analyzeApp({ appDir: fixture('calls-library-results'), catalogs: [] });
    const L = 'src/report.ts';
    expect(edges(r)).toEqual([
      [`${L}#viaConst`, `${L}#failure`, `${L}:31:10`, 'callback'],
      [`${L}#viaConst`, `${L}#save`, `${L}:30:3`, 'callback'],
      [`${L}#viaConst`, `${L}#success`, `${L}:31:10`, 'callback'],
      // Through the interface member the literal implements.
      [`${L}#viaMember`, `${L}#failure`, `${L}:26:23`, 'hierarchy'],
      [`${L}#viaMember`, `${L}#success`, `${L}:26:23`, 'hierarchy'],
    ]);
    // label went to a call whose result is a string: nothing calls it here.
    expect(r.unresolved).toEqual([]);
  });
});
