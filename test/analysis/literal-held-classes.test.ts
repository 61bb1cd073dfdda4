import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture, targets } from './helpers.js';

// A class read back from an interface member that object literals fill (callgraph/literal-held-classes.ts):
// `new args.constr(...)` runs the classes the literals implementing the member hold there.
describe('classes held by object literals implementing an interface member (calls-literal-held-classes)', () => {
  const r = analyzeApp({ appDir: fixture('calls-literal-held-classes'), catalogs: [] });
  const A = 'src/app.ts';

  test("`new args.constr()` runs what the callers' literals hold: a shorthand copying a parameter, a class written in place", () => {
    expect(edges(r).filter(([f]) => f === `${A}#createWith`)).toEqual([
      [`${A}#createWith`, `${A}#Katana.constructor`, `${A}:17:10`, 'constructor'],
      [`${A}#createWith`, `${A}#Ninja.constructor`, `${A}:17:10`, 'constructor'],
      [`${A}#createWith`, `${A}#Shuriken.constructor`, `${A}:17:10`, 'constructor'],
    ]);
  });

  test('a class no literal holds is not constructed there', () => {
    expect(targets(r, `${A}#createWith`)).not.toContain(`${A}#Sword.constructor`);
    expect(targets(r, `${A}#create`)).toEqual([`${A}#Katana.constructor`, `${A}#Ninja.constructor`, `${A}#createWith`]);
  });
});
