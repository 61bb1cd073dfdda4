import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// Device-value questions nested deeper than their bound (24): a refused question is a cut on it,
// searched from the top later, not an answer of nothing, so a chain or cycle of any length ends
// with the device value found (main before this answered the ring's parameter as nothing).
describe('device-value questions past the nesting bound (travel-question-chains)', () => {
  const r = analyzeApp({ appDir: fixture('travel-question-chains'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('the uses at the far end of a chain, round a cycle and past 100 list copies are pinned', () => {
    const passing: Record<string, unknown[]> = {};
    // Each passes the value on and calls what is pinned: it is no use itself.
    for (let i = 0; i < 99; i++) passing[`${A}#hand${i}`] = [false, false, ['reaches-pinned']];
    for (let i = 0; i < 100; i++) if (i !== 49) passing[`${A}#ring${i}`] = [false, false, ['reaches-pinned']];
    expect(verdictRows(r)).toEqual({
      ...passing,
      [`${A}#broadcast`]: [true, false, ['pinned']], // 100 list copies
      [`${A}#enter`]: [true, false, ['pinned']],
      [`${A}#hand99`]: [true, false, ['pinned']], // 100 calls down the chain
      [`${A}#register`]: [true, false, ['pinned']],
      [`${A}#ring49`]: [true, false, ['pinned']], // 99 calls round the ring
      [`${A}#start`]: [true, false, ['pinned']],
      [`${A}#total`]: [false, true, []],
      [`${A}#total.<anonymous 1>`]: [false, true, []],
    });
    for (const use of ['hand99', 'ring49', 'broadcast']) expect(pinnedMessages(r, `${A}#${use}`).join('\n')).toContain("'process.stdout'");
  });
});
