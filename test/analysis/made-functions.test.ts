import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// Functions made from text at run time (`new Function(...)`): the code they run is not in the
// source, so a call of one (or of what it returns) may run the app functions it is handed, and
// those the handed values' members hold; the edge belongs to the function whose call runs it.
describe('calls of functions made by new Function (calls-made-functions)', () => {
  const r = analyzeApp({ appDir: fixture('calls-made-functions'), catalogs: [] });
  const C = 'src/compile.ts';
  const K = 'src/checks.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('what a made factory returns runs with the constants the factory was called with, gathered in a Map through a helper', () => {
    // check is compileAll()'s `factory(...c.values.values())`, the values set by addConstant(c, value).
    expect(from(`${C}#validate`)).toEqual([
      [`${C}#validate`, `${K}#isNumber`, `${C}:36:10`, 'callback'],
      [`${C}#validate`, `${K}#isShort`, `${C}:36:10`, 'callback'],
      [`${C}#validate`, `${C}#compileAll`, `${C}:35:17`, 'direct'],
    ]);
    // The factory's own call may run them too.
    expect(from(`${C}#compileAll`).filter(([, , site]) => site === `${C}:21:10`).map(([, to]) => to)).toEqual([`${K}#isNumber`, `${K}#isShort`]);
  });

  test('passed on as a parameter and called there', () => {
    expect(from(`${C}#runFast`)).toEqual([
      [`${C}#runFast`, `${K}#isNumber`, `${C}:50:10`, 'callback'],
      [`${C}#runFast`, `${K}#isShort`, `${C}:50:10`, 'callback'],
    ]);
  });

  test("made by a method (`Function(...)`), returned as any: an object handed reaches its members' functions by type", () => {
    // fn(shape, v): shape.a.run is Field.run, which the literal `field` implements with runField.
    expect(from(`${C}#parseShape`).filter(([, to]) => to?.startsWith(K))).toEqual([[`${C}#parseShape`, `${K}#runField`, `${C}:41:10`, 'callback']]);
  });

  test("the AsyncFunction constructor as a function's constructor, called through `call`: the arguments callers pass", () => {
    expect(from(`${C}#runAsync`)).toEqual([[`${C}#runAsync`, `${K}#isShort`, `${C}:64:13`, 'callback']]);
  });

  test('globalThis.Function held by a member: called with its object as this', () => {
    expect(from(`${C}#bound`)).toEqual([[`${C}#bound`, `${K}#runField`, `${C}:79:17`, 'callback']]);
  });

  test('a call of a value that is no made function gains nothing; a function never handed is never reached', () => {
    expect(from(`${C}#callAny`)).toEqual([]);
    expect(edges(r).filter(([, to]) => to === `${K}#neverHanded`)).toEqual([]);
    // The calls stay listed unresolved: the made code itself is not known.
    expect(r.unresolved.map((u) => u.site)).toEqual([`${C}:79:17`, `${C}:73:10`, `${C}:20:19`, `${C}:21:10`, `${C}:41:10`, `${C}:63:14`, `${C}:64:13`, `${C}:50:10`, `${C}:36:10`]);
  });
});
