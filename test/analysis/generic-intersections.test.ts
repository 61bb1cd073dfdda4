import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('generic fits of intersection types (calls-generic-intersections)', () => {
  const r = analyzeApp({ appDir: fixture('calls-generic-intersections'), catalogs: [] });
  const L = 'src/lib.ts';
  const targetsAt = (site: string) => edges(r).filter(([, , s]) => s === `${L}:${site}`).map(([, to]) => to);

  test('a parameter typed by an intersection of function and object types holds objects: a handed-out function taking one does not fit a callee passing a string', () => {
    // write: (name: string) => R. factory()'s arrow needs a Creator<T>; the others take a string, unknown or nothing.
    expect(targetsAt('18:16')).toEqual([`${L}#disposer.<anonymous 1>`, `${L}#logger.<anonymous 1>`, `${L}#predicate.<anonymous 1>`, `${L}#store.<anonymous 1>`]);
  });

  test('an intersection of type parameters bounded by Object admits what Object does: a boolean or number result fits, a void one does not', () => {
    // merge: (a: A, b: B) => A & B. disposer()'s arrow returns void, never an Object; logger's number and predicate's boolean are.
    expect(targetsAt('32:10')).toEqual([`${L}#factory.<anonymous 1>`, `${L}#logger.<anonymous 1>`, `${L}#predicate.<anonymous 1>`, `${L}#store.<anonymous 1>`]);
  });
});
