import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a binding nested in another reads a member of a member (calls-nested-bindings)', () => {
  const r = analyzeApp({ appDir: fixture('calls-nested-bindings'), catalogs: [] });
  const O = 'src/options.ts';
  const into = (from: string): string[][] => edges(r).filter(([f, to]) => f === from && to === `${O}#hashed`);

  test('`const { options: { commentString } } = ctx`: what `ctx.options.commentString` holds (the default merged by Object.assign)', () => {
    expect(into(`${O}#inner`)).toEqual([[`${O}#inner`, `${O}#hashed`, `${O}:30:10`, 'callback']]);
    expect(r.unresolved.filter((u) => u.from === `${O}#inner`)).toEqual([]);
  });

  test("nested in a parameter's pattern: the same", () => {
    expect(into(`${O}#nestedParameter`)).toEqual([[`${O}#nestedParameter`, `${O}#hashed`, `${O}:35:10`, 'callback']]);
    expect(r.unresolved.filter((u) => u.from === `${O}#nestedParameter`)).toEqual([]);
  });
});
