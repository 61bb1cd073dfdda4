import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a function assigned over a library object's member (calls-library-member-stores)", () => {
  const r = analyzeApp({ appDir: fixture('calls-library-member-stores'), catalogs: [] });
  const A = 'src/app.ts';
  const wrapper = `${A}#main.controller.signal.addEventListener`;

  test('calls of the member on receivers that may be that object run the stored function', () => {
    expect(edges(r).filter(([, to]) => to === wrapper)).toEqual([
      [`${A}#listen`, wrapper, `${A}:10:10`, 'callback'],
      [`${A}#watch`, wrapper, `${A}:4:10`, 'callback'],
    ]);
  });

  test("a receiver of another library type does not; the calls stay library calls (the library's own member may run)", () => {
    expect(edges(r).filter(([f]) => f === `${A}#onResize`)).toEqual([]);
    const leaves = r.libraryCalls.filter((e) => e.from === `${A}#watch` || e.from === `${A}#listen`).map((e) => [e.from, e.to]);
    expect(leaves).toEqual([
      [`${A}#listen`, 'lib:globals#EventTarget.addEventListener'],
      [`${A}#watch`, 'lib:globals#AbortSignal.addEventListener'],
    ]);
  });

  test('a library global stored over through the global object runs at bare calls of it (still library calls); a binding shadowing it does not', () => {
    const counting = `${A}#countTimers.globalThis.setTimeout`;
    expect(edges(r).filter(([, to]) => to === counting)).toEqual([[`${A}#schedule`, counting, `${A}:20:13`, 'callback']]);
    expect(edges(r).filter(([f]) => f === `${A}#later`).map(([, to]) => to)).not.toContain(counting);
    expect(r.libraryCalls.filter((e) => e.from === `${A}#schedule`).map((e) => e.to)).toEqual(['lib:globals#clearTimeout', 'lib:globals#setTimeout']);
  });
});
