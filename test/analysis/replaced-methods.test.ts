import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('methods of object literals replaced elsewhere (calls-replaced-methods)', () => {
  test("a call of a literal's method may run what code elsewhere assigned over it, on receivers that may hold the literal", () => {
    const r = analyzeApp({ appDir: fixture('calls-replaced-methods'), catalogs: [] });
    const S = 'src/stores.ts';
    expect(edges(r).filter(([from, , site]) => from === `${S}#atom.$atom.get` && site === `${S}:12:13`)).toEqual([
      [`${S}#atom.$atom.get`, `${S}#atom.$atom.listen`, `${S}:12:13`, 'method'],
      // through an untyped receiver, and through Listenable, which the literal fits;
      // not mute's (a Widget is made by its class) nor named's (its listen takes a string)
      [`${S}#atom.$atom.get`, `${S}#onStart.$store.listen`, `${S}:12:13`, 'callback'],
      [`${S}#atom.$atom.get`, `${S}#twice.target.listen`, `${S}:12:13`, 'callback'],
    ]);
    // The class's own rule is unchanged: no typed call reaches mute's or named's arrow. Only
    // onStart's `original(fn)` may: `$store.listen` of an untyped $store is anything the app keeps under `listen`.
    expect(edges(r).filter(([, to]) => to === `${S}#mute.widget.listen` || to === `${S}#named.target.listen`)).toEqual([
      [`${S}#onStart.$store.listen`, `${S}#mute.widget.listen`, `${S}:22:39`, 'callback'],
      [`${S}#onStart.$store.listen`, `${S}#named.target.listen`, `${S}:22:39`, 'callback'],
    ]);
  });
});
