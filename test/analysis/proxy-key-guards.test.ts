import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// A get trap's return under a test of its key runs for reads of those names only (callgraph/trap-key-guards.ts).
describe('what a get trap hands out under a test of its key (calls-proxy-key-guards)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-key-guards'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';
  const writer = `${A}#writeOut`;
  const measure = `${A}#measure`;
  const subscribe = `${A}#subscribeTerminal`;

  test('a call of a name the test admits runs what that branch returns', () => {
    expect(targets(r, `${A}#watch`)).toContain(subscribe);
    expect(targets(r, `${A}#save`)).toContain(writer);
    expect(targets(r, `${A}#reload`)).toContain(writer);
    expect(targets(r, `${A}#size`)).toContain(measure);
  });

  test('a call of another name does not', () => {
    expect(targets(r, `${A}#listen`)).not.toContain(subscribe);
    expect(targets(r, `${A}#count`)).not.toContain(writer);
    expect(targets(r, `${A}#count`)).not.toContain(measure);
    expect(targets(r, `${A}#size`)).not.toContain(writer);
  });

  test('so only the listener handed to the admitted name is given the terminal', () => {
    const v = verdictRows(r);
    expect(v[`${A}#onOutput`]!.slice(0, 2)).toEqual([true, false]);
    expect(pinnedMessages(r, `${A}#onOutput`).join('\n')).toContain("'process.stdout'");
    expect(v[`${A}#onTick`]).toEqual([false, true, []]);
  });
});
