import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows, fixture } from './helpers.js';

const targets = (r: ReturnType<typeof analyzeApp>, from: string): string[] => [...new Set(edgeRows(r).filter(([f]) => f === from).map((row) => row[1]!))].sort();

// `{ save }` names the imported function itself, also renamed (`load as fetchEntry`) and default.
describe('object literals of imported functions by shorthand (calls-shorthand-imports)', () => {
  const r = analyzeApp({ appDir: fixture('calls-shorthand-imports'), catalogs: [] });
  const M = 'src/main.ts';
  const S = 'src/store.ts';

  test("a member of the literal calls the imported function, in another module or the same one", () => {
    expect(targets(r, `${M}#saveAll.<anonymous 1>`)).toEqual([`${S}#save`]);
    expect(targets(r, `${M}#reload`)).toEqual([`${S}#load`, `${S}#reset`]);
    expect(targets(r, `${M}#local`)).toEqual([`${S}#save`]);
  });
});
