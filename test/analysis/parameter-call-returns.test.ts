import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture } from './helpers.js';

describe('members of what a call through a parameter returns (calls-parameter-call-returns)', () => {
  const r = analyzeApp({ appDir: fixture('calls-parameter-call-returns'), catalogs: [bundledCatalog('browser')] });
  const A = 'src/app.ts';
  const thenCalls = (): string[][] => edges(r).filter(([f, to, site]) => f === `${A}#isAsyncResource` && site === `${A}:10:10` && to!.endsWith('.then'));

  test("`const result = fn(); result.then(...)` runs the `then` of the literal a function passed for `fn` returns", () => {
    expect(thenCalls()).toEqual([[`${A}#isAsyncResource`, `${A}#direct.<anonymous 1>.then`, `${A}:10:10`, 'callback']]);
  });

  test("an async function passed for `fn` returns the library's promise, not its literal", () => {
    expect(thenCalls().some(([, to]) => to!.startsWith(`${A}#asyncOne`))).toBe(false);
  });
});
