import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// `this` in a class's method is an instance of the class or of a subclass (this-types.ts).
describe('`this` of a class and accessors installed on a prototype (calls-this-types)', () => {
  const r = analyzeApp({ appDir: fixture('calls-this-types'), catalogs: [] });
  const I = 'src/install.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('an accessor installed on the prototype of a Schema (typed any) runs at reads on open receivers', () => {
    expect(from(`${I}#kindOf`)).toEqual([[`${I}#kindOf`, `${I}#init.get`, `${I}:26:17`, 'accessor']]);
    expect(from(`${I}#kindOfAny`)).toEqual([[`${I}#kindOfAny`, `${I}#init.get`, `${I}:30:17`, 'accessor']]);
  });

  test('at `this` of a class only when a direct instance of it, a base or a subclass may be a Schema', () => {
    expect(from(`${I}#Legacy.kind`)).toEqual([]);
    expect(from(`${I}#Base.baseKind`)).toEqual([[`${I}#Base.baseKind`, `${I}#init.get`, `${I}:38:17`, 'accessor']]); // Concrete extends it
    expect(from(`${I}#Derived.derivedKind`)).toEqual([[`${I}#Derived.derivedKind`, `${I}#init.get`, `${I}:48:17`, 'accessor']]); // extends Concrete
  });

  test("`this` of a class stays a possible proxy: a generic maker may wrap one of its instances", () => {
    expect(from('src/store.ts#Store.count')).toEqual([['src/store.ts#Store.count', 'src/lazy.ts#transparent.get', 'src/store.ts:6:12', 'implicit']]);
  });
});
