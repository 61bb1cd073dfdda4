/**
 * The program's entry (a module nothing imports whose top level does work) never loads on the
 * clone: a method declared there, one whose call carries a binding of it, or one that may run its code, is
 * not a candidate.
 */
import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture } from './helpers.js';

const analyze = (name: string): AnalysisResult => analyzeApp({ appDir: fixture(name), catalogs: [bundledCatalog('node-device')] });
const verdicts = (r: AnalysisResult) => Object.fromEntries(r.methods.map((m) => [m.id, m.candidate ? 'candidate' : m.reasons.map((x) => x.rule).join(',')]));

describe('entry modules (state-entry-module)', () => {
  const r = analyze('state-entry-module');

  test('methods of an entry, and one carrying its state, are not candidates; imported modules that do work, and modules loaded by nobody that do none, stay', () => {
    expect(verdicts(r)).toEqual({
      'src/geometry.ts#area': 'candidate',
      'src/geometry.ts#growAll': 'state', // runs Box.grow, the entry's code
      'src/geometry.ts#norm': 'state', // may run the entry's getter, which writes the entry's `reads`
      'src/loader.ts#<anonymous 1>': 'candidate',
      'src/loader.ts#load': 'candidate', // its module logs as it loads, but the entry imports it: the device loaded it too
      'src/main.ts#Box.constructor': 'state',
      'src/main.ts#Box.grow': 'state',
      'src/main.ts#heavy': 'state',
      'src/main.ts#probe.x': 'state',
      'src/report.ts#describe': 'candidate',
      'src/settings.ts#scaled': 'candidate', // `import type` loads nothing, and its top level only declares
      'src/tool.ts#twice': 'state', // a script of its own (a loop, a top-level await); report.ts imports only its interface, which tsc drops
    });
  });

  test('the reasons name the entry and the statement that does its work', () => {
    const reason = (id: string) => r.methods.find((m) => m.id === id)!.reasons[0]!;
    expect(reason('src/main.ts#heavy')).toEqual({
      rule: 'state',
      message:
        "declared in src/main.ts, the program's entry (no module of the app imports src/main.ts, and its top level does work at src/main.ts:23): the clone imports a migration point's module, and would run the program again (move it to a module of its own)",
      site: 'src/main.ts:23:1',
    });
    expect(reason('src/geometry.ts#norm').message).toBe(
      "its call carries src/main.ts#reads (src/main.ts:6), which lives in src/main.ts, the program's entry (no module of the app imports src/main.ts, and its top level does work at src/main.ts:23): the clone would import it and run the program again (move that state to a module of its own)",
    );
    expect(reason('src/geometry.ts#growAll').message).toMatch(
      /^may reach src\/main\.ts#Box\.grow, declared in src\/main\.ts, the program's entry \(.*\): src\/geometry\.ts#growAll -> src\/main\.ts#Box\.grow \(called at src\/geometry\.ts:18\)$/,
    );
    expect(reason('src/tool.ts#twice').site).toBe('src/tool.ts:5:1');
  });
});
