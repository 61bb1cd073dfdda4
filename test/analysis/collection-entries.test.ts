import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe("a Map's pairs, a Set's entries and Array.from's copies (calls-collection-entries)", () => {
  test('hold the collection values they list', () => {
    const R = 'src/registry.ts';
    const r = analyzeApp({ appDir: fixture('calls-collection-entries'), catalogs: [] });
    expect(edges(r)).toEqual([
      [`${R}#register`, `${R}#build`, `${R}:9:22`, 'callback'],
      [`${R}#register`, `${R}#clean`, `${R}:10:13`, 'callback'],
      [`${R}#runCopied`, `${R}#runCopied.<anonymous 1>`, `${R}:23:38`, 'callback'],
      [`${R}#runCopied.<anonymous 1>`, `${R}#build`, `${R}:23:48`, 'callback'], // Array.from(tasks.values()).forEach((task) => task())
      [`${R}#runEntries`, `${R}#build`, `${R}:17:57`, 'callback'], // for (const [name, task] of tasks.entries())
      [`${R}#runHooks`, `${R}#clean`, `${R}:20:41`, 'callback'], // hooks.entries(): [v, v]
      [`${R}#runMapped`, `${R}#runMapped.<anonymous 1>`, `${R}:26:48`, 'callback'],
      [`${R}#runMapped`, `${R}#runMapped.<anonymous 1>.<anonymous 1>`, `${R}:26:73`, 'callback'],
      [`${R}#runMapped.<anonymous 1>`, `${R}#runMapped.<anonymous 1>.<anonymous 1>`, `${R}:26:58`, 'callback'],
      [`${R}#runMapped.<anonymous 1>.<anonymous 1>`, `${R}#build`, `${R}:26:64`, 'callback'], // Array.from's map function gets the elements
      [`${R}#runPairs`, `${R}#build`, `${R}:14:33`, 'callback'], // for (const [, task] of tasks)
    ]);
  });
});

describe("a Map's keys (calls-map-keys)", () => {
  test('are what set() and the starting pairs put first, apart from its values', () => {
    const H = 'src/hooks.ts';
    const r = analyzeApp({ appDir: fixture('calls-map-keys'), catalogs: [] });
    expect(edges(r)).toEqual([
      [`${H}#labels`, `${H}#labels.<anonymous 1>`, `${H}:28:35`, 'callback'],
      [`${H}#labels.<anonymous 1>`, `${H}#label`, `${H}:28:42`, 'callback'], // values(), not keys
      [`${H}#runEach`, `${H}#runEach.<anonymous 1>`, `${H}:24:18`, 'callback'],
      [`${H}#runEach.<anonymous 1>`, `${H}#onError`, `${H}:24:35`, 'callback'], // forEach's second parameter
      [`${H}#runKeys`, `${H}#onClose`, `${H}:16:37`, 'callback'], // keys(): set() ...
      [`${H}#runKeys`, `${H}#onOpen`, `${H}:16:37`, 'callback'], // ... and the starting pairs
      [`${H}#runPairs`, `${H}#onClose`, `${H}:20:32`, 'callback'], // for (const [hook] of counts)
      [`${H}#runPairs`, `${H}#onOpen`, `${H}:20:32`, 'callback'],
    ]);
  });
});

describe("a reducer's accumulator (calls-reduce)", () => {
  const C = 'src/compose.ts';
  const r = analyzeApp({ appDir: fixture('calls-reduce'), catalogs: [] });
  const from = (fn: string) => edges(r).filter(([f]) => f === fn);
  test("holds the starting value or the elements, and what the reducer returns; so does reduce's result", () => {
    // compose's result is what its reducer returns: the arrow run() then calls.
    expect(from(`${C}#run`)).toContainEqual([`${C}#run`, `${C}#compose.<anonymous 1>.<anonymous 1>`, `${C}:27:10`, 'callback']);
    expect(from(`${C}#run`)).toContainEqual([`${C}#run`, `${C}#startFrom.<anonymous 1>.<anonymous 1>`, `${C}:27:20`, 'callback']);
    // Without a start the accumulator is an element at first, then the arrow made before.
    expect(from(`${C}#compose.<anonymous 1>.<anonymous 1>`)).toContainEqual([`${C}#compose.<anonymous 1>.<anonymous 1>`, `${C}#double`, `${C}:17:52`, 'callback']);
    expect(from(`${C}#compose.<anonymous 1>.<anonymous 1>`)).toContainEqual([`${C}#compose.<anonymous 1>.<anonymous 1>`, `${C}#compose.<anonymous 1>.<anonymous 1>`, `${C}:17:52`, 'callback']);
    // With one, the start: identity.
    expect(from(`${C}#startFrom.<anonymous 1>.<anonymous 1>`)).toContainEqual([`${C}#startFrom.<anonymous 1>.<anonymous 1>`, `${C}#identity`, `${C}:21:66`, 'callback']);
    expect(from(`${C}#sum`)).toEqual([[`${C}#sum`, `${C}#sum.<anonymous 1>`, `${C}:31:24`, 'callback']]);
  });
});
