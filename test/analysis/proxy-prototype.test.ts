import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a prototype read from an app's constructor may be a proxy; the standard library's are not (calls-proxy-prototype)", () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-prototype'), catalogs: [] });
  const K = 'src/kinds.ts';
  const U = 'src/use.ts';
  const trapsFrom = (fn: string) => edges(r).filter(([f, to]) => f === fn && (to ?? '').startsWith(`${K}#traps.`));
  test('a write or read on `Kind.prototype` (typed any by `Function`) runs the set or get trap of the proxy assigned there', () => {
    expect(trapsFrom(`${U}#extendKind`)).toEqual([[`${U}#extendKind`, `${K}#traps.set`, `${U}:6:3`, 'implicit']]);
    expect(trapsFrom(`${U}#readKind`)).toEqual([[`${U}#readKind`, `${K}#traps.get`, `${U}:10:10`, 'implicit']]);
  });
  test('`Array.prototype` and `Object.prototype` are the standard library\'s own objects: no trap', () => {
    expect(trapsFrom(`${U}#listNames`)).toEqual([]);
    expect(trapsFrom(`${U}#ownKey`)).toEqual([]);
  });
  test('what the app hangs on a global is not the library\'s: `(globalThis as any).kinds.push(...)` may read a proxy', () => {
    expect(trapsFrom(`${U}#addShared`)).toContainEqual([`${U}#addShared`, `${K}#traps.get`, `${U}:26:29`, 'implicit']);
  });
});
