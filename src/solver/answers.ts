/**
 * How a solve's answer is made when GLPK does not give it: the search's partition (proven when
 * it meets the search's bound), all-device when the time ran out, and the error of a budget no
 * partition meets.
 */
import type { PartitionProblem } from '../model/types.js';
import { InputError } from '../errors.js';
import type { CheckResult } from './checker.js';
import type { Outcome } from './solution.js';
import type { SolveOptions, SearchResult } from './types.js';

/** A search whose best partition meets its bound and was not handed over. */
export function provenBy(search: SearchResult | undefined): boolean {
  return search?.best !== undefined && search.residual === undefined && meetsBound(search.best.cost, search.lowerBound);
}

/** A partition costing `cost` is proven optimal by `lowerBound` (within a relative 1e-9). */
function meetsBound(cost: number, lowerBound: number): boolean {
  return cost - lowerBound <= 1e-9 * Math.max(Math.abs(cost), 1);
}

/** A solve cut short with no legal answer (all-device exceeds the budget). */
export class CutShort extends Error {}

/** All-device as the answer of a solve cut short: legal unless a budget rules it out. */
export function legalAllDevice(allDevice: CheckResult, problem: PartitionProblem, options: SolveOptions): CheckResult {
  if (allDevice.violations.length === 0) return allDevice;
  throw new CutShort(
    `no partition within the ${problem.budget?.objective ?? ''} budget was found in ${options.timeLimitSec} s, ` +
      'and all-device exceeds it (a larger time limit may help)',
  );
}

/** The search's partition as the answer, proven optimal when it meets the search's bound. */
export function fallback(expand: (migrate: string[]) => string[], found: { migrate: string[]; cost: number }, lowerBound: number): Outcome {
  const optimal = meetsBound(found.cost, lowerBound);
  const outcome: Outcome = { migrate: expand(found.migrate), solverCost: found.cost, optimal };
  if (!optimal) outcome.bound = lowerBound;
  return outcome;
}

export function budgetError(problem: PartitionProblem, lowest: number | undefined, nothingMoves: boolean): InputError {
  const budget = problem.budget!;
  const flag = budget.objective === 'energy' ? 'max-energy-ratio' : 'max-slowdown';
  const what = budget.objective;
  const best =
    lowest === undefined
      ? ''
      : nothingMoves
        ? ` (nothing can migrate, so it stays at ${lowest.toPrecision(4)} × all-device ${what})`
        : ` (the lowest achievable is ${lowest.toPrecision(4)} × all-device ${what})`;
  return new InputError(
    `the ${what} budget cannot be met: no legal partition has ${what} ≤ ${budget.maxRatio} × all-device ${what}${best}`,
    undefined,
    flag,
  );
}
