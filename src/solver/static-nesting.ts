/**
 * CloneCloud's rule (static nesting) in space linear in the problem: which methods may not both
 * migrate, as two DAGs over which chosen methods propagate, never as pairs.
 *
 * The rule forbids R[a] + R[b] = 2 for distinct choosable methods a, b when a reaches b by the
 * call graph (`reach`), or a context of b lies under a context of a. As pairs that was
 * quadratic: 114M pairs for the 34k candidates of a 1M-context app after one round of the
 * reductions (out of memory), 66k for its 7.6k after all of them.
 *
 * The call graph. On its condensation (components C, edges E), with S[c] = Σ R over the
 * choosable members of c and a continuous Y[c] ∈ [0, 1] ("reached from a chosen method"):
 *
 *   (1) Y[d] − Y[c] − S[c] ≥ 0   for every edge c → d,
 *   (2) S[c] + Y[c] ≤ 1          for every component c.
 *
 * Equivalence on binary R. (⇐) Let R satisfy (1), (2) with some Y, and a ≠ b chosen with a
 * reaching b. In one component, (2) gives S ≥ 2 > 1. Otherwise a path c1 → … → ck from a's
 * component to b's gives, by (1) along it, Y[ck] ≥ Y[c1] + Σ_{i<k} S[ci] ≥ S[c1] ≥ 1, and (2)
 * at ck: S[ck] + Y[ck] ≥ 2 > 1. (⇒) Let R obey the pairs; set Y[c] = 1 when c is reachable by
 * one or more edges from a component holding a chosen method, else 0 (the condensation has no
 * cycles, so that never includes c's own members). (1): if S[c] = 1 or Y[c] = 1, d is
 * reachable by an edge or more from a chosen method, so Y[d] = 1; and S[c] + Y[c] ≤ 1 by (2).
 * (2): S[c] ≤ 1, as members of one component reach each other; S[c] = Y[c] = 1 would be a
 * chosen method reaching another. (A method alone in a cycle reaches only itself, which the
 * pairs allow, and so do (1)-(2).)
 * Projected on R, (1)-(2) say Σ S ≤ 1 along every path: the chain constraints, which make the
 * relaxation tighter than the pairs (R = ½ on a path of three is no longer feasible).
 * Only components on a path between choosable methods need a Y and rows.
 *
 * The tree. The same on the calling-context tree, over candidate contexts (those whose method
 * has an R), each linked to its nearest candidate ancestor up[c], with P[c] ∈ [0, 1] ("a
 * chosen method above"): P[c] − P[up[c]] − R[m(up[c])] ≥ 0, and R[m(c)] + P[c] ≤ 1 (the proof
 * is the one above, on a tree; a choosable method never nests in itself). A link whose two
 * methods are already linked by the call graph needs nothing: when every link from c's topmost
 * candidate ancestor down to c is implied (a reaches b, b reaches c, ...), every ancestor's
 * method reaches m(c) and (1)-(2) forbid the pair. Rows are made only for contexts where some
 * link above is not implied (profiles that saw calls the analysis did not), with P on their
 * candidate ancestors.
 */
import type { PartitionProblem } from '../model/types.js';
import { nearestAncestor } from './tree.js';

export interface StaticNesting {
  /** Per choosable method (index), its component, or -1 when the call graph does not have it. */
  componentOf: Int32Array;
  /** Components on a path between choosable methods, ascending (callees first). */
  components: number[];
  /** Edges c → d among them, as [c, d]. */
  edges: [number, number][];
  /** Per context, its nearest candidate ancestor (-1: none). */
  up: Int32Array;
  /** Contexts that need a tree exclusion row: R[m(c)] + P[c] ≤ 1. */
  excluded: number[];
  /** Contexts that need a P (the excluded ones and their candidate ancestors with an up), ascending. */
  withP: number[];
}

/** Largest search per link before a link is taken as not implied (only costs rows, never legality). */
const LINK_SEARCH = 4096;

/**
 * Per method (index into `methods`), its component of the call graph's condensation (-1 when
 * the call graph does not have it), and per component the components that call it.
 */
export function componentsOf(reach: PartitionProblem['reach'], methods: readonly string[]): { componentOf: Int32Array; callers: number[][] } {
  const componentOf = new Int32Array(methods.length).fill(-1);
  const callers: number[][] = Array.from({ length: reach?.components.length ?? 0 }, () => []);
  if (reach) {
    const index = new Map(methods.map((m, k) => [m, k]));
    reach.components.forEach((members, c) => {
      for (const id of members) {
        const k = index.get(id);
        if (k !== undefined) componentOf[k] = c;
      }
    });
    reach.calls.forEach((out, c) => {
      for (const d of out) callers[d]!.push(c);
    });
  }
  return { componentOf, callers };
}

export function staticNesting(problem: PartitionProblem, methods: readonly string[], kOf: (i: number) => number): StaticNesting {
  const reach = problem.reach;
  const count = reach?.components.length ?? 0;
  const { componentOf, callers } = componentsOf(reach, methods);
  // Components reachable from a choosable method, and reaching one: on a path between two.
  const from = new Uint8Array(count);
  const to = new Uint8Array(count);
  const spread = (mark: Uint8Array, next: (c: number) => readonly number[]): void => {
    const stack = [...componentOf].filter((c) => c >= 0);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (mark[c]) continue;
      mark[c] = 1;
      for (const d of next(c)) if (!mark[d]) stack.push(d);
    }
  };
  if (reach) {
    spread(from, (c) => reach.calls[c]!);
    spread(to, (c) => callers[c]!);
  }
  const components: number[] = [];
  const edges: [number, number][] = [];
  for (let c = 0; c < count; c++) {
    if (!from[c] || !to[c]) continue;
    components.push(c);
    for (const d of reach!.calls[c]!) if (from[d] && to[d]) edges.push([c, d]);
  }

  // The tree: which links between candidate contexts the call graph implies.
  const contexts = problem.contexts;
  const up = nearestAncestor(contexts, (i) => kOf(i) >= 0);
  const stamp = new Int32Array(count).fill(-1);
  let search = 0;
  const known = new Map<number, boolean>();
  const reaches = (a: number, b: number): boolean => {
    if (a < 0 || b < 0) return false;
    if (a === b) return true;
    // Callees come first in the condensation: nothing below b's index can lead to b.
    if (b > a) return false;
    const key = a * count + b;
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    // Breadth first: a link the reductions shortened skips a level or two of calls.
    search++;
    const queue = [a];
    stamp[a] = search;
    let found = false;
    for (let q = 0; q < queue.length && !found && q < LINK_SEARCH; q++) {
      for (const d of reach!.calls[queue[q]!]!) {
        if (d === b) found = true;
        else if (d > b && stamp[d] !== search) {
          stamp[d] = search;
          queue.push(d);
        }
      }
    }
    known.set(key, found);
    return found;
  };
  const implied = new Uint8Array(contexts.length);
  const excluded: number[] = [];
  const needP = new Uint8Array(contexts.length);
  for (let i = 0; i < contexts.length; i++) {
    const k = kOf(i);
    if (k < 0) continue;
    const u = up[i]!;
    implied[i] = u < 0 || (implied[u] === 1 && reaches(componentOf[kOf(u)]!, componentOf[k]!)) ? 1 : 0;
    if (implied[i]) continue;
    excluded.push(i);
    for (let j = i; j >= 0 && !needP[j]; j = up[j]!) needP[j] = 1;
  }
  const withP: number[] = [];
  for (let i = 0; i < contexts.length; i++) if (needP[i] && up[i]! >= 0) withP.push(i);
  return { componentOf, components, edges, up, excluded, withP };
}
