import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('stores over interface members, by receiver (calls-stores-member-receivers)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-stores-member-receivers'), catalogs: [] })));
  const S = 'src/shapes.ts';
  const V = 'src/views.ts';
  const from = (caller: string): string[][] => edges(r).filter((e) => e[0] === caller);

  test('a store through an unrelated interface with a member of that name is not what a call runs', () => {
    // Parser and Schema each have a required member the other lacks: p.parse() runs only Parser's store.
    expect(from(`${S}#readText`)).toEqual([[`${S}#readText`, `${S}#makeParser.p.parse`, `${S}:28:12`, 'callback']]);
    // s['parse'] = ...: a literal key is the member's name.
    expect(from(`${S}#readData`)).toEqual([[`${S}#readData`, `${S}#makeSchema.s.parse`, `${S}:32:12`, 'callback']]);
    // Members declared as properties likewise: Task's store is not Job's.
    expect(from(`${S}#endJob`)).toEqual([[`${S}#endJob`, `${S}#finishJob.j.onEnd`, `${S}:55:5`, 'callback']]);
  });

  test('every receiver that may be the object a call goes through keeps its store', () => {
    const site = `${V}:22:12`;
    expect(from(`${V}#callBase`)).toEqual([
      [`${V}#callBase`, `${V}#Lazy.run`, site, 'hierarchy'],
      [`${V}#callBase`, `${V}#Lazy.run~2`, site, 'callback'], // a class implementing Base, through `this`
      [`${V}#callBase`, `${V}#viaAny.o.run`, site, 'callback'], // any
      [`${V}#callBase`, `${V}#viaBase.b.run`, site, 'callback'],
      [`${V}#callBase`, `${V}#viaConstrained.o.run`, site, 'callback'], // T extends Base
      [`${V}#callBase`, `${V}#viaDestructured.inner.run`, site, 'callback'],
      [`${V}#callBase`, `${V}#viaIntersection.o.run`, site, 'callback'],
      [`${V}#callBase`, `${V}#viaPartial.o.run`, site, 'callback'], // Partial<Base> keeps Base's declaration
      [`${V}#callBase`, `${V}#viaSub.s.run`, site, 'callback'], // a sub-interface redeclaring the member
      [`${V}#callBase`, `${V}#viaThis.run`, site, 'callback'], // this: Base
      [`${V}#callBase`, `${V}#viaUnconstrained.o.run`, site, 'callback'], // T & { run }, T unconstrained
      [`${V}#callBase`, `${V}#viaUnion.o.run`, site, 'callback'],
      [`${V}#callBase`, `${V}#viaView.o.run`, site, 'callback'], // a type literal Base's objects fit
    ]);
  });

  test('a call through a sub-interface keeps stores through its base, and through views of it', () => {
    const site = `${V}:26:12`;
    expect(from(`${V}#callSub`).map((e) => e[1])).toEqual([
      `${V}#viaAny.o.run`,
      `${V}#viaBase.b.run`, // a Base may be a Sub
      `${V}#viaConstrained.o.run`,
      `${V}#viaDestructured.inner.run`,
      `${V}#viaIntersection.o.run`, // Base & { tag } may be a Sub too
      `${V}#viaPartial.o.run`,
      `${V}#viaSub.s.run`,
      `${V}#viaThis.run`,
      `${V}#viaUnconstrained.o.run`,
      `${V}#viaUnion.o.run`,
      `${V}#viaView.o.run`,
    ]);
    expect(new Set(from(`${V}#callSub`).map((e) => e[2]))).toEqual(new Set([site]));
    // Lazy is no Sub (no `depth`, not extending it): neither its method nor what it stores over it.
  });

  test('two interfaces one class implements: a store through one reaches a call through the other', () => {
    expect(from(`${V}#callSource`)).toEqual([
      [`${V}#callSource`, `${V}#Tape.next`, `${V}:120:12`, 'hierarchy'],
      [`${V}#callSource`, `${V}#viaStream.s.next`, `${V}:120:12`, 'callback'],
    ]);
  });

  test('an overloaded member keeps a store through a view naming one of its signatures', () => {
    expect(from(`${V}#callFormat`)).toEqual([[`${V}#callFormat`, `${V}#viaOneSignature.o.format`, `${V}:92:12`, 'callback']]);
  });
});
