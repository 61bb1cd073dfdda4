import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// `table[key]` with a finite key on a value whose type is a library's (callgraph/values.ts keyed): what the value holds
// under those names, as a read `table.get` finds it (value-members.ts).
describe("finite keys on a value typed by a library's type (calls-library-keyed)", () => {
  const r = analyzeApp({ appDir: fixture('calls-library-keyed'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (f: string): string[][] => edges(r).filter(([x]) => x === f);

  test("`traps[key]` of a const ProxyHandler literal: the traps of the key's names, run through `.call`", () => {
    expect(from(`${A}#runTrap`)).toEqual([
      [`${A}#runTrap`, `${A}#traps.get`, `${A}:18:10`, 'callback'],
      [`${A}#runTrap`, `${A}#traps.get`, `${A}:18:15`, 'callback'],
      [`${A}#runTrap`, `${A}#traps.has`, `${A}:18:10`, 'callback'],
      [`${A}#runTrap`, `${A}#traps.has`, `${A}:18:15`, 'callback'],
    ]);
  });

  test('`descriptor[which]` of a PropertyDescriptor literal: its get and set', () => {
    expect(from(`${A}#access`)).toEqual([
      [`${A}#access`, `${A}#descriptor.get`, `${A}:30:10`, 'callback'],
      [`${A}#access`, `${A}#descriptor.set`, `${A}:30:10`, 'callback'],
    ]);
  });
});
