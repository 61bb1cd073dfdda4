// ESM throughout: chalk 5 and glpk.js 5 ship only ES modules, so tests run under
// `node --experimental-vm-modules` with ts-jest's ESM preset (see package.json "test").
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Fixture apps are analysed, never run as tests.
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testTimeout: 60000,
};
