import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture, targets } from './helpers.js';

// `for (let key in table)` over a const holding an object literal takes the keys its type admits (callgraph/for-in-keys.ts):
// a function stored under `key` into a ProxyHandler is a trap of each of those names (callgraph/proxies.ts).
describe('for-in keys over a const object literal (calls-for-in-keys)', () => {
  const r = analyzeApp({ appDir: fixture('calls-for-in-keys'), catalogs: [] });
  const A = 'src/app.ts';
  const wrapper = `${A}#<anonymous 1>`;

  test("`arrayTraps[key] = function () {}` makes the wrapper the array proxy's `has` trap: `'length' in d` runs it", () => {
    expect(edges(r).filter(([f, t]) => f === `${A}#probe` && t === wrapper)).toEqual([[`${A}#probe`, wrapper, `${A}:33:22`, 'implicit']]);
  });

  test("the wrapper runs objectTraps' member of its key (`objectTraps[key as keyof typeof objectTraps]`)", () => {
    expect(targets(r, wrapper)).toEqual([wrapper, `${A}#objectTraps.get`, `${A}#objectTraps.has`]);
  });

  test('a loop that reassigns its key takes any key: the call stays unresolved by name', () => {
    expect(r.unresolved.filter((u) => u.from === `${A}#shoutAll`).map((u) => u.site)).toEqual([`${A}:42:14`]);
  });
});
