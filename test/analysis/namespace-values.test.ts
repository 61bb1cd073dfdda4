import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a module's value read through its namespace (calls-namespace-values)", () => {
  test('`D.Functor.map(...)` runs what the literal D.Functor holds, as `Functor.map(...)` does, though map is the library interface\'s', () => {
    const r = analyzeApp({ appDir: fixture('calls-namespace-values'), catalogs: [] });
    const C = 'src/codec.ts';
    const D = 'src/decoder.ts';
    const mapCalls = edges(r).filter(([from, to]) => from!.startsWith(`${C}#`) && to!.startsWith(`${D}#`));
    expect(mapCalls).toEqual([
      [`${C}#viaDeclaredNamespace`, `${D}#map_`, `${C}:19:26`, 'callback'],
      [`${C}#viaImport`, `${D}#map_`, `${C}:15:18`, 'callback'],
      [`${C}#viaNamespace`, `${D}#map_`, `${C}:7:20`, 'callback'],
      [`${C}#viaNamespaceInline`, `${D}#Inline.map`, `${C}:11:19`, 'callback'],
    ]);
  });
});
