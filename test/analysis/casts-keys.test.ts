import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a member called on a value cast with as (calls-cast)', () => {
  test('runs the members of that name on the type the value had before the cast too', () => {
    const r = analyzeApp({ appDir: fixture('calls-cast'), catalogs: [] });
    const F = 'src/fields.ts';
    expect(edges(r)).toEqual([
      [`${F}#castField`, `${F}#Ref.cast`, `${F}:24:28`, 'method'], // field: Schema | Ref
      [`${F}#castField`, `${F}#Schema.cast`, `${F}:24:28`, 'method'],
      [`${F}#castUnknown`, `${F}#Schema.cast`, `${F}:29:28`, 'method'], // field: unknown: only Schema (not Other)
    ]);
  });
});

describe('a key that is a const loop variable over literal names (calls-looped-keys)', () => {
  test('takes those names, also on a receiver typed any (the site stays listed: any may hold more)', () => {
    const r = analyzeApp({ appDir: fixture('calls-looped-keys'), catalogs: [] });
    const A = 'src/aliases.ts';
    expect(edges(r)).toEqual([
      // (s as any)[method](v), in a function made in the loop
      [`${A}#<anonymous 1>`, `${A}#Schema.validate`, `${A}:19:12`, 'method'],
      [`${A}#<anonymous 1>`, `${A}#Schema.validateSync`, `${A}:19:12`, 'method'],
      [`${A}#runBoth`, `${A}#Schema.validate`, `${A}:24:58`, 'method'],
      [`${A}#runBoth`, `${A}#Schema.validateSync`, `${A}:24:58`, 'method'],
    ]);
    expect(r.unresolved.map((u) => u.text)).toEqual(['(s as any)[method]']);
  });
});

describe('joining an array converts its elements (calls-joins)', () => {
  test("runs the elements' toString, typed by the array or, when reduced to unknown, by the set class's extends clause", () => {
    const r = analyzeApp({ appDir: fixture('calls-joins'), catalogs: [] });
    const J = 'src/joins.ts';
    expect(edges(r).filter(([, to]) => to === `${J}#Ref.toString` || to === `${J}#Tag.toString`)).toEqual([
      [`${J}#joinRefs`, `${J}#Ref.toString`, `${J}:19:15`, 'implicit'],
      [`${J}#joinSet`, `${J}#Ref.toString`, `${J}:23:24`, 'implicit'],
      [`${J}#joinSpread`, `${J}#Ref.toString`, `${J}:27:17`, 'implicit'],
    ]);
  });
});
