/** From chosen migration points to a checked Solution: the checker prices and vets every answer. */
import type { PartitionProblem } from '../model/types.js';
import { checkPartition, type CheckResult } from './checker.js';
import { columnsOfProblem } from '../model/columns.js';
import { byCodeUnit } from './ilp-model.js';
import type { ModelSize, Solution } from './types.js';

export interface Outcome {
  migrate: string[];
  /** GLPK's objective plus the model's constant, cross-checked against the checker. */
  solverCost?: number;
  optimal: boolean;
  /** Lower bound on the optimum, when not proven optimal. */
  bound?: number;
  /** Optimal, but the time ran out before the first of the tied optima was known (canonical.ts). */
  tiesUnsettled?: true;
}

/**
 * The checker's verdict on each solution `finish` checked, with the problem it was checked on.
 * The caller's check of the answer (the CLI's before it writes a manifest) is the same call on
 * the same problem and partition: it reads the verdict here (checkedPartition) rather than going
 * over the million contexts of the bench's problems again.
 */
const verdicts = new WeakMap<Solution, { problem: PartitionProblem; check: CheckResult }>();

/** checkPartition(problem, solution.migrate): the verdict `finish` gave when it checked this solution on this problem. */
export function checkedPartition(problem: PartitionProblem, solution: Solution): CheckResult {
  const known = verdicts.get(solution);
  return known && known.problem === problem ? known.check : checkPartition(problem, solution.migrate);
}

export function finish(problem: PartitionProblem, outcome: Outcome, size: ModelSize, given?: CheckResult): Solution {
  const { migrate, solverCost, optimal, bound } = outcome;
  const check = given ?? checkPartition(problem, migrate);
  if (check.violations.length > 0) {
    throw new Error(`the solver chose an illegal partition (a bug): ${check.violations.join(' ')}`);
  }
  // Only a proven optimum is cross-checked: the reductions keep the costs of the partitions near
  // the optimum, not of every partition (reduce-collapse.ts: a partition without a method that
  // always wins is priced on subtrees folded as if it were on the clone), so a partition cut short
  // may cost more or less on the reduced problem than here. The checker's price is the answer's
  // either way. (On the bench's adversarial 100k-context dynamic tree, cut at 30 or 45 s, the
  // search's partition cost 131495.65 on the reduced problem and 131498.87 here: a spurious bug.)
  if (solverCost !== undefined && optimal) {
    const tolerance = 1e-6 * costScale(problem) + 1e-9;
    if (Math.abs(solverCost - check.cost) > tolerance) {
      throw new Error(
        `the ILP's cost ${solverCost} disagrees with the checker's ${check.cost} for [${migrate.join(', ')}] (a bug)`,
      );
    }
  }
  const solution: Solution = {
    migrate: [...migrate].sort(byCodeUnit),
    cost: check.cost,
    deviceOnlyCost: check.deviceOnlyCost,
    optimal,
    model: size,
  };
  if (!optimal && bound !== undefined) {
    solution.gap = Math.max(0, check.cost - bound) / Math.max(Math.abs(check.cost), 1e-12);
  }
  if (check.budget) solution.budget = check.budget;
  if (outcome.tiesUnsettled && optimal) solution.tiesUnsettled = true;
  // A verdict handed in was found by its caller, maybe on another partition: only the own one is kept.
  if (!given) verdicts.set(solution, { problem, check });
  return solution;
}

/** Sum of all cost magnitudes: the scale for comparing floating-point objectives. */
function costScale(problem: PartitionProblem): number {
  let s = 0;
  const columns = columnsOfProblem(problem);
  if (columns) {
    const { device, clone, migration } = columns;
    for (let i = 0; i < device.length; i++) s += Math.abs(device[i]!) + Math.abs(clone[i]!) + migration[i]!;
    return s;
  }
  for (const c of problem.contexts) s += Math.abs(c.deviceCost) + Math.abs(c.cloneCost) + c.migrationCost;
  return s;
}
