import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a position destructured from an array method\'s result holds any element it makes (calls-mapped-pairs)', () => {
  const r = analyzeApp({ appDir: fixture('calls-mapped-pairs'), catalogs: [] });
  const E = 'src/events.ts';

  test('`const [add, remove] = cond ? a.map(f) : b.map(registry(...))`: add() runs what either mapper returns', () => {
    expect(edges(r).filter(([f, , s]) => f === `${E}#listen` && s === `${E}:19:3`)).toEqual([
      [`${E}#listen`, `${E}#listen.<anonymous 1>.<anonymous 1>`, `${E}:19:3`, 'callback'],
      [`${E}#listen`, `${E}#registry.<anonymous 1>.<anonymous 1>`, `${E}:19:3`, 'callback'],
    ]);
  });

  test('remove() inside the returned arrow too', () => {
    expect(edges(r).filter(([f]) => f === `${E}#listen.<anonymous 2>`)).toEqual([
      [`${E}#listen.<anonymous 2>`, `${E}#listen.<anonymous 1>.<anonymous 1>`, `${E}:20:16`, 'callback'],
      [`${E}#listen.<anonymous 2>`, `${E}#registry.<anonymous 1>.<anonymous 1>`, `${E}:20:16`, 'callback'],
    ]);
  });
});
