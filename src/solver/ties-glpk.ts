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
import type { SolvedRelaxation } from './glpk-tightened.js';
import type { IlpModel } from './ilp-model.js';

/**
 * glpk.ts's `tieLeaving` of several methods, `tied` being a partition that ties: first narrowed
 * by the bound (ties-narrow.ts), then GLPK with the row Σ R[m] over `leaveOut` ≤ |leaveOut| − 1.
 * Whatever the narrowed question does not settle is asked of the whole problem, as before.
 */
export async function glpkLeaving(problem: PartitionProblem, leaveOut: readonly string[], tied: readonly string[], limit: number, deadline: number, relaxation?: SolvedRelaxation): Promise<string[] | 'none' | undefined> {
  if (relaxation) return leavingOnRelaxation(problem, leaveOut, limit, deadline, relaxation);
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
  return leavingByMip(problem, model, tightened, limit, deadline, relaxed?.values);
}

/**
 * The question on the model of a larger problem whose relaxation GLPK solved (glpk-tightened.ts):
 * `problem` is that one with fewer candidates (the methods the search among ties decided out), so
 * its partitions are the model's with those methods' choices at 0; the relaxation's duals bound
 * the rest (reduced-cost.ts). No narrowing and no relaxation of its own: GLPK proves the answer on
 * the tightened model, a relaxation that would have shown 'none' showing it at the MIP's root.
 */
async function leavingOnRelaxation(problem: PartitionProblem, leaveOut: readonly string[], limit: number, deadline: number, relaxation: SolvedRelaxation): Promise<string[] | 'none' | undefined> {
  const { flat, dual, wholeColumns } = relaxation;
  const tightened = tightenByDuals(flat, dual, limit + tieTolerance(limit) - relaxation.model.constant, (j) => wholeColumns || flat.binary[j] === 1);
  if (tightened === 'none') return 'none';
  const lo = tightened ? tightened.lo : Float64Array.from(flat.lo);
  const hi = tightened ? tightened.hi : Float64Array.from(flat.hi);
  const column = new Map(relaxation.model.vars.map((v, j) => [v.name, j]));
  const allowed = new Set(problem.candidates);
  for (const c of relaxation.model.choices) {
    if (allowed.has(c.method)) continue;
    const j = column.get(c.name)!;
    // Every partition within the limit takes a method the question leaves no choice of: none.
    if (lo[j]! > 0) return 'none';
    hi[j] = 0;
  }
  const names = new Map(relaxation.model.choices.map((c) => [c.method, c.name]));
  const terms = leaveOut.flatMap((m): [string, number][] => (names.has(m) && allowed.has(m) ? [[names.get(m)!, 1]] : []));
  if (terms.length < leaveOut.length) return undefined;
  if (terms.every(([name]) => lo[column.get(name)!]! >= 1)) return 'none';
  const model = { ...relaxation.model, rows: [...relaxation.model.rows, { name: 'ties', terms, sense: 'le' as const, rhs: terms.length - 1 }] };
  return leavingByMip(problem, model, { lo, hi }, limit, deadline, relaxation.values);
}

/**
 * GLPK's MIP of the question (`model` with its ties row), within `bounds` when given. It only has
 * to find a partition within the limit or show there is none: with the limit as a row GLPK
 * prunes every node whose relaxation exceeds it at once, instead of searching for incumbents
 * first. (Not for the relaxation of leavingOnModel, which keeps its room.) `start`: the
 * relaxation's solution, where GLPK's simplex starts.
 */
async function leavingByMip(problem: PartitionProblem, model: IlpModel, bounds: { lo: Float64Array; hi: Float64Array } | undefined, limit: number, deadline: number, start?: Float64Array): Promise<string[] | 'none' | undefined> {
  const cutoff: [string, number][] = model.vars.flatMap((v): [string, number][] => (v.cost !== 0 ? [[v.name, v.cost]] : []));
  const mip = flatten({ ...model, rows: [...model.rows, { name: 'limit', terms: cutoff, sense: 'le', rhs: limit - model.constant }] }, true);
  if (bounds) {
    mip.lo = bounds.lo;
    mip.hi = bounds.hi;
  }
  const settings: ThreadOptions = { tmlim: Math.max(0.001, (deadline - performance.now()) / 1000), mipgap: 0, presol: true };
  // Its root LP is the relaxation's with two rows more, over the same columns: started at the
  // relaxation's solution (glpk-start.ts).
  const result = await solveInThread(mip, settings, deadline, start).result;
  if (result?.status === GLP_NOFEAS || (result?.status === GLP_OPT && result.z + model.constant > limit)) return 'none';
  if (result?.status !== GLP_OPT) return undefined;
  const column = new Map(model.vars.map((v, j) => [v.name, j]));
  const migrate = model.choices.filter((c) => result.values[column.get(c.name)!]! > 0.5).map((c) => c.method);
  // Priced by the checker, as every answer is.
  const check = checkPartition(problem, migrate);
  return check.violations.length === 0 && check.cost <= limit ? migrate : undefined;
}
