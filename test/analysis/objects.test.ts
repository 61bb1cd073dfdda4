import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { fixture } from './helpers.js';

const edgesOf = (r: AnalysisResult, file: string) => r.edges.filter((e) => e.from.startsWith(`${file}#`)).map((e) => [e.from, e.to, e.site, e.kind]);

/**
 * Object literals implementing interfaces with values that are not functions written in place
 * (named functions, shorthand properties, identifiers), captured parameters called in closures,
 * and calls the analyzer cannot resolve (computed keys, reflection), which must be listed.
 * Interface members implemented by literals are 'hierarchy' edges, whatever the value's form.
 */
describe('object literals, closures and dynamic calls (calls-objects)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-objects'), catalogs: [] })));

  test('A: an optional interface property implemented by an arrow, a named function and a shorthand', () => {
    const O = 'src/opts.ts';
    expect(edgesOf(r, O)).toEqual([
      [`${O}#byName`, `${O}#g`, `${O}:16:19`, 'callback'],
      [`${O}#byName`, `${O}#run`, `${O}:16:10`, 'direct'],
      [`${O}#inline`, `${O}#inline.f`, `${O}:13:19`, 'callback'],
      [`${O}#inline`, `${O}#run`, `${O}:13:10`, 'direct'],
      [`${O}#run`, `${O}#g`, `${O}:7:12`, 'hierarchy'], // { f: g }
      [`${O}#run`, `${O}#inline.f`, `${O}:7:12`, 'hierarchy'], // { f: () => 2 }
      [`${O}#run`, `${O}#shorthand.f`, `${O}:7:12`, 'hierarchy'], // { f }
      [`${O}#shorthand`, `${O}#run`, `${O}:20:10`, 'direct'],
      [`${O}#shorthand`, `${O}#shorthand.f`, `${O}:20:16`, 'callback'],
    ]);
  });

  test('B: an interface returned as an object literal of local functions', () => {
    const S = 'src/scanner.ts';
    expect(edgesOf(r, S)).toEqual([
      [`${S}#createScanner`, `${S}#createScanner.scanNext`, `${S}:12:18`, 'callback'],
      [`${S}#createScanner`, `${S}#createScanner.where`, `${S}:12:33`, 'callback'],
      [`${S}#handOut`, `${S}#createScanner`, `${S}:19:18`, 'direct'],
      [`${S}#handOut`, `${S}#createScanner.scanNext`, `${S}:19:34`, 'callback'], // map(s.scan): handed out
      [`${S}#use`, `${S}#createScanner`, `${S}:15:13`, 'direct'],
      [`${S}#use`, `${S}#createScanner.scanNext`, `${S}:16:12`, 'hierarchy'], // s.scan()
      [`${S}#use`, `${S}#createScanner.where`, `${S}:16:23`, 'hierarchy'], // s.pos()
    ]);
  });

  test('C: a captured parameter called in a closure, fed through a visitor interface', () => {
    const V = 'src/visitor.ts';
    expect(edgesOf(r, V)).toEqual([
      [`${V}#later`, `${V}#later.inner`, `${V}:11:10`, 'callback'],
      [`${V}#later.inner`, `${V}#main.<anonymous 1>`, `${V}:12:12`, 'callback'],
      [`${V}#main`, `${V}#begin`, `${V}:23:20`, 'callback'],
      [`${V}#main`, `${V}#later`, `${V}:24:10`, 'direct'],
      [`${V}#main`, `${V}#later.inner`, `${V}:24:10`, 'callback'], // later(...)(): what later returns
      [`${V}#main`, `${V}#main.<anonymous 1>`, `${V}:24:16`, 'callback'],
      [`${V}#main`, `${V}#main.onEnd`, `${V}:23:34`, 'callback'],
      [`${V}#main`, `${V}#visit`, `${V}:23:3`, 'direct'],
      [`${V}#visit`, `${V}#wrap`, `${V}:17:19`, 'direct'],
      [`${V}#visit`, `${V}#wrap`, `${V}:18:17`, 'direct'],
      [`${V}#visit`, `${V}#wrap.<anonymous 1>`, `${V}:19:3`, 'callback'],
      [`${V}#visit`, `${V}#wrap.<anonymous 1>`, `${V}:20:3`, 'callback'],
      [`${V}#visit`, `${V}#wrap.<anonymous 2>`, `${V}:19:3`, 'callback'],
      [`${V}#visit`, `${V}#wrap.<anonymous 2>`, `${V}:20:3`, 'callback'],
      [`${V}#wrap`, `${V}#wrap.<anonymous 1>`, `${V}:8:15`, 'callback'],
      [`${V}#wrap`, `${V}#wrap.<anonymous 2>`, `${V}:8:28`, 'callback'],
      // fn() in the arrow: the values passed to wrap, read through Visitor.onBegin/onEnd
      [`${V}#wrap.<anonymous 1>`, `${V}#begin`, `${V}:8:21`, 'callback'],
      [`${V}#wrap.<anonymous 1>`, `${V}#main.onEnd`, `${V}:8:21`, 'callback'],
    ]);
  });

  test('computed keys and reflection: candidates kept, the sites listed as unresolved with the reason', () => {
    const D = 'src/dynamic.ts';
    const U = 'src/unknown.ts';
    expect([...edgesOf(r, D), ...edgesOf(r, U)]).toEqual([
      [`${D}#render`, `${D}#renderers.bold`, `${D}:8:27`, 'callback'],
      [`${D}#render`, `${D}#renderers.code`, `${D}:8:27`, 'callback'],
      [`${U}#custom`, `${U}#notify`, `${U}:14:3`, 'direct'],
      [`${U}#fixed`, `${U}#log`, `${U}:11:18`, 'callback'],
      [`${U}#fixed`, `${U}#notify`, `${U}:11:3`, 'direct'],
      [`${U}#notify`, `${U}#log`, `${U}:8:5`, 'hierarchy'],
    ]);
    expect(r.unresolved).toEqual([
      { from: `${D}#reflect`, site: `${D}:11:10`, text: '(Reflect.get(o, key) as () => void)', reason: 'callee has no symbol (untyped or any)' },
      {
        from: `${D}#render`,
        site: `${D}:8:27`,
        text: 'renderers[type]!.call',
        reason: 'called through a computed key ([type]): the member is not known statically',
      },
      {
        from: `${U}#notify`,
        site: `${U}:8:5`,
        text: 'h.done',
        // custom's parameter: parameter flow lists it, as custom's callers are outside the app.
        reason: 'function value stored from a parameter',
      },
    ]);
  });
});
