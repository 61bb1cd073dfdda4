import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('an index store at a literal index writes that position; a spread into a call hands each position to its parameter (calls-index-stores)', () => {
  const r = analyzeApp({ appDir: fixture('calls-index-stores'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test('`given[2] = quietLog` on an empty tuple spread into `buildStore(...given)`: the read of position 2 runs it besides the default there', () => {
    expect(from('read')).toEqual([
      [`${A}#read`, `${A}#blocksOf`, `${A}:20:3`, 'direct'],
      [`${A}#read`, `${A}#log`, `${A}:20:3`, 'callback'],
      [`${A}#read`, `${A}#quietLog`, `${A}:20:3`, 'callback'],
    ]);
  });

  test('`copy[1] = loudWrite` on a copy spread into the builder: a read of position 1 runs it; the read of 0 runs neither override', () => {
    expect(from('overridden').filter(([, , site, kind]) => site === `${A}:47:3` && kind === 'callback')).toEqual([
      [`${A}#overridden`, `${A}#loudWrite`, `${A}:47:3`, 'callback'],
      [`${A}#overridden`, `${A}#write`, `${A}:47:3`, 'callback'],
    ]);
    expect(from('write')).toEqual([
      [`${A}#write`, `${A}#blocksOf`, `${A}:25:3`, 'direct'],
      [`${A}#write`, `${A}#read`, `${A}:25:3`, 'callback'],
    ]);
  });

  test('a store at an index typed `number` may be at any position: the read of 0 runs it', () => {
    expect(from('anywhere').filter(([, , site]) => site === `${A}:61:3`)).toEqual([[`${A}#anywhere`, `${A}#quietLog`, `${A}:61:3`, 'callback']]);
  });

  test('`runBoth(...pair, store)` of a tuple: each parameter takes what stands at its position (`pair[1] = quietLog` reaches the second only)', () => {
    expect(from('runBoth').map(([, to, site]) => `${site} ${to}`).sort()).toEqual([`${A}:66:3 ${A}#log`, `${A}:66:3 ${A}#quietLog`, `${A}:67:3 ${A}#log`]);
  });
});
