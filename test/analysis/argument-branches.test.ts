import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a call's result chosen by a parameter's truth (calls-argument-branches)", () => {
  const r = analyzeApp({ appDir: fixture('calls-argument-branches'), catalogs: [] });
  const L = 'src/store.ts';
  const from = (name: string) => edges(r).filter(([f]) => f === `${L}#${name}`);

  test('a missing argument is false: create() hands back makeStore, never the reader', () => {
    expect(from('curried')).toEqual([
      [`${L}#curried`, `${L}#create`, `${L}:15:16`, 'direct'],
      [`${L}#curried`, `${L}#makeStore`, `${L}:16:16`, 'callback'],
      [`${L}#curried`, `${L}#makeStore.read`, `${L}:17:10`, 'callback'],
      [`${L}#curried`, `${L}#zero`, `${L}:16:21`, 'callback'],
    ]);
  });

  test("a function written in place, or typed as one, is true: the reader only, makeStore is not called", () => {
    expect(from('direct')).toEqual([
      [`${L}#direct`, `${L}#create`, `${L}:22:16`, 'direct'],
      [`${L}#direct`, `${L}#direct.<anonymous 1>`, `${L}:22:23`, 'callback'],
      [`${L}#direct`, `${L}#makeStore.read`, `${L}:23:10`, 'callback'],
    ]);
    expect(from('typed')).toEqual([
      [`${L}#typed`, `${L}#create`, `${L}:28:16`, 'direct'],
      [`${L}#typed`, `${L}#makeStore.read`, `${L}:29:10`, 'callback'],
    ]);
  });

  test('an argument that may be undefined decides nothing: both are kept', () => {
    expect(from('either').filter(([, , site]) => site === `${L}:35:10`)).toEqual([
      [`${L}#either`, `${L}#makeStore`, `${L}:35:10`, 'callback'],
      [`${L}#either`, `${L}#makeStore.read`, `${L}:35:10`, 'callback'],
    ]);
  });

  test('a call that does not name the function decides nothing: bound with its argument, the call passes none, yet init is set', () => {
    expect(from('bound').filter(([, , site]) => site === `${L}:42:10`)).toEqual([
      [`${L}#bound`, `${L}#makeStore`, `${L}:42:10`, 'callback'],
      [`${L}#bound`, `${L}#makeStore.read`, `${L}:42:10`, 'callback'],
    ]);
  });
});
