import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, targets, verdictRows } from './helpers.js';

// `list = [...list, x]`: reading the literal's elements reads the literal again (heldMembers).
describe('lists and records grown by spreading themselves (travel-spread-append)', () => {
  const r = analyzeApp({ appDir: fixture('travel-spread-append'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('the analysis ends; what the self-spread literal holds reaches its readers, numbers stay numbers', () => {
    expect(verdictRows(r)).toEqual({
      [`${A}#Hub.add`]: [false, true, []],
      [`${A}#Hub.sum`]: [false, true, []],
      [`${A}#Hub.write`]: [true, false, ['pinned']], // a field given `[...this.outs, out]`: stdout
      [`${A}#announce`]: [true, false, ['pinned']], // registry.log: stderr, through `{ ...registry, log }`
      [`${A}#attach`]: [false, true, []],
      [`${A}#broadcast`]: [true, false, ['pinned']], // the elements of `[...sinks, out]`: stdout
      [`${A}#main`]: [true, false, ['pinned', 'pinned']],
      [`${A}#record`]: [false, true, []],
      [`${A}#register`]: [false, true, []],
      [`${A}#registered`]: [false, true, []],
      [`${A}#total`]: [false, true, []],
    });
    expect(pinnedMessages(r, `${A}#broadcast`).join('\n')).toContain("'process.stdout'");
  });
});

// A field given an array literal after construction: the literal's elements are the field's (walk.ts stores it).
describe('fields given array literals (calls-field-arrays)', () => {
  const r = analyzeApp({ appDir: fixture('calls-field-arrays'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test("iterating the field calls what the literals put there, also the literal that spreads the field itself", () => {
    expect(targets(r, `${A}#Bus.run`)).toEqual([`${A}#a`, `${A}#b`, `${A}#c`, `${A}#late`]);
  });
});

// A parameter declared primitive holds no function, unless an untyped argument reaches it (parameter-flow.ts).
describe('parameters declared with primitive types (calls-primitive-slots)', () => {
  const r = analyzeApp({ appDir: fixture('calls-primitive-slots'), catalogs: [bundledCatalog('node-device')] });
  const A = 'src/app.ts';

  test('a typed argument the flow cannot narrow brings no callee through a number parameter', () => {
    expect(targets(r, `${A}#redraw`)).toEqual([`${A}#Screen.refresh`]);
    expect(targets(r, `${A}#plan`)).toEqual([`${A}#Action.schedule`, `${A}#first`, `${A}#soon`]);
  });

  test('an untyped argument still does, and a function parameter beside a number one gets what callers pass', () => {
    expect(targets(r, `${A}#redrawLoose`)).toEqual([`${A}#Board.redo`, `${A}#later`]);
    expect(targets(r, `${A}#every`)).toEqual([`${A}#beep`]);
  });
});
