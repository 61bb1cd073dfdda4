import { InputError } from '../../src/errors.js';
import { analyzeApp } from '../../src/analysis/index.js';
import { fixture } from './helpers.js';

describe('messy inputs', () => {
  test('a syntax error is a diagnostic; the other files are still analysed', () => {
    const r = analyzeApp({ appDir: fixture('errors-syntax'), catalogs: [] });
    expect(r.diagnostics).toEqual([{ file: 'src/bad.ts', line: 2, message: 'Expression expected.', kind: 'syntax' }]);
    expect(r.methods.map((m) => m.id)).toEqual(['src/bad.ts#broken', 'src/bad.ts#fine', 'src/good.ts#ok', 'src/good.ts#twice']);
    expect(r.edges.map((e) => [e.from, e.to, e.kind])).toEqual([['src/good.ts#ok', 'src/good.ts#twice', 'direct']]);
  });

  test('a missing tsconfig is an InputError naming the path', () => {
    expect(() => analyzeApp({ appDir: fixture('errors-no-tsconfig'), catalogs: [] })).toThrow(InputError);
    expect(() => analyzeApp({ appDir: fixture('errors-no-tsconfig'), catalogs: [] })).toThrow(/errors-no-tsconfig\/tsconfig\.json: tsconfig not found/);
  });

  test('an unreadable tsconfig is an InputError', () => {
    expect(() => analyzeApp({ appDir: fixture('errors-syntax'), tsconfig: 'src/good.ts', catalogs: [] })).toThrow(InputError);
  });
});
