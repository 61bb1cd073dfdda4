/**
 * Jest's globals for suites written without imports (`describe`, `test`, `expect`, `jest.fn`):
 * esbuild injects this module (a project with `globals: true`), so each free use of these names
 * is the vitest shim's (which `vitest` resolves to at run time); `jest` is the shim's `vi`, and `vi` itself
 * for vitest suites on its `globals: true` (vue's); expectTypeOf and assertType (type-level, nothing to run) for hono's.
 */
export { describe, it, test, expect, expectTypeOf, assertType, beforeAll, afterAll, beforeEach, afterEach, vi as jest, vi } from 'vitest';
