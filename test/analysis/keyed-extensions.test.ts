import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a proxy handing out entries of a literal filled through a helper (calls-keyed-extensions)', () => {
  const r = analyzeApp({ appDir: fixture('calls-keyed-extensions'), catalogs: [] });
  const E = 'src/extensions.ts';
  const U = 'src/use.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === fn);
  test("a call on the proxy runs the entry of that name: the helper's stored function under the name its call passes", () => {
    // get trap: `return extensions[name]`; addExtension('slice', delegating) stores what delegating returns
    expect(from(`${U}#copy`)).toEqual([
      [`${U}#copy`, `${E}#delegating.<anonymous 1>`, `${U}:4:27`, 'callback'],
      [`${U}#copy`, `${E}#isList`, `${U}:4:7`, 'direct'],
      [`${U}#copy`, `${E}#traps.get`, `${U}:4:27`, 'implicit'],
    ]);
  });
  test("a literal's own member under its name, and not the functions stored under other names", () => {
    expect(from(`${U}#drop`)).toEqual([
      [`${U}#drop`, `${E}#extensions.splice`, `${U}:9:20`, 'callback'],
      [`${U}#drop`, `${E}#isList`, `${U}:9:7`, 'direct'],
      [`${U}#drop`, `${E}#traps.get`, `${U}:9:20`, 'implicit'],
    ]);
  });
  test('an untyped `this.slice()` runs what the helper stored under that name', () => {
    expect(from(`${E}#extensions.toJSON`)).toEqual([
      [`${E}#extensions.toJSON`, `${E}#delegating.<anonymous 1>`, `${E}:11:17`, 'callback'],
      [`${E}#extensions.toJSON`, `${E}#traps.get`, `${E}:11:17`, 'implicit'],
    ]);
  });
  test("the handed-out function's parameters hold the call's arguments: its callback runs the one passed", () => {
    expect(from(`${U}#doubled`)).toContainEqual([`${U}#doubled`, `${E}#mapping.<anonymous 1>`, `${U}:13:27`, 'callback']);
    expect(from(`${E}#mapping.<anonymous 1>.<anonymous 1>`)).toContainEqual([`${E}#mapping.<anonymous 1>.<anonymous 1>`, `${U}#doubled.<anonymous 1>`, `${E}:32:43`, 'callback']);
  });
});
