import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back to `f.call(...)` and `f.apply(...)` (calls-handed-back-call)', () => {
  const r = analyzeApp({ appDir: fixture('calls-handed-back-call'), catalogs: [] });
  const L = 'src/lib.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${L}#${fn}`);

  test("`pred.call(t, n)` and `pred.apply(t, ns)` run what pred's type admits: isEven's arrow, not total's nor greeter's", () => {
    expect(from('check')).toEqual([[`${L}#check`, `${L}#isEven.<anonymous 1>`, `${L}:15:15`, 'callback']]);
    expect(from('checkAll')).toEqual([[`${L}#checkAll`, `${L}#isEven.<anonymous 1>`, `${L}:20:15`, 'callback']]);
  });

  test('a receiver typed `Function` may run any function handed out', () => {
    expect(from('runAny').map(([, to]) => to)).toEqual([`${L}#greeter.<anonymous 1>`, `${L}#isEven.<anonymous 1>`, `${L}#total.<anonymous 1>`]);
  });

  test('the sites stay listed: callers outside may pass other functions', () => {
    expect(r.unresolved.map((u) => `${u.from} ${u.site}`)).toEqual([`${L}#check ${L}:15:15`, `${L}#checkAll ${L}:20:15`, `${L}#runAny ${L}:25:13`]);
  });
});
