import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// Accessors copied as property descriptors run where the copy is read, typed like what is copied
// with it, its target or where it goes (descriptor-copies.ts).
describe('accessors copied as property descriptors (calls-descriptor-copies)', () => {
  const r = analyzeApp({ appDir: fixture('calls-descriptor-copies'), catalogs: [] });
  const D = 'src/defs.ts';
  const C = 'src/counter.ts';
  const accessors = (from: string) => edges(r).filter(([f, , , kind]) => f === from && kind === 'accessor');

  test("descriptors merged by Object.assign from a rest parameter's elements, defined on `{}`: reads typed like the other definition copied run the literal's getter", () => {
    expect(accessors(`${D}#keysOf`)).toEqual([[`${D}#keysOf`, `${D}#pick.shape`, `${D}:34:26`, 'accessor']]);
    // The getter's own read of the definition it was copied with may be such a copy too.
    expect(accessors(`${D}#pick.shape`)).toEqual([[`${D}#pick.shape`, `${D}#pick.shape`, `${D}:27:23`, 'accessor']]);
  });

  test('a literal merged by Object.assign is no copy of its getter: its value is read once, where assign runs', () => {
    // Handed to Object.assign (a callback), and read by it (spread-getters.ts): the same caller, no other.
    expect(edges(r).filter(([, to]) => to === `${D}#plain.checks`)).toEqual([
      [`${D}#plain`, `${D}#plain.checks`, `${D}:39:33`, 'accessor'],
      [`${D}#plain`, `${D}#plain.checks`, `${D}:40:5`, 'callback'],
    ]);
  });

  test("spread descriptors defined on a typed target: reads of the target's type", () => {
    expect(accessors(`${C}#twice`)).toEqual([
      [`${C}#twice`, `${C}#counting.next`, `${C}:23:12`, 'accessor'],
      [`${C}#twice`, `${C}#counting.next`, `${C}:23:21`, 'accessor'],
    ]);
  });

  test('one descriptor held by a variable and defined under a key from a parameter', () => {
    expect(accessors(`${C}#restart`)).toEqual([[`${C}#restart`, `${C}#resetting.reset`, `${C}:41:12`, 'accessor']]);
  });

  test('Object.create with the descriptors of two parameters: reads typed like the other source', () => {
    expect(accessors(`${C}#show`)).toEqual([[`${C}#show`, `${C}#named.label`, `${C}:62:12`, 'accessor']]);
  });
});
