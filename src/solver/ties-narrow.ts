/**
 * Narrowing a search among ties (canonical.ts) before GLPK sees it. Every tie costs at most the
 * limit, so fixing by the Lagrangian bound against the limit (fixing.ts) holds for every tie:
 * a method fixed on stays in all of them, one fixed off stays out. The question "can one of
 * these methods be left out" is then asked of the smaller problem over the free methods,
 * about the methods not fixed on; when all of them are, the answer is no without any solve.
 * GLPK's relaxation with the ties row took 2.5 s on the bench's 2.3k-context wifi problem;
 * 400 steps of the bound fixed 274 of its 327 methods and left 944 contexts.
 */
import type { PartitionProblem } from '../model/types.js';
import { compactTree } from './compact.js';
import { fixByBound, residualProblem } from './fixing.js';
import { lagrangianSearch } from './lagrangian.js';
import { legalizer } from './legalize.js';

/** Steps of the bound: on the bench's tie problems it stopped rising by 400. */
const NARROW_STEPS = 400;

export interface NarrowedTies {
  /** The problem over the methods left free (costs of partitions that keep the fixings unchanged). */
  problem: PartitionProblem;
  /** The methods of the question not fixed on. */
  leaveOut: string[];
  /** Methods every tie takes: an answer of `problem` plus these is an answer of the original. */
  fixedOn: string[];
}

/**
 * The smaller question, 'none' when every method of `leaveOut` is fixed on, undefined when the
 * bound does not apply (static nesting, a budget, pinned methods: a problem not reduced) or
 * when `leaveOut` is not part of `tied` (a partition that ties, whose values the fixing keeps).
 */
export function narrowTies(problem: PartitionProblem, leaveOut: readonly string[], tied: readonly string[], limit: number, deadline: number): NarrowedTies | 'none' | undefined {
  if (problem.nesting !== 'dynamic' || problem.budget || problem.pinned.length > 0) return undefined;
  const inTied = new Set(tied);
  if (!leaveOut.every((m) => inTied.has(m))) return undefined;
  const tree = compactTree(problem);
  if (tree.methods.length === 0) return undefined;
  const legalize = legalizer(problem, tree);
  const incumbent = Uint8Array.from(tree.methods, (m) => (inTied.has(m) ? 1 : 0));
  // The tied partition's cost is the optimum's: the bound's steps aim at it from the start.
  const known = { chosen: incumbent, cost: limit };
  const { prices } = lagrangianSearch(tree, { deadline, stop: () => false, maxSteps: NARROW_STEPS, legalize, incumbent: () => known });
  const fixings = fixByBound(tree, prices, incumbent, limit, undefined, deadline);
  const { problem: rest, fixedOn } = residualProblem(problem, tree, fixings);
  const on = new Set(fixedOn);
  const left = leaveOut.filter((m) => !on.has(m));
  return left.length === 0 ? 'none' : { problem: rest, leaveOut: left, fixedOn };
}
