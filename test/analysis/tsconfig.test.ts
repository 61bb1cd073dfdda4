import { analyzeApp } from '../../src/analysis/index.js';
import { fixture } from './helpers.js';

const DEPRECATED = (opt: string) =>
  `Option '${opt}' is deprecated and will stop functioning in TypeScript 7.0. Specify compilerOption '"ignoreDeprecations": "6.0"' to silence this error.`;

describe('messy projects', () => {
  test('extends: a missing package base is a diagnostic; the local base (with paths) still applies', () => {
    const r = analyzeApp({ appDir: fixture('tsconfig-extends'), catalogs: [] });
    expect(r.diagnostics).toEqual([{ file: 'tsconfig.json', line: 1, message: "File '@tsconfig/not-installed/tsconfig.json' not found.", kind: 'config' }]);
    expect(r.edges.map((e) => [e.from, e.to, e.kind])).toEqual([['src/a.ts#a', 'src/b.ts#b', 'direct']]);
  });

  test('options TypeScript 6 deprecates are reported, and still honoured (baseUrl imports resolve)', () => {
    const r = analyzeApp({ appDir: fixture('tsconfig-deprecated'), catalogs: [] });
    expect(r.diagnostics).toEqual([
      { file: 'tsconfig.json', line: 0, message: DEPRECATED('baseUrl'), kind: 'deprecated' },
      { file: 'tsconfig.json', line: 0, message: DEPRECATED('downlevelIteration'), kind: 'deprecated' },
      { file: 'tsconfig.json', line: 0, message: DEPRECATED('moduleResolution=node10'), kind: 'deprecated' },
      { file: 'tsconfig.json', line: 0, message: DEPRECATED('target=ES5'), kind: 'deprecated' },
      { file: 'tsconfig.json', line: 0, message: "Cannot find type definition file for 'not-installed'.", kind: 'config' },
    ]);
    expect(r.edges.map((e) => [e.from, e.to, e.site])).toEqual([['src/a.ts#a', 'src/b.ts#b', 'src/a.ts:5:28']]);
  });

  test('project references are followed, recursively', () => {
    const r = analyzeApp({ appDir: fixture('tsconfig-references'), catalogs: [] });
    expect(r.methods.map((m) => m.id)).toEqual(['app/src/main.ts#main', 'core/src/core.ts#core']);
    expect(r.edges.map((e) => [e.from, e.to, e.kind])).toEqual([['app/src/main.ts#main', 'core/src/core.ts#core', 'direct']]);
    expect(r.diagnostics).toEqual([]);
  });

  test('each referenced project resolves its imports with its own options; the program has every project\'s lib', () => {
    const r = analyzeApp({ appDir: fixture('tsconfig-references-options'), catalogs: [] });
    expect(r.edges.map((e) => [e.from, e.to, e.kind])).toEqual([
      ['app/src/main.ts#main', 'core/src/core.ts#core', 'direct'], // app's '@core/*' alias
      ['core/src/core.ts#core', 'core/src/util/index.ts#twice', 'direct'], // core's '#util' alias
    ]);
    // core's lib has the DOM (app's has not): its calls are typed, library leaves.
    expect(r.libraryCalls.map((e) => [e.from, e.to])).toEqual([['core/src/core.ts#title', 'lib:globals#Document.createElement']]);
    expect(r.diagnostics).toEqual([]); // composite/outDir of one project do not report the other's files
  });

  test('a missing package is a diagnostic and a library leaf; type errors only when asked', () => {
    const r = analyzeApp({ appDir: fixture('errors-types'), catalogs: [] });
    const missing = "cannot resolve module 'no-such-package' (not installed or without types): calls into it are library leaves";
    expect(r.diagnostics).toEqual([{ file: 'src/a.ts', line: 1, message: missing, kind: 'import' }]);
    expect(r.libraryCalls.map((e) => [e.from, e.to])).toEqual([['src/a.ts#a', 'lib:no-such-package#missing']]);
    expect(r.edges.map((e) => [e.from, e.to])).toEqual([['src/a.ts#a', 'src/a.ts#helper']]);
    const typed = analyzeApp({ appDir: fixture('errors-types'), catalogs: [], typeErrors: true });
    expect(typed.diagnostics).toEqual([
      { file: 'src/a.ts', line: 1, message: "Cannot find module 'no-such-package' or its corresponding type declarations.", kind: 'type' },
      { file: 'src/a.ts', line: 1, message: missing, kind: 'import' },
      { file: 'src/a.ts', line: 4, message: "Type 'number' is not assignable to type 'string'.", kind: 'type' },
    ]);
  });
});
