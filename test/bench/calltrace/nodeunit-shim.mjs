/**
 * nodeunit's API on node:test, for suites written as an object of `name(test) { ...; test.done() }`
 * (tween.js): each member is one node:test test, which ends at `test.done()`. The assertions are
 * node:assert's loose ones, as nodeunit's were.
 */
import test from 'node:test';
import assert from 'node:assert';

export function runNodeunit(tests) {
  for (const [name, body] of Object.entries(tests)) {
    test(name, () =>
      new Promise((resolve, reject) => {
        const t = {
          ok: (v, message) => assert.ok(v, message),
          equal: (a, b, message) => assert.equal(a, b, message),
          notEqual: (a, b, message) => assert.notEqual(a, b, message),
          deepEqual: (a, b, message) => assert.deepEqual(a, b, message),
          notDeepEqual: (a, b, message) => assert.notDeepEqual(a, b, message),
          throws: (block, error, message) => assert.throws(block, error, message),
          expect: () => {},
          done: resolve,
        };
        try {
          body(t);
        } catch (error) {
          reject(error);
        }
      }),
    );
  }
}
