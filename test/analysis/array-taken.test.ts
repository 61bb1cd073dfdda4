import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('what pop, shift, at and find take out of an array (calls-array-taken)', () => {
  test('is one of its elements', () => {
    const r = analyzeApp({ appDir: fixture('calls-array-taken'), catalogs: [] });
    const Q = 'src/queue.ts';
    expect(edges(r)).toEqual([
      [`${Q}#flushAll`, `${Q}#later.<anonymous 1>`, `${Q}:10:5`, 'callback'], // const job = jobs.pop()!; job()
      [`${Q}#later`, `${Q}#later.<anonymous 1>`, `${Q}:5:13`, 'callback'],
      [`${Q}#runFirst`, `${Q}#later.<anonymous 1>`, `${Q}:14:3`, 'callback'], // jobs.shift()?.()
    ]);
  });
});
