import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// `new Promise((resolve) => resolve(x))` settles to x (legality/promise-steps.ts executorResolved).
describe('promises settled by their executor (travel-promise-executor)', () => {
  const r = analyzeApp({ appDir: fixture('travel-promise-executor'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('what resolve is given reaches the then callback and the awaiting code', () => {
    const v = verdictRows(r);
    expect(v[`${A}#thenWrite.<anonymous 2>`]![0]).toBe(true);
    expect(v[`${A}#awaitWrite`]![0]).toBe(true);
    expect(v[`${A}#laterWrite`]![0]).toBe(true);
    expect(pinnedMessages(r, `${A}#awaitWrite`).join('\n')).toContain("'process.stderr'");
  });

  test('a promise settled with data pins nothing', () => {
    expect(verdictRows(r)[`${A}#counted`]![2]).not.toContain('pinned');
  });
});
