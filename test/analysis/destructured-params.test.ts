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

describe('a field holding a function, handed to a call (calls-fields-handed)', () => {
  test('the method handing it out runs what the field holds: its initializer and what is stored there', () => {
    const r = analyzeApp({ appDir: fixture('calls-fields-handed'), catalogs: [] });
    const S = 'src/sorter.ts';
    expect(edges(r).filter(([from]) => from === `${S}#Sorter.sort`)).toEqual([
      [`${S}#Sorter.sort`, `${S}#byKeys.<anonymous 1>`, `${S}:17:27`, 'callback'], // list.sort(this.compare)
      [`${S}#Sorter.sort`, `${S}#byLength`, `${S}:17:27`, 'callback'],
    ]);
  });
});
