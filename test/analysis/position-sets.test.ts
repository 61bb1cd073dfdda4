import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a Set or Map at a tuple position, added to through one const and read through another (calls-position-sets)', () => {
  const r = analyzeApp({ appDir: fixture('calls-position-sets'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f, , , kind]) => f === `${A}#${fn}` && kind === 'callback');

  test('`for (const fn of pending)` of `stateOf(store)[1]`: what `callbacks.add(...)` added through another const read from position 1, not what was added at 3', () => {
    expect(from('flush')).toEqual([[`${A}#flush`, `${A}#onReady`, `${A}:29:29`, 'callback']]);
  });

  test("`byKey.get(key)?.forEach((fn) => fn())` of a Map at position 2: the Sets another const's map was given, and their elements", () => {
    expect(from('abort.<anonymous 1>')).toEqual([[`${A}#abort.<anonymous 1>`, `${A}#main.stop`, `${A}:44:35`, 'callback']]);
  });
});
