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
