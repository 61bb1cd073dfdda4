/**
 * Making the model small (DESIGN.md): a pure pass from a problem to a smaller problem with the
 * same optimum, and the map from the small problem's answer back to the original's. The steps
 * (forced locations, folding, methods that cannot win) feed each other and repeat until
 * nothing changes; after the first round they run on the already small problem.
 */
import type { PartitionProblem } from '../model/types.js';
import { selfNestedMethods } from './tree.js';
import { forceLocations } from './reduce-forced.js';
import { foldProblem } from './reduce-fold.js';
import { methodsThatCannotWin } from './reduce-dominance.js';

export interface Reduction {
  problem: PartitionProblem;
  /** Migration points of the reduced problem → migration points of the original. */
  expand(migrate: readonly string[]): string[];
  /** Rounds of the fixpoint, for the curious. */
  rounds: number;
  /** Per original context, the context of the small problem it went into (-1: folded into the fixed root). */
  contextOf: Int32Array;
}

/**
 * `until` (performance.now()): no new round starts after it; the problem of the last round is
 * as valid, only larger (methods that cannot win are still candidates).
 */
export function reduceProblem(problem: PartitionProblem, until = Infinity): Reduction {
  let current = problem;
  let choosable = initialChoosable(problem);
  const contextOf = Int32Array.from(problem.contexts, (_, i) => i);
  for (let rounds = 1; ; rounds++) {
    const { forced } = forceLocations(current, choosable);
    const placed = new Int32Array(current.contexts.length);
    const folded = foldProblem(current, forced, choosable, placed);
    for (let i = 0; i < contextOf.length; i++) if (contextOf[i]! >= 0) contextOf[i] = placed[contextOf[i]!]!;
    const losers = performance.now() > until ? new Set<string>() : methodsThatCannotWin(folded);
    if (losers.size === 0) {
      // Method ids are kept throughout, so the answer carries over as it is.
      return { problem: folded, expand: (migrate) => [...migrate], rounds, contextOf };
    }
    current = folded;
    choosable = new Set(folded.candidates.filter((m) => !losers.has(m)));
  }
}

/** Candidates present in the tree, not pinned; under static nesting not nested in themselves. */
export function initialChoosable(problem: PartitionProblem): Set<string> {
  const present = new Set(problem.contexts.map((c) => c.method));
  const pinned = new Set(problem.pinned);
  const choosable = new Set(problem.candidates.filter((m) => present.has(m) && !pinned.has(m)));
  if (problem.nesting === 'static') {
    for (const m of selfNestedMethods(problem.contexts)) choosable.delete(m);
  }
  return choosable;
}
