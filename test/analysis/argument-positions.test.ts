import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// A declared `this` parameter takes no argument: the first argument is the next parameter's.
describe('functions that declare their `this` (calls-this-parameter)', () => {
  const r = analyzeApp({ appDir: fixture('calls-this-parameter'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test("the first argument reaches the parameter after `this`: called as a member, by `.call`, spread into a rest, returned in a closure", () => {
    expect(targets(r, `${A}#runWith`)).toEqual([`${A}#tick`, `${A}#tock`]);
    expect(targets(r, `${A}#runAll`)).toEqual([`${A}#first`, `${A}#second`]);
    expect(targets(r, `${A}#deferWith.<anonymous 1>`)).toEqual([`${A}#later`]);
    expect(targets(r, `${A}#tools.run`)).toEqual([`${A}#nested`]);
  });

  test('a device value passed first pins the function that uses it; its pure neighbour stays a candidate', () => {
    const v = verdictRows(r);
    expect(v[`${A}#writeTo`]).toEqual([true, false, ['pinned']]);
    expect(v[`${A}#measure`]).toEqual([false, true, []]);
    expect(pinnedMessages(r, `${A}#writeTo`)).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/app.ts:48 -> 'process.stdout' at src/app.ts:48 -> used at src/app.ts:20",
    ]);
  });
});
