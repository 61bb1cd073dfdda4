// Call edges of idioms common in app code that real projects measured so far rarely use: each
// found missing by probing (their fixtures fail on main).
import { analyzeApp } from '../../src/analysis/index.js';
import { fixture, targets } from './helpers.js';

// `{ save }` names the imported function itself, also renamed (`load as fetchEntry`) and default.
describe('object literals of imported functions by shorthand (calls-shorthand-imports)', () => {
  const r = analyzeApp({ appDir: fixture('calls-shorthand-imports'), catalogs: [] });
  const M = 'src/main.ts';
  const S = 'src/store.ts';

  test("a member of the literal calls the imported function, in another module or the same one", () => {
    expect(targets(r, `${M}#saveAll.<anonymous 1>`)).toEqual([`${S}#save`]);
    expect(targets(r, `${M}#reload`)).toEqual([`${S}#load`, `${S}#reset`]);
    expect(targets(r, `${M}#local`)).toEqual([`${S}#save`]);
  });
});

// Object.values/entries of a table typed `Record<string, F>` list the literal's entries; an array
// method's callback destructuring its element (`([, run]) => run()`) gets each element's position.
describe('tables listed and pairs destructured in callbacks (calls-listed-entries)', () => {
  const r = analyzeApp({ appDir: fixture('calls-listed-entries'), catalogs: [] });
  const H = 'src/handlers.ts';

  test('each listed or destructured function is called where it is run', () => {
    expect(targets(r, `${H}#runValues`)).toEqual([`${H}#start`, `${H}#stop`]);
    expect(targets(r, `${H}#runEntries.<anonymous 1>`)).toEqual([`${H}#start`, `${H}#stop`]);
    expect(targets(r, `${H}#runPairs.<anonymous 1>`)).toEqual([`${H}#ping`]);
  });
});

// `Array.prototype.forEach.call(list, fn)`: fn meets forEach's own callback parameter, one place on.
describe('a library method called by its call (calls-library-call-through)', () => {
  const r = analyzeApp({ appDir: fixture('calls-library-call-through'), catalogs: [] });
  const L = 'src/list.ts';

  test('the function handed on runs where the method is called; a value the method only compares does not', () => {
    expect(targets(r, `${L}#each`)).toEqual([`${L}#show`]);
    expect(targets(r, `${L}#any`)).toEqual([`${L}#positive`]);
    expect(targets(r, `${L}#holds`)).toEqual([]);
  });
});
