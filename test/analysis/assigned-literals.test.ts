import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// Destructuring assignments of literals store each part in its target; what `new` makes is stored too (walk.ts).
describe('fields assigned by destructuring a literal, or given what `new` makes (calls-assigned-literals)', () => {
  const r = analyzeApp({ appDir: fixture('calls-assigned-literals'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('calls through the fields reach the parts assigned', () => {
    expect(targets(r, `${A}#Pair.go`)).toEqual([`${A}#Pair.a`, `${A}#Pair.b`, `${A}#left`, `${A}#right`]);
    expect(targets(r, `${A}#Keyed.fire`)).toEqual([`${A}#keyed`]);
  });

  test('a device value destructured into a field pins its use; the number beside it does not', () => {
    const v = verdictRows(r);
    expect(v[`${A}#Pair.say`]![0]).toBe(true);
    expect(v[`${A}#Pair.count`]![2]).not.toContain('pinned');
    expect(pinnedMessages(r, `${A}#Pair.say`).join('\n')).toContain("'process.stdout'");
  });
});
