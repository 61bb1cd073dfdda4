import { jsonChunks } from '../../src/cli/jsonChunks.js';

const joined = (v: Record<string, unknown>): string => [...jsonChunks(v)].join('\n');

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2), in pieces of whole lines', () => {
    const value = {
      methods: [{ id: 'src/a.ts#f', reasons: [{ message: 'line\nbreak "quoted" ü' }], nested: { deep: [1, [2, []]] } }, 'x', 3, null],
      empty: [],
      none: {},
      skipped: undefined,
      fn: () => 1,
      holes: [undefined, () => 2],
      counts: { 'a b': 1, z: { y: [] } },
      long: Array.from({ length: 5000 }, (_, k) => ({ from: `m${k}`, to: `m${k + 1}`, site: `src/a.ts:${k}:1` })),
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('\n')).toBe(JSON.stringify(value, null, 2));
  });
  it('writes a generator member as the array of what it yields, pulling one item at a time', () => {
    let pulled = 0;
    function* pairs(n: number): Generator<[string, string]> {
      for (let k = 0; k < n; k++) {
        pulled++;
        yield [`m${k}`, `m${k + 1}`];
      }
    }
    const chunks = jsonChunks({ before: 1, pairs: pairs(20000), none: pairs(0), after: [2] });
    const first = chunks.next().value as string;
    expect(pulled).toBeLessThan(20000); // the first chunk left without the rest being made
    const text = [first, ...chunks].join('\n');
    const whole = { before: 1, pairs: Array.from({ length: 20000 }, (_, k) => [`m${k}`, `m${k + 1}`]), none: [], after: [2] };
    expect(text).toBe(JSON.stringify(whole, null, 2));
  });
  it('handles an empty object', () => expect(joined({})).toBe(JSON.stringify({}, null, 2)));
});
