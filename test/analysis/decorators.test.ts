import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture, targets } from './helpers.js';

// A decorator is evaluated and applied where its class is defined; a method decorator's descriptor holds the method,
// and what it leaves there replaces the method (callgraph/decorators.ts).
describe('legacy decorators (experimentalDecorators; calls-decorators)', () => {
  const r = analyzeApp({ appDir: fixture('calls-decorators'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`);

  test('the function defining the class evaluates and applies its decorators, not the member they sit on', () => {
    expect(at('31:4')).toEqual([[`${A}#defineUser`, `${A}#Sealed`, `${A}:31:4`, 'implicit']]);
    expect(at('33:6')).toEqual([
      [`${A}#defineUser`, `${A}#Expose`, `${A}:33:6`, 'direct'],
      [`${A}#defineUser`, `${A}#Expose.<anonymous 1>`, `${A}:33:6`, 'implicit'],
    ]);
    expect(at('36:6')).toEqual([
      [`${A}#defineUser`, `${A}#Logged`, `${A}:36:6`, 'direct'],
      [`${A}#defineUser`, `${A}#Logged.<anonymous 1>`, `${A}:36:6`, 'implicit'],
    ]);
    // A field's initialiser still runs in the constructor.
    expect(targets(r, `${A}#defineUser.User.constructor`)).toEqual([`${A}#label`]);
    expect(targets(r, `${A}#defineUser.User.greet`)).toEqual([]);
  });

  test("the wrapper stored into `descriptor.value` is what a call of the method runs, and it runs the method it was handed", () => {
    expect(targets(r, `${A}#run`)).toEqual([`${A}#Logged.<anonymous 1>.descriptor.value`, `${A}#defineUser`, `${A}#defineUser.User.greet`]);
    expect(targets(r, `${A}#Logged.<anonymous 1>.descriptor.value`)).toContain(`${A}#defineUser.User.greet`);
  });

  test('a descriptor returned with a `get` and a `set` replaces both accessors of the pair; at top level nothing owns the decorators', () => {
    // A read or write of the property reaches both accessors of the pair (one id), and so both replacements.
    const pair = [`${A}#Cached.<anonymous 1>.get`, `${A}#Cached.<anonymous 1>.set`, `${A}#Settings.theme`];
    expect(targets(r, `${A}#theme`)).toEqual(pair);
    expect(targets(r, `${A}#setTheme`)).toEqual(pair);
    expect(targets(r, `${A}#Cached.<anonymous 1>.get`)).toEqual([`${A}#Settings.theme`]);
    expect(targets(r, `${A}#Cached.<anonymous 1>.set`)).toEqual([`${A}#Settings.theme`]);
    expect(targets(r, `${A}#Settings.theme`)).toEqual([]);
  });
});

describe('standard decorators (calls-decorators-standard)', () => {
  const r = analyzeApp({ appDir: fixture('calls-decorators-standard'), catalogs: [] });
  const A = 'src/app.ts';

  test('the method decorator runs where the class is defined, gets the method, and what it returns replaces it', () => {
    expect(edges(r).filter(([, , s]) => s === `${A}:16:6`)).toEqual([[`${A}#makeCounter`, `${A}#traced`, `${A}:16:6`, 'implicit']]);
    expect(targets(r, `${A}#makeCounter.Counter.bump`)).toEqual([]);
    expect(targets(r, `${A}#tick`)).toEqual([`${A}#makeCounter`, `${A}#makeCounter.Counter.bump`, `${A}#traced.replacement`]);
    expect(targets(r, `${A}#traced.replacement`)).toContain(`${A}#makeCounter.Counter.bump`);
  });
});
