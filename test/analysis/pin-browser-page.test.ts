import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device')];

describe("the page's globals (pin-browser-page)", () => {
  const r = analyzeApp({ appDir: fixture('pin-browser-page'), catalogs });

  test("what a clone (Node) lacks or has as its own pins; what it has alike, and names bound to something else, do not", () => {
    expect(verdictRows(r)).toEqual({
      'src/page.ts#address': [true, false, ['pinned']], // location
      'src/page.ts#layout': [true, false, ['pinned', 'pinned', 'pinned']], // innerWidth, devicePixelRatio, screen
      'src/page.ts#prefersDark': [true, false, ['pinned']], // matchMedia
      'src/page.ts#userAgent': [true, false, ['pinned']], // navigator
      'src/page.ts#navigate': [true, false, ['pinned']], // history
      'src/page.ts#announce': [true, false, ['pinned']], // BroadcastChannel: the clone's would connect the clone's contexts
      'src/page.ts#linkTo': [true, false, ['pinned']], // a blob URL of the clone's process
      'src/page.ts#framed': [true, false, ['pinned']], // top
      'src/page.ts#toParent': [true, false, ['pinned']], // parent
      'src/page.ts#query': [false, true, []],
      'src/page.ts#bytes': [false, true, []],
      'src/page.ts#newId': [false, true, []],
      'src/page.ts#now': [false, true, []],
      'src/names.ts#render': [false, true, []], // print and open imported from a library's declarations
      'src/names.ts#depthOf': [false, true, []], // locals named parent and top
      'src/names.ts#history': [false, true, []], // a function named history, a local named location
      'src/names.ts#hash': [true, false, ['pinned']],
    });
    expect(pinnedMessages(r, 'src/page.ts#announce')).toEqual([
      "uses device-only global 'BroadcastChannel' (browser: connects the page's windows and workers on the device (a channel made on the clone connects the clone's)) at src/page.ts:23",
    ]);
  });
});
