import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// The value of a call of a function received as a parameter (`const destroy = init(payload)`) is
// what the functions passed for that parameter return, found by parameter flow once every call site is known.
describe('what a call of a parameter returns (calls-parameter-returns)', () => {
  const r = analyzeApp({ appDir: fixture('calls-parameter-returns'), catalogs: [] });
  const M = 'src/mount.ts';
  const A = 'src/app.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('held in a variable, kept in an array, called later: what each function passed returns', () => {
    // stopTimer (mountTimer's) and relay's (passed on to onMount); mountPlain's returns nothing;
    // the functions passed (mountTimer.<anonymous 1>, ...) are not called here. The self edge is
    // onMount's own unbind handed back (handed-back.ts: the loop's elements are not all known).
    expect(from(`${M}#onMount.<anonymous 1>`)).toEqual([
      [`${M}#onMount.<anonymous 1>`, `${A}#mountRelayed.<anonymous 1>.<anonymous 1>`, `${M}:12:31`, 'callback'],
      [`${M}#onMount.<anonymous 1>`, `${A}#mountTimer.<anonymous 1>.stopTimer`, `${M}:12:31`, 'callback'],
      [`${M}#onMount.<anonymous 1>`, `${M}#onMount.<anonymous 1>`, `${M}:12:31`, 'callback'],
    ]);
    // The call of init itself runs the functions passed, as before.
    expect(from(`${M}#onMount.listener`).map(([, to]) => to)).toEqual([`${A}#mountPlain.<anonymous 1>`, `${A}#mountRelayed.<anonymous 1>`, `${A}#mountTimer.<anonymous 1>`]);
  });

  test('called at once (`make()()`): the inner call runs what is passed, the outer what that returns', () => {
    expect(from(`${M}#twice`)).toEqual([
      [`${M}#twice`, `${A}#runTwice.<anonymous 1>`, `${M}:17:56`, 'callback'],
      [`${M}#twice`, `${A}#runTwice.<anonymous 1>.<anonymous 1>`, `${M}:17:56`, 'callback'],
    ]);
  });

  test('destructured from the parameter: what callers pass for that property returns', () => {
    expect(from(`${M}#build`)).toEqual([
      [`${M}#build`, `${A}#built.create`, `${M}:21:15`, 'callback'],
      [`${M}#build`, `${A}#built.create.<anonymous 1>`, `${M}:22:10`, 'callback'],
    ]);
    // All its callers are known: not listed.
    expect(r.unresolved.filter((u) => u.from === `${M}#build`)).toEqual([]);
  });

  test("a function passed that returns its own parameter returns what it is given", () => {
    // f(g)() in apply: f is (h) => h, called with g, which applied passes as given.
    expect(from(`${A}#apply`)).toEqual([
      [`${A}#apply`, `${A}#applied.<anonymous 1>`, `${A}:29:89`, 'callback'],
      [`${A}#apply`, `${A}#applied.given`, `${A}:29:89`, 'callback'],
    ]);
  });

  test('in JavaScript, stored as an entry of an untyped record and called later', () => {
    const P = 'src/patch.js';
    // object.undos[name]() runs the undo usePatch's patch returns, not the patch itself.
    expect(from(`${P}#revert`)).toEqual([[`${P}#revert`, `${P}#usePatch.<anonymous 1>.<anonymous 1>`, `${P}:8:41`, 'callback']]);
  });

  test('through a variable holding the parameter: the same', () => {
    expect(from(`${M}#later`)).toEqual([
      [`${M}#later`, `${A}#runLater.<anonymous 1>`, `${M}:31:16`, 'callback'],
      [`${M}#later`, `${A}#runLater.<anonymous 1>.<anonymous 1>`, `${M}:32:13`, 'callback'],
    ]);
  });
});
