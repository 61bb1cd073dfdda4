import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture, verdictRows } from './helpers.js';

describe('a dispatch runs the listeners registered on its target (calls-event-listeners)', () => {
  const r = analyzeApp({ appDir: fixture('calls-event-listeners'), catalogs: [bundledCatalog('browser')] });
  const A = 'src/app.ts';
  const S = 'src/settings.ts';
  // The listeners' edges (`new Event(...)` has its own: constructor edges).
  const from = (id: string): string[][] => edges(r).filter(([f, , , kind]) => f === id && kind === 'callback');

  test("dispatchEvent on a class extending EventTarget reaches the listeners registered on it for that event, not another class's", () => {
    expect(from(`${A}#Bus.tick`)).toEqual([[`${A}#Bus.tick`, `${A}#onTick`, `${A}:10:5`, 'callback']]);
    expect(from(`${A}#Other.ping`)).toEqual([[`${A}#Other.ping`, `${A}#onPing`, `${A}:31:5`, 'callback']]);
  });

  test("an event of the app's own class may be of any type: every listener of the target (functions, bound methods, handleEvent)", () => {
    expect(from(`${A}#Bus.done`)).toEqual([
      [`${A}#Bus.done`, `${A}#Counter.onDone`, `${A}:15:5`, 'callback'],
      [`${A}#Bus.done`, `${A}#onTick`, `${A}:15:5`, 'callback'],
      [`${A}#Bus.done`, `${A}#wire.handleEvent`, `${A}:15:5`, 'callback'],
    ]);
  });

  test("AbortController's abort() runs its signal's 'abort' listeners; a target typed EventTarget may be any of them", () => {
    expect(from(`${A}#cancel`)).toEqual([[`${A}#cancel`, `${A}#onAbort`, `${A}:58:3`, 'callback']]);
    expect(from(`${A}#fire`)).toEqual([[`${A}#fire`, `${A}#onPing`, `${A}:64:3`, 'callback']]);
    expect(from(`${A}#fireAny`).map(([, to]) => to)).toEqual([`${A}#Counter.onDone`, `${A}#onAbort`, `${A}#onPing`, `${A}#onTick`, `${A}#wire.handleEvent`, `${S}#listen.<anonymous 1>`]);
  });

  test('a listener touching the device keeps the method dispatching to it on the device (it was a candidate before)', () => {
    expect(verdictRows(r)[`${S}#listen.<anonymous 1>`]).toEqual([true, false, ['pinned']]);
    expect(verdictRows(r)[`${S}#Prefs.save`]).toEqual([false, false, ['reaches-pinned']]);
  });
});
