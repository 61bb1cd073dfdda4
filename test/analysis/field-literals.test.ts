import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// An object literal assigned to a field is a store of it (walk.ts mayBeFunction): its members, spreads included, are followed.
describe('fields given object literals (travel-field-literals)', () => {
  const r = analyzeApp({ appDir: fixture('travel-field-literals'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('a device value spread or written into the literal pins its use through the field', () => {
    const v = verdictRows(r);
    expect(v[`${A}#Printer.print`]![0]).toBe(true);
    expect(v[`${A}#Settings.echo`]![0]).toBe(true);
    expect(pinnedMessages(r, `${A}#Printer.print`).join('\n')).toContain("'process.stdout'");
    expect(pinnedMessages(r, `${A}#Settings.echo`).join('\n')).toContain("'process.stderr'");
  });

  test('the number beside it pins nothing', () => {
    expect(verdictRows(r)[`${A}#Printer.level`]![2]).not.toContain('pinned');
  });
});
