import { analyzeApp } from '../../src/analysis/index.js';
import { candidatePairs, fixture } from './helpers.js';

describe('call graph (calls-graph fixture)', () => {
  const r = analyzeApp({ appDir: fixture('calls-graph'), catalogs: [] });
  const M = 'src/main.ts#main';

  test('one method per function-like, sorted by id', () => {
    expect(r.methods.map((m) => m.id)).toEqual([
      'src/main.ts#<anonymous 1>',
      'src/main.ts#main',
      'src/main.ts#main.<anonymous 1>',
      'src/shapes.ts#Base.area',
      'src/shapes.ts#Base.constructor',
      'src/shapes.ts#Base.describe',
      'src/shapes.ts#Circle.constructor',
      'src/shapes.ts#Circle.static.unit',
      'src/shapes.ts#Plain.hello',
      'src/shapes.ts#Square.area',
      'src/util.ts#greet',
      'src/util.ts#ops.dec',
      'src/util.ts#ops.inc',
      'src/util.ts#sha1',
      'src/util.ts#twice',
    ]);
  });

  test('edges: direct, imports (named/default/namespace), methods, constructors, function values, hierarchy', () => {
    expect(r.edges.map((e) => [e.from, e.to, e.site, e.kind])).toEqual([
      // `cb()`: the only caller passes the top-level arrow (parameter flow)
      [M, 'src/main.ts#<anonymous 1>', 'src/main.ts:19:3', 'callback'],
      // the inline arrow handed to map escapes from main: main is taken to call it
      [M, 'src/main.ts#main.<anonymous 1>', 'src/main.ts:18:14', 'callback'],
      // Base is structurally a Shape: `shape.area()` may run it
      [M, 'src/shapes.ts#Base.area', 'src/main.ts:22:16', 'hierarchy'],
      // Square has no constructor: `new Square()` runs Base's
      [M, 'src/shapes.ts#Base.constructor', 'src/main.ts:14:14', 'constructor'],
      [M, 'src/shapes.ts#Base.describe', 'src/main.ts:15:6', 'method'],
      [M, 'src/shapes.ts#Circle.static.unit', 'src/main.ts:16:10', 'method'],
      [M, 'src/shapes.ts#Plain.hello', 'src/main.ts:17:15', 'method'],
      // interface method Shape.area -> its implementation
      [M, 'src/shapes.ts#Square.area', 'src/main.ts:22:16', 'hierarchy'],
      [M, 'src/util.ts#greet', 'src/main.ts:8:3', 'direct'], // default import
      [M, 'src/util.ts#ops.dec', 'src/main.ts:13:12', 'callback'], // arrow stored in a property
      [M, 'src/util.ts#ops.inc', 'src/main.ts:12:12', 'method'],
      [M, 'src/util.ts#sha1', 'src/main.ts:9:3', 'direct'], // named import
      [M, 'src/util.ts#sha1', 'src/main.ts:10:8', 'direct'], // namespace import
      [M, 'src/util.ts#twice', 'src/main.ts:11:3', 'callback'], // const alias = util.twice
      ['src/main.ts#main.<anonymous 1>', 'src/util.ts#twice', 'src/main.ts:18:26', 'callback'],
      ['src/shapes.ts#Base.describe', 'src/shapes.ts#Base.area', 'src/shapes.ts:8:39', 'method'],
      // this.area() may run the override
      ['src/shapes.ts#Base.describe', 'src/shapes.ts#Square.area', 'src/shapes.ts:8:39', 'hierarchy'],
      ['src/shapes.ts#Circle.constructor', 'src/shapes.ts#Base.constructor', 'src/shapes.ts:23:5', 'super'],
      ['src/shapes.ts#Circle.static.unit', 'src/shapes.ts#Circle.constructor', 'src/shapes.ts:26:12', 'constructor'],
      ['src/util.ts#greet', 'src/util.ts#sha1', 'src/util.ts:6:10', 'direct'],
    ]);
  });

  test('library calls are leaves, not edges; top-level calls belong to no method', () => {
    expect(r.unresolved).toEqual([]);
    expect(r.libraryCalls.map((e) => [e.from, e.to, e.site, e.kind])).toEqual([
      [M, 'lib:globals#Array.map', 'src/main.ts:18:10', 'library'],
      [M, 'lib:globals#JSON.stringify', 'src/main.ts:20:8', 'library'],
    ]);
    expect(r.edges.some((e) => e.from.endsWith('#<anonymous 1>'))).toBe(false);
  });

  test('reach gives the candidate pairs', () => {
    const pairs = candidatePairs(r);
    expect(pairs).toContainEqual(['src/shapes.ts#Base.describe', 'src/shapes.ts#Square.area']);
    expect(pairs).toContainEqual(['src/shapes.ts#Circle.static.unit', 'src/shapes.ts#Base.constructor']);
    expect(pairs.some(([a]) => a === M)).toBe(false); // main is not a candidate (callback parameter)
    // main.ts is the program's entry (nothing imports it, and it calls main() as it loads): none of its methods is a candidate.
    expect(pairs.some(([a]) => a.startsWith('src/main.ts#'))).toBe(false);
    expect(pairs).toContainEqual(['src/util.ts#greet', 'src/util.ts#sha1']);
  });

  test('sources carry sha256 per file, sorted', () => {
    expect(r.sources.map((s) => s.file)).toEqual(['src/main.ts', 'src/shapes.ts', 'src/util.ts']);
    expect(r.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('deterministic: two runs give the same result', () => {
    expect(analyzeApp({ appDir: fixture('calls-graph'), catalogs: [] })).toEqual(r);
  });
});
