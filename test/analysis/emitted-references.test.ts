import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// Listeners handed by reference get what is emitted for their event (legality/device-value-steps.ts listenedByReference).
describe('emitter listeners handed by reference (travel-emitted-references)', () => {
  const r = analyzeApp({ appDir: fixture('travel-emitted-references'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('a function or method handed to `on`/`once` is given what `emit` sends for that event', () => {
    const v = verdictRows(r);
    expect(v[`${A}#onReady`]![0]).toBe(true);
    expect(v[`${A}#Console.print`]![0]).toBe(true);
    expect(v[`${A}#onAgain`]![0]).toBe(true);
    expect(v[`${A}#Feed.onData`]![0]).toBe(true);
    expect(v[`${A}#Feed.onMore`]![0]).toBe(true);
    expect(pinnedMessages(r, `${A}#onReady`).join('\n')).toContain("'process.stdout'");
    expect(pinnedMessages(r, `${A}#onAgain`).join('\n')).toContain("'process.stderr'");
  });

  test('a listener of another event is given only its data', () => {
    expect(verdictRows(r)[`${A}#onTick`]).toEqual([false, true, []]);
  });
});
