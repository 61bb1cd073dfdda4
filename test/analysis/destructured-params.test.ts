import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('functions destructured from a parameter into a variable (calls-destructured-params)', () => {
  test('the call runs what callers pass for that property, also through f.call(...)', () => {
    const r = analyzeApp({ appDir: fixture('calls-destructured-params'), catalogs: [] });
    const R = 'src/rules.ts';
    expect(edges(r).filter(([, to]) => to === `${R}#NumberSchema.positive.test`)).toEqual([
      [`${R}#NumberSchema.positive`, `${R}#NumberSchema.positive.test`, `${R}:37:7`, 'callback'], // handed out
      [`${R}#compile.run`, `${R}#NumberSchema.positive.test`, `${R}:12:12`, 'callback'], // const { test } = rule; test(value)
      [`${R}#compileBound.runBound`, `${R}#NumberSchema.positive.test`, `${R}:20:17`, 'callback'], // test.call(rule, value)
    ]);
    expect(r.unresolved.filter((u) => u.from.startsWith(`${R}#compile`))).toEqual([]);
  });
});
