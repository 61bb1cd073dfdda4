/**
 * Iterating a value runs its `[Symbol.iterator]()` and then `next()` of what that returns. When that method returns a
 * generator (`[Symbol.iterator]() { return this.entries() }`, entries a generator method: lru-cache's spread of the
 * cache), `next()` resumes the generator's body, at the site iterating: the body runs there as it does for `[...c.entries()]`.
 * A generator function's call stands for its generator in the value flow (call-returns.ts), so the generators among what
 * the iterator method returns are those bodies.
 */
import { isGenerator } from './call-returns.js';
import type { Resolver, Target } from './resolve.js';
import { ts } from '../../typescript.cjs';

/** The bodies of the generators iterator method `d` (not itself a generator) may return: iterating runs them. */
export function generatorsReturnedBy(r: Resolver, d: ts.Declaration): Target[] {
  return r.values.returnsOf(d).flatMap((e) => r.values.of(e).filter(isGenerator).map((node) => ({ node, kind: 'implicit' as const })));
}
