import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("values given to an app generic container as T, read back from a member's result typed by T (calls-generic-container)", () => {
  const r = analyzeApp({ appDir: fixture('calls-generic-container'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test('`matchResult[0][0][0][0]()`: the result reaches T at [0][0][0]; element 0 of each `[handler, route]` given as T', () => {
    // Not meta: the other router's T is the function itself, and element 0 of a function holds none.
    expect(from('App.dispatch')).toEqual([
      [`${A}#App.dispatch`, `${A}#ListRouter.match`, `${A}:53:37`, 'hierarchy'],
      [`${A}#App.dispatch`, `${A}#about`, `${A}:54:12`, 'callback'],
      [`${A}#App.dispatch`, `${A}#home`, `${A}:54:12`, 'callback'],
    ]);
  });

  test('`match(...)[0][0][0]()` of a container whose T is the function itself', () => {
    // Values are kept per declaration (Router), not per instance: the `[handler, route]` literals given to the
    // other router come out here too, and hold no function as a whole.
    expect(from('App.dispatchPlain')).toEqual([
      [`${A}#App.dispatchPlain`, `${A}#ListRouter.match`, `${A}:57:23`, 'hierarchy'],
      [`${A}#App.dispatchPlain`, `${A}#meta`, `${A}:57:12`, 'callback'],
    ]);
  });

  test('`first()` typed `T | undefined`: what was given as T', () => {
    expect(from('App.firstPlain')).toEqual([
      [`${A}#App.firstPlain`, `${A}#ListRouter.first`, `${A}:60:26`, 'hierarchy'],
      [`${A}#App.firstPlain`, `${A}#meta`, `${A}:61:12`, 'callback'],
      [`${A}#App.firstPlain`, `${A}#meta`, `${A}:61:16`, 'callback'],
    ]);
  });
});
