// ESM throughout: chalk 5 and glpk.js 5 ship only ES modules, so tests run under
// `node --experimental-vm-modules` with ts-jest's ESM preset (see package.json "test").
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

// The CLI runs of the tests share one compile cache outside the install (workers inherit this).
// One per user: a compile cache holds code that runs, so only the user's own folder is used.
process.env.CLONECLOUD_CACHE_DIR ??= join(tmpdir(), `clonecloud-test-compile-cache-${process.getuid?.() ?? 'user'}`);
// Every temporary folder the tests and their CLI runs make goes into one folder per run, which
// the global teardown removes (fixture copies, profiles, manifests: hundreds per run).
process.env.CLONECLOUD_TEST_TMP ??= mkdtempSync(join(tmpdir(), 'clonecloud-test-'));
process.env.TMPDIR = process.env.CLONECLOUD_TEST_TMP;

export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fixture apps are analysed, never run as tests.
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  // The libraries of fixture apps (pin-libraries) are theirs: jest's own resolver, which the
  // analysis's createRequire is under test, must not find them by package name.
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/[^/]+/(?:packages|workspace)/'],
  // src/typescript.cts is CommonJS (see there): `./typescript.cjs` resolves to its source.
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'cts', 'json', 'node'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^((?:\\.{1,2}/)+(?:src/)?)typescript\\.cjs$': '$1typescript.cts' },
  transform: {
    '^.+\\.c?ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  // Jest's default (cores - 1) runs a 2-core CI machine's suites one at a time, yet the end-to-end
  // suites spend much of their time waiting on the processes they start: two at once took
  // npm test from 8.6 to 5.3 minutes there.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testTimeout: 60000,
  globalTeardown: '<rootDir>/test/helpers/teardown.js',
};
