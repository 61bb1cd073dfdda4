/**
 * Mocha's TDD globals (`suite`, `test`, `setup`, `teardown`, `suiteSetup`, `suiteTeardown`; its `ui: tdd`) for suites
 * written without imports: the BDD shim's functions under mocha's TDD names. A separate module, so that injecting the
 * BDD globals does not take a project's own free `test` or `suite` for mocha's.
 */
export { describe as suite, it as test, beforeEach as setup, afterEach as teardown, before as suiteSetup, after as suiteTeardown } from './mocha-globals.mjs';
