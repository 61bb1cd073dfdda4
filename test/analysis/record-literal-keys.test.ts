import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// A key written in place on a record typed by an index signature reads the literal's member (callgraph/values.ts, array-sources.ts).
describe('records typed by an index signature, read under a key written in place (calls-record-literal-keys)', () => {
  const r = analyzeApp({ appDir: fixture('calls-record-literal-keys'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('a call or a loop through the entry reaches the literal member of that name only', () => {
    expect(targets(r, `${A}#callOne`)).toEqual([`${A}#loud`]);
    expect(targets(r, `${A}#callOther`)).toEqual([`${A}#quiet`]);
    expect(targets(r, `${A}#runList`)).toEqual([`${A}#loud`]);
    expect(targets(r, `${A}#runNamed.<anonymous 1>`)).toEqual([`${A}#quiet`]);
    expect(targets(r, `${A}#runValues`)).toEqual([`${A}#loud`, `${A}#quiet`]);
    expect(targets(r, `${A}#runEntries`)).toEqual([`${A}#loud`, `${A}#quiet`]);
  });

  test('a device value held under the key pins its use; a path to a pinned method is no candidate', () => {
    const v = verdictRows(r);
    expect(v[`${A}#say`]![0]).toBe(true);
    expect(pinnedMessages(r, `${A}#say`).join('\n')).toContain("'process.stdout'");
    expect(v[`${A}#callOne`]![1]).toBe(false);
    expect(v[`${A}#runList`]![1]).toBe(false);
    expect(v[`${A}#runValues`]![1]).toBe(false);
    expect(v[`${A}#runEntries`]![1]).toBe(false);
    expect(v[`${A}#callOther`]![1]).toBe(true);
  });
});
