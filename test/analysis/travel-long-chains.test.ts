import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// A device value that went further than one walk of the value flow goes (its depth bound), or
// through more nested questions than their bound: the walk goes on past the one and asks again,
// from the top, what the other refused, so the verdict does not depend on how far the value went.
describe('device values that travel far (travel-long-chains)', () => {
  const r = analyzeApp({ appDir: fixture('travel-long-chains'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('a use is pinned however many steps the value took; the steps themselves and pure code stay candidates', () => {
    expect(verdictRows(r)).toEqual({
      [`${A}#Channel.constructor`]: [false, true, []],
      [`${A}#Channel.get`]: [false, true, []],
      [`${A}#Gateway.constructor`]: [false, true, []],
      [`${A}#Gateway.get`]: [false, true, []],
      [`${A}#Route.constructor`]: [false, true, []],
      [`${A}#Route.get`]: [false, true, []],
      [`${A}#Router.constructor`]: [false, true, []],
      [`${A}#Router.get`]: [false, true, []],
      [`${A}#Service.constructor`]: [false, true, []],
      [`${A}#Service.get`]: [false, true, []],
      [`${A}#Sink.get`]: [false, true, []],
      [`${A}#announce`]: [true, false, ['pinned']], // seven returns deep: past the walk's depth bound
      [`${A}#broadcast`]: [true, false, ['pinned']], // thirty list copies: past the nesting bound
      [`${A}#colour`]: [false, true, []],
      [`${A}#fallback`]: [false, true, []],
      [`${A}#format`]: [false, true, []],
      [`${A}#init`]: [true, false, ['pinned']],
      [`${A}#pad`]: [false, true, []],
      [`${A}#register`]: [false, true, []],
      [`${A}#report`]: [true, false, ['pinned']],
      [`${A}#route`]: [false, true, []],
      [`${A}#stamp`]: [false, true, []],
      [`${A}#target`]: [false, true, []],
      [`${A}#total`]: [false, true, []],
      [`${A}#total.<anonymous 1>`]: [false, true, []],
    });
    for (const use of ['announce', 'broadcast', 'report']) expect(pinnedMessages(r, `${A}#${use}`).join('\n')).toContain("'process.stdout'");
  });
});
