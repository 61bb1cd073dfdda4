import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('`new` of a value typed by a construct signature runs the classes that fit it (calls-construct-signatures)', () => {
  const r = analyzeApp({ appDir: fixture('calls-construct-signatures'), catalogs: [] });
  const N = 'src/nodes.ts';
  const T = 'src/tags.ts';
  const into = (from: string): string[][] => edges(r).filter(([f, , , kind]) => f === from && kind === 'constructor');

  test("a tag's `nodeClass` found in an array at run time: every class whose constructor takes a Schema and makes a Node", () => {
    // Not Alias (its constructor takes a string) nor Base (abstract). SetNode is no MapNode: the tag's type admits it,
    // not the `?? MapNode` beside it.
    expect(into(`${T}#compose`)).toEqual([
      [`${T}#compose`, `${N}#MapNode.constructor`, `${T}:22:10`, 'constructor'],
      [`${T}#compose`, `${N}#SeqNode.constructor`, `${T}:22:10`, 'constructor'],
      [`${T}#compose`, `${N}#SetNode.constructor`, `${T}:22:10`, 'constructor'],
    ]);
  });

  test('a constructor from callers outside, typed by an interface with `new (...)`: the classes whose instances it makes', () => {
    // MapNode and SetNode make no `flow`: not SeqNodes.
    expect(into(`${T}#make`)).toEqual([[`${T}#make`, `${N}#SeqNode.constructor`, `${T}:27:10`, 'constructor']]);
    expect(r.unresolved.map((u) => u.from)).toEqual([]);
  });
});
