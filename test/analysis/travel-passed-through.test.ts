import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// A device value handed through `this` (call, bind, Reflect.apply), Reflect.apply's argument list,
// and the standard Object functions that hand back what they are given (object-statics.ts).
describe('a device value passed through call, bind, Reflect.apply and the Object functions (travel-passed-through)', () => {
  const r = analyzeApp({ appDir: fixture('travel-passed-through'), catalogs: [bundledCatalog('node-device')] });

  test('verdicts: each use pinned, each pure neighbour a candidate', () => {
    expect(verdictRows(r)).toEqual({
      'src/objects.ts#countOf': [false, true, []], // Object.values of numbers
      'src/objects.ts#countOf.<anonymous 1>': [false, true, []],
      'src/objects.ts#eachSink': [true, false, ['pinned']], // Object.entries
      'src/objects.ts#firstSink': [true, false, ['pinned']], // Object.values(all)[0]
      'src/objects.ts#nameOf': [false, true, []], // the same object, its string member only
      'src/objects.ts#sinkOf': [true, false, ['pinned']], // Object.assign's result holds the source's members
      'src/objects.ts#useFrozen': [true, false, ['pinned']], // Object.freeze(x) is x
      'src/objects.ts#wire': [true, false, ['pinned', 'pinned']],
      'src/reflected.ts#report': [true, false, ['pinned']], // Reflect.apply's list is its arguments
      'src/reflected.ts#run': [true, false, ['pinned']],
      'src/reflected.ts#each': [false, false, ['not-serializable']],
      'src/reflected.ts#shout': [false, true, []],
      'src/reflected.ts#tick': [false, true, []],
      'src/this-given.ts#sizeOf': [false, true, []], // given a plain object as `this`
      'src/this-given.ts#start': [true, false, ['pinned', 'pinned']],
      'src/this-given.ts#writeBound': [true, false, ['pinned']], // bind
      'src/this-given.ts#writeReflected': [true, false, ['pinned']], // Reflect.apply's `this`
      'src/this-given.ts#writeSelf': [true, false, ['pinned']], // call
    });
  });

  test("Reflect.apply's list reaches the parameters of the app function it calls: each calls the tick it is given", () => {
    expect(r.edges.filter((e) => e.from === 'src/reflected.ts#each').map((e) => e.to)).toEqual(['src/reflected.ts#tick']);
  });

  test('the chain says how the value got there', () => {
    expect(pinnedMessages(r, 'src/this-given.ts#writeBound')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/this-given.ts:22 -> 'process.stdout' at src/this-given.ts:22 -> 'this' at src/this-given.ts:9 -> used at src/this-given.ts:9",
    ]);
    expect(pinnedMessages(r, 'src/objects.ts#firstSink')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/objects.ts:32 -> 'process.stdout' at src/objects.ts:32 -> 'Object.values(all)' at src/objects.ts:13 -> 'Object.values(all)[0]' at src/objects.ts:13 -> used at src/objects.ts:13",
    ]);
  });
});
