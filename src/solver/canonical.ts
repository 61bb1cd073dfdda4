/**
 * One answer when optima tie. Partitions whose costs are within `tieTolerance` of the optimum
 * are equal; among them the answer is the first in one fixed order: at the last method (by
 * code unit) where two partitions differ, the one that leaves it out comes first. So the
 * answer is inclusion-minimal (no idle or zero-saving migration point), and of two symmetric
 * choices keeps the method that sorts first.
 *
 * Found greedily from any optimum R: for each candidate m from the last, with the ones before it
 * decided, m can stay out when some tied partition that agrees with the decisions leaves it
 * out. R itself answers that when it leaves m out or when R without m still ties; otherwise
 * the problem without m and the methods decided out is solved exactly: a tied optimum there is
 * the new R (it keeps every method decided in: one that left such a method out would have let
 * that method stay out when it was decided). Each step keeps a tied R, so the cost never gets
 * worse. Before solving for m, one solve asks whether any of m and the methods of R after it
 * can be left out at all: usually none can, and that one solve decides them all. The
 * reductions keep this answer (a method that cannot win is left out of the answer too; fixing
 * by bound keeps every tied partition), so it is taken on the reduced problem.
 */
import type { PartitionProblem } from '../model/types.js';
import { checkPartition } from './checker.js';
import { byCodeUnit } from './ilp-model.js';

/**
 * Whether some legal partition of `problem` that leaves out at least one of `leaveOut` costs at
 * most `limit`: one such partition, 'none' when proven that none does, undefined when not
 * known in time. `tied` is one that costs at most `limit` and keeps all of `leaveOut`.
 */
export type TieSearch = (problem: PartitionProblem, leaveOut: readonly string[], limit: number, tied: readonly string[]) => Promise<string[] | 'none' | undefined>;

/** Costs this close to the optimum tie (relative, as the brute-force tests compare them). */
export function tieTolerance(cost: number): number {
  return 1e-9 * Math.max(Math.abs(cost), 1);
}

/** A tied optimum, and whether it is the first in the order above (else the time ran out on the way). */
export interface TiedOptimum {
  migrate: string[];
  first: boolean;
}

/**
 * The first tied optimum of `problem` in the order above, from `optimum` (a proven optimum).
 * A question not answered in time keeps the method in: the answer is then still optimal, only
 * perhaps not the first (`first: false`: another machine may answer another of the ties). Once `expired()` says the time is up the search ends there, every
 * method not yet decided staying in: each step prices a partition on the whole problem, which
 * past the deadline took 23 s over the 3,147 methods of an optimum of the 40k:1m app's lte problem
 * (its questions all answered "not known" at once).
 */
export async function firstOptimum(problem: PartitionProblem, optimum: readonly string[], solve: TieSearch, expired: () => boolean = () => false): Promise<TiedOptimum> {
  const cost = checkPartition(problem, [...optimum]).cost;
  const limit = cost + tieTolerance(cost);
  const ties = (migrate: string[]): boolean => {
    const check = checkPartition(problem, migrate);
    return check.violations.length === 0 && check.cost <= limit;
  };
  const order = [...new Set(problem.candidates)].sort(byCodeUnit).reverse();
  let chosen = new Set(optimum);
  /** Set once a solve proved that every method of `chosen` not yet decided stays in. */
  let restIn = false;
  const out = new Set<string>();
  let first = true;
  const without = (): PartitionProblem => ({ ...problem, candidates: problem.candidates.filter((x) => !out.has(x)) });
  for (const [at, m] of order.entries()) {
    if (expired()) {
      first = restIn || order.slice(at).every((x) => !chosen.has(x));
      break;
    }
    if (!chosen.has(m)) {
      out.add(m);
      continue;
    }
    if (restIn) continue;
    const dropped = [...chosen].filter((x) => x !== m);
    if (ties(dropped)) {
      chosen = new Set(dropped);
      out.add(m);
      continue;
    }
    const undecided = order.slice(at).filter((x) => chosen.has(x));
    if (undecided.length > 1) {
      const any = await solve(without(), undecided, limit, [...chosen]);
      if (any === 'none') {
        restIn = true;
        continue;
      }
      // A tie that leaves some of them out agrees with every decision so far: it is the new R.
      if (any) chosen = new Set(any);
      if (!chosen.has(m)) {
        out.add(m);
        continue;
      }
    }
    const rest = await solve(without(), [m], limit, [...chosen]);
    if (rest === undefined) first = false;
    if (Array.isArray(rest)) {
      chosen = new Set(rest);
      out.add(m);
    }
  }
  return { migrate: [...chosen].sort(byCodeUnit), first };
}
