import { condense, countReachingPairs, reachingIdPairs, reachingPairs } from '../../src/util/reach.js';

const e = (from: string, to: string) => ({ from, to });

describe('reachability on the condensation', () => {
  const edges = [e('a', 'b'), e('b', 'c'), e('c', 'b'), e('c', 'x'), e('x', 'd'), e('d', 'd')];
  const reach = condense(['a', 'b', 'c', 'd'], edges);

  test('components come callees first, with the calls between them', () => {
    expect(reach.components).toEqual([['d'], ['x'], ['b', 'c'], ['a']]);
    expect(reach.calls).toEqual([[], [0], [1], [2]]);
  });

  test('cycles reach all their members; other nodes are passed through; no method reaches itself', () => {
    const members = ['a', 'b', 'c', 'd'];
    const pairs = [['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'b'], ['c', 'd']];
    expect([...reachingIdPairs(reach, members)]).toEqual(pairs);
    expect(reachingPairs(reach, members)).toEqual(pairs.map(([m1, m2]) => [members.indexOf(m1!), members.indexOf(m2!)]));
    expect(countReachingPairs(reach, members)).toBe(pairs.length);
  });

  test('asked for some methods, it answers for those only; unknown ones reach nothing', () => {
    expect([...reachingIdPairs(reach, ['a', 'd', 'zz'])]).toEqual([['a', 'd']]);
    expect(countReachingPairs(reach, ['c', 'zz'])).toBe(0);
    expect(reachingPairs(reach, [])).toEqual([]);
  });

  test('the same graph in another edge order gives the same condensation', () => {
    expect(condense(['d', 'c', 'b', 'a'], [...edges].reverse())).toEqual(reach);
  });

  test('a long chain neither overflows the stack nor holds a pair per node', () => {
    const n = 50000;
    const chain = condense([], Array.from({ length: n - 1 }, (_, i) => e(`m${i}`, `m${i + 1}`)));
    expect(chain.components.length).toBe(n);
    expect([...reachingIdPairs(chain, ['m0', `m${n - 1}`])]).toEqual([['m0', `m${n - 1}`]]);
  });

  test('sets are shared down a chain and merged where branches meet', () => {
    // top -> l -> mid, top -> r -> mid, mid -> bottom; l and r reach the same set through mid.
    const g = condense([], [e('top', 'l'), e('top', 'r'), e('l', 'mid'), e('r', 'mid'), e('mid', 'bottom'), e('r', 'side')]);
    const members = ['bottom', 'l', 'r', 'side', 'top'];
    expect([...reachingIdPairs(g, members)]).toEqual([
      ['l', 'bottom'],
      ['r', 'bottom'],
      ['r', 'side'],
      ['top', 'bottom'],
      ['top', 'l'],
      ['top', 'r'],
      ['top', 'side'],
    ]);
  });
});
