import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, candidatePairs, fixture } from './helpers.js';

const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device')];
const verdicts = (r: AnalysisResult) =>
  Object.fromEntries(r.methods.map((m) => [m.id, [m.pinned, m.candidate, m.reasons.map((x) => x.rule)]]));

describe('pinning in a browser app (pin-browser)', () => {
  const r = analyzeApp({ appDir: fixture('pin-browser'), catalogs, pin: ['src/app.ts#save'], allow: ['src/work.ts#stash'] });
  const byId = new Map(r.methods.map((m) => [m.id, m]));

  test('verdicts for every method', () => {
    expect(verdicts(r)).toEqual({
      'src/app.ts#controller': [false, false, ['reaches-pinned']],
      'src/app.ts#save': [true, false, ['user-pin', 'pinned']],
      'src/app.ts#show': [false, false, ['reaches-pinned']],
      'src/ui.ts#locate': [true, false, ['pinned']],
      'src/ui.ts#locate.<anonymous 1>': [false, true, []], // the nested callback is its own method
      'src/ui.ts#render': [true, false, ['pinned']],
      'src/ui.ts#shadowed': [false, true, []], // a local `document` is not the DOM
      'src/ui.ts#userAgent': [true, false, ['pinned']], // navigator: the clone (Node) has none
      'src/ui.ts#viaWindow': [true, false, ['pinned']], // window.alert: one reason per use
      'src/work.ts#compute': [false, true, []],
      'src/work.ts#helper': [false, true, []],
      'src/work.ts#stash': [false, true, []], // allowed despite localStorage
    });
  });

  test('pinned reasons name the API and file:line', () => {
    expect(byId.get('src/ui.ts#render')!.reasons).toEqual([
      {
        rule: 'pinned',
        message: "uses device-only global 'document' (browser: the DOM lives in the page on the device) at src/ui.ts:2",
        site: 'src/ui.ts:2:3',
      },
    ]);
    expect(byId.get('src/ui.ts#locate')!.reasons[0]!.message).toContain("'navigator.geolocation'");
  });

  test('reaches-pinned gives the shortest path with call sites', () => {
    expect(byId.get('src/app.ts#controller')!.reasons).toEqual([
      {
        rule: 'reaches-pinned',
        message:
          'may reach pinned method src/ui.ts#render: src/app.ts#controller -> src/app.ts#show (called at src/app.ts:9) -> src/ui.ts#render (called at src/app.ts:5)',
        site: 'src/app.ts:9:3',
        via: ['src/app.ts#controller', 'src/app.ts#show', 'src/ui.ts#render'],
        path: [
          { from: 'src/app.ts#controller', to: 'src/app.ts#show', site: 'src/app.ts:9:3', kind: 'direct' },
          { from: 'src/app.ts#show', to: 'src/ui.ts#render', site: 'src/app.ts:5:3', kind: 'direct' },
        ],
      },
    ]);
  });

  test('reaches holds only candidate pairs', () => {
    expect(candidatePairs(r)).toEqual([['src/work.ts#compute', 'src/work.ts#helper']]);
  });

  test('a user pin glob pins whole files', () => {
    const r2 = analyzeApp({ appDir: fixture('pin-browser'), catalogs: [], pin: ['src/work.ts'] });
    expect(r2.methods.filter((m) => m.pinned).map((m) => m.id)).toEqual([
      'src/work.ts#compute',
      'src/work.ts#helper',
      'src/work.ts#stash',
    ]);
  });
});

describe('pinning in a node device app (pin-node)', () => {
  const r = analyzeApp({ appDir: fixture('pin-node'), catalogs });

  test('device modules (import, node: prefix, subpath, require) and terminal globals pin', () => {
    expect(verdicts(r)).toEqual({
      'src/device.ts#env': [true, false, ['pinned']], // process.env: the device's environment, not the clone's
      'src/device.ts#lazy': [true, false, ['pinned']], // require('os')
      'src/device.ts#load': [true, false, ['pinned']], // node:fs
      'src/device.ts#loadAsync': [true, false, ['pinned']], // fs/promises
      'src/device.ts#open': [true, false, ['pinned']], // serialport (not even installed)
      'src/device.ts#pure': [false, true, []],
      'src/device.ts#say': [true, false, ['pinned']], // process.stdout
    });
    const load = r.methods.find((m) => m.id === 'src/device.ts#load')!;
    expect(load.reasons[0]!.site).toBe('src/device.ts:6:10');
    expect(load.reasons[0]!.message).toContain("module 'fs'");
  });
});

describe('serializable boundary (pin-boundary)', () => {
  const r = analyzeApp({ appDir: fixture('pin-boundary'), catalogs });
  const msg = (id: string) => r.methods.find((m) => m.id === `src/api.ts#${id}`)!.reasons.map((x) => `${x.rule}: ${x.message}`);

  test('functions, symbols, weak maps, device types and promised functions are rejected, with the parameter', () => {
    expect(msg('withCallback')).toEqual([
      "not-serializable: parameter 'cb' has type '(n: number) => void', which cannot cross the boundary: function (src/api.ts:13)",
    ]);
    expect(msg('withSymbol')).toEqual([
      "not-serializable: parameter 'key' has type 'symbol', which cannot cross the boundary: symbol (src/api.ts:17)",
    ]);
    expect(msg('fetchFn')).toEqual([
      "not-serializable: result has type '() => void', which cannot cross the boundary: function (src/api.ts:21)",
    ]);
    expect(msg('withJob')).toEqual([
      "not-serializable: parameter 'job' has type 'Job', which cannot cross the boundary: property 'onDone': function (src/api.ts:25)",
    ]);
    expect(msg('withCanvas')).toEqual([
      "not-serializable: parameter 'c' has type 'HTMLCanvasElement', which cannot cross the boundary: HTMLCanvasElement is a browser device type (src/api.ts:29)",
    ]);
    expect(msg('weak')).toEqual([
      "not-serializable: parameter 'm' has type 'WeakMap<object, number>', which cannot cross the boundary: WeakMap cannot be cloned (src/api.ts:33)",
    ]);
  });

  test('plain data, class instances with methods, arrays, Map/Date pass', () => {
    expect(msg('fine')).toEqual([]);
    expect(msg('Point.norm')).toEqual([]);
  });
});
