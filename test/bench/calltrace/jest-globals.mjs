/**
 * Jest's globals for suites written without imports (`describe`, `test`, `expect`, `jest.fn`):
 * esbuild injects this module (a project with `globals: true`), so each free use of these names
 * is the vitest shim's (which `vitest` resolves to at run time); `jest` is the shim's `vi`, and `vi` itself for
 * vitest's own globals.
 */
export { describe, it, test, expect, beforeAll, afterAll, beforeEach, afterEach, vi, vi as jest } from 'vitest';
