/**
 * Mocha's BDD globals for suites written without imports (`describe`, `it`, `before`, `done` callbacks,
 * `this.timeout(...)`), on node:test: esbuild injects this module (a project with `globals: 'mocha'`).
 * A body taking a parameter gets mocha's `done` (the test ends when it is called, failing on an
 * argument); `this` is a small context whose timeout/slow/retries change nothing. Each test and hook
 * gets the 5 s budget of rxjs's mocha config (a `done` never called ends the test).
 */
import test, { describe as d, before as nodeBefore, after as nodeAfter, beforeEach as nodeBeforeEach, afterEach as nodeAfterEach } from 'node:test';

const TIMEOUT_MS = 5000;

/** What mocha hands a body as `this`. */
function mochaContext(t) {
  const ctx = {
    timeout: () => ctx,
    slow: () => ctx,
    retries: () => ctx,
    skip: () => t?.skip?.(),
  };
  return ctx;
}

/** A mocha body (maybe taking `done`) as a node:test one. */
function runBody(fn) {
  if (!fn) return undefined;
  return (t) => {
    const ctx = mochaContext(t);
    if (fn.length === 0) return fn.call(ctx);
    return new Promise((resolve, reject) => {
      const done = (error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve());
      try {
        const r = fn.call(ctx, done);
        if (r && typeof r.then === 'function') r.then(undefined, reject);
      } catch (error) {
        reject(error);
      }
    });
  };
}

const bodyOf = (fn) => runBody(fn) ?? (() => {});

export const it = (name, fn) => test(name, { timeout: TIMEOUT_MS, todo: !fn }, bodyOf(fn));
it.only = it;
it.skip = (name, fn) => test(name, { skip: true }, bodyOf(fn));
it.retries = () => {};
export const xit = it.skip;
export { it as specify };

// A describe body runs at once (as mocha's does, before any test), with a context for its `this.timeout(...)`.
export const describe = (name, fn) => d(name, () => fn?.call(mochaContext()));
describe.only = describe;
describe.skip = (name, fn) => d(name, { skip: true }, () => fn?.call(mochaContext()));
export const xdescribe = describe.skip;
export { describe as context };

const hook = (register) => (nameOrFn, maybeFn) => register(bodyOf(typeof nameOrFn === 'function' ? nameOrFn : maybeFn), { timeout: TIMEOUT_MS });
export const before = hook(nodeBefore);
export const after = hook(nodeAfter);
export const beforeEach = hook(nodeBeforeEach);
export const afterEach = hook(nodeAfterEach);
