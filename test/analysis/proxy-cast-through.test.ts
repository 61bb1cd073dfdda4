import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('proxies behind a cast through any or unknown, or returned as a declared type (calls-proxy-cast-through)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-cast-through'), catalogs: [] });
  const O = 'src/observed.ts';
  const U = 'src/use.ts';
  const traps = (fn: string) => edges(r).filter(([f, to]) => f === fn && to === `${O}#traps.get`);
  test('a read through `as any as T` or `as unknown as T` may read a proxy: the get trap runs', () => {
    expect(traps(`${U}#keysThroughAny`)).toEqual([[`${U}#keysThroughAny`, `${O}#traps.get`, `${U}:4:10`, 'implicit']]);
    expect(traps(`${U}#keysThroughUnknown`)).toEqual([[`${U}#keysThroughUnknown`, `${O}#traps.get`, `${U}:8:10`, 'implicit']]);
  });
  test('a read of what a function returns from its `any` parameter under a declared type may read a proxy', () => {
    expect(traps(`${U}#keysOfEnsured`)).toEqual([[`${U}#keysOfEnsured`, `${O}#traps.get`, `${U}:12:10`, 'implicit']]);
  });
  test('a receiver typed by the interface alone, with no cast, is no proxy', () => {
    expect(traps(`${U}#keysOfTyped`)).toEqual([]);
  });
});
