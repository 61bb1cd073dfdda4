import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// Plain JavaScript: receivers are typed any and objects are literals. A member called or read on
// such a receiver may be any function the app keeps under that name (untyped.ts).
describe('members of receivers typed any (calls-untyped-receivers)', () => {
  const r = analyzeApp({ appDir: fixture('calls-untyped-receivers'), catalogs: [] });
  const S = 'src/store.js';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test("a call on an untyped receiver runs the literals' members of that name; map's result holds what its callback returns", () => {
    expect(from(`${S}#track.<anonymous 1>`)).toEqual([[`${S}#track.<anonymous 1>`, `${S}#createStore.store.listen`, `${S}:22:41`, 'callback']]);
    // unbind(): an element of stores.map(...) (stores typed any) is what listen returns.
    expect(from(`${S}#track.<anonymous 2>`)).toEqual([[`${S}#track.<anonymous 2>`, `${S}#createStore.store.listen.<anonymous 1>`, `${S}:24:35`, 'callback']]);
    // Still listed: a library's object may be the receiver too.
    expect(r.unresolved.filter((u) => u.from === `${S}#track.<anonymous 1>`).map((u) => u.reason)).toEqual(["receiver typed any: the app's members named listen, and what else it may hold"]);
  });

  test('a member read from an untyped receiver holds every function the app keeps under that name', () => {
    // original = $s.set: the literal's set, this replacement itself, and a class's set (any object may be there).
    expect(from(`${S}#onSet.$s.set`)).toEqual([
      [`${S}#onSet.$s.set`, 'src/main.js#Counter.set', `${S}:33:5`, 'callback'],
      [`${S}#onSet.$s.set`, 'src/main.js#main.<anonymous 1>', `${S}:32:5`, 'callback'],
      [`${S}#onSet.$s.set`, `${S}#createStore.store.set`, `${S}:33:5`, 'callback'],
      [`${S}#onSet.$s.set`, `${S}#onSet.$s.set`, `${S}:33:5`, 'callback'],
    ]);
  });

  test('typed receivers keep their own rules', () => {
    // a.set(2) with a = createStore(1): the literal's set and what onSet stored over it, not Counter's.
    expect(from('src/main.js#main').filter(([, to]) => to!.endsWith('.set'))).toEqual([
      ['src/main.js#main', `${S}#createStore.store.set`, 'src/main.js:9:5', 'method'],
      ['src/main.js#main', `${S}#onSet.$s.set`, 'src/main.js:9:5', 'callback'],
    ]);
  });

  test('symbol-keyed members no type declares: what the app stores under the symbol', () => {
    const C = 'src/clean.js';
    // original = box[clean] of a typed box with no such member: the expando cleanable stored (and wrapClean's own).
    expect(from(`${C}#wrapClean.<anonymous 1>`)).toEqual([
      [`${C}#wrapClean.<anonymous 1>`, `${C}#cleanable.<anonymous 1>`, `${C}:16:22`, 'callback'],
      [`${C}#wrapClean.<anonymous 1>`, `${C}#wrapClean.<anonymous 1>`, `${C}:16:22`, 'callback'],
    ]);
    // b[clean]() on an untyped receiver; the reason names the key as written.
    expect(from(`${C}#cleanAll`)).toEqual([
      [`${C}#cleanAll`, `${C}#cleanable.<anonymous 1>`, `${C}:22:26`, 'callback'],
      [`${C}#cleanAll`, `${C}#wrapClean.<anonymous 1>`, `${C}:22:26`, 'callback'],
    ]);
    expect(r.unresolved.filter((u) => u.from === `${C}#cleanAll`).map((u) => u.reason)).toEqual(["receiver typed any: the app's members named [clean], and what else it may hold"]);
  });

  test("forEach of an untyped array reassigned later: its callback gets the elements", () => {
    const C = 'src/clean.js';
    expect(from(`${C}#trackEach.<anonymous 2>.<anonymous 1>`)).toEqual([
      [`${C}#trackEach.<anonymous 2>.<anonymous 1>`, `${S}#createStore.store.listen.<anonymous 1>`, `${C}:29:44`, 'callback'],
    ]);
  });

  test('a record of arrays under an untyped receiver is one record by its property name', () => {
    const E = 'src/events.js';
    // object.events[key].push(listener), then reduceRight over object.events[key]: what wire passed
    // to on, and, the same name's record, to onUnmount.
    expect(from(`${E}#on.<anonymous 1>.<anonymous 1>`)).toEqual([
      [`${E}#on.<anonymous 1>.<anonymous 1>`, `${E}#wire.<anonymous 1>`, `${E}:6:60`, 'callback'],
      [`${E}#on.<anonymous 1>.<anonymous 1>`, `${E}#wire.<anonymous 2>`, `${E}:6:60`, 'callback'],
    ]);
    // A known key (UNMOUNT) of an untyped record is still one of its entries.
    expect(from(`${E}#onUnmount.<anonymous 1>`)).toEqual([
      [`${E}#onUnmount.<anonymous 1>`, `${E}#wire.<anonymous 1>`, `${E}:15:45`, 'callback'],
      [`${E}#onUnmount.<anonymous 1>`, `${E}#wire.<anonymous 2>`, `${E}:15:45`, 'callback'],
    ]);
  });

  test("a member added to a function a let holds is what was assigned there", () => {
    const K = 'src/creator.js';
    expect(from(`${K}#creator.Creator`)).toEqual([[`${K}#creator.Creator`, `${K}#creator.Creator.build`, `${K}:3:33`, 'callback']]);
  });

  test('a function stored from a parameter runs, at every untyped call of that name, what callers pass', () => {
    const G = 'src/register.js';
    // Both sites: the lookup of onChange is kept between them with the parameter it met, reported again at the second.
    expect(edges(r).filter(([f]) => f === `${G}#first` || f === `${G}#second`)).toEqual([
      [`${G}#first`, `${G}#wireUp.<anonymous 1>`, `${G}:6:31`, 'callback'],
      [`${G}#second`, `${G}#wireUp.<anonymous 1>`, `${G}:7:32`, 'callback'],
    ]);
  });
});
