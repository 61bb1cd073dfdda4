import { CycleAwareCache, type AnswerMemo } from '../../src/analysis/callgraph/cycle-aware-cache.js';
import { RecordingMemo } from './recording-memo.js';

// The cache on small graphs: a key's answer is its own letter and the answers of the keys it
// points to, so the right answer is every key reachable from it (as the implementations of an
// interface member are those of the members their values call through).
type Graph = Record<string, string[]>;

/** Parameters met, as value following keeps them: each goes to the collection under way (`reported`) and to the walks around it. */
class Memo extends RecordingMemo implements AnswerMemo {
  reported = new Set<string>();
  /** Cuts of value following itself (a cycle through calls' results, say). */
  otherCuts = 0;
  cache: CycleAwareCache<string, string[]> | undefined;
  protected record(name: string): void {
    this.reported.add(name);
  }
  cuts(): number {
    return this.otherCuts + (this.cache?.cuts ?? 0);
  }
}

/** `bound`: lookups nest at most that deep; one deeper is refused (as device-questions.ts does). */
function cacheOf(g: Graph, opts: { meets?: Record<string, string>; onCompute?: (key: string) => void; bound?: number } = {}) {
  const memo = new Memo();
  const computed: string[] = [];
  let depth = 0;
  const lookup = (n: string): string[] => {
    if (depth >= (opts.bound ?? Infinity)) return cache.refused(n);
    depth++;
    try {
      return cache.get(n);
    } finally {
      depth--;
    }
  };
  const cache: CycleAwareCache<string, string[]> = new CycleAwareCache(
    (key) => {
      computed.push(key);
      opts.onCompute?.(key);
      const met = opts.meets?.[key];
      if (met) memo.meet(met);
      return [...new Set([key, ...g[key]!.flatMap(lookup)])].sort();
    },
    () => [],
    memo,
  );
  memo.cache = cache;
  return { cache, memo, computed, get: (k: string) => lookup(k).join('') };
}

function reachable(g: Graph, key: string): string {
  const seen = new Set([key]);
  const todo = [key];
  while (todo.length) {
    for (const n of g[todo.pop()!]!) {
      if (!seen.has(n)) seen.add(n) && todo.push(n);
    }
  }
  return [...seen].sort().join('');
}

describe('CycleAwareCache', () => {
  test('a key that reaches only itself is final at once, and kept', () => {
    const { get, computed, cache } = cacheOf({ A: ['A', 'B'], B: [] });
    expect(get('A')).toBe('AB');
    expect(get('A')).toBe('AB');
    expect(computed).toEqual(['A', 'B']);
    expect(cache.settled('A')).toEqual(['A', 'B']);
  });

  test('two keys in a cycle: the one found while the other was under way is searched again, then kept', () => {
    const { get, computed, cache } = cacheOf({ A: ['B'], B: ['A'] });
    expect(get('A')).toBe('AB');
    // B's first answer lacked A (A was under way): searched again once A was final.
    expect(computed).toEqual(['A', 'B', 'B']);
    expect(cache.settled('B')).toEqual(['A', 'B']);
    expect(get('B')).toBe('AB');
    expect(computed).toHaveLength(3);
  });

  test('a provisional answer used meanwhile makes the answer using it provisional too', () => {
    // A -> B -> A, then A -> C -> B: C uses B's answer that lacks A.
    const { get, cache } = cacheOf({ A: ['B', 'C'], B: ['A'], C: ['B'] });
    expect(get('A')).toBe('ABC');
    expect(cache.cuts).toBe(2); // B meeting A, C meeting B's provisional answer
    expect(cache.settled('C')).toEqual(['A', 'B', 'C']);
    expect(get('C')).toBe('ABC');
  });

  test('a retry that uses another provisional answer is not left partial (retrying each key once was)', () => {
    // X -> R -> P -> R (cut), R -> X (cut): P is cut on R, R on X. Retrying P first, while R's
    // answer is still provisional, leaves P cut on X; keeping that, P lacked X for good.
    const g = { X: ['R'], R: ['P', 'X'], P: ['R'] };
    const { get } = cacheOf(g);
    expect(['X', 'P', 'R'].map(get)).toEqual(['PRX', 'PRX', 'PRX']);
  });

  test('every answer is what the key reaches, on graphs with cycles, asked in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 500; t++) {
      const keys = 'ABCDEFG'.slice(0, 3 + Math.floor(random() * 5)).split('');
      const g: Graph = Object.fromEntries(keys.map((k) => [k, keys.filter(() => random() < 0.3)]));
      const order = [...keys, ...keys].sort(() => random() - 0.5);
      const { get } = cacheOf(g);
      expect(order.map(get)).toEqual(order.map((k) => reachable(g, k)));
    }
  });

  describe('under a bound on nesting, a refused lookup is a cut searched from the top later', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(3, '0')}`);

    test('a chain twenty times longer than the bound: every answer whole and kept', () => {
      const keys = names(100);
      const g: Graph = Object.fromEntries(keys.map((k, i) => [k, keys.slice(i + 1, i + 2)]));
      const { get, cache } = cacheOf(g, { bound: 5 });
      expect(get('k000')).toBe(keys.join(''));
      for (const [i, k] of keys.entries()) expect(cache.settled(k)).toEqual(keys.slice(i));
      expect(cache.leftProvisional).toBe(0);
    });

    test('a cycle twenty times longer than the bound, entered anywhere', () => {
      const keys = names(100);
      const g: Graph = Object.fromEntries(keys.map((k, i) => [k, [keys[(i + 1) % keys.length]!]]));
      for (const start of ['k000', 'k037', 'k099']) {
        const { get, cache } = cacheOf(g, { bound: 5 });
        expect(get(start)).toBe(keys.join(''));
        for (const k of keys) expect(cache.settled(k)).toEqual(keys);
        expect(cache.leftProvisional).toBe(0);
      }
    });

    test('every answer is what the key reaches, on graphs with cycles, under small bounds', () => {
      let seed = 11;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let t = 0; t < 300; t++) {
        const keys = 'ABCDEFGHIJKL'.slice(0, 4 + Math.floor(random() * 9)).split('');
        const g: Graph = Object.fromEntries(keys.map((k) => [k, keys.filter(() => random() < 0.25)]));
        const order = [...keys, ...keys].sort(() => random() - 0.5);
        const { get } = cacheOf(g, { bound: 1 + Math.floor(random() * 3) });
        expect(order.map(get)).toEqual(order.map((k) => reachable(g, k)));
      }
    });
  });

  test('a reused answer reports again the parameters its walk met, those of the keys it reached included', () => {
    const { get, memo, computed } = cacheOf({ A: ['B'], B: ['A'], C: [] }, { meets: { A: 'a', B: 'b', C: 'c' } });
    const reported = (k: string): string[] => {
      memo.reported.clear();
      get(k);
      return [...memo.reported].sort();
    };
    expect(reported('A')).toEqual(['a', 'b']);
    expect(reported('A')).toEqual(['a', 'b']);
    expect(reported('B')).toEqual(['a', 'b']);
    expect(reported('C')).toEqual(['c']);
    expect(reported('C')).toEqual(['c']);
    expect(computed).toEqual(['A', 'B', 'B', 'C']);
  });

  test('an answer computed while a walk was cut for another reason is not kept: a later use asks afresh', () => {
    let cutOnce = true;
    const { get, memo, computed, cache } = cacheOf(
      { A: ['B'], B: [] },
      {
        onCompute: (k) => {
          if (k !== 'B' || !cutOnce) return;
          memo.otherCuts++;
          cutOnce = false;
        },
      },
    );
    expect(get('A')).toBe('AB');
    expect(cache.settled('A')).toBeUndefined();
    expect(cache.settled('B')).toBeUndefined();
    expect(get('A')).toBe('AB');
    expect(computed).toEqual(['A', 'B', 'A', 'B']);
    expect(cache.settled('A')).toEqual(['A', 'B']);
  });

  test('a key looked up again while under way gets nothing and counts as a cut', () => {
    const seen: string[][] = [];
    const memo = new Memo();
    const cache: CycleAwareCache<string, string[]> = new CycleAwareCache(
      (k) => {
        seen.push(cache.get(k));
        return [k];
      },
      () => [],
      memo,
    );
    memo.cache = cache;
    expect(cache.get('A')).toEqual(['A']);
    expect(seen).toEqual([[]]);
    expect(cache.cuts).toBe(1);
  });
});
