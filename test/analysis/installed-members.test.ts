import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// Accessors installed by helpers taking the key (and the object) from their parameters
// (`Object.defineProperty(obj, key, { get })`), and the members a `for (const k in src)` loop
// installs from the literals `src` may be (installers.ts).
describe('members installed by helpers (calls-installed-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-installed-members'), catalogs: [] });
  const C = 'src/counter.ts';
  const I = 'src/install.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('members a for…in loop installs from a factory literal: the getter on each read (a call reads first), the method or what the factory member returns on each call', () => {
    expect(from(`${C}#useCounter`)).toEqual([
      [`${C}#useCounter`, `${C}#counterMethods.inc`, `${C}:41:5`, 'callback'],
      [`${C}#useCounter`, `${C}#counterProps.show.<anonymous 1>`, `${C}:43:12`, 'callback'],
      [`${C}#useCounter`, `${I}#defineCached.get`, `${C}:41:5`, 'accessor'],
      [`${C}#useCounter`, `${I}#defineCached.get`, `${C}:42:15`, 'accessor'],
      [`${C}#useCounter`, `${I}#defineCached.get`, `${C}:43:12`, 'accessor'],
    ]);
  });

  test("the getter runs the function passed for the loop's element: each member of the literals the source may be", () => {
    expect(from(`${I}#defineCached.get`)).toEqual([
      [`${I}#defineCached.get`, `${C}#counterProps.doubled`, `${I}:25:21`, 'callback'],
      [`${I}#defineCached.get`, `${C}#counterProps.show`, `${I}:25:21`, 'callback'],
      [`${I}#defineCached.get`, `${I}#installMethods.<anonymous 1>`, `${I}:25:21`, 'callback'],
    ]);
    expect(r.unresolved).toEqual([]);
  });

  test('a key written at the call of a helper (also through `this` and a method it calls): reads of that property run the getter', () => {
    expect(from(`${C}#counterMethods.inc`)).toEqual([[`${C}#counterMethods.inc`, `${I}#defineLazy.get`, `${C}:23:26`, 'accessor']]);
  });

  test("through a wrapper passing its parameters on, onto the prototype of a parameter's property, from a callback no call names", () => {
    expect(from(`${C}#patternOf`)).toEqual([[`${C}#patternOf`, `${I}#defineLazy.get`, `${C}:68:22`, 'accessor']]);
  });
});

describe('members copied by a for…in loop (calls-installed-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-installed-members'), catalogs: [] });
  const S = 'src/copy.ts';

  test("`target[k] = src[k]` over the literals a factory passed as a parameter returns: a call of a member on the target's type runs the copied member", () => {
    expect(edges(r).filter(([f]) => f === `${S}#greet`)).toEqual([
      [`${S}#greet`, `${S}#farewells.bye`, `${S}:32:24`, 'callback'],
      [`${S}#greet`, `${S}#greetings.hello`, `${S}:32:12`, 'callback'],
    ]);
  });
});

describe('an installed accessor read through a base type (calls-installed-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-installed-members'), catalogs: [] });
  const C = 'src/counter.ts';

  test('a property installed on a subinterface that redeclares it runs at reads typed by the base interface', () => {
    expect(edges(r).filter(([f]) => f === `${C}#isOptional.<anonymous 1>`)).toEqual([[`${C}#isOptional.<anonymous 1>`, 'src/install.ts#defineLazy.get', `${C}:92:40`, 'accessor']]);
  });
});
