import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('members assigned on a function, read through a callable interface (calls-expando-members)', () => {
  const r = analyzeApp({ appDir: fixture('calls-expando-members'), catalogs: [] });
  const A = 'src/actions.ts';
  const R = 'src/run.ts';

  test('`builtin.resolve(...)` and `builtin.execute(...)` after `action as Builtin` reach what `add.resolve = ...` and `add.execute = ...` stored', () => {
    expect(edges(r).filter(([from]) => from === `${R}#run`)).toEqual([
      [`${R}#run`, `${A}#add.add`, `${R}:6:7`, 'callback'],
      [`${R}#run`, `${A}#executeAdd`, `${R}:11:39`, 'callback'],
      [`${R}#run`, `${A}#resolveAdd`, `${R}:10:21`, 'callback'],
    ]);
  });

  test('an interface without a call signature is not such a function: `step.resolve(...)` reaches none of them', () => {
    expect(edges(r).filter(([from]) => from === `${R}#runStep`)).toEqual([]);
  });
});
