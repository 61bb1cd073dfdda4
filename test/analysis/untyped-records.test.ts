import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// A record whose entries hold arrays and functions (`object.events[key]` a list of listeners,
// `object.events[key + REVERT]` a function): calling or reading an entry runs the functions stored
// as any entry of the record; the functions kept in its arrays are elements, not entries.
describe('records holding functions as well as arrays (calls-untyped-records)', () => {
  const r = analyzeApp({ appDir: fixture('calls-untyped-records'), catalogs: [] });
  const E = 'src/events.js';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('an entry of an untyped record called: the functions stored as entries, by any key', () => {
    // The undo stored from on's parameter (what wire passes) and the function onReset stores
    // under a known key; not the listener pushed onto an entry (wire.<anonymous 1>), nor the
    // function in the array onReset stores (onReset.<anonymous 2>).
    expect(from(`${E}#on.<anonymous 1>`)).toEqual([
      [`${E}#on.<anonymous 1>`, `${E}#onReset.<anonymous 1>`, `${E}:13:37`, 'callback'],
      [`${E}#on.<anonymous 1>`, `${E}#wire.<anonymous 2>`, `${E}:13:37`, 'callback'],
    ]);
    // The key is not known statically: still listed.
    expect(r.unresolved.filter((u) => u.from === `${E}#on.<anonymous 1>` && u.site === `${E}:13:37`).map((u) => u.reason)).toEqual([
      'called through a computed key ([key + REVERT]): the member is not known statically',
    ]);
  });

  test('an entry read into a variable, then called: the same functions, its listing once', () => {
    expect(from(`${E}#undoAll`)).toEqual([
      [`${E}#undoAll`, `${E}#onReset.<anonymous 1>`, `${E}:29:3`, 'callback'],
      [`${E}#undoAll`, `${E}#wire.<anonymous 2>`, `${E}:29:3`, 'callback'],
    ]);
    expect(r.unresolved.filter((u) => u.from === `${E}#undoAll`)).toHaveLength(1);
  });

  test('a record by another name holds none of them', () => {
    expect(from(`${E}#runHandler`)).toEqual([]);
  });

  test('a typed record with keys not known statically: what was stored as any of its entries', () => {
    const G = 'src/registry.ts';
    // handlers[name] = h, h what setup passes to register; not what registerOther stores into `others`.
    expect(from(`${G}#dispatch`)).toEqual([
      [`${G}#dispatch`, `${G}#setup.<anonymous 1>`, `${G}:16:10`, 'callback'],
      [`${G}#dispatch`, `${G}#setup.named`, `${G}:16:10`, 'callback'],
    ]);
    expect(edges(r).some(([, to]) => to === `${G}#registerOther.<anonymous 1>`)).toBe(false);
  });
});
