import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture } from './helpers.js';

describe("a kind of a catalog's device type is one too (pin-device-subtypes)", () => {
  const r = analyzeApp({ appDir: fixture('pin-device-subtypes'), catalogs: [bundledCatalog('browser'), bundledCatalog('node-device')] });
  const verdicts = Object.fromEntries(r.methods.map((m) => [m.id, [m.pinned, m.candidate, m.reasons.map((x) => x.rule), ...(m.nativeState ? [true] : [])]]));
  const why = (id: string): string => r.methods.find((m) => m.id === id)!.reasons[0]!.message;

  test('methods taking DOM elements, events, streams, tracks or a custom element stay on the device; data stays a candidate', () => {
    expect(verdicts).toEqual({
      'src/page.ts#Counter.bump': [false, false, ['not-serializable']], // this: a custom element
      'src/page.ts#Field.constructor': [false, false, ['not-serializable'], true],
      'src/page.ts#Field.text': [false, false, ['not-serializable'], true], // field 'input': HTMLInputElement
      'src/page.ts#clickX': [false, false, ['not-serializable']], // MouseEvent
      'src/page.ts#hide': [false, false, ['not-serializable']], // HTMLDivElement
      'src/page.ts#label': [false, true, []],
      'src/page.ts#read': [false, false, ['not-serializable']],
      'src/page.ts#remembered': [false, false, ['not-serializable']], // Storage
      'src/page.ts#removeItems': [true, false, ['pinned']],
      'src/page.ts#removeItems.<anonymous 1>': [true, false, ['pinned']], // (li: HTMLLIElement) => li.remove(): forEach gives it the element
      'src/page.ts#stopAll': [false, false, ['reaches-pinned']],
      'src/page.ts#stopAll.<anonymous 1>': [true, false, ['pinned']], // forEach gives it a MediaStreamTrack
      'src/server.ts#declaredLength': [false, false, ['not-serializable']], // IncomingMessage
      'src/syntax.ts#describeDirective': [false, true, []], // extends the app's own interface Node, no DOM node
      'src/syntax.ts#names': [false, true, []],
      'src/syntax.ts#names.<anonymous 1>': [false, true, []],
      'src/server.ts#parse': [false, true, []],
      'src/server.ts#pidOf': [false, false, ['not-serializable']], // ChildProcess
    });
  });

  test('the reason names the catalog type the kind extends', () => {
    expect(why('src/page.ts#hide')).toBe("parameter 'el' has type 'HTMLDivElement', which cannot cross the boundary: HTMLDivElement is a browser device type (it extends HTMLElement) (src/page.ts:2)");
    expect(why('src/server.ts#declaredLength')).toMatch(/IncomingMessage is a node-device device type \(it extends Readable\)/);
  });
});
