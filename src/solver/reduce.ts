/**
 * Making the model small (DESIGN.md): a pure pass from a problem to a smaller problem with the
 * same optimum, and the map from the small problem's answer back to the original's. The steps
 * (forced locations, folding, methods that cannot win, subtrees under methods that always win)
 * feed each other and repeat until nothing changes; after the first round they run on the
 * already small problem.
 */
import type { PartitionProblem } from '../model/types.js';
import { methodIndex, parentsOf, selfNestedMethods, selfNestedOfTree, type MethodIndex } from './tree.js';
import { columnsOfProblem, contextCount } from '../model/columns.js';
import { groupComponentsOfIndex } from './ilp-model.js';
import { forceLocations, forceOnTree } from './reduce-forced.js';
import { columnsOf, foldColumns, foldedMethods, foldedProblem, planFold, type FoldPlan } from './reduce-fold.js';
import { losingMethods } from './reduce-dominance.js';
import { alwaysWinningSubtrees } from './reduce-collapse.js';
import { roundSums } from './reduce-sums.js';

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
 * as valid, only larger (methods that cannot win are still candidates). `reuse`: see firstRound.
 */
export function reduceProblem(problem: PartitionProblem, until = Infinity, reuse?: FirstRoundReuse): Reduction {
  const first = firstRound(problem, reuse);
  let plan = first.plan;
  let choosable = new Set(first.choosable);
  // Where each context went: the first round's map, then the later rounds' maps, composed at
  // the end from the last (smallest) one back (composing each round's into one map over the
  // first round's folded tree went over its 864k contexts each round on the 1M-context bench
  // tree, ten rounds under 3g).
  const firstAt = first.plan.at;
  const laterAt: Int32Array[] = [];
  // Between rounds the problem stays in columns; objects are made once, for the last round's
  // fold (making them every round was a third of the reductions' time on the 1M-context bench tree).
  let parent = first.parent;
  let index = first.index;
  let groups = problem.groups;
  const columns = columnsOfProblem(problem);
  let costs = columns ? { device: columns.device, clone: columns.clone, migration: columns.migration } : columnsOf(problem.contexts);
  let budgetCosts = problem.budget ? columnsOf(problem.budget.costs) : undefined;
  // Subtrees of the last round's folded tree that fold into their top context (reduce-collapse.ts).
  let collapse: Uint8Array | undefined;
  for (let rounds = 1; ; rounds++) {
    if (rounds > 1) {
      // The last plan's folded tree is this round's (it has no pinned methods left).
      const components = groupComponentsOfIndex(groups, index.id, index.names);
      const { forced } = forceOnTree([], components, choosable, index, parent);
      plan = planFold(parent, groups, problem.nesting, forced, choosable, index, collapse);
    }
    costs = foldColumns(costs, plan);
    budgetCosts = budgetCosts && foldColumns(budgetCosts, plan);
    const methods = foldedMethods(groups, plan, choosable, false);
    if (rounds > 1) laterAt.push(plan.at);
    const tree = { parent: plan.parent, index: plan.index, candidates: methods.candidates, groups: methods.groups, nesting: problem.nesting, costs: budgetCosts ? [costs, budgetCosts] : [costs] };
    const late = performance.now() > until;
    // Both steps sum the same subtrees: one pass for the two under dynamic nesting (reduce-sums.ts).
    const sums = late || tree.nesting !== 'dynamic' ? undefined : roundSums(tree, costs);
    const losers = late ? new Set<string>() : losingMethods(tree, sums);
    // Both found on the same tree: folding the always-winning subtrees only lowers the losers'
    // bounds (A of reduce-dominance.ts), and no method both loses (w ≥ A ≥ 0) and always wins (w < B ≤ 0).
    // On the 1M-context bench tree they fold most of the contexts in one round (under 5g,
    // 864k -> a few thousand) rather than the losers' layer a round (864k -> 432k -> 216k ...).
    collapse = late ? undefined : alwaysWinningSubtrees(tree, sums);
    if (losers.size === 0 && !collapse) {
      // Method ids are kept throughout, so the answer carries over as it is.
      const folded = foldedProblem(problem, plan, { ...methods, candidates: methods.candidates.sort() }, costs, budgetCosts);
      return { problem: folded, expand: (migrate) => [...migrate], rounds, contextOf: composed([firstAt, ...laterAt]) };
    }
    parent = plan.parent;
    index = plan.index;
    groups = methods.groups;
    choosable = new Set(methods.candidates.filter((m) => !losers.has(m)));
  }
}

/**
 * The maps of successive folds (each from its round's contexts to the next round's, -1: the
 * fixed root) composed into one from the first round's contexts, from the last map back.
 */
function composed(maps: Int32Array[]): Int32Array {
  let out = maps[maps.length - 1]!;
  for (let r = maps.length - 2; r >= 0; r--) {
    const at = maps[r]!;
    const next = new Int32Array(at.length);
    for (let i = 0; i < at.length; i++) next[i] = at[i]! < 0 ? at[i]! : out[at[i]!]!;
    out = next;
  }
  return out;
}

/** The first round's forcing and fold: its structure, and the methods left choosable. */
interface FirstRound {
  parent: Int32Array;
  index: MethodIndex;
  candidates: readonly string[];
  pinned: readonly string[];
  groups: readonly (readonly string[])[];
  nesting: PartitionProblem['nesting'];
  choosable: string[];
  plan: FoldPlan;
}

/**
 * The first round up to the fold depends on the tree, the candidates, pinned methods and
 * groups, never on the costs, and every network of a run has the same ones: with `reuse`, the
 * last first round is kept there and reused when all of those are equal (checked in one pass,
 * ~100x cheaper than forcing and folding the 100k-context bench tree again).
 */
function firstRound(problem: PartitionProblem, reuse: FirstRoundReuse | undefined): FirstRound {
  if (reuse?.last && sameStructure(reuse.last, problem)) return reuse.last;
  // A problem the solver made keeps columns (model/columns.ts): its tree is read from them.
  const columns = columnsOfProblem(problem);
  const index = columns ? { id: columns.id, names: [...columns.names] } : methodIndex(problem.contexts);
  const parent = columns ? columns.parent : parentsOf(problem.contexts);
  const choosable = initialChoosable(problem, index.names, { parent, id: index.id });
  const { forced } = forceLocations(problem, choosable, index, parent);
  const plan = planFold(parent, problem.groups, problem.nesting, forced, choosable, index);
  const { candidates, pinned, groups, nesting } = problem;
  const first: FirstRound = { parent, index, candidates, pinned, groups, nesting, choosable: [...choosable], plan };
  if (reuse) reuse.last = first;
  return first;
}

/** A place for the reductions' first round, shared by the problems of one tree solved in turn. */
export interface FirstRoundReuse {
  last?: FirstRound;
}

function sameStructure(first: FirstRound, problem: PartitionProblem): boolean {
  const { id, names } = first.index;
  if (contextCount(problem) !== first.parent.length || problem.nesting !== first.nesting) return false;
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(problem.candidates, first.candidates) || !same(problem.pinned, first.pinned)) return false;
  if (problem.groups.length !== first.groups.length || !problem.groups.every((g, i) => same(g, first.groups[i]!))) return false;
  // A problem in columns is compared by them: every network's problem of one merged profile
  // holds the same arrays, and making its million contexts objects here took 1.4 s per network.
  const columns = columnsOfProblem(problem);
  if (columns) {
    if (columns.parent === first.parent && columns.id === id && same(columns.names, names)) return true;
    for (let i = 0; i < columns.parent.length; i++) {
      if (columns.parent[i] !== first.parent[i] || columns.names[columns.id[i]!] !== names[id[i]!]) return false;
    }
    return true;
  }
  const contexts = problem.contexts;
  for (let i = 0; i < contexts.length; i++) {
    if (contexts[i]!.parent !== first.parent[i] || contexts[i]!.method !== names[id[i]!]) return false;
  }
  return true;
}

/**
 * Candidates present in the tree, not pinned; under static nesting not nested in themselves.
 * `methods`: the tree's distinct methods, when the caller has them (methodIndex's names), and
 * `tree` its parents and those methods' numbers per context.
 */
export function initialChoosable(problem: PartitionProblem, methods?: readonly string[], tree?: { parent: Int32Array; id: Int32Array }): Set<string> {
  const present = new Set(methods ?? problem.contexts.map((c) => c.method));
  const pinned = new Set(problem.pinned);
  const choosable = new Set(problem.candidates.filter((m) => present.has(m) && !pinned.has(m)));
  if (problem.nesting === 'static') {
    const nested = methods && tree ? selfNestedOfTree(tree.parent, tree.id, methods) : selfNestedMethods(problem.contexts);
    for (const m of nested) choosable.delete(m);
  }
  return choosable;
}
