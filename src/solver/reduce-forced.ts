/**
 * Forced locations, the first step of making the model small (DESIGN.md, "Making it small").
 * A context is forced onto the device (L = 0) when a pinned context runs under it, when no
 * method on its path may migrate, or when it shares a native-state group with a forced context.
 * A forced context's ancestors are forced too (callers of device code stay on the device), and a
 * method with a forced context can never be a migration point (L ≥ R). Those rules feed each
 * other, so they run to a fixpoint; each round is linear in the contexts.
 */
import type { PartitionProblem } from '../model/types.js';
import { groupComponents } from './ilp-model.js';
import { anyBelow } from './tree.js';

export interface Forced {
  /** 1 where the context must run on the device. */
  forced: Uint8Array;
  /** The methods that may still be migration points. */
  choosable: Set<string>;
}

/**
 * Forces contexts onto the device and removes from `choosable` (in place) every method that
 * has a forced context; `choosable` starts as `initialChoosable` of reduce.ts.
 */
export function forceLocations(problem: PartitionProblem, choosable: Set<string>): Forced {
  const contexts = problem.contexts;
  const n = contexts.length;
  const pinned = new Set(problem.pinned);
  const forced = anyBelow(contexts, (c) => pinned.has(c.method));
  const components = groupComponents(problem);
  const free = new Uint8Array(n);
  for (;;) {
    let changed = false;
    // A forced group member forces its whole component, then the ancestors of all of them.
    for (const members of components) {
      if (!members.some((i) => forced[i])) continue;
      for (const i of members) {
        for (let j = i; j >= 0 && !forced[j]; j = contexts[j]!.parent) {
          forced[j] = 1;
          changed = true;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const m = contexts[i]!.method;
      if (forced[i] && choosable.delete(m)) changed = true;
    }
    // Nothing on the path may migrate: the context stays where its root starts, on the device.
    for (let i = 0; i < n; i++) {
      const p = contexts[i]!.parent;
      free[i] = choosable.has(contexts[i]!.method) || (p >= 0 && free[p] === 1) ? 1 : 0;
      if (!free[i] && !forced[i]) {
        forced[i] = 1;
        changed = true;
      }
    }
    if (!changed) return { forced, choosable };
  }
}
