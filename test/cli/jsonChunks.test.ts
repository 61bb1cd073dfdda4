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
  it('handles an empty object', () => expect(joined({})).toBe(JSON.stringify({}, null, 2)));
});
