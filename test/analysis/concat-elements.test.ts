import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("arrays built by the standard concat, through concat's own call and apply too (calls-concat)", () => {
  const r = analyzeApp({ appDir: fixture('calls-concat'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test('`list.concat(f)` holds f, `concat.call([], f, [g])` f and the elements of [g]; `concat.apply([], list)` the elements of list', () => {
    // emit's listeners: a copy made by `Array.prototype.concat.apply([], events.get(name))` of every array set on the map.
    expect(from('emit.<anonymous 1>')).toEqual([
      [`${A}#emit.<anonymous 1>`, `${A}#appended`, `${A}:27:23`, 'callback'],
      [`${A}#emit.<anonymous 1>`, `${A}#applied`, `${A}:27:23`, 'callback'],
      [`${A}#emit.<anonymous 1>`, `${A}#fromArray`, `${A}:27:23`, 'callback'],
    ]);
  });

  test('a position of a concat is any of its elements', () => {
    expect(from('emitCalled').filter(([, , site]) => site === `${A}:32:3`)).toEqual([[`${A}#emitCalled`, `${A}#called`, `${A}:32:3`, 'callback']]);
  });

  test("another array's functions are not the map's", () => {
    expect(edges(r).filter(([, to]) => to === `${A}#other`).map(([f]) => f)).toEqual([`${A}#emitOthers`]);
  });
});
