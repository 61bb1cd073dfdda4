import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// A spread reads every own property: the getters written in the literals the value may be (spread-getters.ts).
describe('literal getters run by a spread (calls-spread-getters)', () => {
  const r = analyzeApp({ appDir: fixture('calls-spread-getters'), catalogs: [] });
  const S = 'src/schemas.ts';
  const accessors = edges(r).filter(([, , , kind]) => kind === 'accessor');

  test("a spread of a value typed by an interface (or a type parameter bound by it), Object.assign's source, and a literal's own type", () => {
    expect(accessors).toEqual([
      // a union bound with an interface having the property through `Omit<Schema, ...>`: later's literal fits only it
      [`${S}#configured`, `${S}#later.standard`, `${S}:94:15`, 'accessor'],
      [`${S}#configured`, `${S}#text.standard`, `${S}:94:15`, 'accessor'],
      [`${S}#copied`, `${S}#text.standard`, `${S}:39:28`, 'accessor'],
      [`${S}#moved`, `${S}#origin.norm`, `${S}:51:15`, 'accessor'],
      // and as a member of an intersection
      // (text's too, by Schema's declaration of `standard`, as a read of it finds)
      [`${S}#unpiped`, `${S}#later.standard`, `${S}:99:15`, 'accessor'],
      [`${S}#unpiped`, `${S}#text.standard`, `${S}:99:15`, 'accessor'],
      [`${S}#withFallback`, `${S}#text.standard`, `${S}:30:8`, 'accessor'],
    ]);
  });

  test('not the getters of a class instance (on its prototype), of literals another type does not fit, nor through an optional member', () => {
    expect(edges(r).filter(([from]) => [`${S}#counted`, `${S}#plain`, `${S}#params`].includes(from!))).toEqual([]);
  });
});
