/**
 * The part of vitest's API the traced suites use, on node:test and the `expect` package
 * (installed outside the repository; the tests run as plain Node so that the tracer sees the
 * code V8 runs, position for position). `each`, `vi.fn` are small re-implementations.
 */
import test, { describe as d, before, after, beforeEach, afterEach } from 'node:test';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.CC_TRACE_TOOLS, 'package.json'));
export const { expect } = require('expect');

const named = (name, row, i) => String(name).replace(/%[sdio#j]/g, (m) => (m === '%#' ? String(i) : String(Array.isArray(row) ? row.shift?.call([...row]) : row)));
function withEach(fn) {
  const f = (name, body, ...rest) => fn(name, rest.length ? rest[0] : {}, body);
  f.skip = (name, body) => fn(name, { skip: true }, body);
  f.only = (name, body) => fn(name, {}, body);
  f.todo = (name) => fn(name, { todo: true }, () => {});
  f.each = (table) => (name, body) => table.forEach((row, i) => fn(named(name, row, i), {}, () => (Array.isArray(row) ? body(...row) : body(row))));
  return f;
}
export const it = withEach((name, opts, body) => test(name, opts, body));
export { it as test };
export const describe = withEach((name, opts, body) => d(name, opts, body));
export { before as beforeAll, after as afterAll, beforeEach, afterEach };
export const vi = {
  fn(impl) {
    const m = function (...args) {
      m.mock.calls.push(args);
      const value = impl?.apply(this, args);
      m.mock.results.push({ type: 'return', value });
      return value;
    };
    m.mock = { calls: [], results: [] };
    m._isMockFunction = true;
    m.getMockName = () => 'vi.fn()';
    return m;
  },
};
// vitest exports the same object as `vitest` too (neverthrow's tests use that name).
export { vi as vitest };
