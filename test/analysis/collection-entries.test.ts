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
