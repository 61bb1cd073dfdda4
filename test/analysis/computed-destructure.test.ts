import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('destructuring under a computed key (calls-computed-destructure)', () => {
  test("a key typed by a finite set of names reads exactly those members; a key typed string reads none", () => {
    const r = analyzeApp({ appDir: fixture('calls-computed-destructure'), catalogs: [] });
    const L = 'src/lib.ts';
    expect(edges(r)).toEqual([
      // direction: 'asc' | 'desc': not `never`.
      [`${L}#compare`, `${L}#COMPARATORS.asc`, `${L}:10:10`, 'callback'],
      [`${L}#compare`, `${L}#COMPARATORS.desc`, `${L}:10:10`, 'callback'],
      // key: 'desc'.
      [`${L}#strictlyBelow`, `${L}#COMPARATORS.desc`, `${L}:23:10`, 'callback'],
    ]);
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${L}#compareAny`, `${L}:16:10`]]);
  });
});
