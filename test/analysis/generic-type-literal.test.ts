import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a type literal naming its alias\'s type parameters, implemented by classes (calls-generic-type-literal)', () => {
  const r = analyzeApp({ appDir: fixture('calls-generic-type-literal'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test('calls and reads through `Q extends Queue<Run, O>` reach the members of a class having every required name', () => {
    expect(from('Pool.add')).toEqual([[`${A}#Pool.add`, `${A}#PrioQueue.enqueue`, `${A}:47:17`, 'hierarchy']]);
    expect(from('Pool.next')).toEqual([
      [`${A}#Pool.next`, `${A}#PrioQueue.dequeue`, `${A}:50:29`, 'hierarchy'],
      [`${A}#Pool.next`, `${A}#PrioQueue.size`, `${A}:51:21`, 'accessor'],
      // What dequeue returns: the run the queue was handed.
      [`${A}#Pool.next`, `${A}#main.<anonymous 1>`, `${A}:51:36`, 'callback'],
    ]);
  });

  test('a class lacking a required member is no implementation; a literal naming no type parameter is compared as before', () => {
    expect(edges(r).filter(([f, t]) => f!.startsWith(`${A}#Pool.`) && t!.startsWith(`${A}#Bag.`))).toEqual([]);
    expect(from('count')).toEqual([]);
  });
});
