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
