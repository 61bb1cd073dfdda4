/**
 * The part of vitest's API the traced suites use, on node:test and the `expect` package
 * (installed outside the repository; the tests run as plain Node so that the tracer sees the
 * code V8 runs, position for position). `each` is a small re-implementation; mocks and spies are
 * jest-mock's, fake timers node:test's; module mocks are not emulated.
 */
import test, { describe as d, before, after, beforeEach, afterEach, mock } from 'node:test';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inlineSnapshotMatchers } from './inline-snapshot.mjs';

const require = createRequire(join(process.env.CC_TRACE_TOOLS, 'package.json'));
// vitest's expect takes a message as a second argument (`expect(x, 'why')`), jest's throws at one: it is dropped
// (a failure then shows the matcher's message without it).
const { expect: jestExpect } = require('expect');
export const expect = Object.assign((actual, _message) => jestExpect(actual), jestExpect);
// vitest's `assert` is chai's; the suites use its node:assert-compatible part (`assert.fail`, `assert(x)`).
export { default as assert } from 'node:assert';

const named = (name, row, i) => String(name).replace(/%[sdio#j]/g, (m) => (m === '%#' ? String(i) : String(Array.isArray(row) ? row.shift?.call([...row]) : row)));
function withEach(fn) {
  // A function or class as the name (`describe(createSelector.withTypes, ...)`) is named by its name, as vitest does
  // (node:test would take it for the body).
  const f = (name, body, ...rest) => fn(typeof name === 'function' ? name.name : name, rest.length ? rest[0] : {}, body);
  f.skip = (name, body) => fn(name, { skip: true }, body);
  f.only = (name, body) => fn(name, {}, body);
  f.todo = (name) => fn(name, { todo: true }, () => {});
  // `test.fails`: the body is expected to throw; `skipIf`/`runIf`: the same test, skipped or not by a condition.
  f.fails = (name, body) =>
    fn(name, {}, async () => {
      try {
        await body();
      } catch {
        return;
      }
      throw new Error('expected the test to fail');
    });
  f.skipIf = (cond) => (cond ? f.skip : f);
  f.runIf = (cond) => (cond ? f : f.skip);
  // `describe.concurrent`/`it.concurrent` run concurrently under vitest; run in order here (what they call is the same).
  f.concurrent = f;
  f.each = (table) => (name, body) => table.forEach((row, i) => fn(named(name, row, i), {}, () => (Array.isArray(row) ? body(...row) : body(row))));
  // `test.extend({ store, state })`: a test whose body gets the fixtures in its context; a fixture written as a
  // function (`async (ctx, use) => { await use(value) }`) sets up around the test, as vitest's do.
  f.extend = (fixtures) => withEach((name, opts, body) => fn(name, opts, () => withFixtures(Object.entries(fixtures), {}, body)));
  return f;
}
async function withFixtures(entries, ctx, body) {
  if (!entries.length) return body(ctx);
  const [[key, value], ...rest] = entries;
  if (typeof value !== 'function') return withFixtures(rest, { ...ctx, [key]: value }, body);
  let result;
  await value(ctx, async (v) => {
    result = await withFixtures(rest, { ...ctx, [key]: v }, body);
  });
  return result;
}
export const it = withEach((name, opts, body) => test(name, opts, body));
export { it as test };
// vitest calls a suite's body with its `test` (`describe('...', (test) => { test(...) })`).
export const describe = withEach((name, opts, body) => d(name, opts, () => body(it)));
export { before as beforeAll, after as afterAll, beforeEach, afterEach };
// Mock functions, spies and the matchers' old names from jest's own packages.
const { ModuleMocker } = require('jest-mock');
const mocker = new ModuleMocker(globalThis);
const ALIASES = { toBeCalled: 'toHaveBeenCalled', toBeCalledTimes: 'toHaveBeenCalledTimes', toBeCalledWith: 'toHaveBeenCalledWith', lastCalledWith: 'toHaveBeenLastCalledWith', nthCalledWith: 'toHaveBeenNthCalledWith', toReturn: 'toHaveReturned', toReturnWith: 'toHaveReturnedWith', toThrowError: 'toThrow' };
expect.extend(
  Object.fromEntries(
    Object.entries(ALIASES).map(([alias, name]) => [
      alias,
      (received, ...args) => {
        try {
          expect(received)[name](...args);
          return { pass: true, message: () => `expected not ${name}` };
        } catch (error) {
          return { pass: false, message: () => error.message };
        }
      },
    ]),
  ),
);

// vitest's own matchers: called once (with these arguments).
expect.extend({
  toHaveBeenCalledOnce(received) {
    const calls = received.mock.calls;
    return { pass: calls.length === 1, message: () => `expected one call, got ${calls.length}` };
  },
  toHaveBeenCalledExactlyOnceWith(received, ...args) {
    const calls = received.mock.calls;
    const pass = calls.length === 1 && this.equals(calls[0], args);
    return { pass, message: () => `expected one call with ${this.utils.printExpected(args)}, got ${this.utils.printReceived(calls)}` };
  },
});

// vitest's inline snapshots (compared, never written) and its toBeTypeOf.
expect.extend({
  ...inlineSnapshotMatchers,
  toBeTypeOf(received, type) {
    const actual = received === null ? 'null' : typeof received;
    return { pass: typeof received === type, message: () => `expected ${this.utils.printReceived(received)} ${this.isNot ? 'not ' : ''}to be of type ${type} (it is ${actual})` };
  },
});

// Fake timers on node:test's mock timers (Node 20.4+).
const timers = {
  use() {
    try {
      mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
    } catch {
      mock.timers.enable(['setTimeout', 'setInterval']);
    }
  },
};

/** Globals replaced by vi.stubGlobal, with what was there before (undefined: nothing). */
const stubbed = new Map();
/** Environment variables replaced by vi.stubEnv, with their values before (undefined: unset). */
const stubbedEnv = new Map();

export const vi = {
  fn: (impl) => mocker.fn(impl),
  spyOn: (object, key, access) => mocker.spyOn(object, key, access),
  isMockFunction: (f) => mocker.isMockFunction(f),
  clearAllMocks: () => mocker.clearAllMocks(),
  resetAllMocks: () => mocker.resetAllMocks(),
  restoreAllMocks: () => mocker.restoreAllMocks(),
  // Module mocks are hoisted by vitest's transform, which these suites do not go through: the real module stays.
  mock: () => {},
  doMock: () => {},
  unmock: () => {},
  importActual: (spec) => import(spec),
  // Each test file runs in its own process on one bundle, whose modules load once: a later import()
  // gets the copy already loaded (vitest's would be fresh), so module state set before it stays.
  resetModules: () => vi,
  stubGlobal: (name, value) => {
    if (!stubbed.has(name)) stubbed.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    globalThis[name] = value;
    return vi;
  },
  stubEnv: (name, value) => {
    if (!stubbedEnv.has(name)) stubbedEnv.set(name, process.env[name]);
    process.env[name] = value;
    return vi;
  },
  unstubAllEnvs: () => {
    for (const [name, v] of stubbedEnv) v === undefined ? delete process.env[name] : (process.env[name] = v);
    stubbedEnv.clear();
    return vi;
  },
  unstubAllGlobals: () => {
    for (const [name, d] of stubbed) d ? Object.defineProperty(globalThis, name, d) : delete globalThis[name];
    stubbed.clear();
    return vi;
  },
  useFakeTimers: () => (timers.use(), vi),
  useRealTimers: () => (mock.timers.reset(), vi),
  advanceTimersByTime: (ms) => (mock.timers.tick(ms), vi),
  advanceTimersByTimeAsync: async (ms) => (mock.timers.tick(ms), await Promise.resolve(), vi),
  runAllTimers: () => (mock.timers.runAll(), vi),
  runAllTimersAsync: async () => (mock.timers.runAll(), await Promise.resolve(), vi),
};
// vitest exports the same object as `vitest` too (neverthrow's tests use that name).
export { vi as vitest };

/** Type-level assertions: nothing to run. */
const typeChain = new Proxy(function () {}, { get: () => typeChain, apply: () => typeChain });
export const expectTypeOf = () => typeChain;
export const assertType = () => {};
