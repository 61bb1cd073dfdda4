import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("`new` of an object's constructor runs its class's (calls-constructor-reads)", () => {
  const r = analyzeApp({ appDir: fixture('calls-constructor-reads'), catalogs: [] });
  const S = 'src/shapes.ts';
  const targets = (from: string): string[] => edges(r).filter(([f]) => f === from).map(([, to, , kind]) => `${to} ${kind}`);

  test("`this.constructor` cast to any or to a construct signature: the class and its subclasses", () => {
    expect(targets(`${S}#Shape.cloneUntyped`)).toEqual([`${S}#Shape.constructor constructor`, `${S}#Square.constructor constructor`]);
    expect(targets(`${S}#Shape.cloneTyped`)).toEqual([`${S}#Shape.constructor constructor`, `${S}#Square.constructor constructor`]);
  });

  test('a receiver\'s `constructor` held by a const typed any: the receiver type\'s class and its subclasses', () => {
    expect(targets(`${S}#copyOf`)).toEqual([`${S}#Shape.constructor constructor`, `${S}#Square.constructor constructor`]);
    expect(targets(`${S}#copyOfLabel`)).toEqual([`${S}#Label.constructor constructor`]);
  });

  test('a class held by a const typed any: that class', () => {
    expect(targets(`${S}#squareByAlias`)).toEqual([`${S}#Square.constructor constructor`]);
  });

  test("a class's own constructor is Function, no class of the app; an untyped receiver's constructor stays unresolved", () => {
    expect(targets(`${S}#kindOfClass`)).toEqual([]);
    expect(targets(`${S}#fromUntyped`)).toEqual([]);
    expect(r.unresolved.map((u) => u.from)).toEqual([`${S}#fromUntyped`, `${S}#kindOfClass`]);
  });
});
