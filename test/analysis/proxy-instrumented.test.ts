import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('proxies whose get trap hands out instrumented methods (calls-proxy-instrumented)', () => {
  const r = analyzeApp({ appDir: fixture('calls-proxy-instrumented'), catalogs: [] });
  const H = 'src/handlers.ts';
  const C = 'src/collections.ts';
  const I = 'src/instrumented.ts';
  const rows = (from: string, site: string) => edges(r).filter(([f, , s]) => f === from && s === site);
  test("a built-in applied to a parameter that callers pass the proxy as (`raw[method].apply(self, args)`, `this` of a method handed out from an imported literal) runs the proxy's traps", () => {
    expect(rows(`${H}#untracked`, `${H}:12:39`)).toEqual([
      [`${H}#untracked`, `${H}#handler.get`, `${H}:12:39`, 'implicit'],
      [`${H}#untracked`, `${H}#handler.set`, `${H}:12:39`, 'implicit'],
    ]);
  });
  test('join() of an array whose elements may be proxies reads each through the get trap', () => {
    expect(rows(`${I}#instrumented.join`, `${I}:9:26`)).toEqual([[`${I}#instrumented.join`, `${H}#handler.get`, `${I}:9:26`, 'implicit']]);
  });
  test('Reflect.get under a key not known runs the getters of the literal it may read', () => {
    expect(rows(`${C}#collectionHandler.get`, `${C}:19:24`)).toEqual([
      [`${C}#collectionHandler.get`, `${C}#makeInstrumentations.instrumentations.size`, `${C}:19:24`, 'accessor'],
    ]);
  });
});
