import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// Reading every own property of an object runs the accessors installed on it (implicit-sites.ts).
describe('installed accessors run by reading every property (calls-spread-accessors)', () => {
  const r = analyzeApp({ appDir: fixture('calls-spread-accessors'), catalogs: [] });
  const C = 'src/config.ts';
  const runs = edges(r).filter(([, to, , kind]) => to === `${C}#sized.get` && kind === 'accessor');

  test('a spread, Object.assign, Object.values and entries, JSON.stringify and structuredClone of a receiver typed where it was installed', () => {
    expect(runs).toEqual([
      [`${C}#assigned`, `${C}#sized.get`, `${C}:23:28`, 'accessor'],
      [`${C}#cloned`, `${C}#sized.get`, `${C}:35:26`, 'accessor'],
      [`${C}#listed`, `${C}#sized.get`, `${C}:27:28`, 'accessor'],
      [`${C}#listed`, `${C}#sized.get`, `${C}:27:50`, 'accessor'],
      [`${C}#serialized`, `${C}#sized.get`, `${C}:31:25`, 'accessor'],
      [`${C}#spread`, `${C}#sized.get`, `${C}:19:15`, 'accessor'],
    ]);
  });

  test('not Object.keys (no value read), nor a spread of another type', () => {
    expect(edges(r).filter(([f]) => f === `${C}#keysOnly` || f === `${C}#other`)).toEqual([]);
  });
});

describe('copied accessors run by a spread (calls-descriptor-copies)', () => {
  const r = analyzeApp({ appDir: fixture('calls-descriptor-copies'), catalogs: [] });
  const D = 'src/defs.ts';

  test("a spread of a definition typed like the one copied with the literal runs the literal's getter", () => {
    expect(edges(r).filter(([f]) => f === `${D}#widened`)).toEqual([[`${D}#widened`, `${D}#pick.shape`, `${D}:48:15`, 'accessor']]);
  });
});

describe('installed accessors of a subtype, through casts and for…in keys (calls-spread-accessors)', () => {
  const r = analyzeApp({ appDir: fixture('calls-spread-accessors'), catalogs: [] });
  const D = 'src/defs.ts';
  const runs = (from: string) => edges(r).filter(([f, , , kind]) => f === from && kind === 'accessor');

  test("a spread of the base type runs a getter installed on a property of a sub-interface", () => {
    expect(runs(`${D}#rebuilt`)).toEqual([[`${D}#rebuilt`, `${D}#lazyItems.get`, `${D}:27:15`, 'accessor']]);
  });

  test('`def[key]` over the keys of a value cast to any from the base type', () => {
    expect(runs(`${D}#walk`)).toEqual([[`${D}#walk`, `${D}#lazyItems.get`, `${D}:34:35`, 'accessor']]);
  });

  test('a read by name through a cast to an unrelated type', () => {
    expect(runs(`${D}#count`)).toEqual([[`${D}#count`, `${D}#lazyItems.get`, `${D}:40:52`, 'accessor']]);
  });

  test('a read by name through a cast from the base type to one having the property: a subtype declaring it', () => {
    expect(runs(`${D}#itemsOf`)).toEqual([[`${D}#itemsOf`, `${D}#lazyItems.get`, `${D}:50:49`, 'accessor']]);
  });

  test("a read of the base type's own property runs none", () => {
    expect(runs(`${D}#typeOf`)).toEqual([]);
  });
});
