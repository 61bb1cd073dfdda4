import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture } from './helpers.js';

// JavaScript with hand-written declarations beside it: what runs is the JavaScript, so an import
// that the compiler resolves to store.d.ts reaches store.js's functions.
describe('a JavaScript module with its own .d.ts (calls-js-declared)', () => {
  const r = analyzeApp({ appDir: fixture('calls-js-declared'), catalogs: [bundledCatalog('browser')] });
  const M = 'src/main.ts';
  const S = 'src/store.js';

  test('calls through the declarations reach the implementations, members of what they return included', () => {
    expect(edges(r).filter(([from]) => from!.startsWith(M))).toEqual([
      [`${M}#run`, `${S}#createStore`, `${M}:4:17`, 'direct'],
      [`${M}#run`, `${S}#createStore.get`, `${M}:6:16`, 'callback'],
      [`${M}#run`, `${S}#createStore.set`, `${M}:5:9`, 'method'],
      [`${M}#run`, `${S}#normalise`, `${M}:4:29`, 'direct'],
      [`${M}#show`, `${S}#announce`, `${M}:10:3`, 'direct'],
    ]);
  });

  test('a caller of a device-touching function behind the declarations is pinned; pure ones stay candidates', () => {
    const verdict = (id: string) => {
      const m = r.methods.find((x) => x.id === id)!;
      return [m.pinned, m.candidate, m.reasons.map((x) => x.rule)];
    };
    expect(verdict(`${S}#announce`)).toEqual([true, false, ['pinned']]);
    // Before, the call ended at the declaration (a library's, for the analysis): show was a candidate.
    expect(verdict(`${M}#show`)).toEqual([false, false, ['reaches-pinned']]);
    expect(verdict(`${M}#run`)).toEqual([false, true, []]);
    expect(verdict(`${S}#normalise`)).toEqual([false, true, []]);
  });
});
