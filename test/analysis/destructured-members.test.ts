import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('literal members holding a destructured parameter (calls-destructured-members)', () => {
  test('`custom({ decode }) { return { decode } }`: a call through Codec.decode runs what callers pass under decode', () => {
    const r = analyzeApp({ appDir: fixture('calls-destructured-members'), catalogs: [] });
    const L = 'src/codec.ts';
    // decode is text's function (line 21), decode~2 flag's (line 22).
    expect(edges(r).filter(([from]) => from === `${L}#decodeAll.<anonymous 1>`)).toEqual([
      [`${L}#decodeAll.<anonymous 1>`, `${L}#decode`, `${L}:25:38`, 'callback'],
      [`${L}#decodeAll.<anonymous 1>`, `${L}#decode~2`, `${L}:25:38`, 'callback'],
    ]);
    // The same binding called directly was followed before (the parameter's property).
    expect(edges(r).filter(([from]) => from === `${L}#Codec.custom.unsafeDecode`).map(([, to]) => to)).toEqual([`${L}#decode`, `${L}#decode~2`]);
    expect(r.unresolved.filter((u) => u.from.startsWith(`${L}#decodeAll`))).toEqual([]);
  });
});
