import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a promise the app makes settles to what its executor resolves (calls-promise-settled)', () => {
  const r = analyzeApp({ appDir: fixture('calls-promise-settled'), catalogs: [] });
  const A = 'src/app.ts';
  const at = (site: string) => edges(r).filter(([, , s]) => s === `${A}:${site}`);

  test('`resolve` handed on in a literal: a call of its member elsewhere settles the awaited promise', () => {
    // `const [, release] = await this.acquire(); release()`: the releaser `dispatch` passed to `item.resolve`.
    expect(at('28:7')).toEqual([[`${A}#Gate.run`, `${A}#Gate.releaser.<anonymous 1>`, `${A}:28:7`, 'callback']]);
  });

  test('`resolve` called in the executor, in a nested function', () => {
    expect(at('53:3')).toEqual([[`${A}#waitThenRun`, `${A}#later.<anonymous 1>.<anonymous 1>.done`, `${A}:53:3`, 'callback']]);
  });

  test('what is rejected is not what the promise settles to', () => {
    expect(at('63:3')).toEqual([]);
  });
});
