import { analyzeApp, explainMethod } from '../../src/analysis/index.js';
import { REASON_HOPS, reachesPinned } from '../../src/analysis/legality/reaches.js';
import type { AnalysisResult, CallEdge, MethodInfo } from '../../src/analysis/types.js';
import { bundledCatalog, candidatePairs, fixture } from './helpers.js';

const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device'), bundledCatalog('react-native')];
const verdicts = (r: AnalysisResult) => Object.fromEntries(r.methods.map((m) => [m.id, [m.pinned, m.candidate, m.reasons.map((x) => x.rule)]]));
const messages = (r: AnalysisResult, id: string) => r.methods.find((m) => m.id === id)!.reasons.map((x) => `${x.rule}: ${x.message}`);

describe('module-level device values pin their users (pin-derived)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('pin-derived'), catalogs })));

  test('verdicts', () => {
    expect(verdicts(r)).toEqual({
      'src/dom.ts#draw': [true, false, ['pinned']], // ctx <- canvas <- document
      'src/dom.ts#size': [false, true, []], // a plain module-level number
      'src/dom.ts#sneaky': [true, false, ['pinned']], // window['document']
      'src/use.ts#width': [true, false, ['pinned']], // imported canvas
    });
  });

  test('the reason follows the derivation', () => {
    expect(messages(r, 'src/use.ts#width')).toEqual([
      "pinned: uses device-only module-level value 'canvas' (browser: computed at src/dom.ts:1 from global 'document': the DOM lives in the page on the device) at src/use.ts:4",
    ]);
  });
});

describe('react-native apps (pin-react-native)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('pin-react-native'), catalogs })));
  const D = 'src/device.ts';

  test('device modules pin, even without their types installed', () => {
    expect(verdicts(r)).toEqual({
      [`${D}#Radio.constructor`]: [true, false, ['pinned']],
      [`${D}#Radio.label`]: [false, false, ['not-serializable']],
      [`${D}#Radio.scan`]: [true, false, ['pinned']], // this.manager: the BleManager made in the field initialiser
      [`${D}#Radio.scan.<anonymous 1>`]: [false, true, []],
      [`${D}#buzz`]: [true, false, ['pinned']],
      [`${D}#native`]: [true, false, ['pinned']],
      [`${D}#remember`]: [true, false, ['pinned']],
      [`${D}#score`]: [false, true, []],
      [`${D}#score.<anonymous 1>`]: [false, true, []],
      [`${D}#screen`]: [false, false, ['reaches-pinned']],
      [`${D}#where`]: [true, false, ['pinned']],
    });
    expect(r.groups).toEqual([[`${D}#Radio.constructor`, `${D}#Radio.label`, `${D}#Radio.scan`]]);
    expect(candidatePairs(r)).toEqual([[`${D}#score`, `${D}#score.<anonymous 1>`]]);
  });

  test('calls into untyped device modules are library leaves a catalog matches', () => {
    expect(r.libraryCalls.map((e) => [e.from, e.to])).toEqual([
      [`${D}#Radio.constructor`, 'lib:react-native-ble-plx#BleManager'],
      [`${D}#buzz`, 'lib:react-native#Vibration.vibrate'],
      [`${D}#remember`, 'lib:@react-native-async-storage/async-storage#default.setItem'],
      [`${D}#score`, 'lib:globals#Array.reduce'],
      [`${D}#where`, 'lib:expo-location#getCurrentPositionAsync'],
    ]);
    expect(r.pinnedLibrary.map((p) => p.id)).toEqual([
      'lib:@react-native-async-storage/async-storage#default.setItem',
      'lib:expo-location#getCurrentPositionAsync',
      'lib:react-native#Vibration.vibrate',
      'lib:react-native-ble-plx#BleManager',
    ]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['src/device.ts:1', 'src/device.ts:2', 'src/device.ts:3', 'src/device.ts:4']);
  });

  test('explainMethod gives the chain with call sites down to the device API', () => {
    expect(explainMethod(r, `${D}#screen`)).toEqual({
      id: `${D}#screen`,
      verdict: 'not a candidate',
      lines: [
        `${D}#screen (${D}:36): not a candidate`,
        '  reaches-pinned: 1 call(s) down to the device',
        `    ${D}#screen -> ${D}#buzz  [direct] at ${D}:37:3`,
        `    ${D}#buzz is pinned: uses device-only module 'react-native' (react-native: UI components and native modules of the app's host (Views, Alert, NativeModules, Vibration, ...)) at ${D}:7 (${D}:7:3)`,
      ],
    });
    expect(explainMethod(r, `${D}#score`).verdict).toBe('candidate');
    expect(explainMethod(r, 'nope#x').verdict).toBe('unknown method');
  });
});

describe('native-state groups (groups-native)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('groups-native'), catalogs })));
  const N = 'src/net.ts';

  test('classes with fields of catalog types form groups of their instance methods', () => {
    expect(r.groups).toEqual([
      [`${N}#Link.constructor`, `${N}#Link.open`, `${N}#Link.send`],
      [`${N}#Painter.constructor`, `${N}#Painter.paint`],
      [`${N}#Settings.constructor`, `${N}#Settings.theme`],
    ]);
    // A primitive read from a device API (a flag, a width) is a copy: Layout is no group.
    expect(r.methods.find((m) => m.id === `${N}#Layout.columns`)!.nativeState).toBeUndefined();
    const link = r.methods.find((m) => m.id === `${N}#Link.send`)!;
    expect(link.nativeState?.message).toBe(
      "Link holds device-bound state in field 'ws' (type WebSocket is a browser device type, src/net.ts:2); all its instance methods stay together",
    );
    expect(r.methods.find((m) => m.id === `${N}#Link.static.describe`)!.nativeState).toBeUndefined();
  });

  test('their instance methods cannot take `this` across', () => {
    expect(messages(r, `${N}#Link.send`)).toEqual([
      "not-serializable: 'this' (Link) cannot cross the boundary: field 'ws' holds device-bound state (src/net.ts:6)",
    ]);
    expect(verdicts(r)[`${N}#Pure.sum`]).toEqual([false, true, []]);
  });
});

describe('`this` at the boundary (boundary-this)', () => {
  test('data fields pass; function fields and device fields fail, naming the field', () => {
    const r = analyzeApp({ appDir: fixture('boundary-this'), catalogs });
    const M = 'src/model.ts';
    expect(messages(r, `${M}#Account.interest`)).toEqual([]);
    expect(messages(r, `${M}#Job.run`)).toEqual([
      "not-serializable: 'this' has type 'Job', which cannot cross the boundary: property 'callback': function (src/model.ts:25)",
    ]);
    expect(messages(r, `${M}#Job.static.parse`)).toEqual([]); // static: no `this`
    expect(messages(r, `${M}#Widget.compute`)).toEqual([
      "not-serializable: 'this' (Widget) cannot cross the boundary: field 'el' holds device-bound state (src/model.ts:14)",
    ]);
  });

  test('an instance with #private fields cannot cross (nothing can read or restore them); TypeScript private can', () => {
    const r = analyzeApp({ appDir: fixture('boundary-this'), catalogs });
    const M = 'src/model.ts';
    expect(messages(r, `${M}#Sealed.reveal`)).toEqual([
      "not-serializable: 'this' has type 'Sealed', which cannot cross the boundary: an instance of 'Sealed' has private field '#secret', which no serializer can see or restore: it would arrive without it (src/model.ts:33)",
    ]);
    expect(messages(r, `${M}#Sealed.static.count`)).toEqual([]); // a static #private is the class's, no instance's
    expect(messages(r, `${M}#Opened.reveal`)).toEqual([]);
  });
});

describe('mapped types and index signatures at the boundary (boundary-mapped-types)', () => {
  test("a library's mapped type over functions, or an index of them, cannot cross; over data it can", () => {
    const r = analyzeApp({ appDir: fixture('boundary-mapped-types'), catalogs });
    const A = 'src/api.ts';
    expect(messages(r, `${A}#handlers`)).toEqual([
      "not-serializable: parameter 'o' has type 'Record<string, () => number>', which cannot cross the boundary: its values: function (src/api.ts:3)",
    ]);
    expect(messages(r, `${A}#indexed`)).toEqual([
      "not-serializable: parameter 'o' has type '{ [name: string]: (x: number) => number; }', which cannot cross the boundary: its values: function (src/api.ts:7)",
    ]);
    expect(messages(r, `${A}#partial`)).toEqual([
      "not-serializable: parameter 'o' has type 'Partial<{ done: () => void; n: number; }>', which cannot cross the boundary: property 'done': function (src/api.ts:11)",
    ]);
    for (const data of ['counts', 'frozen', 'dated']) expect(messages(r, `${A}#${data}`)).toEqual([]);
  });
});

describe('calls the analysis cannot resolve (legality-unresolved)', () => {
  const A = 'src/app.ts';
  let allow: AnalysisResult;
  let device: AnalysisResult;
  beforeAll(() => {
    allow = analyzeApp({ appDir: fixture('legality-unresolved'), catalogs });
    device = analyzeApp({ appDir: fixture('legality-unresolved'), catalogs, unresolved: 'device' });
  });

  test('are listed with their reasons, under either policy', () => {
    const rows = (r: AnalysisResult) => r.unresolved.map((u) => [u.from, u.text, u.reason]);
    expect(rows(allow)).toEqual([
      [`${A}#dispatch`, 'handlers[name]!', 'called through a computed key ([name]): the member is not known statically'],
      [`${A}#runPlugin`, 'plugin.run', 'callee has no symbol (untyped or any)'],
    ]);
    expect(rows(device)).toEqual(rows(allow));
  });

  test("'allow' (the default) keeps their methods candidates; explain notes the site", () => {
    expect(verdicts(allow)).toEqual({
      [`${A}#dispatch`]: [false, true, []],
      [`${A}#pipeline`]: [false, true, []],
      [`${A}#runPlugin`]: [false, true, []],
      [`${A}#sum`]: [false, true, []],
      [`${A}#total`]: [false, true, []],
    });
    expect(explainMethod(allow, `${A}#runPlugin`).lines).toContain(`  note: unresolved call plugin.run at ${A}:11:17: callee has no symbol (untyped or any)`);
  });

  test("'device' makes them and every method reaching them non-candidates, with the path", () => {
    expect(verdicts(device)).toEqual({
      [`${A}#dispatch`]: [false, false, ['unresolved-call']],
      [`${A}#pipeline`]: [false, false, ['unresolved-call']],
      [`${A}#runPlugin`]: [false, false, ['unresolved-call']],
      [`${A}#sum`]: [false, true, []],
      [`${A}#total`]: [false, true, []],
    });
    expect(messages(device, `${A}#runPlugin`)).toEqual([
      `unresolved-call: calls plugin.run at ${A}:11 (callee has no symbol (untyped or any)), which the analysis could not resolve: it may reach the device`,
    ]);
    expect(explainMethod(device, `${A}#pipeline`).lines).toEqual([
      `${A}#pipeline (${A}:15): not a candidate`,
      '  unresolved-call: 1 call(s) down to a call the analysis could not resolve',
      `    ${A}#pipeline -> ${A}#runPlugin  [direct] at ${A}:16:10`,
      `    ${A}#runPlugin calls plugin.run at ${A}:11:17, not resolved: callee has no symbol (untyped or any)`,
    ]);
    expect(candidatePairs(device)).toEqual([[`${A}#total`, `${A}#sum`]]);
  });
});

describe('reaches-pinned reasons on a long call chain', () => {
  const n = 3000;
  const id = (k: number) => `src/chain.ts#c${k}`;
  const edges: CallEdge[] = Array.from({ length: n - 1 }, (_, k) => ({ from: id(k), to: id(k + 1), site: `src/chain.ts:${k + 1}:3`, kind: 'direct' }));
  const ids = Array.from({ length: n }, (_, k) => id(k));
  const reasons = reachesPinned(ids, edges, new Set([id(n - 1)]));

  test('each holds at most REASON_HOPS calls of its path, and says how long the rest is', () => {
    let hops = 0;
    for (const r of reasons.values()) hops += r.path!.length + r.via!.length;
    expect(hops).toBeLessThan(n * 2 * (REASON_HOPS + 1)); // linear: the whole paths were n² hops
    const first = reasons.get(id(0))!;
    expect(first.path).toHaveLength(REASON_HOPS);
    expect(first.message).toMatch(new RegExp(`^may reach pinned method ${id(n - 1)} in ${n - 1} calls: ${id(0)} -> ${id(1)} \\(called at src/chain\\.ts:1\\) -> `));
    expect(first.message).toMatch(new RegExp(` -> \\.\\.\\. \\(${n - 1 - REASON_HOPS} more calls\\)$`));
    // A short one is spelled out whole, as before.
    expect(reasons.get(id(n - 3))!.message).toBe(`may reach pinned method ${id(n - 1)}: ${id(n - 3)} -> ${id(n - 2)} (called at src/chain.ts:${n - 2}) -> ${id(n - 1)} (called at src/chain.ts:${n - 1})`);
  });

  test('explain follows the path through the reasons it stops at, down to the pinned method', () => {
    const methods: MethodInfo[] = ids.map((m, k) => ({
      id: m, file: 'src/chain.ts', line: k + 1, pinned: k === n - 1, candidate: false,
      reasons: k === n - 1 ? [{ rule: 'pinned', message: 'uses the device' }] : [reasons.get(m)!],
    }));
    const analysis = { methods, unresolved: [] } as unknown as AnalysisResult;
    const lines = explainMethod(analysis, id(0)).lines;
    expect(lines[1]).toBe(`  reaches-pinned: ${n - 1} call(s) down to the device`);
    expect(lines.filter((l) => l.includes(' -> '))).toHaveLength(n - 1);
    expect(lines[lines.length - 2]).toBe(`    ${id(n - 2)} -> ${id(n - 1)}  [direct] at src/chain.ts:${n - 1}:3`);
    expect(lines[lines.length - 1]).toBe(`    ${id(n - 1)} is pinned: uses the device`);
  });
});
