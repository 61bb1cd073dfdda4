/**
 * Linear-time passes over the calling-context tree for the ILP builder. Contexts list parents
 * before children, so bottom-up sums are one reverse loop; only path sets need a DFS.
 */
import type { ProblemContext } from '../model/types.js';

/** Children of every context in compressed (CSR) form: kids[start[i] .. start[i+1]). */
export function childrenOf(contexts: ProblemContext[]): { start: Int32Array; kids: Int32Array } {
  const n = contexts.length;
  const start = new Int32Array(n + 1);
  for (const c of contexts) if (c.parent >= 0) start[c.parent + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const kids = new Int32Array(Math.max(0, start[n]!));
  contexts.forEach((c, i) => {
    if (c.parent >= 0) kids[fill[c.parent]!++] = i;
  });
  return { start, kids };
}

/** `childrenOf` of a tree given as its parents. */
export function childrenOfParents(parent: Int32Array): { start: Int32Array; kids: Int32Array } {
  const n = parent.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) start[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const kids = new Int32Array(Math.max(0, start[n]!));
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;
  return { start, kids };
}

/** Methods with a context that lies under another context of the same method (recursion). */
export function selfNestedMethods(contexts: ProblemContext[]): Set<string> {
  const { id, names } = methodIndex(contexts);
  return selfNestedOfTree(parentsOf(contexts), id, names);
}

/**
 * `selfNestedMethods` of a tree given as its parents and method numbers (a problem kept in
 * columns, model/columns.ts: its million contexts are not made objects to ask this).
 */
export function selfNestedOfTree(parent: Int32Array, id: Int32Array, names: readonly string[]): Set<string> {
  const { start, kids } = childrenOfParents(parent);
  // Methods as numbers: a map of counts by name took 1.3 s at 1M contexts.
  const onPath = new Int32Array(names.length);
  const found = new Set<string>();
  // Iterative DFS: a non-negative entry enters a context, ~i leaves it.
  const stack: number[] = [];
  for (let i = parent.length - 1; i >= 0; i--) if (parent[i]! < 0) stack.push(i);
  while (stack.length > 0) {
    const top = stack.pop()!;
    const i = top >= 0 ? top : ~top;
    const k = id[i]!;
    if (top < 0) {
      onPath[k]!--;
      continue;
    }
    if (onPath[k]! > 0) found.add(names[k]!);
    onPath[k]!++;
    stack.push(~i);
    for (let j = start[i + 1]! - 1; j >= start[i]!; j--) stack.push(kids[j]!);
  }
  return found;
}

/** Per context, whether it or any context below it satisfies `test`. */
export function anyBelow(contexts: ProblemContext[], test: (c: ProblemContext, i: number) => boolean): Uint8Array {
  const below = new Uint8Array(contexts.length);
  for (let i = contexts.length - 1; i >= 0; i--) {
    const c = contexts[i]!;
    if (test(c, i)) below[i] = 1;
    if (below[i] && c.parent >= 0) below[c.parent] = 1;
  }
  return below;
}

/** Per context, the sum of `value` over its subtree (itself included). */
export function subtreeSums(contexts: ProblemContext[], value: (c: ProblemContext, i: number) => number): Float64Array {
  const sums = new Float64Array(contexts.length);
  for (let i = contexts.length - 1; i >= 0; i--) {
    const c = contexts[i]!;
    sums[i]! += value(c, i);
    if (c.parent >= 0) sums[c.parent]! += sums[i]!;
  }
  return sums;
}

/** `anyBelow` of a tree given as its parents (a problem kept in columns, model/columns.ts). */
export function anyBelowParents(parent: Int32Array, test: (i: number) => boolean): Uint8Array {
  const below = new Uint8Array(parent.length);
  for (let i = parent.length - 1; i >= 0; i--) {
    if (test(i)) below[i] = 1;
    if (below[i] && parent[i]! >= 0) below[parent[i]!] = 1;
  }
  return below;
}

/** `subtreeSums` of a tree given as its parents: the same additions in the same order. */
export function subtreeSumsParents(parent: Int32Array, value: (i: number) => number): Float64Array {
  const sums = new Float64Array(parent.length);
  for (let i = parent.length - 1; i >= 0; i--) {
    sums[i]! += value(i);
    if (parent[i]! >= 0) sums[parent[i]!]! += sums[i]!;
  }
  return sums;
}

/** Per context, the nearest strict ancestor satisfying `keep`, or -1. */
export function nearestAncestor(contexts: ProblemContext[], keep: (i: number) => boolean): Int32Array {
  const nearest = new Int32Array(contexts.length).fill(-1);
  contexts.forEach((c, i) => {
    const p = c.parent;
    if (p >= 0) nearest[i] = keep(p) ? p : nearest[p]!;
  });
  return nearest;
}

/**
 * Per context its parent, as a typed array. A loop: TypedArray.from with a mapping function
 * took five times as long (60 ms per 300k contexts), and the reductions took it several times per solve.
 */
export function parentsOf(contexts: readonly ProblemContext[]): Int32Array {
  const parent = new Int32Array(contexts.length);
  for (let i = 0; i < contexts.length; i++) parent[i] = contexts[i]!.parent;
  return parent;
}

/** Per context its method as a number: an index into `names`. */
export interface MethodIndex {
  id: Int32Array;
  names: string[];
}

/** The contexts' methods as numbers, in order of first appearance. */
export function methodIndex(contexts: readonly ProblemContext[]): MethodIndex {
  const index = new Map<string, number>();
  const names: string[] = [];
  const id = new Int32Array(contexts.length);
  for (let i = 0; i < contexts.length; i++) {
    const m = contexts[i]!.method;
    let k = index.get(m);
    if (k === undefined) {
      index.set(m, (k = names.length));
      names.push(m);
    }
    id[i] = k;
  }
  return { id, names };
}

/**
 * Per method number, 1 where `test` holds of its name. A loop: Uint8Array.from with a function
 * took 4x as long over 40k names, and the reductions make several such arrays a round.
 */
export function flagsOf(names: readonly string[], test: (name: string, k: number) => boolean): Uint8Array {
  const flags = new Uint8Array(names.length);
  for (let k = 0; k < names.length; k++) if (test(names[k]!, k)) flags[k] = 1;
  return flags;
}
