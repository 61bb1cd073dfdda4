import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('object-literal members under a computed key (calls-symbol-keyed)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-symbol-keyed'), catalogs: [] })));
  const H = 'src/helpers.ts';
  const P = 'src/patterns.ts';
  const calls = (from: string, site: string) => edges(r).filter(([f, , s]) => f === `${H}#${from}` && s === `${H}:${site}`);

  test("x[matcher]() through an interface's symbol-keyed member runs the literals' members under that symbol", () => {
    const expected = (site: string) => [
      [`${H}#isOptional`, `${P}#notProtocol`, `${H}:${site}`, 'hierarchy'], // { [matcher]: notProtocol }, typed Matcher by never()'s return
      [`${H}#isOptional`, `${P}#optional.[matcher]`, `${H}:${site}`, 'hierarchy'], // passed to chainable<p extends Matcher>
      [`${H}#isOptional`, `${P}#when.[symbols.matcher]`, `${H}:${site}`, 'hierarchy'], // the key through a namespace import
    ];
    expect(calls('isOptional', '7:68')).toEqual(expected('7:68'));
    // Narrowed from any by the same guard; the decoys ([other], a string key `matcher`) never run.
    expect(calls('matchPattern', '11:34')).toEqual(expected('11:34').map(([, to, site, kind]) => [`${H}#matchPattern`, to, site, kind]));
  });

  test('what the protocol returns is followed on; a parameter held under its member is left listed', () => {
    expect(calls('matchPattern', '11:61')).toEqual([
      [`${H}#matchPattern`, `${P}#notProtocol.match`, `${H}:11:61`, 'hierarchy'],
      [`${H}#matchPattern`, `${P}#optional.[matcher].match`, `${H}:11:61`, 'hierarchy'],
    ]);
    expect(r.unresolved.map((u) => [u.from, u.site])).toEqual([[`${H}#matchPattern`, `${H}:11:61`]]); // when's { match: pred }
  });

  test("a string constant's key names the member by its value; no edge reaches another symbol's member", () => {
    expect(calls('kindOf', '17:10')).toEqual([[`${H}#kindOf`, `${P}#decoys.[KIND]`, `${H}:17:10`, 'hierarchy']]);
    expect(edges(r).filter(([, to]) => to === `${P}#decoys.[other]` || to === `${P}#decoys.matcher`)).toEqual([]);
  });
});
