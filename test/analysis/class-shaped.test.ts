import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('object literals typed by a class or a mapped type over it (calls-class-shaped)', () => {
  test("a call of the class's method through a value that may be such a literal runs the literal's member", () => {
    const r = analyzeApp({ appDir: fixture('calls-class-shaped'), catalogs: [] });
    const H = 'src/hooks.ts';
    const U = 'src/use.ts';
    const literal = (to = '') => to.startsWith(`${U}#main.`) || to.startsWith(`${H}#upper.`) || to.startsWith(`${U}#other.`);
    expect(edges(r).filter(([from, to]) => from !== `${U}#main` && literal(to))).toEqual([
      // ext.hooks?.preprocess?.(md), hooks: Partial<Hooks>
      [`${H}#runPre`, `${H}#upper.preprocess`, `${H}:18:21`, 'hierarchy'],
      [`${H}#runPre`, `${U}#main.hooks.preprocess`, `${H}:18:21`, 'hierarchy'],
      // h.postprocess('x'), h: Hooks
      [`${H}#runUpper`, `${H}#upper.postprocess`, `${H}:38:12`, 'hierarchy'],
      [`${H}#runUpper`, `${U}#main.hooks~2.postprocess`, `${H}:38:12`, 'hierarchy'],
      // ext.hooks[name] read by the class's names, then fn.call(hooks, s) in the wrapper
      [`${H}#wrap`, `${H}#upper.postprocess`, `${H}:25:26`, 'callback'],
      [`${H}#wrap`, `${H}#upper.preprocess`, `${H}:25:26`, 'callback'],
      [`${H}#wrap`, `${U}#main.hooks.preprocess`, `${H}:25:26`, 'callback'],
      [`${H}#wrap`, `${U}#main.hooks~2.postprocess`, `${H}:25:26`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${H}#upper.postprocess`, `${H}:26:34`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${H}#upper.postprocess`, `${H}:26:37`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${H}#upper.preprocess`, `${H}:26:34`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${H}#upper.preprocess`, `${H}:26:37`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${U}#main.hooks.preprocess`, `${H}:26:34`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${U}#main.hooks.preprocess`, `${H}:26:37`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${U}#main.hooks~2.postprocess`, `${H}:26:34`, 'callback'],
      [`${H}#wrap.<anonymous 1>`, `${U}#main.hooks~2.postprocess`, `${H}:26:37`, 'callback'],
      // `other`, typed by an interface of its own with the same names: never
    ]);
  });
});
