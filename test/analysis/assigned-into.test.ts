import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('literals merged by Object.assign into a typed result (calls-assigned-into)', () => {
  test("`const X: Ref = Object.assign(make, { fromArray })`: X.fromArray() runs the literal's member", () => {
    const r = analyzeApp({ appDir: fixture('calls-assigned-into'), catalogs: [] });
    const L = 'src/list.ts';
    // Both literals merged into a NonEmptyListTypeRef (the const's and makeRef's return type) implement it.
    expect(edges(r).filter(([from]) => from === `${L}#firstOf`)).toEqual([
      [`${L}#firstOf`, `${L}#fromArray`, `${L}:21:23`, 'hierarchy'],
      [`${L}#firstOf`, `${L}#makeRef.fromArray`, `${L}:21:23`, 'hierarchy'],
    ]);
    expect(edges(r).filter(([from]) => from === `${L}#fromArray`)).toEqual([
      [`${L}#fromArray`, `${L}#isNonEmpty`, `${L}:12:74`, 'hierarchy'],
      [`${L}#fromArray`, `${L}#makeRef.isNonEmpty`, `${L}:12:74`, 'hierarchy'],
    ]);
  });
});
