/** A search's prices carried from a problem to its reduced one (glpk.ts: a residual's bound starts from them). */
import type { PartitionProblem } from '../model/types.js';
import { columnsFromObjects, columnsOfProblem } from '../model/columns.js';
import type { Reduction } from './reduce.js';

/**
 * Prices per context of `problem` carried to its reduced problem: merged contexts of one method
 * add theirs up; a context folded into a different method's loses its own (any λ gives a bound).
 */
export function carried(start: Float64Array | undefined, problem: PartitionProblem, reduction: Reduction | undefined): { start?: Float64Array } {
  if (!start || !reduction) return {};
  const small = columnsOfProblem(reduction.problem) ?? columnsFromObjects(reduction.problem.contexts);
  const lambda = new Float64Array(small.parent.length);
  // A residual problem (kept in columns) is read from its columns.
  const big = columnsOfProblem(problem);
  const contexts = big ? undefined : problem.contexts;
  const contextOf = reduction.contextOf;
  for (let i = 0; i < contextOf.length; i++) {
    const j = contextOf[i]!;
    if (j < 0) continue;
    const method = big ? big.names[big.id[i]!] : contexts![i]!.method;
    if (small.names[small.id[j]!] === method) lambda[j]! += start[i]!;
  }
  return { start: lambda };
}
