import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("an array method's result is made by the receiver's constructor (calls-array-species)", () => {
  const r = analyzeApp({ appDir: fixture('calls-array-species'), catalogs: [] });
  const S = 'src/seq.ts';
  const made = (from: string): string[][] => edges(r).filter(([f, , , kind]) => f === from && kind === 'constructor');
  const both = (from: string, site: string): string[][] => [
    [from, `${S}#Seq.constructor`, site, 'constructor'],
    [from, `${S}#SortedSeq.constructor`, site, 'constructor'],
  ];

  test('map, slice on a receiver that may hold a Seq: its constructor or a subclass', () => {
    expect(made(`${S}#double`)).toEqual(both(`${S}#double`, `${S}:28:14`));
    expect(made(`${S}#firstTwo`)).toEqual(both(`${S}#firstTwo`, `${S}:33:16`));
    // A type parameter in the element type admits a Seq too.
    expect(made(`${S}#values`)).toEqual(both(`${S}#values`, `${S}:41:13`));
  });

  test('super.splice in the class: whichever class `this` is; the static `from` it inherits, on `typeof Seq`', () => {
    expect(made(`${S}#Seq.splice`)).toEqual([
      [`${S}#Seq.splice`, `${S}#Seq.constructor`, `${S}:13:46`, 'constructor'],
      [`${S}#Seq.splice`, `${S}#Seq.constructor`, `${S}:13:68`, 'constructor'],
      [`${S}#Seq.splice`, `${S}#SortedSeq.constructor`, `${S}:13:46`, 'constructor'],
      [`${S}#Seq.splice`, `${S}#SortedSeq.constructor`, `${S}:13:68`, 'constructor'],
    ]);
    expect(made(`${S}#Seq.copy`)).toEqual(both(`${S}#Seq.copy`, `${S}:17:45`));
  });

  test('a string array cannot hold a Seq; Array.from constructs no class of the app', () => {
    expect(made(`${S}#upper`)).toEqual([]);
    expect(made(`${S}#plain`)).toEqual([]);
  });
});
