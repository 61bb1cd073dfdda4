import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('arrays of functions reaching the call through a parameter, read by index (calls-array-params)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-array-params'), catalogs: [] })));
  const C = 'src/checks.ts';

  test('an element read by index is any element of what the callers pass there', () => {
    const calls = edges(r).filter(([from]) => from === `${C}#run` || from === `${C}#runAll`);
    expect(calls).toEqual([
      // const { checks } = options; const check = checks[i]; check(...): the field's and the parameter property's elements
      [`${C}#run`, `${C}#even`, `${C}:30:5`, 'callback'],
      [`${C}#run`, `${C}#positive`, `${C}:30:5`, 'callback'],
      [`${C}#run`, `${C}#run.finish`, `${C}:30:18`, 'callback'],
      // list[i](value, report): the local array filled by index and passed as the parameter, not the others
      [`${C}#runAll`, `${C}#report`, `${C}:38:56`, 'callback'],
      [`${C}#runAll`, `${C}#small`, `${C}:38:41`, 'callback'],
    ]);
  });

  test('the elements found receive the callbacks passed at that call', () => {
    expect(edges(r).filter(([, to]) => to === `${C}#run.finish` || to === `${C}#report`)).toEqual([
      [`${C}#even`, `${C}#run.finish`, `${C}:16:3`, 'callback'],
      [`${C}#positive`, `${C}#run.finish`, `${C}:13:3`, 'callback'],
      [`${C}#run`, `${C}#run.finish`, `${C}:30:18`, 'callback'],
      [`${C}#run.finish`, `${C}#report`, `${C}:31:7`, 'direct'],
      [`${C}#runAll`, `${C}#report`, `${C}:38:56`, 'callback'],
      [`${C}#small`, `${C}#report`, `${C}:19:3`, 'callback'],
    ]);
  });
});

describe('arrays kept in a record by name, and arrays made by map (calls-array-records)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-array-records'), catalogs: [] })));
  const H = 'src/hooks.ts';

  test("an entry read with a key not known holds what was pushed onto, or stored as, any entry", () => {
    expect(edges(r).filter(([from]) => from === `${H}#Hooks.call` || from === `${H}#callEach`)).toEqual([
      // const list = this.hooks[name]; for (const h of list) h(n)
      [`${H}#Hooks.call`, `${H}#audit`, `${H}:29:37`, 'callback'],
      [`${H}#Hooks.call`, `${H}#callEach`, `${H}:30:5`, 'direct'],
      [`${H}#Hooks.call`, `${H}#notify`, `${H}:29:37`, 'callback'],
      [`${H}#Hooks.call`, `${H}#seed`, `${H}:29:37`, 'callback'],
      // callEach([...this.hooks[name]], n): hooks[i](n) through the parameter
      [`${H}#callEach`, `${H}#audit`, `${H}:42:42`, 'callback'],
      [`${H}#callEach`, `${H}#notify`, `${H}:42:42`, 'callback'],
      [`${H}#callEach`, `${H}#seed`, `${H}:42:42`, 'callback'],
    ]);
  });

  test('the elements of list.map(f) are what f returns', () => {
    // const offs = names.map((name) => this.on(name, notify)); for (const off of offs) off()
    expect(edges(r).filter(([from]) => from === `${H}#Hooks.onAll.<anonymous 2>`)).toEqual([[`${H}#Hooks.onAll.<anonymous 2>`, `${H}#Hooks.on.off`, `${H}:36:31`, 'callback']]);
  });
});

describe('arrays made by map and flatMap (calls-array-mapped)', () => {
  test('hold what the callback returns (map) or the elements of what it returns (flatMap)', () => {
    const r = analyzeApp({ appDir: fixture('calls-array-mapped'), catalogs: [] });
    const M = 'src/mapped.ts';
    const later = edges(r).filter(([from]) => from === `${M}#stopAll.<anonymous 2>` || from === `${M}#controls.<anonymous 2>`);
    expect(later).toEqual([
      [`${M}#controls.<anonymous 2>`, `${M}#pause`, `${M}:21:25`, 'callback'], // all.map((f) => f()), all = names.flatMap(() => [pause, resume])
      [`${M}#controls.<anonymous 2>`, `${M}#resume`, `${M}:21:25`, 'callback'],
      [`${M}#stopAll.<anonymous 2>`, `${M}#makeStop.stop`, `${M}:16:27`, 'callback'], // stops.map((s) => s()), stops = names.map((n) => makeStop(n))
    ]);
  });
});

describe('instanceof (calls-has-instance)', () => {
  test("runs the class's static [Symbol.hasInstance], own or inherited, and nothing for a class without one", () => {
    const r = analyzeApp({ appDir: fixture('calls-has-instance'), catalogs: [] });
    const E = 'src/errors.ts';
    expect(edges(r)).toEqual([
      [`${E}#classify`, `${E}#AppError.static.[Symbol.hasInstance]`, `${E}:13:20`, 'implicit'], // e instanceof NotFound (inherited)
      [`${E}#classify`, `${E}#AppError.static.[Symbol.hasInstance]`, `${E}:14:20`, 'implicit'],
    ]);
  });
});
