/**
 * Forced locations, the first step of making the model small (DESIGN.md, "Making it small").
 * A context is forced onto the device (L = 0) when a pinned context runs under it, when no
 * method on its path may migrate, or when it shares a native-state group with a forced context.
 * A forced context's ancestors are forced too (callers of device code stay on the device), and a
 * method with a forced context can never be a migration point (L ≥ R). Those rules feed each
 * other, so they run to a fixpoint; each round is linear in the contexts.
 */
import type { PartitionProblem } from '../model/types.js';
import { groupComponentsOfIndex } from './ilp-model.js';
import { methodIndex, parentsOf, type MethodIndex, flagsOf } from './tree.js';

export interface Forced {
  /** 1 where the context must run on the device. */
  forced: Uint8Array;
  /** The methods that may still be migration points. */
  choosable: Set<string>;
}

/**
 * Forces contexts onto the device and removes from `choosable` (in place) every method that
 * has a forced context; `choosable` starts as `initialChoosable` of reduce.ts. `index`: the
 * contexts' methods as numbers, when the caller has them.
 */
export function forceLocations(
  problem: PartitionProblem,
  choosable: Set<string>,
  index: MethodIndex = methodIndex(problem.contexts),
  parents?: Int32Array,
): Forced {
  const parent = parents ?? parentsOf(problem.contexts);
  return forceOnTree(problem.pinned, groupComponentsOfIndex(problem.groups, index.id, index.names), choosable, index, parent);
}

/**
 * `forceLocations` on a tree given as columns: its parents, its methods as numbers, and its
 * native-state groups' components (groupComponents).
 */
export function forceOnTree(pinnedMethods: readonly string[], components: number[][], choosable: Set<string>, index: MethodIndex, parent: Int32Array): Forced {
  const n = parent.length;
  const { id, names } = index;
  // Per method: pinned, and still choosable (numbers: string sets per context and round were most of the time).
  const pinned = new Set(pinnedMethods);
  const free = flagsOf(names, (m) => choosable.has(m));
  const forced = new Uint8Array(n);
  // Nothing pinned and no groups (every round after the first): a context is forced exactly when
  // no method on its path is free, one pass (the loop below would find that and then nothing more:
  // a forced context's method is not free, so none is freed).
  if (pinned.size === 0 && components.length === 0) {
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      if (!free[id[i]!] && (p < 0 || forced[p] === 1)) forced[i] = 1;
    }
    return { forced, choosable };
  }
  const isPinned = flagsOf(names, (m) => pinned.has(m));
  for (let i = n - 1; i >= 0; i--) {
    if (isPinned[id[i]!]) forced[i] = 1;
    if (forced[i] && parent[i]! >= 0) forced[parent[i]!] = 1;
  }
  const onPath = new Uint8Array(n);
  for (let first = true; ; first = false) {
    let changed = false;
    // A forced group member forces its whole component, then the ancestors of all of them.
    for (const members of components) {
      if (!members.some((i) => forced[i])) continue;
      for (const i of members) {
        for (let j = i; j >= 0 && !forced[j]; j = parent[j]!) {
          forced[j] = 1;
          changed = true;
        }
      }
    }
    let freed = false;
    for (let i = 0; i < n; i++) {
      if (forced[i] && free[id[i]!]) {
        free[id[i]!] = 0;
        freed = true;
      }
    }
    // Nothing on the path may migrate: the context stays where its root starts, on the device.
    // With `free` as in the last pass, this one would find the same paths, all forced already.
    if (first || freed) {
      for (let i = 0; i < n; i++) {
        const p = parent[i]!;
        onPath[i] = free[id[i]!] || (p >= 0 && onPath[p] === 1) ? 1 : 0;
        if (!onPath[i] && !forced[i]) {
          forced[i] = 1;
          changed = true;
        }
      }
    }
    if (!changed && !freed) break;
  }
  names.forEach((m, k) => {
    if (!free[k]) choosable.delete(m);
  });
  return { forced, choosable };
}
