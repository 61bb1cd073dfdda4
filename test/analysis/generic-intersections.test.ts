import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('generic fits of intersection types (calls-generic-intersections)', () => {
  test("a parameter typed by an intersection of function and object types holds objects: a handed-out function taking one does not fit a callee passing a string", () => {
    const r = analyzeApp({ appDir: fixture('calls-generic-intersections'), catalogs: [] });
    const L = 'src/lib.ts';
    // write: (name: string) => R. logger()'s arrow takes a string; store's own arrow takes nothing; factory()'s takes a Creator<T>.
    expect(edges(r).filter(([, , site]) => site === `${L}:18:16`)).toEqual([
      [`${L}#store.<anonymous 1>`, `${L}#logger.<anonymous 1>`, `${L}:18:16`, 'callback'],
      [`${L}#store.<anonymous 1>`, `${L}#store.<anonymous 1>`, `${L}:18:16`, 'callback'],
    ]);
  });
});
