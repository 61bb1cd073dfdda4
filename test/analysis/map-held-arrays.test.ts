import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("arrays kept as a Map's values, and calls through a tuple's element by index (calls-map-held-arrays)", () => {
  const r = analyzeApp({ appDir: fixture('calls-map-held-arrays'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test("`const [, halt] = map.get(k)!`: the element at that position of each array set on the map", () => {
    expect(from('stopDestructured')).toEqual([[`${A}#stopDestructured`, `${A}#stop`, `${A}:22:3`, 'callback']]);
  });

  test('`map.get(k)![1]()` of a tuple type: the element at 1 of those arrays (calls-tuple-positions)', () => {
    expect(from('stopByIndex')).toEqual([[`${A}#stopByIndex`, `${A}#stop`, `${A}:17:3`, 'callback']]);
  });

  test("the pairs a `new WeakMap([[k, v]])` starts with count as set", () => {
    expect(from('startInitial')).toEqual([[`${A}#startInitial`, `${A}#start`, `${A}:29:14`, 'callback']]);
  });

  test("`fixed[1]()` of a tuple the app holds: its element at 1", () => {
    expect(from('stopFixed')).toEqual([[`${A}#stopFixed`, `${A}#stop`, `${A}:36:3`, 'callback']]);
  });

  test('a Map of arrays grown through a local (`const l = m.get(k) ?? []; l.push(f); m.set(k, l)`), iterated where read back', () => {
    expect(from('notify')).toEqual([[`${A}#notify`, `${A}#listener`, `${A}:50:41`, 'callback']]);
  });

  test("another map's arrays are not this one's", () => {
    expect(edges(r).filter(([, to]) => to === `${A}#other`).map(([f]) => f)).toEqual([`${A}#register`]);
  });
});
