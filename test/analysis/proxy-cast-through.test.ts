import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('proxies typed Object or {} behind a cast, or returned as a declared type (calls-proxy-cast-through)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-cast-through'), catalogs: [] });
  const O = 'src/observed.ts';
  const U = 'src/use.ts';
  const traps = (fn: string) => edges(r).filter(([f, to]) => f === fn && to === `${O}#traps.get`);
  test('a read through `as any as T` or `as unknown as T` of a value typed `Object` or `{}` may read a proxy: the get trap runs', () => {
    expect(traps(`${U}#keysThroughAny`)).toEqual([[`${U}#keysThroughAny`, `${O}#traps.get`, `${U}:4:10`, 'implicit']]);
    expect(traps(`${U}#keysThroughUnknown`)).toEqual([[`${U}#keysThroughUnknown`, `${O}#traps.get`, `${U}:8:10`, 'implicit']]);
  });
  test('a read of what a function returns from its parameter under a declared type is a read of the argument: a proxy when that may be', () => {
    expect(traps(`${U}#keysOfEnsured`)).toEqual([[`${U}#keysOfEnsured`, `${O}#traps.get`, `${U}:16:10`, 'implicit']]);
    expect(traps(`${U}#keysOfEnsuredDate`)).toEqual([]);
  });
  test('a receiver typed by the interface alone, or cast from a class type, is no proxy', () => {
    expect(traps(`${U}#keysOfTyped`)).toEqual([]);
    expect(traps(`${U}#keysOfDate`)).toEqual([]);
  });
});
