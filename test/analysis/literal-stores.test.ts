import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// A read of an object literal's own property also gives what was stored over it (callgraph/values.ts storedInLiteral).
describe('properties of object literals written after they are made (calls-literal-stores)', () => {
  const r = analyzeApp({ appDir: fixture('calls-literal-stores'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('calls through the properties reach what was stored there, not what a class instance was given', () => {
    expect(targets(r, `${A}#fire`)).toEqual([`${A}#loud`, `${A}#quiet`]);
    expect(targets(r, `${A}#fireShort`)).toEqual([`${A}#loud`, `${A}#quiet`]);
    expect(targets(r, `${A}#guarded`)).toEqual([`${A}#quiet`]);
    expect(targets(r, `${A}#runAll`)).toEqual([`${A}#loud`]);
  });

  test('a device value stored into a literal pins its use; the number beside it does not', () => {
    const v = verdictRows(r);
    expect(v[`${A}#say`]![0]).toBe(true);
    expect(pinnedMessages(r, `${A}#say`).join('\n')).toContain("'process.stdout'");
    expect(v[`${A}#fire`]![1]).toBe(false);
    expect(v[`${A}#counted`]![2]).not.toContain('pinned');
  });
});
