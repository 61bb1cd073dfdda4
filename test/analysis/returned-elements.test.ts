import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a call of what returns an element of an array parameter runs what callers put there (calls-returned-elements)", () => {
  const r = analyzeApp({ appDir: fixture('calls-returned-elements'), catalogs: [] });
  const M = 'src/compose.ts';
  const C = 'src/caller.ts';

  test('`compose(steps)(x)` runs `steps[0]`: the functions passed to the rest parameter `pipe(...steps)`, besides identity and composed', () => {
    expect(edges(r).filter(([f]) => f === `${M}#Chain.pipe`)).toEqual([
      [`${M}#Chain.pipe`, `${C}#increment`, `${M}:21:12`, 'callback'],
      [`${M}#Chain.pipe`, `${C}#twice.<anonymous 1>`, `${M}:21:12`, 'callback'],
      [`${M}#Chain.pipe`, `${M}#compose`, `${M}:21:12`, 'direct'],
      [`${M}#Chain.pipe`, `${M}#compose.composed`, `${M}:21:12`, 'callback'],
      [`${M}#Chain.pipe`, `${M}#identity`, `${M}:21:12`, 'callback'],
    ]);
  });

  test("the reducer's `step(prev)` runs each element of the rest parameter, the exported increment too", () => {
    expect(edges(r).filter(([f, t]) => f === `${M}#compose.composed.<anonymous 1>` && t!.startsWith(C))).toEqual([
      [`${M}#compose.composed.<anonymous 1>`, `${C}#increment`, `${M}:12:41`, 'callback'],
      [`${M}#compose.composed.<anonymous 1>`, `${C}#twice.<anonymous 1>`, `${M}:12:41`, 'callback'],
    ]);
  });
});
