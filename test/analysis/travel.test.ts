import { analyzeApp } from '../../src/analysis/index.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { bundledCatalog, fixture, pinnedMessages, verdictRows } from './helpers.js';

// Device values that travel (issue 13): one fixture app per way a device object reaches the
// method that uses it, each with a pure neighbour that must stay a candidate.
const catalogs = [bundledCatalog('browser'), bundledCatalog('node-device')];
const results = new Map<string, AnalysisResult>();
const analyze = (name: string): AnalysisResult => results.get(name) ?? results.set(name, analyzeApp({ appDir: fixture(name), catalogs })).get(name)!;
const verdicts = verdictRows;
const pinnedBy = (name: string, id: string): string[] => pinnedMessages(analyze(name), id);

describe('a device value that travels pins the method that uses it, with the chain', () => {
  test('re-exported under another name (travel-reexport)', () => {
    expect(verdicts(analyze('travel-reexport'))).toEqual({
      'src/draw.ts#area': [false, true, []], // a plain number exported next to it
      'src/draw.ts#dot': [true, false, ['pinned']], // brush <- pen <- makePen() <- getContext
      'src/handles.ts#makePen': [true, false, ['pinned']],
    });
    expect(pinnedBy('travel-reexport', 'src/draw.ts#dot')).toEqual([
      "uses a device value from global 'document' (browser: the DOM lives in the page on the device): 'document' at src/handles.ts:2 -> " +
        "'document.getElementById('board')' at src/handles.ts:2 -> 'canvas.getContext('2d')' at src/handles.ts:3 -> used at src/draw.ts:4",
    ]);
  });

  test('destructured with a rename (travel-destructure)', () => {
    expect(verdicts(analyze('travel-destructure'))).toEqual({
      'src/term.ts#greeting': [false, true, []], // navigator.language is not the device
      'src/term.ts#locate': [true, false, ['pinned']], // { geolocation } = navigator
      'src/term.ts#locate.<anonymous 1>': [false, false, ['state']], // gets a position: data; captures a function
      'src/term.ts#pad': [false, true, []],
      'src/term.ts#remember': [true, false, ['pinned']], // { localStorage: saved } = window
      'src/term.ts#say': [true, false, ['pinned']], // { stdout: out } = process
    });
    expect(pinnedBy('travel-destructure', 'src/term.ts#say')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/term.ts:1 -> 'stdout: out' at src/term.ts:1 -> used at src/term.ts:7",
    ]);
    expect(pinnedBy('travel-destructure', 'src/term.ts#locate')[0]).toContain("global 'navigator.geolocation'");
  });

  test('an object or array member (travel-member)', () => {
    expect(verdicts(analyze('travel-member'))).toEqual({
      'src/io.ts#handles': [true, false, ['pinned']],
      'src/io.ts#log': [true, false, ['pinned']], // const [out] = streams()
      'src/io.ts#save': [true, false, ['pinned']], // h.store of h = handles()
      'src/io.ts#streams': [true, false, ['pinned', 'pinned']],
      'src/io.ts#twice': [false, true, []],
      'src/io.ts#twice.<anonymous 1>': [false, true, []],
      // h.version is the object's plain member, not a device use (no pin); but the run-time carries
      // the module's `h` whole, and its `store` (a Storage) cannot cross.
      'src/io.ts#version': [false, false, ['state']],
    });
    expect(pinnedBy('travel-member', 'src/io.ts#save')).toEqual([
      "uses a device value from global 'window' (browser: the page's window object (DOM, events, layout)): 'window' at src/io.ts:2 -> 'window.localStorage' at src/io.ts:2 -> 'h.store' at src/io.ts:13 -> used at src/io.ts:13",
    ]);
  });

  test('captured by a closure (travel-closure)', () => {
    expect(verdicts(analyze('travel-closure'))).toEqual({
      'src/log.ts#makeCounter': [false, false, ['not-serializable']],
      'src/log.ts#makeCounter.<anonymous 1>': [false, true, []], // captures a number
      'src/log.ts#makeLogger': [true, false, ['pinned']],
      'src/log.ts#makeLogger.<anonymous 1>': [true, false, ['pinned']], // captures sink = process.stdout
      'src/log.ts#makePainter': [true, false, ['pinned']], // its canvas parameter is a DOM element (start)
      'src/log.ts#makePainter.paint': [true, false, ['pinned']], // captures ctx of that canvas
      'src/log.ts#start': [true, false, ['pinned']],
    });
    expect(pinnedBy('travel-closure', 'src/log.ts#makeLogger.<anonymous 1>')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/log.ts:2 -> 'process.stdout' at src/log.ts:2 -> used at src/log.ts:4",
    ]);
  });

  test('`this` holding device state (travel-this)', () => {
    expect(verdicts(analyze('travel-this'))).toEqual({
      'src/board.ts#Board.constructor': [false, false, ['reaches-pinned'], true],
      'src/board.ts#Board.later': [false, false, ['reaches-pinned'], true],
      'src/board.ts#Board.later.<anonymous 1>': [true, false, ['pinned']], // this.pen, set in the constructor
      'src/board.ts#Board.static.cells': [false, true, []],
      'src/board.ts#meter.count': [false, true, []], // this.ticks: a number
      'src/board.ts#meter.tick': [true, false, ['pinned']], // this.out of an object literal
      'src/board.ts#openContext': [true, false, ['pinned']],
    });
    expect(pinnedBy('travel-this', 'src/board.ts#Board.later.<anonymous 1>')[0]).toMatch(/'canvas.getContext\('2d'\)' at src\/board.ts:3 -> used at src\/board.ts:14$/);
  });

  test('a field typed any or unknown, or a `let`, set later (travel-field)', () => {
    expect(verdicts(analyze('travel-field'))).toEqual({
      'src/store.ts#Prefs.attach': [true, false, ['pinned', 'pinned'], true],
      'src/store.ts#Prefs.read': [true, false, ['pinned'], true], // this.backend: any = window.localStorage
      'src/store.ts#Prefs.static.merge': [false, true, []],
      'src/store.ts#Prefs.warn': [true, false, ['pinned'], true], // this.sink: unknown = process.stderr
      'src/store.ts#checksum': [false, true, []],
      'src/store.ts#connect': [true, false, ['pinned']],
      'src/store.ts#send': [true, false, ['pinned']], // let port: any, assigned in connect
    });
    expect(pinnedBy('travel-field', 'src/store.ts#send')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/store.ts:23 -> 'process.stdout' at src/store.ts:23 -> used at src/store.ts:27",
    ]);
  });

  test('passed as an argument, also on through another parameter (travel-argument)', () => {
    expect(verdicts(analyze('travel-argument'))).toEqual({
      'src/each.ts#each': [false, false, ['not-serializable']], // calls its function parameter: not pinned for what one caller passes
      'src/each.ts#printAll': [true, false, ['pinned']], // hands process.stdout.write to each: called on its behalf
      'src/each.ts#shout': [false, true, []], // hands each a pure callback
      'src/each.ts#shout.<anonymous 1>': [false, true, []],
      'src/each.ts#writer': [true, false, ['pinned']],
      'src/main.ts#emit': [true, false, ['pinned']], // relay(process.stdout) -> emit(target)
      'src/main.ts#main': [true, false, ['pinned', 'pinned']],
      'src/main.ts#paint': [true, false, ['pinned']], // paint(canvas.getContext('2d'))
      'src/main.ts#relay': [false, false, ['reaches-pinned']], // passes it on: not a use of its own
      'src/main.ts#scale': [false, true, []], // called with numbers at the same site
      'src/stream.ts#count': [true, false, ['pinned']], // src: any, a ReadStream of the fs module
      'src/stream.ts#count.<anonymous 1>': [false, true, []], // adds up buffer lengths: data
      'src/stream.ts#count.<anonymous 2>': [false, false, ['state']],
      'src/stream.ts#measure': [true, false, ['pinned']],
      'src/stream.ts#ratio': [false, true, []],
    });
    expect(pinnedBy('travel-argument', 'src/stream.ts#count')).toEqual([
      "uses a device value from module 'fs' (node-device: files on the device's storage (fs/promises too)): 'createReadStream(path)' at src/stream.ts:12 -> used at src/stream.ts:5",
    ]);
    expect(pinnedBy('travel-argument', 'src/main.ts#paint')[0]).toMatch(/'canvas.getContext\('2d'\)' at src\/main.ts:19 -> used at src\/main.ts:2$/);
  });

  test('reached through globalThis, window, self or the process module (travel-global)', () => {
    expect(verdicts(analyze('travel-global'))).toEqual({
      'src/env.ts#half': [false, true, []],
      'src/env.ts#keep': [true, false, ['pinned']], // host: window or self
      'src/env.ts#stamp': [false, true, []], // root.Date: a global, not a device one
      'src/env.ts#where': [true, false, ['pinned']], // root = globalThis; root.navigator.geolocation
      'src/env.ts#where.<anonymous 1>': [false, false, ['state']],
      'src/proc.ts#banner': [true, false, ['pinned']], // import { stdout as terminal } from 'node:process'
      'src/proc.ts#firstArg': [true, false, ['pinned']], // argv of the process module
      'src/proc.ts#folder': [true, false, ['pinned']], // proc.cwd(), proc = * as process
      'src/proc.ts#upper': [false, true, []],
    });
    expect(pinnedBy('travel-global', 'src/proc.ts#banner')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'stdout as terminal' at src/proc.ts:1 -> used at src/proc.ts:5",
    ]);
    expect(pinnedBy('travel-global', 'src/env.ts#where')).toEqual([
      "uses a device value from global 'navigator.geolocation' (browser: location comes from the device's sensors): 'globalThis' at src/env.ts:1 -> " +
        "'root.navigator' at src/env.ts:5 -> 'root.navigator.geolocation' at src/env.ts:5 -> used at src/env.ts:5",
    ]);
  });

  test('through a computed member name (travel-computed)', () => {
    expect(verdicts(analyze('travel-computed'))).toEqual({
      'src/keys.ts#emitTo': [true, false, ['pinned']], // (t as any)[name]: any property of t, out among them
      'src/keys.ts#load': [true, false, ['pinned']], // globalThis['local' + 'Storage'] through a const
      'src/keys.ts#lookup': [false, true, []], // o[k] of a parameter nothing device flows into
      'src/keys.ts#print': [true, false, ['pinned']], // process[KEY], KEY = 'stdout'
      'src/keys.ts#table': [true, false, ['pinned']],
      'src/keys.ts#two': [false, false, ['state']], // not pinned: it reads t.two, but t must cross and holds a stream
    });
    expect(pinnedBy('travel-computed', 'src/keys.ts#load')[0]).toContain("global 'localStorage'");
  });
});

describe('a device value that reaches code without being passed by name', () => {
  test('raised: thrown or rejected, it reaches every catch and rejection handler (travel-raised)', () => {
    expect(verdicts(analyze('travel-raised'))).toEqual({
      'src/errors.ts#aborted': [false, true, []], // raises data
      'src/errors.ts#check': [false, true, []], // throws the process object without using it
      'src/errors.ts#failLater': [false, false, ['reaches-pinned']],
      'src/errors.ts#failLater.<anonymous 1>': [true, false, ['pinned']],
      'src/errors.ts#guarded': [true, false, ['pinned']], // catch (e) { e.exit(2) }
      'src/errors.ts#reported': [false, false, ['reaches-pinned']],
      'src/errors.ts#reported.<anonymous 1>': [true, false, ['pinned']], // .catch((out) => out.write(...))
      'src/errors.ts#retried': [false, false, ['reaches-pinned']],
      'src/errors.ts#retried.<anonymous 1>': [false, true, []], // then's first callback gets what it settles to: nothing device
      'src/errors.ts#retried.<anonymous 2>': [true, false, ['pinned']], // then's second callback
      'src/errors.ts#twice': [false, true, []],
    });
    expect(pinnedBy('travel-raised', 'src/errors.ts#reported.<anonymous 1>')[0]).toMatch(/'process.stdout' at src\/errors.ts:16 -> 'out' at src\/errors.ts:20 -> used at src\/errors.ts:20$/);
  });

  test('an app that raises only data keeps its catches candidates (travel-raised-data)', () => {
    expect(verdicts(analyze('travel-raised-data'))).toEqual({
      'src/parse.ts#later': [false, false, ['not-serializable']], // returns a promise
      'src/parse.ts#later.<anonymous 1>': [false, true, []],
      'src/parse.ts#parseOr': [false, true, []],
    });
  });

  test("a function's arguments object, and lists spread or applied over parameters (travel-arguments)", () => {
    expect(verdicts(analyze('travel-arguments'))).toEqual({
      'src/log.ts#forward': [false, false, ['reaches-pinned']],
      'src/log.ts#paint': [true, false, ['pinned']], // paint.apply(null, rest) of forward(process.stdout), and paint(...outs)
      'src/log.ts#spread': [true, false, ['pinned']],
      'src/log.ts#start': [true, false, ['pinned']],
      'src/log.ts#sum': [false, true, []], // arguments of numbers
      'src/log.ts#writeFirst': [true, false, ['pinned']], // arguments[0]
      'src/log.ts#writeSecond': [true, false, ['pinned']], // Array.prototype.slice.call(arguments)[1]
    });
    expect(pinnedBy('travel-arguments', 'src/log.ts#writeSecond')[0]).toMatch(/'Array.prototype.slice.call\(arguments\)' at src\/log.ts:8 -> 'args\[1\]' at src\/log.ts:9 -> used at src\/log.ts:9$/);
  });

  test('inside an options object or array: a member of the parameter, destructured, iterated (travel-options)', () => {
    expect(verdicts(analyze('travel-options'))).toEqual({
      'src/logger.ts#area': [false, true, []],
      'src/logger.ts#makeLogger': [false, false, ['reaches-pinned']],
      'src/logger.ts#makeLogger.<anonymous 1>': [true, false, ['pinned']], // the closure over { out } of makeLogger({ out: process.stderr })
      'src/logger.ts#note': [true, false, ['pinned']], // opts.out, opts: Options
      'src/logger.ts#noteAny': [true, false, ['pinned']], // opts.out, opts: any
      'src/logger.ts#noteEach': [true, false, ['pinned']], // for (const { out } of list)
      'src/logger.ts#noteFirst': [true, false, ['pinned']], // ([first]: any[])
      'src/logger.ts#noteNested': [true, false, ['pinned']], // ({ io: { out } })
      'src/logger.ts#noteRenamed': [true, false, ['pinned']], // ({ out: target, level = 1 })
      'src/logger.ts#quit': [true, false, ['pinned']], // std.process.exit of std = { process }
      'src/logger.ts#scaled': [false, true, []], // options of plain data
      'src/logger.ts#start': [true, false, ['pinned']],
    });
    expect(pinnedBy('travel-options', 'src/logger.ts#noteRenamed')[0]).toMatch(/'process.stdout' at src\/logger.ts:42 -> 'out: target' at src\/logger.ts:16 -> used at src\/logger.ts:17$/);
  });

  test('emitted on a library event emitter, to the listeners of that event (travel-emitter)', () => {
    expect(verdicts(analyze('travel-emitter'))).toEqual({
      'src/bus.ts#<anonymous 1>': [true, false, ['pinned']], // bus.on('ready', (out) => out.write(...))
      'src/bus.ts#<anonymous 2>': [true, false, ['pinned']], // bus.once('ready', ...)
      'src/bus.ts#<anonymous 3>': [false, true, []], // 'tick' gets a number
      'src/bus.ts#announce': [true, false, ['pinned']],
      'src/bus.ts#relay': [false, false, ['reaches-pinned']], // an event named at run time: it may run any listener (calls-emitter-listeners)
    });
    expect(pinnedBy('travel-emitter', 'src/bus.ts#<anonymous 1>')[0]).toMatch(/'process.stdout' at src\/bus.ts:13 -> 'out' at src\/bus.ts:6 -> used at src\/bus.ts:6$/);
  });

  test('yielded by a generator, to what iterates its result, also handed on (travel-generator)', () => {
    expect(verdicts(analyze('travel-generator'))).toEqual({
      // The iterating methods were not candidates before either (iterating runs the generator:
      // a call edge to it); now the value's own chain pins them.
      'src/outputs.ts#drain': [true, false, ['pinned']],
      'src/outputs.ts#flush': [true, false, ['pinned']],
      'src/outputs.ts#flushLater': [true, false, ['pinned']],
      'src/outputs.ts#flushVia': [false, false, ['reaches-pinned']],
      'src/outputs.ts#later': [true, false, ['pinned']],
      'src/outputs.ts#numbers': [false, false, ['state']],
      'src/outputs.ts#outputs': [true, false, ['pinned', 'pinned']],
      'src/outputs.ts#total': [false, true, []], // yields numbers
    });
  });

  test('given as this by call, apply or bind (travel-bound-this)', () => {
    expect(verdicts(analyze('travel-bound-this'))).toEqual({
      'src/print.ts#count': [false, true, []],
      'src/print.ts#countOn': [false, true, []], // this is { n: 1 }
      'src/print.ts#flushOn': [true, false, ['pinned']], // flushOn.bind(process.stdout)
      'src/print.ts#greet': [true, false, ['pinned']],
      'src/print.ts#writeOn': [true, false, ['pinned']], // writeOn.call(process.stdout, ...)
    });
    expect(pinnedBy('travel-bound-this', 'src/print.ts#writeOn')[0]).toMatch(/'process.stdout' at src\/print.ts:15 -> 'this' at src\/print.ts:3 -> used at src\/print.ts:3$/); // `this` itself is used
  });

  test("a Map's key (travel-map-keys)", () => {
    expect(verdicts(analyze('travel-map-keys'))).toEqual({
      'src/outs.ts#flushAll': [true, false, ['pinned']], // names.keys()
      'src/outs.ts#flushEach': [false, false, ['reaches-pinned']],
      'src/outs.ts#flushEach.<anonymous 1>': [true, false, ['pinned']], // forEach((name, out) => ...)
      'src/outs.ts#flushPairs': [true, false, ['pinned']], // for (const [out, name] of names)
      'src/outs.ts#longest': [false, true, []], // string keys
      'src/outs.ts#mark': [true, false, ['pinned']], // new Map([[target, ...]])
      'src/outs.ts#markErrors': [true, false, ['pinned']],
      'src/outs.ts#track': [true, false, ['pinned']],
    });
  });
});

describe('not blanket (travel-precision)', () => {
  test("the app's own data read off a device object, and a property whose type cannot hold the device value, are not the device", () => {
    expect(verdicts(analyze('travel-precision'))).toEqual({
      'src/dom.ts#bump': [false, true, []], // data = node[STASH]: the app's array, kept on the element under its own symbol
      'src/dom.ts#mount': [true, false, ['pinned']],
      'src/dom.ts#render': [false, false, ['reaches-pinned']],
      'src/dom.ts#runLater': [false, false, ['not-serializable']], // run.current is a function; another Ref's current held the element
      'src/dom.ts#stashOf': [true, false, ['pinned']], // reads a property of the element itself
    });
  });
});

describe('what a Node program on a device must not do on a clone (pin-node-process)', () => {
  test('process.exit/env/cwd/argv/on, its platform, identity and measures, worker_threads, async_hooks, the network, vm, v8, eval and new Function pin; timers pin through their callbacks; console and clocks do not', () => {
    expect(verdicts(analyze('pin-node-process'))).toEqual({
      'src/cli.ts#args': [true, false, ['pinned']],
      'src/cli.ts#compile': [true, false, ['pinned']],
      'src/cli.ts#here': [true, false, ['pinned']],
      'src/cli.ts#home': [true, false, ['pinned']],
      'src/cli.ts#later': [false, false, ['reaches-pinned']], // its timer's callback writes the DOM
      'src/cli.ts#later.<anonymous 1>': [true, false, ['pinned']],
      'src/cli.ts#laterPure': [false, true, []],
      'src/cli.ts#laterPure.<anonymous 1>': [false, true, []],
      'src/cli.ts#note': [false, true, []], // VERBOSE, read from process.env at load, is plain data: carried as state
      'src/cli.ts#onStop': [true, false, ['pinned']],
      'src/cli.ts#quit': [true, false, ['pinned']],
      'src/cli.ts#report': [false, true, []], // console: forwarded to the device by the run-time
      'src/cli.ts#run': [true, false, ['pinned']],
      'src/cli.ts#sourceLength': [false, true, []], // sum.toString(): a method of a function value, not the Function constructor
      'src/cli.ts#sum': [false, true, []],
      'src/cli.ts#sum.<anonymous 1>': [false, true, []],
      // The device's platform, identity, measures, threads and engine; code run by vm; process.env through Reflect.get.
      'src/identity.ts#separator': [true, false, ['pinned']],
      'src/identity.ts#whoAmI': [true, false, ['pinned']],
      'src/identity.ts#heapUsed': [true, false, ['pinned']],
      'src/identity.ts#inWorker': [true, false, ['pinned']],
      'src/identity.ts#evaluate': [true, false, ['pinned']],
      'src/identity.ts#heapLimit': [true, false, ['pinned']],
      'src/identity.ts#envByReflect': [true, false, ['pinned']],
      'src/identity.ts#currentUser': [true, false, ['pinned']], // the device's async context
      'src/identity.ts#ping': [true, false, ['pinned']], // fetch: from the device's network
      'src/identity.ts#ping.<anonymous 1>': [false, true, []],
      'src/identity.ts#post': [true, false, ['pinned']], // http
      'src/identity.ts#elapsed': [false, true, []], // a clock: the call measures its own time where it runs
      'src/identity.ts#fieldByReflect': [false, true, []],
      'src/identity.ts#nodeOptions': [true, false, ['pinned']], // process.execArgv
      'src/identity.ts#tellParent': [true, false, ['pinned']], // process.send: the device's IPC channel
      'src/identity.ts#loopLoad': [true, false, ['pinned']], // the device's event loop
      'src/identity.ts#stopListening': [true, false, ['pinned']], // process.off
    });
    expect(pinnedBy('pin-node-process', 'src/identity.ts#envByReflect')).toEqual([
      "uses a device value from global 'process.env' (node-device: the device's environment; the clone has its own): 'process' at src/identity.ts:39 -> 'Reflect.get(process, \'env\')' at src/identity.ts:39 -> used at src/identity.ts:39",
    ]);
    expect(pinnedBy('pin-node-process', 'src/cli.ts#quit')).toEqual([
      "uses device-only global 'process.exit' (node-device: ends the program on the device; on the clone it would end the clone's process) at src/cli.ts:8",
    ]);
    expect(pinnedBy('pin-node-process', 'src/cli.ts#compile')[0]).toContain("global 'Function'");
    expect(analyze('pin-node-process').methods.find((m) => m.id === 'src/cli.ts#note')!.state).toEqual([
      { scope: 'module', file: 'src/cli.ts', name: 'VERBOSE', line: 1, access: 'read' },
    ]);
  });
});

describe('what a method uses does not depend on the order of questions, and made code returns data', () => {
  test('two parameters that pass each other the value (travel-cycle)', () => {
    // `y` is asked about half-way through the question about `x`: an answer kept as it stood then
    // would hold nothing, and b would be a candidate that reads the device's position.
    expect(verdicts(analyze('travel-cycle'))).toEqual({
      'src/relay.ts#a': [false, false, ['reaches-pinned']], // passes it on: not a use of its own
      'src/relay.ts#b': [true, false, ['pinned']],
      'src/relay.ts#b.<anonymous 1>': [false, true, []],
      'src/relay.ts#next': [false, true, []],
      'src/relay.ts#start': [true, false, ['pinned']],
    });
    expect(pinnedBy('travel-cycle', 'src/relay.ts#b')).toEqual([
      "uses a device value from global 'navigator.geolocation' (browser: location comes from the device's sensors): 'navigator' at src/relay.ts:14 -> 'navigator.geolocation' at src/relay.ts:14 -> used at src/relay.ts:9",
    ]);
  });

  test('code made from text pins where it is made and run; what it returns as data does not (travel-made-code)', () => {
    expect(verdicts(analyze('travel-made-code'))).toEqual({
      'src/compiled.ts#compile': [true, false, ['pinned']], // new Function
      'src/compiled.ts#compileTask': [true, false, ['pinned']], // a function's own constructor: AsyncFunction
      'src/compiled.ts#compileTask.<anonymous 1>': [false, false, ['state']],
      'src/compiled.ts#countSteps': [true, false, ['pinned']], // a function's prototype's constructor: GeneratorFunction
      'src/compiled.ts#countSteps.<anonymous 1>': [false, false, ['state']],
      'src/compiled.ts#describe': [false, true, []],
      'src/compiled.ts#parse': [true, false, ['pinned']], // makes and runs it
      'src/compiled.ts#report': [true, false, ['pinned']], // hands made code (cast to Check) to validate
      'src/compiled.ts#runTask': [true, false, ['pinned']], // runs what compileTask made
      'src/compiled.ts#size': [false, false, ['reaches-pinned']], // reads the data parse returned: no use of its own
      'src/compiled.ts#summary': [true, false, ['pinned']],
      'src/compiled.ts#validate': [false, false, ['not-serializable']], // calls its function parameter
    });
    expect(pinnedBy('travel-made-code', 'src/compiled.ts#report')[0]).toContain("'factory(10)' at src/compiled.ts:7 -> used at src/compiled.ts:16");
    expect(pinnedBy('travel-made-code', 'src/compiled.ts#runTask')[0]).toContain("'(async () => {}).constructor' at src/compiled.ts:40 -> 'new AsyncFunction(body)' at src/compiled.ts:41 -> used at src/compiled.ts:46");
  });

  test('a code maker kept as a value (a props table of constructors) pins only where it is run or handed on (travel-code-maker)', () => {
    expect(verdicts(analyze('travel-code-maker'))).toEqual({
      'src/props.ts#build': [false, false, ['not-serializable']], // calls its parameter: the caller hands the maker on
      'src/props.ts#compileByCall': [true, false, ['pinned']], // maker.call(null, body)
      'src/props.ts#compileByReflect': [true, false, ['pinned']], // handed to Reflect.construct
      'src/props.ts#compileHanded': [true, false, ['pinned']], // handed to build, which calls it
      'src/props.ts#compileWith': [true, false, ['pinned']], // called, destructured from the table
      'src/props.ts#describeHook': [true, false, ['pinned']], // handed on: what the callee does with it is not followed
      'src/props.ts#describeProp': [false, true, []], // reads the table's names
      'src/props.ts#describeProp.<anonymous 1>': [false, false, ['not-serializable']],
      'src/props.ts#matches': [false, false, ['not-serializable']], // compares with Function, instanceof
      'src/props.ts#typeName': [false, false, ['not-serializable']], // reads .name, calls .toString()
    });
    expect(pinnedBy('travel-code-maker', 'src/props.ts#compileByCall')[0]).toContain("'HookTypes' at src/props.ts:36 -> 'maker' at src/props.ts:36 -> used at src/props.ts:37");
  });

  test("through a reducer's accumulator and what reduce gives (travel-reduce)", () => {
    expect(verdicts(analyze('travel-reduce'))).toMatchObject({
      'src/reduce.ts#writeAll.<anonymous 1>': [true, false, ['pinned']], // the accumulator starts as process.stdout
      'src/reduce.ts#finish': [true, false, ['pinned']], // writes to what the reduction gives: its start, passed by finishAll
      'src/reduce.ts#flushAll.<anonymous 1>': [true, false, ['pinned']], // the items
      'src/reduce.ts#total': [false, true, []],
      'src/reduce.ts#total.<anonymous 1>': [false, true, []], // a number accumulator stays a candidate
    });
    expect(pinnedBy('travel-reduce', 'src/reduce.ts#finish')[0]).toContain("'process.stdout' at src/reduce.ts:31");
  });

  test("as a DOM event's detail, from dispatchEvent to the listeners of that event (travel-dom-event)", () => {
    expect(verdicts(analyze('travel-dom-event'))).toEqual({
      'src/events.ts#announce': [true, false, ['pinned']],
      // dispatchEvent runs listenCount's listener, pinned below (calls-event-listeners); 'located' is not 'counted'.
      'src/events.ts#announceCount': [false, false, ['reaches-pinned']],
      'src/events.ts#listen': [false, false, ['reaches-pinned']],
      'src/events.ts#listen.<anonymous 1>': [true, false, ['pinned']], // reads the event the DOM gives it (travel-library-given)
      'src/events.ts#listenCount': [false, false, ['reaches-pinned']], // adds a listener to the device's DOM
      'src/events.ts#listenCount.<anonymous 1>': [true, false, ['pinned']],
      'src/events.ts#onCounted': [false, true, []], // a 'counted' event's detail is a number
      'src/events.ts#onLocated': [true, false, ['pinned']], // the 'located' event's detail is navigator.geolocation
      'src/events.ts#onLocated.<anonymous 1>': [false, true, []],
    });
    expect(pinnedBy('travel-dom-event', 'src/events.ts#onLocated')[0]).toContain("'navigator.geolocation' at src/events.ts:3 -> '(e as CustomEvent<Geolocation>).detail' at src/events.ts:11 -> used at src/events.ts:7");
  });

  test("handed to a constructor's parameter property, read as a field (travel-parameter-property)", () => {
    expect(verdicts(analyze('travel-parameter-property'))).toEqual({
      'src/log.ts#Logger.constructor': [false, true, []], // keeps the value: no use of its own
      'src/log.ts#Logger.count': [false, true, []], // a number field of the same class
      'src/log.ts#Logger.log': [true, false, ['pinned']], // this.out: process.stdout, passed by makeLogger
      'src/log.ts#Settings.constructor': [false, true, []],
      'src/log.ts#lastUser': [true, false, ['pinned']], // s.backend: window.localStorage, passed by makeSettings
      'src/log.ts#makeLogger': [true, false, ['pinned']],
      'src/log.ts#makeSettings': [true, false, ['pinned']],
      'src/log.ts#pad': [false, true, []],
    });
    expect(pinnedBy('travel-parameter-property', 'src/log.ts#Logger.log')).toEqual([
      "uses a device value from global 'process.stdout' (node-device: the terminal UI): 'process' at src/log.ts:21 -> 'process.stdout' at src/log.ts:21 -> used at src/log.ts:6",
    ]);
  });

  test("settled by a promise, handed to its then's callback (travel-promise)", () => {
    expect(verdicts(analyze('travel-promise'))).toEqual({
      'src/later.ts#doubled': [false, false, ['not-serializable']], // returns a promise
      'src/later.ts#doubled.<anonymous 1>': [false, true, []], // (n) => n * 2 of Promise.resolve(21)
      'src/later.ts#lastUser': [true, false, ['pinned']],
      'src/later.ts#lastUser.<anonymous 1>': [true, false, ['pinned']], // (s) => s.getItem(...) of ready
      'src/later.ts#locate': [true, false, ['pinned']],
      'src/later.ts#locate.<anonymous 1>': [true, false, ['pinned']], // (g) => g.getCurrentPosition(...) of an async function's result
      'src/later.ts#locate.<anonymous 1>.<anonymous 1>': [false, true, []],
      'src/later.ts#position': [true, false, ['pinned']],
      'src/later.ts#quit': [false, false, ['reaches-pinned']],
      'src/later.ts#quit.<anonymous 1>': [true, false, ['pinned']], // (p) => p.exit(code) of Promise.resolve(process)
    });
    expect(pinnedBy('travel-promise', 'src/later.ts#quit.<anonymous 1>')[0]).toMatch(/'process' at src\/later.ts:9 -> 'p' at src\/later.ts:9 -> 'p.exit' at src\/later.ts:9 -> used at src\/later.ts:9$/);
  });

  test('kept in a Map or a Set, read back by iterating it (travel-collections)', () => {
    expect(verdicts(analyze('travel-collections'))).toEqual({
      'src/outputs.ts#broadcast': [true, false, ['pinned']], // for (const [, out] of outputs)
      'src/outputs.ts#broadcastNamed': [true, false, ['pinned']], // outputs.entries()
      'src/outputs.ts#open': [true, false, ['pinned', 'pinned']],
      'src/outputs.ts#warnAll': [false, false, ['reaches-pinned']],
      'src/outputs.ts#warnAll.<anonymous 1>': [true, false, ['pinned']], // Array.from(sinks).forEach(...)
      'src/outputs.ts#widest': [false, true, []], // a Map of numbers
    });
  });
});
