import { ts } from 'ts-morph';
import { memoryProgram } from './helpers.js';
import { DistinctNodes, distinct } from '../../src/analysis/callgraph/value-memo.js';

function nodes(): ts.Node[] {
  const { sf } = memoryProgram('const a = 1, b = 2, c = 3, d = 4;\n');
  return [...(sf.statements[0] as ts.VariableStatement).declarationList.declarations];
}

describe('DistinctNodes', () => {
  it('gathers what distinct() of the whole list would keep, in the same order', () => {
    const [a, b, c, d] = nodes() as [ts.Node, ts.Node, ts.Node, ts.Node];
    const lists = [[b, a, b], [], [c, a], [d, c, b, a]];
    const out = new DistinctNodes();
    out.add(c);
    for (const l of lists) out.addAll(l);
    expect(out.nodes()).toEqual(distinct([c, ...lists.flat()]));
    expect(out.nodes()).toEqual([c, b, a, d]);
  });

  it('does not walk a list again that it gathered before (kept answers do not change)', () => {
    const [a, b, c] = nodes() as [ts.Node, ts.Node, ts.Node];
    const kept = [a, b];
    const out = new DistinctNodes();
    out.addAll(kept);
    // Only to observe the walk: a kept answer is never changed after it is kept.
    kept.push(c);
    out.addAll(kept);
    expect(out.nodes()).toEqual([a, b]);
    out.addAll([c]);
    expect(out.nodes()).toEqual([a, b, c]);
  });
});
