import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// A library's state on the clone is what loading it there made: a library the app changes on the
// device after load is the device's, and so is every method that uses it.
describe('libraries whose state the app changes on the device (pin-library-state)', () => {
  let r: AnalysisResult;
  beforeAll(() => {
    r = analyzeApp({ appDir: fixture('pin-library-state'), catalogs: [bundledCatalog('node-device')] });
  });

  test('a change after load pins every user of the library; fixed changes at load, and calls on the app\'s own objects, do not', () => {
    expect(verdictRows(r)).toEqual({
      'src/app.ts#setup': [true, false, ['pinned']], // fmt.setLocale(locale): a statement handing a string
      'src/app.ts#price': [true, false, ['pinned']],
      'src/app.ts#configure': [true, false, ['pinned']], // client.defaults.baseURL = url
      'src/app.ts#fetchHome': [true, false, ['pinned']],
      'src/app.ts#addPlugin': [true, false, ['pinned']], // plugins.push(p)
      'src/app.ts#transform': [true, false, ['pinned']],
      'src/app.ts#startI18n': [true, false, ['pinned']], // await i18n.use(backend).init({ lng })
      'src/app.ts#greeting': [true, false, ['pinned']],
      'src/app.ts#metric': [true, false, ['pinned']], // Object.assign(prefs.defaults, ...)
      'src/app.ts#units': [true, false, ['pinned']],
      'src/app.ts#accent': [true, false, ['pinned']], // theme.set('dark') at load, under a branch
      'src/app.ts#card': [false, true, []], // tmpl: registerHelper at load with fixed values, on the clone too
      'src/app.ts#tally': [false, true, []], // pure-util: setPath(state, ...), forEach(xs, f), invariant(...)
      'src/app.ts#tally.<anonymous 1>': [false, true, []],
      'src/boot.ts#<anonymous 1>': [false, true, []],
      'src/app.ts#raiseLimit': [true, false, ['pinned']], // EventEmitter.defaultMaxListeners = n: Node's modules too
      'src/app.ts#bus': [true, false, ['pinned']],
      'src/app.ts#pick': [false, true, []], // unreachable(...) is typed never: it throws
      'src/app.ts#traceRequests': [true, false, ['pinned']], // http.interceptors.request.use((url) => ...)
      'src/app.ts#traceRequests.<anonymous 1>': [false, true, []],
      'src/app.ts#ping': [true, false, ['pinned']],
    });
    expect(pinnedMessages(r, 'src/app.ts#price')).toEqual([
      "uses device-only module 'fmt' (library state: the app changes its state on the device at src/app.ts:17, `fmt.setLocale(locale)`; a clone's copy keeps its own) at src/app.ts:20",
    ]);
    expect(pinnedMessages(r, 'src/app.ts#accent')).toEqual([
      "uses device-only module 'theme' (library state: the app changes its state on the device at src/boot.ts:7, `theme.set('dark')`; a clone's copy keeps its own) at src/app.ts:52",
    ]);
  });

  test('`allow:` releases a method', () => {
    const allowed = analyzeApp({ appDir: fixture('pin-library-state'), catalogs: [bundledCatalog('node-device')], allow: ['src/app.ts#price'] });
    expect(allowed.methods.find((m) => m.id === 'src/app.ts#price')?.candidate).toBe(true);
  });
});
