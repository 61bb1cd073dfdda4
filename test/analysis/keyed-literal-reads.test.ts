import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('a read of an object literal under a key not known is any member of it (calls-keyed-literal-reads)', () => {
  const r = analyzeApp({ appDir: fixture('calls-keyed-literal-reads'), catalogs: [] });
  const A = 'src/app.ts';
  const into = (from: string) => edges(r).filter(([f, t]) => f === `${A}#${from}` && t!.startsWith(`${A}#nameFormatters.`));

  test('a variable assigned `table[key]` and called later runs each member the literal holds', () => {
    expect(into('read')).toEqual([
      [`${A}#read`, `${A}#nameFormatters.camelCase`, `${A}:22:10`, 'callback'],
      [`${A}#read`, `${A}#nameFormatters.upper`, `${A}:22:10`, 'callback'],
    ]);
  });

  test('also through a `let` narrowed from a parameter and reassigned (awilix formatName)', () => {
    const calls = into('formatName').filter(([, , site]) => site === `${A}:17:22`);
    expect(calls).toEqual([
      [`${A}#formatName`, `${A}#nameFormatters.camelCase`, `${A}:17:22`, 'callback'],
      [`${A}#formatName`, `${A}#nameFormatters.upper`, `${A}:17:22`, 'callback'],
    ]);
    // Callers outside may still pass their own formatter: the site stays listed.
    expect(r.unresolved.filter((u) => u.site === `${A}:17:22`).map((u) => u.text)).toEqual(['formatter']);
  });

  test("a key of a finite type that the record's type does not declare reads the literal's member of that name only", () => {
    expect(into('named')).toEqual([[`${A}#named`, `${A}#nameFormatters.upper`, `${A}:30:10`, 'callback']]);
    expect(r.unresolved.filter((u) => u.from === `${A}#named`)).toEqual([]);
  });
});
