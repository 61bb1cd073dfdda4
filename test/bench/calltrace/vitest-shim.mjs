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

const named = (name, row, i) => {
  const positional = Array.isArray(row) ? [...row] : [row];
  const byName = String(name).replace(/\$(\w+)/g, (m, key) => (row !== null && typeof row === 'object' && !Array.isArray(row) && key in row ? String(row[key]) : m));
  return byName.replace(/%[sdio#j]/g, (m) => (m === '%#' ? String(i) : String(positional.shift())));
};
// `test.each` of a tagged template (`a | b` then `${1} | ${2}` per row): each row an object by the header's names.
function rows(table, values) {
  if (!Array.isArray(table?.raw)) return table;
  const keys = table[0].split('|').map((k) => k.trim()).filter(Boolean);
  const out = [];
  for (let i = 0; i + keys.length <= values.length; i += keys.length) out.push(Object.fromEntries(keys.map((k, j) => [k, values[i + j]])));
  return out;
}
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
  f.each = (table, ...values) => (name, body) => rows(table, values).forEach((row, i) => fn(named(name, row, i), {}, () => (Array.isArray(row) ? body(...row) : body(row))));
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
// vitest's hooks get a context naming the test (`beforeEach(({ task, skip }) => ...)`: task.name, task.suite.name, ...
// up to a top-level describe). node:test runs a file's tests one after another in the order they were registered, so
// the test a hook runs for is the next registered one of its name; node:test's own context is the prototype.
let suite;
const registered = [];
let next = 0;
const tasks = new WeakMap();
function taskOf(t) {
  if (!tasks.has(t)) {
    const i = registered.findIndex((task, j) => j >= next && task.name === t.name);
    if (i >= 0) next = i + 1;
    tasks.set(t, i >= 0 ? registered[i] : { name: t.name });
  }
  return tasks.get(t);
}
// `skip()` in a hook skips the test: its body is not run (vitest throws to stop it).
const hookContext = (t) => Object.assign(Object.create(t), { task: taskOf(t), skip: (note) => ((taskOf(t).skipped = true), t.skip(note)) });
const withContext = (hook) => (fn, ...rest) => hook((t) => fn(hookContext(t)), ...rest);
const unlessSkipped = (body) => (typeof body === 'function' && body.length < 2 ? (t) => (tasks.get(t)?.skipped ? undefined : body(t)) : body);
export const it = withEach((name, opts, body) => (registered.push({ name, suite }), test(name, opts, unlessSkipped(body))));
export { it as test };
// vitest calls a suite's body with its `test` (`describe('...', (test) => { test(...) })`).
export const describe = withEach((name, opts, body) =>
  d(name, opts, () => {
    const outer = suite;
    suite = { name, suite: outer };
    try {
      return body(it);
    } finally {
      suite = outer;
    }
  }),
);
const [beforeEachWithContext, afterEachWithContext] = [beforeEach, afterEach].map(withContext);
export { before as beforeAll, after as afterAll, beforeEachWithContext as beforeEach, afterEachWithContext as afterEach };
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
    mock.timers.reset(); // installed again, as vitest allows
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
  // Test timeouts and the like (immer's `vi.setConfig({ testTimeout })`): node:test's own apply here.
  setConfig: () => {},
  resetConfig: () => {},
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
  setSystemTime: (time) => (mock.timers.setTime(+new Date(time)), vi),
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
