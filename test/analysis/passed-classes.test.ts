import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('`new` of a class handed in as a value runs the classes the callers pass (calls-passed-classes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-passed-classes'), catalogs: [] });
  const A = 'src/app.ts';
  const into = (from: string): string[][] => edges(r).filter(([f]) => f === from);

  test('passed directly, or through a parameter passed on to a constructor and a parameter property: their constructors', () => {
    // Sedan declares no constructor: Vehicle's runs. Wheel's is synthetic (its field initialiser). Door is never passed.
    expect(into(`${A}#injectClass`)).toEqual([
      [`${A}#injectClass`, `${A}#Engine.constructor`, `${A}:38:10`, 'constructor'],
      [`${A}#injectClass`, `${A}#Vehicle.constructor`, `${A}:38:10`, 'constructor'],
      [`${A}#injectClass`, `${A}#Wheel.constructor`, `${A}:38:10`, 'constructor'],
    ]);
  });

  test('the site stays listed: other callers of a parameter may pass what is not known statically', () => {
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${A}#injectClass`, `${A}:38:10`]]);
  });
});
