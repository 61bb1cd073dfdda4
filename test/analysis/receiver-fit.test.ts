import { analyzeApp } from '../../src/analysis/index.js';
import { fixture } from './helpers.js';

describe('literal implementations fitted to the receiver a call goes through (calls-receiver-fit)', () => {
  const r = analyzeApp({ appDir: fixture('calls-receiver-fit'), catalogs: [] });
  const P = 'src/parse.ts';
  const S = 'src/schemas.ts';
  const runsFrom = (fn: string): string[] =>
    r.edges
      .filter((e) => e.from === `${P}#${fn}`)
      .map((e) => `${e.to.replace(`${S}#`, '')} ${e.kind}`)
      .sort();

  test('a receiver whose type declares tags runs only the literals whose tags can be those', () => {
    // TextSchema: its tag 'text' is not count's or list's; described's tag is a string, any schema's.
    expect(runsFrom('parseText')).toEqual(['described.run hierarchy', 'text.run hierarchy']);
    // A type parameter constrained to CountSchema: its constraint decides.
    expect(runsFrom('parseCount')).toEqual(['count.run hierarchy', 'described.run hierarchy']);
    // A union: what either part holds.
    expect(runsFrom('parseEither')).toEqual(['count.run hierarchy', 'described.run hierarchy', 'text.run hierarchy']);
  });

  test('a receiver any schema may reach keeps every implementation', () => {
    const all = ['count.run hierarchy', 'described.run hierarchy', 'list.run hierarchy', 'text.run hierarchy'];
    expect(runsFrom('parseUnknown')).toEqual(all); // Schema<unknown>: every schema fits
    expect(runsFrom('parseAs')).toEqual(all); // Schema<T>: the caller picks T
    expect(runsFrom('parseLoose')).toEqual(all); // cast from an unconstrained S
    expect(runsFrom('parseNumber')).toEqual(all); // Schema<number>: instantiation alone decides nothing
    expect(runsFrom('parseGuarded').filter((t) => t.endsWith('hierarchy'))).toEqual(all); // a type guard narrows on the program's word
    // Matchers handed to an installer, not written as Matchers (the installer may adapt them): kept though toWarn takes an argument.
    expect(r.edges.filter((e) => e.from === 'src/matchers.ts#check').map((e) => `${e.to} ${e.kind}`)).toEqual(['src/matchers.ts#toWarn hierarchy']);
    // Inside described, `inner: Schema<T>` and list's `item: TItem extends Schema<unknown>`: every run, itself included.
    const inner = r.edges.filter((e) => e.from === `${S}#described.run`).map((e) => e.to.replace(`${S}#`, '')).sort();
    expect(inner).toEqual(['count.run', 'described.run', 'list.run', 'text.run']);
  });

  test('a value cast to the receiver\'s type is still run there (calls-receiver-fit-cast)', () => {
    const cast = analyzeApp({ appDir: fixture('calls-receiver-fit-cast'), catalogs: [] });
    const runs = cast.edges.filter((e) => e.from === `${P}#parseText`).map((e) => e.to.replace(`${S}#`, ''));
    // count() as unknown as Schema<string>: its run, by the cast (cast-away.ts), beside text's and described's.
    expect(runs).toEqual(expect.arrayContaining(['count.run', 'described.run', 'text.run']));
  });
});
