import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// `this` in a class's method is an instance of the class or of a subclass (this-types.ts): the
// rules that take a type parameter for a receiver that may be anything read it as the class.
describe('`this` read as its class (calls-this-types)', () => {
  const r = analyzeApp({ appDir: fixture('calls-this-types'), catalogs: [] });
  const I = 'src/install.ts';
  const L = 'src/lazy.ts';
  const S = 'src/store.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('an accessor installed on a prototype typed any runs at reads on opaque receivers, not at `this` of an unrelated class', () => {
    expect(from(`${I}#kindOf`)).toEqual([[`${I}#kindOf`, `${I}#init.get`, `${I}:26:17`, 'accessor']]);
    expect(from(`${I}#kindOfAny`)).toEqual([[`${I}#kindOfAny`, `${I}#init.get`, `${I}:30:17`, 'accessor']]);
    expect(from(`${I}#Legacy.kind`)).toEqual([]);
  });

  test("`this` may be a proxy when a proxy's target is an instance of its class or of a subclass", () => {
    expect(from(`${L}#Counter.inc`)).toEqual([
      [`${L}#Counter.inc`, `${L}#set`, `${L}:15:5`, 'implicit'],
      [`${L}#Counter.inc`, `${L}#transparent.get`, `${L}:15:14`, 'implicit'],
      [`${L}#Counter.inc`, `${L}#transparent.get`, `${L}:16:12`, 'implicit'],
    ]);
    expect(from(`${L}#LoudCounter.shout`)).toEqual([[`${L}#LoudCounter.shout`, `${L}#transparent.get`, `${L}:22:15`, 'implicit']]);
  });

  test('`this` of a class no proxy wraps is no proxy, as a receiver declared with that class is not; an opaque receiver still is', () => {
    expect(from(`${S}#Store.count`)).toEqual([]);
    expect(from(`${S}#countOf`)).toEqual([]);
    expect(from(`${S}#sizeOf`)).toEqual([[`${S}#sizeOf`, `${L}#transparent.get`, `${S}:17:10`, 'implicit']]);
  });
});
