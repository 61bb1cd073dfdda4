import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture } from './helpers.js';

// A symbol-keyed property in a boundary reason is named as written: the checker's own name for it
// (`__@matcher@9`) numbers symbols in creation order, so it changed with whatever ran before.
describe('boundary reasons name symbol-keyed properties as written (calls-symbol-keyed)', () => {
  const reasons = (): string[] => {
    const r = analyzeApp({ appDir: fixture('calls-symbol-keyed'), catalogs: [bundledCatalog('node-device')] });
    return r.methods.find((m) => m.id === 'src/patterns.ts#when')!.reasons.map((x) => x.message);
  };

  test('the same words on every run in one process', () => {
    const first = reasons();
    expect(first.join('\n')).toContain("property '[symbols.matcher]': function");
    expect(reasons()).toEqual(first);
  });
});
