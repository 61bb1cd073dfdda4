import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a literal Object.assign merges sources of an interface over implements it (calls-merged-literals)', () => {
  const r = analyzeApp({ appDir: fixture('calls-merged-literals'), catalogs: [] });
  const O = 'src/options.ts';
  const C = 'src/caller.ts';

  test("a call through the interface's member runs the default the literal holds, beside the callers' own options", () => {
    expect(edges(r).filter(([f]) => f === `${O}#comment`)).toEqual([
      [`${O}#comment`, `${C}#run.commentString`, `${O}:20:22`, 'hierarchy'],
      [`${O}#comment`, `${O}#hashed`, `${O}:20:22`, 'hierarchy'],
    ]);
  });
});
