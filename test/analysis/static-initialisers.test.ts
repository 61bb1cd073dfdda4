import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, edgeRows as edges, fixture, verdictRows } from './helpers.js';

describe('the code defining a class runs its static initialisers (calls-static-initialisers)', () => {
  const r = analyzeApp({ appDir: fixture('calls-static-initialisers'), catalogs: [bundledCatalog('browser')] });
  const A = 'src/app.ts';
  const implicit = (): string[][] => edges(r).filter(([f, , , kind]) => kind === 'implicit' && f!.startsWith(A));

  test("a class declared in a function, or in another class's static initialiser: an implicit edge to its static.<init>", () => {
    expect(implicit()).toEqual([
      [`${A}#defineLocal`, `${A}#defineLocal.Local.static.<init>`, `${A}:9:3`, 'implicit'],
      [`${A}#nested`, `${A}#nested.Outer.static.<init>`, `${A}:25:10`, 'implicit'],
      [`${A}#nested.Outer.static.<init>`, `${A}#nested.Outer.Inner.static.<init>`, `${A}:26:20`, 'implicit'],
    ]);
  });

  test('a top-level class is defined at load, by no method; instance initialisers run in the constructor', () => {
    expect(edges(r).filter(([, to]) => to === `${A}#TopLevel.static.<init>`)).toEqual([]);
    expect(edges(r).filter(([f]) => f === `${A}#instances`)).toEqual([]);
    expect(edges(r).filter(([f]) => f === `${A}#instances.Counted.constructor`)).toEqual([[`${A}#instances.Counted.constructor`, `${A}#register`, `${A}:35:10`, 'direct']]);
  });

  test('a static initialiser touching the device pins the function defining the class (it ran as a candidate before)', () => {
    const S = 'src/settings.ts';
    expect(verdictRows(r)[`${S}#settingsClass.Settings.static.<init>`]).toEqual([true, false, ['pinned']]);
    expect(verdictRows(r)[`${S}#settingsClass`]).toEqual([false, false, ['reaches-pinned']]);
  });
});
