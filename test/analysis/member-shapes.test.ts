import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions handed back to a callee typed by type parameters, by the members the types need (calls-member-shapes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-member-shapes'), catalogs: [] });
  const L = 'src/lib.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${L}#${fn}`);

  test("a function returning a Result may run where a Result<string, A> is wanted; one returning a Box (no `_tag`, whatever A) may not", () => {
    expect(from('decodeWith')).toEqual([[`${L}#decodeWith`, `${L}#parser.<anonymous 1>`, `${L}:39:13`, 'callback']]);
  });

  test('curried: the function returned must return a Result; `make(10)(input)` is compared by its own callee type, not by `make`', () => {
    // make(10) may run curriedParser's arrow, not curriedBoxer's (its function returns a Box) nor parser's (it returns no function);
    // make(10)(input) may run parser's arrow: a caller outside may pass `() => parser()` as make.
    expect(from('decodeIn')).toEqual([
      [`${L}#decodeIn`, `${L}#curriedParser.<anonymous 1>`, `${L}:45:13`, 'callback'],
      [`${L}#decodeIn`, `${L}#parser.<anonymous 1>`, `${L}:45:13`, 'callback'],
    ]);
  });

  test('a parameter: a function taking a Left may be handed a Result, one taking a Box may not', () => {
    expect(from('report')).toEqual([[`${L}#report`, `${L}#leftMessage.<anonymous 1>`, `${L}:51:10`, 'callback']]);
  });

  test('the sites stay listed: callers outside may pass other functions', () => {
    expect([...new Set(r.unresolved.map((u) => `${u.from} ${u.site}`))]).toEqual([`${L}#decodeIn ${L}:45:13`, `${L}#decodeWith ${L}:39:13`, `${L}#report ${L}:51:10`]);
  });
});
