import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('values cast away from their own type (calls-cast-away)', () => {
  test('a call of the type their context gives them runs their own member of that name', () => {
    const r = analyzeApp({ appDir: fixture('calls-cast-away'), catalogs: [] });
    const R = 'src/rules.ts';
    const S = 'src/store.ts';
    const C = 'src/chain.ts';
    expect(edges(r).filter(([from]) => from !== `${S}#empty`)).toEqual([
      // a value cast away whose own member leads back to itself: followed once, cut at the cycle
      [`${C}#rewind`, `${C}#Loop.again`, `${C}:14:12`, 'hierarchy'],
      // `{ exec } as unknown as RegExp`, stored in a record of RegExps; a RegExp's test stays the library's
      [`${R}#fences`, `${R}#never.exec`, `${R}:8:23`, 'callback'],
      // as any into a variable, a parameter and a return typed Store (the class and the literals' get take a
      // number); not the literal cast to unknown for a parameter typed unknown
      [`${S}#lookup`, `${S}#MapStore.get`, `${S}:25:16`, 'hierarchy'],
      [`${S}#lookup`, `${S}#Numbered.get`, `${S}:25:16`, 'method'],
      [`${S}#lookup`, `${S}#empty.get`, `${S}:25:16`, 'method'],
      [`${S}#lookup`, `${S}#get`, `${S}:25:16`, 'method'], // viaParameter's literal
    ]);
  });
});
