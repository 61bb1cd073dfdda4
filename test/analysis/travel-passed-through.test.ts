import { analyzeApp } from '../../src/analysis/index.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// A device value handed through `this` (call, bind, Reflect.apply), Reflect.apply's argument list,
// a setter's parameter, and the standard functions that hand back what they are given
// (library-returns.ts: Object.assign/freeze/values/entries, array find/at/filter/slice, new Proxy).
describe('a device value passed through call, bind, Reflect.apply, setters and library functions that hand it back (travel-passed-through)', () => {
  const r = analyzeApp({ appDir: fixture('travel-passed-through'), catalogs: [bundledCatalog('node-device')] });

  test('verdicts: each use pinned, each pure neighbour a candidate', () => {
    expect(verdictRows(r)).toEqual({
      'src/arrays.ts#firstOut': [true, false, ['pinned']], // find
      'src/arrays.ts#firstOut.<anonymous 1>': [false, true, []],
      'src/arrays.ts#flags': [false, true, []], // process.argv.slice(2): plain strings
      'src/arrays.ts#flags.<anonymous 1>': [false, true, []],
      'src/arrays.ts#lastOut': [true, false, ['pinned']], // at
      'src/arrays.ts#lists': [true, false, ['pinned', 'pinned', 'pinned']], // stdout, stderr, argv
      'src/arrays.ts#liveOnly': [true, false, ['pinned']], // the elements of filter(...).slice(0)
      'src/arrays.ts#positives': [false, true, []], // numbers through filter and concat
      'src/arrays.ts#positives.<anonymous 1>': [false, true, []],
      'src/arrays.ts#throughProxy': [true, false, ['pinned']], // new Proxy(process.stdout, {})
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
      'src/setters.ts#Job.finish': [false, false, ['not-serializable']], // holds a function
      'src/setters.ts#Job.onDone': [false, false, ['not-serializable', 'not-serializable']],
      'src/setters.ts#Logger.doubled': [false, true, []], // the number another setter stored
      'src/setters.ts#Logger.log': [true, false, ['pinned']], // what `logger.out = process.stdout` gave the setter
      'src/setters.ts#Logger.out': [false, true, []], // stores it, uses nothing
      'src/setters.ts#Logger.verbosity': [false, true, []],
      'src/setters.ts#announce': [false, true, []],
      'src/setters.ts#configure': [true, false, ['pinned']],
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

  test("a setter's parameter holds what is assigned: the function stored through it is called (Job.finish -> announce)", () => {
    expect(r.edges.filter((e) => e.from === 'src/setters.ts#Job.finish').map((e) => e.to)).toEqual(['src/setters.ts#announce']);
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
