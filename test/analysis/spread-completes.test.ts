import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a literal completing a spread view of a type is one of that type, even cast away (calls-spread-completes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-spread-completes'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`);

  test('`{ ...spec, [isOption]: true } as any as T`: an Option found back reaches the members written as its Omit view', () => {
    expect(at('32:46')).toEqual([[`${A}#collect`, `${A}#flag.definition`, `${A}:32:46`, 'callback']]);
  });

  test('a view spread without the member it leaves out assembles none', () => {
    expect(at('48:5')).toEqual([]);
  });
});
