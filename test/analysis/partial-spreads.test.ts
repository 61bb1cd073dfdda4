import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('literals written as a partial view of an interface, spread into its objects (calls-partial-spreads)', () => {
  const r = analyzeApp({ appDir: fixture('calls-partial-spreads'), catalogs: [] });
  const M = 'src/model.ts';
  const T = 'src/traverse.ts';

  test('`this.options.matches(...)` reaches the member of the Partial<Options> literal spread into `this.options`, not a Partial<Filter> one', () => {
    expect(edges(r).filter(([from]) => from === `${M}#Model.keys.<anonymous 1>`)).toEqual([
      [`${M}#Model.keys.<anonymous 1>`, `${M}#createModel.matches`, `${M}:14:44`, 'hierarchy'],
      [`${M}#Model.keys.<anonymous 1>`, `${M}#defaults.matches`, `${M}:14:44`, 'hierarchy'],
    ]);
  });

  test('a site reaching a view stays listed: callers outside the app may pass other views', () => {
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([
      [`${M}#Model.keys.<anonymous 1>`, `${M}:14:44`],
      [`${T}#walk`, `${T}:22:10`], // destructured (`const { events: getEvents } = ...`), as open as the member call
    ]);
  });

  test('a view as part of an intersection, spread into a Config that a caller destructures and calls', () => {
    expect(edges(r).filter(([from]) => from === `${T}#walk`)).toEqual([
      [`${T}#walk`, `${T}#defaultTraversal.traversal.events`, `${T}:21:11`, 'callback'],
      [`${T}#walk`, `${T}#defaultTraversal.traversal.events`, `${T}:22:10`, 'callback'],
      [`${T}#walk`, `${T}#prefixer.<anonymous 1>`, `${T}:22:10`, 'callback'], // handed out: an open site may run it
      [`${T}#walk`, `${T}#resolveTraversal`, `${T}:21:33`, 'direct'],
      [`${T}#walk`, `${T}#resolveTraversal.config.events`, `${T}:21:11`, 'callback'],
      [`${T}#walk`, `${T}#resolveTraversal.config.events`, `${T}:22:10`, 'callback'],
    ]);
  });
});
