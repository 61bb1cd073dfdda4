/**
 * The search among ties (canonical.ts) for several methods at once, on GLPK's model: whether
 * some legal partition leaves out at least one of them and costs at most the limit.
 */
import type { PartitionProblem } from '../model/types.js';
import { tieTolerance } from './canonical.js';
import { checkPartition } from './checker.js';
import { GLP_NOFEAS, GLP_OPT, copyFlat, flatten, solveInThread, type ThreadOptions, type ThreadResult } from './glpk-thread.js';
import { reducedModelParts } from './ilp-top.js';
import { narrowTies } from './ties-narrow.js';
import { staticTiesSettled } from './static-antichain.js';
import { tightenByDuals } from './reduced-cost.js';

/**
 * glpk.ts's `tieLeaving` of several methods, `tied` being a partition that ties: first narrowed
 * by the bound (ties-narrow.ts), then GLPK with the row Σ R[m] over `leaveOut` ≤ |leaveOut| − 1.
 * Whatever the narrowed question does not settle is asked of the whole problem, as before.
 */
export async function glpkLeaving(problem: PartitionProblem, leaveOut: readonly string[], tied: readonly string[], limit: number, deadline: number): Promise<string[] | 'none' | undefined> {
  const narrowed = narrowTies(problem, leaveOut, tied, limit, deadline);
  if (narrowed === 'none') return 'none';
  if (narrowed) {
    const answer = await leavingOnModel(narrowed.problem, narrowed.leaveOut, limit, deadline);
    if (answer === 'none') return 'none';
    if (answer) {
      // Priced again on the whole problem: the narrowed one sums the same costs in another order.
      const migrate = [...answer, ...narrowed.fixedOn];
      const check = checkPartition(problem, migrate);
      if (check.violations.length === 0 && check.cost <= limit) return migrate;
    }
  }
  return leavingOnModel(problem, leaveOut, limit, deadline);
}

/** GLPK with the row Σ R[m] over `leaveOut` ≤ |leaveOut| − 1 on `problem`'s model. */
async function leavingOnModel(problem: PartitionProblem, leaveOut: readonly string[], limit: number, deadline: number): Promise<string[] | 'none' | undefined> {
  // The problems asked here are reduced ones (the solve's, or narrowed from it): the top form where it fits.
  const { model, nesting, wholeColumns } = reducedModelParts(problem);
  const names = new Map(model.choices.map((c) => [c.method, c.name]));
  const terms = leaveOut.flatMap((m): [string, number][] => (names.has(m) ? [[names.get(m)!, 1]] : []));
  // A method without a variable is never chosen: the row holds already.
  if (terms.length < leaveOut.length) return undefined;
  // Static nesting as a partial order alone: the relaxation's answer by two least flows, when they settle it.
  if (staticTiesSettled(problem, model, leaveOut, limit, tieTolerance(limit), deadline, nesting)) return 'none';
  model.rows.push({ name: 'ties', terms, sense: 'le', rhs: terms.length - 1 });
  const flat = flatten(model, true);
  const settings = (): ThreadOptions => ({ tmlim: Math.max(0.001, (deadline - performance.now()) / 1000), mipgap: 0, presol: true });
  const none = (r: ThreadResult | undefined, margin: number) => r?.status === GLP_NOFEAS || (r?.status === GLP_OPT && r.z + model.constant > limit + margin);
  // Usually none can be left out, and the relaxation's bound shows it without branching (as
  // GLPK's own branch-and-bound prunes), with room for its rounding: on the realistic 1M static
  // tree the bound was 0.115 above the limit (5e-8 relative), the room 0.0025.
  const relaxed = await solveInThread({ ...copyFlat(flat), integral: false }, settings(), deadline).result;
  if (none(relaxed, tieTolerance(limit))) return 'none';
  // Its duals bound the columns of every tie (reduced-cost.ts, with the same room): methods that
  // every tie takes, columns no tie uses. When every method asked about is taken, none can be
  // left out; else GLPK searches among fewer partitions.
  const tightened = relaxed?.dual ? tightenByDuals(flat, relaxed.dual, limit + tieTolerance(limit) - model.constant, (j) => wholeColumns === true || flat.binary[j] === 1) : undefined;
  if (tightened === 'none') return 'none';
  if (tightened) {
    const column = new Map(model.vars.map((v, j) => [v.name, j]));
    if (terms.every(([name]) => tightened.lo[column.get(name)!]! >= 1)) return 'none';
  }
  // The MIP only has to find a partition within the limit or show there is none: with the
  // limit as a row GLPK prunes every node whose relaxation exceeds it at once, instead of
  // searching for incumbents first. (Not for the relaxation above, which keeps its room.)
  const cutoff: [string, number][] = model.vars.flatMap((v): [string, number][] => (v.cost !== 0 ? [[v.name, v.cost]] : []));
  model.rows.push({ name: 'limit', terms: cutoff, sense: 'le', rhs: limit - model.constant });
  const mip = flatten(model, true);
  if (tightened) {
    mip.lo = tightened.lo;
    mip.hi = tightened.hi;
  }
  const result = await solveInThread(mip, settings(), deadline).result;
  if (none(result, 0)) return 'none';
  if (result?.status !== GLP_OPT) return undefined;
  const column = new Map(model.vars.map((v, j) => [v.name, j]));
  const migrate = model.choices.filter((c) => result.values[column.get(c.name)!]! > 0.5).map((c) => c.method);
  // Priced by the checker, as every answer is.
  const check = checkPartition(problem, migrate);
  return check.violations.length === 0 && check.cost <= limit ? migrate : undefined;
}
