import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

// An object literal implementing an interface member holds a parameter (`{ done: onDone }`):
// a call through the member runs what make's callers pass there, at every site, not only at
// the first one that asked for the member's implementations.
describe('interface member implemented by a parameter held in a literal (calls-implementation-params)', () => {
  const r = analyzeApp({ appDir: fixture('calls-implementation-params'), catalogs: [] });
  const A = 'src/a-read.ts';
  const B = 'src/b-call.ts';
  const C = 'src/c-again.ts';
  const H = 'src/handler.ts';
  const from = (id: string) => edges(r).filter(([f]) => f === id);

  test('read as a value first, then called: both callbacks passed to make', () => {
    expect(from(`${A}#first`)).toEqual([
      [`${A}#first`, `${A}#first.firstDone`, `${A}:7:18`, 'callback'],
      [`${A}#first`, `${A}#first.firstDone`, `${A}:11:3`, 'callback'],
      [`${A}#first`, `${B}#second.secondDone`, `${A}:11:3`, 'callback'],
      [`${A}#first`, `${H}#make`, `${A}:7:13`, 'direct'],
    ]);
  });

  test('called through the member at later sites: the same callbacks, though the member was asked about before', () => {
    expect(from(`${B}#second`)).toEqual([
      [`${B}#second`, `${A}#first.firstDone`, `${B}:9:5`, 'callback'],
      [`${B}#second`, `${B}#second.secondDone`, `${B}:6:18`, 'callback'],
      [`${B}#second`, `${B}#second.secondDone`, `${B}:9:5`, 'callback'],
      [`${B}#second`, `${H}#make`, `${B}:6:13`, 'direct'],
    ]);
    expect(from(`${C}#third`)).toEqual([
      [`${C}#third`, `${A}#first.firstDone`, `${C}:5:5`, 'callback'],
      [`${C}#third`, `${B}#second.secondDone`, `${C}:5:5`, 'callback'],
    ]);
  });

  test('every caller of make is known, so no site of the member is listed as unresolved', () => {
    expect(r.unresolved.filter((u) => u.text.endsWith('.done'))).toEqual([]);
  });

  test('calling the member does not run the factory that built the literal', () => {
    const memberSites = [`${A}:11:3`, `${B}:9:5`, `${C}:5:5`];
    expect(edges(r).filter(([, to, site]) => to === `${H}#make` && site !== undefined && memberSites.includes(site))).toEqual([]);
  });
});
