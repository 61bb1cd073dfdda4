import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture, verdictRows } from './helpers.js';

describe("a library emitter's emit runs the listeners registered for its event (calls-emitter-listeners)", () => {
  const r = analyzeApp({ appDir: fixture('calls-emitter-listeners'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';
  const from = (id: string): string[][] => edges(r).filter(([f]) => f === `${A}#${id}`);

  test('emit, postMessage: an edge to each listener of that event, wherever it was registered', () => {
    expect(from('save')).toEqual([[`${A}#save`, `${A}#<anonymous 1>`, `${A}:23:14`, 'callback']]);
    expect(from('tick')).toEqual([[`${A}#tick`, `${A}#onTick`, `${A}:27:14`, 'callback']]); // `once`, by reference
    expect(from('any').map(([, to]) => to)).toEqual([`${A}#<anonymous 1>`, `${A}#onTick`]); // not addEventListener's: an emitter's emit does not run them
    expect(from('send')).toEqual([[`${A}#send`, `${A}#listenPort.port.onmessage`, `${A}:47:8`, 'callback']]); // an `on<type> =` handler
    expect(from('quiet')).toEqual([]);
  });

  test('a method emitting an event whose listener touches the device is not a candidate (it was one before)', () => {
    const v = verdictRows(r);
    expect(v[`${A}#save`]).toEqual([false, false, ['reaches-pinned']]);
    expect(v[`${A}#any`]).toEqual([false, false, ['reaches-pinned']]);
    expect(v[`${A}#tick`]).toEqual([false, true, []]);
    expect(v[`${A}#quiet`]).toEqual([false, true, []]);
  });
});
