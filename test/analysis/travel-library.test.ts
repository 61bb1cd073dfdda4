import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// Device values a library hands on to the app's callbacks: the events, messages and connections
// the platform gives listeners. Each fixture has pure neighbours that must stay candidates.
const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device')];
const results = new Map<string, AnalysisResult>();
const analyze = (name: string): AnalysisResult => results.get(name) ?? results.set(name, analyzeApp({ appDir: fixture(name), catalogs })).get(name)!;
const verdicts = (name: string) => verdictRows(analyze(name));
const pinnedBy = (name: string, id: string): string[] => pinnedMessages(analyze(name), id);

describe('a device value the library hands a callback pins the method that uses it', () => {
  test('posted in a message, to the event listeners and handlers that read its data (travel-post-message)', () => {
    expect(verdicts('travel-post-message')).toMatchObject({
      'src/page.ts#paint': [true, false, ['pinned']], // e.data.canvas: the posted OffscreenCanvas
      'src/page.ts#thumbnail': [true, false, ['pinned']], // ({ data }) => data.canvas: the same
      'src/page.ts#scaled': [false, true, []], // e.data.scale: a number posted next to it
      'src/page.ts#counted': [false, true, []], // another port's message holds a number only
      'src/page.ts#listen.<anonymous 1>': [false, false, ['reaches-pinned']],
      'src/thread.ts#append': [true, false, ['pinned']], // a Node listener is given the posted value itself
      'src/thread.ts#tally': [false, true, []],
    });
    expect(pinnedBy('travel-post-message', 'src/page.ts#paint')[0]).toContain("'canvas.transferControlToOffscreen()' at src/page.ts:4 -> 'e.data.canvas' at src/page.ts:18 -> 'target.getContext('2d')' at src/page.ts:9");
    expect(pinnedBy('travel-post-message', 'src/thread.ts#append')[0]).toContain("'msg.log' at src/thread.ts:15 -> used at src/thread.ts:11");
  });

  test("a callback's parameter the library gives a device object: an event, its target, a connection; inline or by name (travel-library-given)", () => {
    expect(verdicts('travel-library-given')).toEqual({
      'src/server.ts#banner': [false, true, []],
      'src/server.ts#greet': [true, false, ['pinned']], // peer: the Socket a 'connection' listener is given
      'src/server.ts#listen': [false, false, ['reaches-pinned']],
      'src/server.ts#listen.<anonymous 1>': [false, false, ['reaches-pinned']],
      'src/ui.ts#Menu.attach': [false, false, ['reaches-pinned']],
      'src/ui.ts#Menu.attach.<anonymous 1>': [false, false, ['reaches-pinned']],
      'src/ui.ts#Menu.open': [true, false, ['pinned']], // handed to addEventListener as this.open, and called by a listener
      'src/ui.ts#double': [false, true, []], // a number handed to map's callback is no device object
      'src/ui.ts#focusOn': [true, false, ['pinned']], // e.target of a click
      'src/ui.ts#install': [false, false, ['not-serializable']],
      'src/ui.ts#install.panel.onpointerdown': [false, false, ['reaches-pinned']],
      'src/ui.ts#keys': [false, false, ['reaches-pinned']],
      'src/ui.ts#count': [false, true, []], // records.length
      'src/ui.ts#label': [false, true, []], // e.type is a string
      'src/ui.ts#mark': [true, false, ['pinned']], // a MutationRecord's target: the library types it a Node
      'src/ui.ts#onKey': [true, false, ['pinned']], // a function declaration handed by name
      'src/ui.ts#observe': [true, false, ['pinned']], // MutationObserver: the page's DOM (browser catalog)
      'src/ui.ts#observe.<anonymous 1>': [false, false, ['reaches-pinned']],
      'src/ui.ts#outline': [true, false, ['pinned']], // the currentTarget of an on<type> handler's event
      'src/ui.ts#reveal': [true, false, ['pinned']], // e.target of onKey's event
      'src/ui.ts#shown': [true, false, ['pinned']], // e.currentTarget of Menu.open's
      'src/ui.ts#sizes': [false, true, []],
      'src/ui.ts#sizes.<anonymous 1>': [false, true, []],
      'src/ui.ts#wire': [false, false, ['reaches-pinned']],
      'src/ui.ts#wire.<anonymous 1>': [true, false, ['pinned']], // reads e.target itself
    });
    expect(pinnedBy('travel-library-given', 'src/ui.ts#focusOn')).toEqual([
      "uses a device value from type 'Event' (browser: DOM events reference DOM nodes): 'e' at src/ui.ts:11 -> 'e.target' at src/ui.ts:12 -> used at src/ui.ts:3",
    ]);
    expect(pinnedBy('travel-library-given', 'src/server.ts#greet')[0]).toContain("from type 'Socket' (node-device: ");
    expect(pinnedBy('travel-library-given', 'src/ui.ts#mark')[0]).toContain("from type 'Node' (browser: a DOM node): 'r.target' at src/ui.ts:71 -> ");
  });

  test('a receiver or parameter typed by an app type no device object may be derives nothing from one a shared path gave it (travel-receiver-types)', () => {
    expect(verdicts('travel-receiver-types')).toEqual({
      'src/files.ts#loadConfig': [true, false, ['pinned']],
      'src/files.ts#readWith': [true, false, ['pinned']], // fs cast to the app's FileReader: not assignable, but fs has all it requires
      'src/legacy.js#describeJob': [true, false, ['pinned']], // JavaScript: its JSDoc `Task` bounds nothing, so geolocation may be there
      'src/legacy.js#describeJob.<anonymous 1>': [false, true, []],
      'src/legacy.js#keepTask': [false, false, ['reaches-pinned']],
      'src/legacy.js#locate': [true, false, ['pinned']],
      'src/relay.ts#Task.child': [false, true, []],
      'src/relay.ts#Task.constructor': [false, true, []],
      'src/relay.ts#Task.run': [false, true, []],
      'src/relay.ts#pass': [false, true, []],
      'src/ui.ts#first': [false, true, []], // arguments[0] is its Task parameter
      'src/ui.ts#firstOf': [true, false, ['pinned']], // items[0] of a rest parameter typed by the app's tuple: a container
      'src/ui.ts#inspect': [false, true, []], // given only Tasks
      'src/ui.ts#launch': [false, true, []], // its Task parameter cannot hold the event
      'src/ui.ts#relayAll': [true, false, ['pinned']], // args[0]: the event itself, and still one where it goes on
      'src/ui.ts#reveal': [true, false, ['pinned']], // the event fits { target }
      'src/ui.ts#spawn': [false, true, []], // pass(task) may be the click's event by the flow (also as relayAll's args[0]), but a Task cannot be one
      'src/ui.ts#wire': [false, false, ['reaches-pinned']],
      'src/ui.ts#wire.<anonymous 1>': [false, false, ['reaches-pinned']],
    });
    expect(pinnedBy('travel-receiver-types', 'src/ui.ts#firstOf')).toEqual([
      "uses a device value from type 'Event' (browser: DOM events reference DOM nodes): 'e' at src/ui.ts:4 -> 'items[0]' at src/ui.ts:49 -> used at src/ui.ts:50",
    ]);
    expect(pinnedBy('travel-receiver-types', 'src/files.ts#readWith')).toEqual([
      "uses a device value from module 'fs' (node-device: files on the device's storage (fs/promises too)): 'fs' at src/files.ts:15 -> used at src/files.ts:11",
    ]);
  });
});
