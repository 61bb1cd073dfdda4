/**
 * The glpk.js adapter: hands the model to GLPK, reads the chosen migration points back and
 * lets the independent checker price them. GLPK's own objective is only used as a cross-check.
 */
import createGlpk, { type GLPK, type LP } from 'glpk.js/node';
import type { PartitionProblem } from '../model/types.js';
import { InputError } from '../errors.js';
import { checkPartition } from './checker.js';
import { buildModel } from './ilp.js';
import { pruneIdleMigrationPoints } from './prune.js';
import type { IlpModel } from './ilp-model.js';
import type { Solution, SolveOptions } from './types.js';

let instance: Promise<GLPK> | undefined;

/** One GLPK (WebAssembly) instance per process: loading it costs far more than a small solve. */
function glpk(): Promise<GLPK> {
  instance ??= createGlpk();
  return instance;
}

const STATUS_NAMES: Record<number, string> = {
  1: 'GLP_UNDEF (solution is undefined)',
  2: 'GLP_FEAS (feasible, not proven optimal)',
  3: 'GLP_INFEAS (infeasible)',
  4: 'GLP_NOFEAS (no feasible solution exists)',
  5: 'GLP_OPT (optimal)',
  6: 'GLP_UNBND (unbounded)',
};
const GLP_UNDEF = 1;
const GLP_FEAS = 2;
const GLP_OPT = 5;
/** glpk.js passes tmlim·1000 to a C int. */
const MAX_TIME_LIMIT_SEC = Math.floor(2147483647 / 1000);
/** Share of the time limit for the MIP; the rest is kept for the relaxation's bound. */
const MIP_SHARE = 0.8;

export async function solvePartition(problem: PartitionProblem, options: SolveOptions): Promise<Solution> {
  validateOptions(options);
  const model = buildModel(problem);
  const size = {
    variables: model.vars.length,
    integers: model.vars.filter((v) => v.binary).length,
    constraints: model.rows.length,
  };
  if (model.choices.length === 0) {
    // Nothing may migrate: all-device is the only (hence optimal) answer; GLPK would see an LP.
    return finish(problem, [], undefined, true, undefined, size);
  }

  const solver = await glpk();
  // The time limit covers both solves: the MIP gets most of it, the relaxation (needed only
  // when the MIP is cut short) what is left. GLPK takes whole milliseconds.
  const started = performance.now();
  const limit = Math.min(options.timeLimitSec, MAX_TIME_LIMIT_SEC);
  const settings = (seconds: number) => ({
    msglev: solver.GLP_MSG_OFF,
    tmlim: Math.max(0.001, seconds),
    mipgap: options.mipGap,
    presol: true,
  });
  const { result } = solver.solve(toGlpk(solver, model, true), settings(limit * MIP_SHARE));
  if (result.status === GLP_UNDEF) {
    // Cut short before GLPK found any integer solution. All-device is always legal: return
    // it, marked as not proven optimal, rather than fail the whole run.
    return finish(problem, [], undefined, false, undefined, size);
  }
  if (result.status !== GLP_OPT && result.status !== GLP_FEAS) {
    const spent = ((performance.now() - started) / 1000).toFixed(1);
    throw new Error(
      `GLPK did not return a solution: status ${statusName(result.status)} after ${spent} s ` +
        `(time limit ${options.timeLimitSec} s; a larger limit may help)`,
    );
  }
  const chosen = model.choices.filter((c) => (result.vars[c.name] ?? 0) > 0.5).map((c) => c.method);
  const migrate = pruneIdleMigrationPoints(problem, chosen);
  const optimal = result.status === GLP_OPT;
  let bound: number | undefined;
  const left = limit - (performance.now() - started) / 1000;
  if (!optimal && left > 0.001) {
    // Not proven optimal: the LP relaxation gives a lower bound to report the gap against
    // (only when solved to optimality: a primal simplex cut short bounds nothing).
    const relaxed = solver.solve(toGlpk(solver, model, false), settings(left)).result;
    if (relaxed.status === GLP_OPT) bound = relaxed.z + model.constant;
  }
  return finish(problem, migrate, result.z + model.constant, optimal, bound, size);
}

function finish(
  problem: PartitionProblem,
  migrate: string[],
  solverCost: number | undefined,
  optimal: boolean,
  bound: number | undefined,
  size: Solution['model'],
): Solution {
  const check = checkPartition(problem, migrate);
  if (check.violations.length > 0) {
    throw new Error(`the solver chose an illegal partition (a bug): ${check.violations.join(' ')}`);
  }
  if (solverCost !== undefined) {
    const tolerance = 1e-6 * costScale(problem) + 1e-9;
    if (Math.abs(solverCost - check.cost) > tolerance) {
      throw new Error(
        `the ILP's cost ${solverCost} disagrees with the checker's ${check.cost} for [${migrate.join(', ')}] (a bug)`,
      );
    }
  }
  const solution: Solution = {
    migrate: [...migrate].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    cost: check.cost,
    deviceOnlyCost: check.deviceOnlyCost,
    optimal,
    model: size,
  };
  if (!optimal && bound !== undefined) {
    solution.gap = Math.max(0, check.cost - bound) / Math.max(Math.abs(check.cost), 1e-12);
  }
  return solution;
}

/** Sum of all cost magnitudes: the scale for comparing floating-point objectives. */
function costScale(problem: PartitionProblem): number {
  let s = 0;
  for (const c of problem.contexts) s += Math.abs(c.deviceCost) + Math.abs(c.cloneCost) + c.migrationCost;
  return s;
}

function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `unknown status ${status}`;
}

function validateOptions(options: SolveOptions): void {
  if (!(options.timeLimitSec > 0)) throw new InputError('must be a positive number of seconds', undefined, 'timeLimitSec');
  if (!(options.mipGap >= 0 && options.mipGap < 1)) throw new InputError('must be in [0, 1)', undefined, 'mipGap');
}

/** The model in glpk.js's shape. Every variable is listed in the objective to fix column order. */
export function toGlpk(solver: GLPK, model: IlpModel, integral: boolean): LP {
  const bounds = model.vars.map((v) => ({
    name: v.name,
    type: v.hi === Infinity ? solver.GLP_LO : v.lo === v.hi ? solver.GLP_FX : solver.GLP_DB,
    lb: v.lo,
    ub: v.hi === Infinity ? 0 : v.hi,
  }));
  const senses = { ge: solver.GLP_LO, le: solver.GLP_UP, eq: solver.GLP_FX } as const;
  const lp: LP = {
    name: 'partition',
    objective: {
      direction: solver.GLP_MIN,
      name: 'cost',
      vars: model.vars.map((v) => ({ name: v.name, coef: v.cost })),
    },
    subjectTo: model.rows.map((row) => ({
      name: row.name,
      vars: row.terms.map(([name, coef]) => ({ name, coef })),
      bnds: { type: senses[row.sense], lb: row.rhs, ub: row.rhs },
    })),
    bounds,
  };
  if (integral) lp.binaries = model.vars.filter((v) => v.binary).map((v) => v.name);
  return lp;
}
