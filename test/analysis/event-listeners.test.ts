import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture, verdictRows } from './helpers.js';

describe('a dispatch runs the listeners registered on its target (calls-event-listeners)', () => {
  const r = analyzeApp({ appDir: fixture('calls-event-listeners'), catalogs: [bundledCatalog('browser')] });
  const A = 'src/app.ts';
  const S = 'src/settings.ts';
  const from = (id: string): string[][] => edges(r).filter(([f]) => f === id);

  test("dispatchEvent on a class extending EventTarget reaches the listeners registered on it (functions, bound methods, handleEvent), not another class's", () => {
    expect(from(`${A}#Bus.tick`)).toEqual([
      [`${A}#Bus.tick`, `${A}#Counter.onDone`, `${A}:10:5`, 'callback'],
      [`${A}#Bus.tick`, `${A}#onTick`, `${A}:10:5`, 'callback'],
      [`${A}#Bus.tick`, `${A}#wire.handleEvent`, `${A}:10:5`, 'callback'],
    ]);
    expect(from(`${A}#Other.ping`)).toEqual([[`${A}#Other.ping`, `${A}#onPing`, `${A}:20:5`, 'callback']]);
  });

  test("AbortController's abort() runs its signal's 'abort' listeners; a target typed EventTarget may be any of them", () => {
    expect(from(`${A}#cancel`)).toEqual([[`${A}#cancel`, `${A}#onAbort`, `${A}:47:3`, 'callback']]);
    expect(from(`${A}#fire`).map(([, to]) => to)).toEqual([`${A}#Counter.onDone`, `${A}#onAbort`, `${A}#onPing`, `${A}#onTick`, `${A}#wire.handleEvent`, `${S}#listen.<anonymous 1>`]);
  });

  test('a listener touching the device keeps the method dispatching to it on the device (it was a candidate before)', () => {
    expect(verdictRows(r)[`${S}#listen.<anonymous 1>`]).toEqual([true, false, ['pinned']]);
    expect(verdictRows(r)[`${S}#Prefs.save`]).toEqual([false, false, ['reaches-pinned']]);
  });
});
