/**
 * The glpk.js adapter: makes the model small, hands it to GLPK, reads the chosen migration
 * points back and lets the independent checker price them on the original problem. GLPK's own objective is only used as a cross-check.
 */
import type { PartitionProblem } from '../model/types.js';
import { InputError } from '../errors.js';
import { firstOptimum } from './canonical.js';
import { byCodeUnit } from './ilp-model.js';
import { checkPartition } from './checker.js';
import { contextCount, withColumns } from '../model/columns.js';
import { searchDynamic } from './dynamic-search.js';
import { FIRST_CHECKPOINT } from './lagrangian.js';
import { exactStaticAnswer } from './static-antichain.js';
import { glpkLeaving } from './ties-glpk.js';
import { solveTightened, type SolvedRelaxation } from './glpk-tightened.js';
import { searchStatic } from './static-search.js';
import { GLP_FEAS, GLP_INFEAS, GLP_NOFEAS, GLP_OPT, GLP_UNDEF, copyFlat, flatten, solveInThread } from './glpk-thread.js';
import { buildValidParts, validateProblem, type IlpModel } from './ilp.js';
import { buildDynamicModel, dynamicModelSize } from './ilp-dynamic.js';
import { buildTopModel, reducedModelParts, topModelFits } from './ilp-top.js';
import { pruneIdleMigrationPoints } from './prune.js';
import { reduceProblem } from './reduce.js';
import { carried } from './carried.js';
import { finish, type Outcome } from './solution.js';
import { budgetError, CutShort, fallback, legalAllDevice, provenBy } from './answers.js';
import type { ModelSize, SearchResult, Solution, SolveOptions } from './types.js';

const STATUS_NAMES: Record<number, string> = {
  1: 'GLP_UNDEF (solution is undefined)',
  2: 'GLP_FEAS (feasible, not proven optimal)',
  3: 'GLP_INFEAS (infeasible)',
  4: 'GLP_NOFEAS (no feasible solution exists)',
  5: 'GLP_OPT (optimal)',
  6: 'GLP_UNBND (unbounded)',
};
/** glpk.js passes tmlim·1000 to a C int. */
const MAX_TIME_LIMIT_SEC = Math.floor(2147483647 / 1000);
/** Share of the time limit for the MIP; the rest is kept for the relaxation's bound. */
const MIP_SHARE = 0.8;
/** How long GLPK may take before the main thread starts its own search (ms, at most a tenth of the limit). */
const QUICK_MS = 1000;
/** Rows from which the search starts at once: GLPK's simplex alone took 110 s on a 50k-row dynamic model. */
const SEARCH_AT_ONCE_ROWS = 50_000;
/**
 * Reduced contexts above which GLPK is not given the dynamic model at all: loading and
 * presolving it alone took about a minute at 420k contexts. The search's smaller problems
 * (fixing.ts) come within its reach.
 */
const GLPK_MAX_CONTEXTS = 100_000;
/** What follows the deadline, in all-device checks' time, and at most this share of the limit. */
const POST_CHECKS = 3;
const RESERVE_SHARE = 0.25;
/** Shares of the time left when the search starts by which it ends its bound, and its whole search. */
const SEARCH_BOUND_SHARE = 0.6;
const SEARCH_SHARE = 0.85;
/**
 * Rows of a dynamic model from which the search runs first, alone (a residual up to its first
 * checkpoint, any other for longer: SEARCH_FIRST_BOUND_SHARE), and GLPK starts only when it
 * hands nothing over: on the 10k:100k bench GLPK never finished
 * such a model within QUICK_MS, and what it did beside the search was thrown away when the
 * search handed over a smaller problem (about 2.5 s of CPU of the run's solves). The answer
 * does not change: it is the first of the optima whichever way it is proven (canonical.ts).
 * A search's residual (`start` given) is searched first at any size: GLPK did not finish those
 * within QUICK_MS either. The same held for lte's 8k-row model (GLPK 1 s, then the search
 * handed over at its first checkpoint): from 5k rows the first 100 steps (~0.1 s there) cost
 * less than what GLPK throws away.
 */
const SEARCH_FIRST_ROWS = 5_000;
/** Steps of a residual's fresh search when the carried prices handed nothing over (checkpoints every 100 up to 1600). */
const FRESH_STEPS = 1_601;
/**
 * A problem searched first from its own start (not a residual) goes on alone up to the fresh
 * search's steps, within this share of the time left, before GLPK is given the model: on the
 * 10k:100k bench the first 100 steps of 5g and wifi handed nothing over, GLPK was given their
 * 44k- and 60k-row models with a search beside it, and that search handed over within about a
 * second, the same residual the lone search now hands over (the steps are the same whatever
 * runs beside them); building the models, GLPK's work and its thread started again after the
 * cancel were about a sixth of partition's CPU there, thrown away. A search that hands nothing
 * over by then leaves GLPK most of the time.
 */
const SEARCH_FIRST_BOUND_SHARE = 0.25;

export async function solvePartition(problem: PartitionProblem, options: SolveOptions): Promise<Solution> {
  // The limit counts from here: validating and reading a 1M-context problem into columns took
  // 1.1 s at load 15, which the 1M adversarial trees' runs then overran the limit by.
  const started = performance.now();
  // Validated on the caller's objects (columns would hide a parent that is not an integer),
  // then read from columns by every pass of the solve.
  validateOptions(options);
  validateProblem(problem);
  return solveWithin(withColumns(problem), options, { nested: false, canonical: true, started });
}

interface Level {
  /** Solving a smaller problem for an outer solve: its model size is not reported. */
  nested: boolean;
  /** A proven optimum is made the first of its ties (canonical.ts); not for its own exact solves. */
  canonical: boolean;
  /** The prices λ per context a search ended with, for this one's bound to go on from there. */
  start?: Float64Array;
  /** That search's best partition, over this problem's candidates: the search's first incumbent. */
  incumbent?: readonly string[];
  /** performance.now() the time limit counts from (default: when solveWithin starts). */
  started?: number;
}

async function solveWithin(problem: PartitionProblem, options: SolveOptions, level: Level): Promise<Solution> {
  const { nested, canonical, start, incumbent } = level;
  validateOptions(options);
  validateProblem(problem);
  const started = level.started ?? performance.now();
  const trace = options.trace ?? (() => {});
  // The time limit covers everything from here to the answer. What follows the deadline
  // (ending GLPK's thread, mapping the answer back, the checker pricing it on the whole
  // problem) is kept out of it, scaled from one check of the all-device answer (which is also
  // the fallback): it took 1.5-2.6 such checks on the bench's 1M-context trees. GLPK takes whole ms.
  const limit = Math.min(options.timeLimitSec, MAX_TIME_LIMIT_SEC);
  trace('all-device check');
  const checkStarted = performance.now();
  const allDevice = checkPartition(problem, []);
  const reserve = Math.min(RESERVE_SHARE * limit * 1000, POST_CHECKS * (performance.now() - checkStarted));
  const deadline = started + limit * 1000 - reserve;
  const left = () => (deadline - performance.now()) / 1000;
  trace('reduce');
  // A round of the reductions pays for itself many times over (one round of the realistic 1M
  // tree left 136k contexts and 232k rows, all rounds 7k and 9k), so they stop only at the deadline.
  const reduction = options.reduce === false ? undefined : reduceProblem(problem, deadline, options.reuse);
  const small = reduction?.problem ?? problem;
  const glpkTakesWhole = reduction === undefined || small.nesting === 'static' || contextCount(small) <= GLPK_MAX_CONTEXTS;
  // Validated above; the reductions keep a valid problem valid. A model too large for GLPK is
  // not built: its size is counted (and only reported for the outermost problem). Nor is one
  // when the reductions took the time (at 865k contexts building it alone took 6.6 s).
  const timeUp = left() <= 0;
  // A dynamic model the search runs first on is only counted here, and built once the search
  // hands nothing over: it rarely does not (building and flattening the 44k rows of 5g's
  // model on the 10k:100k bench took 0.4-0.7 s, for GLPK never to see it).
  if (!timeUp) trace('model');
  const counted = glpkTakesWhole && !timeUp && reduction && small.nesting === 'dynamic' ? dynamicModelSize(small) : undefined;
  const searchFirst =
    counted !== undefined && options.searchAtOnce !== true && (options.searchFirst === true || counted.constraints >= SEARCH_FIRST_ROWS || start !== undefined);
  // A reduced problem is given to GLPK in the top form where it fits (ilp-top.ts).
  const built = glpkTakesWhole && !timeUp && !searchFirst ? (reduction ? reducedModelParts(small) : buildValidParts(small)) : undefined;
  let model: IlpModel | undefined = built?.model;
  const size: ModelSize = {
    contexts: contextCount(problem),
    contextsAfter: contextCount(small),
    ...(model
      ? { variables: model.vars.length, integers: model.vars.filter((v) => v.binary).length, constraints: model.rows.length }
      : (counted ?? (nested || timeUp ? { variables: 0, integers: 0, constraints: 0 } : dynamicModelSize(small)))),
  };
  const expand = (migrate: string[]) => pruneIdleMigrationPoints(problem, reduction ? reduction.expand(migrate) : migrate);
  // A proven optimum becomes the first of its ties, found on the reduced problem (which keeps it).
  // GLPK's relaxation of `small`, when it was solved first (glpk-tightened.ts): the search among ties bounds its ties by it.
  let relaxation: SolvedRelaxation | undefined;
  const settle = async (outcome: Outcome): Promise<Outcome> => {
    if (!outcome.optimal || !canonical) return outcome;
    trace('ties');
    const search = (p: PartitionProblem, leaveOut: readonly string[], limit: number, tied: readonly string[]) => tieLeaving(p, leaveOut, limit, tied, options, deadline, trace, relaxation);
    const tied = await firstOptimum(small, outcome.migrate, search, () => performance.now() >= deadline);
    const migrate = expand(tied.migrate);
    const unsettled = tied.first ? {} : { tiesUnsettled: true as const };
    if (migrate.join('\n') === [...outcome.migrate].sort(byCodeUnit).join('\n')) return { ...outcome, ...unsettled };
    // Another tie: the solver's objective was for the one it chose, so it no longer applies.
    return { migrate, optimal: true, ...unsettled };
  };
  // Cut short before GLPK found any integer solution: the search's partition if it has one,
  // else all-device (legal unless a budget rules it out), marked as not proven optimal.
  const cutShort = async (search: SearchResult | undefined): Promise<Solution> => {
    if (search?.best) {
      const outcome = await settle(fallback(expand, search.best, search.lowerBound));
      trace('finish');
      return finish(problem, outcome, size);
    }
    trace('finish');
    const outcome: Outcome = { migrate: [], optimal: false };
    if (search) outcome.bound = search.lowerBound;
    return finish(problem, outcome, size, legalAllDevice(allDevice, problem, options));
  };
  if (model ? model.choices.length === 0 : counted ? counted.integers === 0 : small.candidates.length === 0) {
    // Nothing may migrate: all-device is the only answer (GLPK would see an LP).
    if (allDevice.budget && allDevice.violations.length > 0) throw budgetError(problem, allDevice.budget.cost / allDevice.budget.deviceOnlyCost, true);
    return finish(problem, { migrate: [], optimal: true }, size, allDevice);
  }
  if (model && reduction && small.nesting === 'static') {
    // CloneCloud's rule alone as a partial order: a flow proves the answer (static-antichain.ts).
    trace('antichain');
    const exact = exactStaticAnswer(small, model, deadline, built!.nesting);
    if (exact) {
      const outcome = await settle({ migrate: expand(exact.migrate), solverCost: exact.cost, optimal: true });
      trace('finish');
      return finish(problem, outcome, size);
    }
  }
  if (left() <= 0) {
    // The limit ended before any solver could start (or the reductions took it all):
    // all-device, not proven, gap unknown.
    trace('finish');
    return finish(problem, { migrate: [], optimal: false }, size, legalAllDevice(allDevice, problem, options));
  }
  let flat = model ? flatten(model, true) : undefined;
  const settings = (seconds: number) => ({
    tmlim: Math.max(0.001, seconds),
    mipgap: options.mipGap,
    presol: true,
  });
  // The search's bound may take a second thread when GLPK's is not running beside it.
  const split = options.splitFrom === undefined ? {} : { minContexts: options.splitFrom };
  // A residual's searches start from the larger problem's best partition.
  const firstIncumbent = incumbent ? { incumbent } : {};
  let early: SearchResult | undefined;
  if (searchFirst) {
    trace('search first');
    const from = performance.now();
    const at = (share: number) => from + share * (deadline - from);
    early =
      start === undefined
        ? searchDynamic(small, { boundDeadline: at(SEARCH_FIRST_BOUND_SHARE), deadline: at(SEARCH_SHARE), maxSteps: FRESH_STEPS, split, ...firstIncumbent })
        : searchDynamic(small, { boundDeadline: at(SEARCH_BOUND_SHARE), deadline: at(SEARCH_SHARE), maxSteps: FIRST_CHECKPOINT + 1, split, ...carried(start, problem, reduction), ...firstIncumbent });
    if (start !== undefined && early.residual === undefined && !provenBy(early)) {
      // Carried prices can stall: on the bench's wifi residual (2,259 contexts) the bound did
      // not move in 101 steps, nor in the 136 beside GLPK (1-3 s). A fresh search of its own,
      // to its end, found the optimum and fixed all but 944 contexts in 0.4 s.
      trace('search fresh');
      early = searchDynamic(small, { boundDeadline: at(SEARCH_BOUND_SHARE), deadline: at(SEARCH_SHARE), maxSteps: FRESH_STEPS, split, ...firstIncumbent });
    }
    if (provenBy(early)) {
      // The search's partition meets its bound: proven, and made the first of its ties as any.
      trace('search proved');
      const outcome = await settle(fallback(expand, early!.best!, early!.lowerBound));
      trace('finish');
      return finish(problem, outcome, size);
    }
  }
  const handOver = early?.residual !== undefined;
  /** The search's partition, when GLPK is given the top model: its relaxation first, the MIP tightened by it. */
  let tightenFrom: readonly string[] | undefined;
  if (searchFirst && !handOver) {
    trace('model');
    // Building it takes time of its own (300k rows: 3.4 s at load 15, after a search that had
    // 85% of the time): past the deadline the search's partition is the answer, not proven.
    const top = topModelFits(small);
    model = top ? buildTopModel(small, deadline) : buildDynamicModel(small, deadline);
    if (!model) return cutShort(early);
    flat = flatten(model, true);
    if (top && early?.best) tightenFrom = early.best.migrate;
  }
  trace('glpk');
  // The thread gets a copy (moved there); the relaxation, if needed, reuses this one.
  const mipSettings = () => settings(Math.max(left(), 0.001) * MIP_SHARE);
  const tight = flat && !handOver && tightenFrom ? solveTightened(small, model!, flat, tightenFrom, true, mipSettings, deadline) : undefined;
  if (tight) trace('tightened');
  const mip = tight ?? (flat && !handOver ? solveInThread(copyFlat(flat), mipSettings(), deadline) : undefined);
  // A model GLPK does not finish at once: search on this thread meanwhile, for a bound and a
  // fallback partition (a second core; small models never get here). The searches need the
  // reduced problem (no pinned contexts left: they are folded into the fixed root), so
  // `reduce: false` is GLPK alone. The dynamic search stops as soon as GLPK proves its answer.
  const glpkProved = () => mip?.status() === GLP_OPT;
  const slow =
    reduction !== undefined &&
    (!mip || options.searchAtOnce === true || model!.rows.length >= SEARCH_AT_ONCE_ROWS || (await quickly(mip.result, Math.min(QUICK_MS, limit * 100))) === undefined);
  if (slow && !handOver) trace('search');
  // The search's shares are of the time left when it starts (the reductions may have used much).
  const from = performance.now();
  const at = (share: number) => from + share * (deadline - from);
  const search = handOver
    ? early
    : !slow
      ? undefined
      : small.nesting === 'dynamic'
        ? searchDynamic(small, { boundDeadline: at(SEARCH_BOUND_SHARE), deadline: at(SEARCH_SHARE), stop: glpkProved, ...(mip === undefined ? { split } : {}), ...carried(start, problem, reduction), ...firstIncumbent })
        : searchStatic(small, model!);
  const found = search?.best;
  if (search?.residual && !glpkProved() && left() > 0.01) {
    // The search's bound fixed some methods: the problem over the others is smaller, and is
    // solved the same way (GLPK, and a search of its own that may fix more). GLPK's work on the
    // whole model gives way to it (one thread).
    mip?.cancel();
    trace('residual');
    // The residual keeps every tied optimum (fixing.ts): its first one, with the methods fixed
    // on, is this problem's.
    const inner = await solveWithin(
      search.residual.problem,
      { ...options, timeLimitSec: left(), trace: (step) => trace(`residual ${step}`) },
      { nested: true, canonical, start: search.residual.lambda, incumbent: search.residual.incumbent },
    );
    trace('finish');
    const migrate = [...inner.migrate, ...search.residual.fixedOn];
    const innerBound = inner.optimal ? inner.cost : inner.gap === undefined ? -Infinity : inner.cost - inner.gap * Math.max(Math.abs(inner.cost), 1e-12);
    const bound = Math.max(search.lowerBound, innerBound);
    if (inner.optimal || !found || inner.cost <= found.cost) {
      const outcome: Outcome = { migrate: expand(migrate), solverCost: inner.cost, optimal: inner.optimal };
      if (!inner.optimal) outcome.bound = bound;
      return finish(problem, outcome, size);
    }
    return finish(problem, await settle(fallback(expand, found, bound)), size);
  }
  trace('glpk wait');
  const result = (await mip?.result) ?? { status: GLP_UNDEF, z: 0, values: new Float64Array(0) };
  if (tight) relaxation = await tight.relaxation;
  trace('after glpk');
  if (result.status === GLP_NOFEAS || result.status === GLP_INFEAS) {
    if (!problem.budget) throw new Error('GLPK found no feasible partition, but all-device always is (a bug)');
    throw budgetError(problem, await lowestRatio(problem, options, left()), false);
  }
  if (result.status === GLP_UNDEF) return cutShort(search);
  if (result.status !== GLP_OPT && result.status !== GLP_FEAS) {
    const spent = ((performance.now() - started) / 1000).toFixed(1);
    throw new Error(
      `GLPK did not return a solution: status ${statusName(result.status)} after ${spent} s ` +
        `(time limit ${options.timeLimitSec} s; a larger limit may help)`,
    );
  }
  // GLPK answered, so it was given the model.
  const solved = model!;
  const column = new Map(solved.vars.map((v, j) => [v.name, j]));
  const chosen = solved.choices.filter((c) => result.values[column.get(c.name)!]! > 0.5).map((c) => c.method);
  const optimal = result.status === GLP_OPT;
  const solverCost = result.z + solved.constant;
  if (!optimal && found && found.cost < solverCost) {
    const outcome = await settle(fallback(expand, found, search.lowerBound));
    trace('finish');
    return finish(problem, outcome, size);
  }
  let bound = search?.lowerBound;
  if (!optimal && left() > 0.01) {
    // Not proven optimal: the LP relaxation gives a lower bound to report the gap against
    // (only when solved to optimality: a primal simplex cut short bounds nothing).
    // The relaxation GLPK solved before the MIP (glpk-tightened.ts) is that one: not solved again.
    trace('relaxation');
    const relaxed = relaxation ?? (await solveInThread({ ...flat!, integral: false }, settings(left()), deadline).result);
    if (relaxed?.status === GLP_OPT) bound = Math.max(bound ?? -Infinity, relaxed.z + solved.constant);
  }
  const outcome: Outcome = await settle({ migrate: expand(chosen), solverCost, optimal });
  if (bound !== undefined) outcome.bound = bound;
  trace('finish');
  return finish(problem, outcome, size);
}

/**
 * For the search among ties (canonical.ts): a legal partition of `problem` that leaves out one
 * of `leaveOut` and costs at most `limit`, 'none' when proven that none does, undefined when
 * not known by `deadline`. One method is left out as a candidate and the problem solved as any;
 * of several, at least one by a row on GLPK's model (if GLPK takes it whole).
 */
async function tieLeaving(problem: PartitionProblem, leaveOut: readonly string[], limit: number, tied: readonly string[], options: SolveOptions, deadline: number, trace: (step: string) => void, relaxation: SolvedRelaxation | undefined) {
  const seconds = (deadline - performance.now()) / 1000;
  if (seconds < 0.01) return undefined;
  if (leaveOut.length > 1) {
    if (problem.contexts.length > GLPK_MAX_CONTEXTS) return undefined;
    trace('ties glpk');
    return glpkLeaving(problem, leaveOut, tied, limit, deadline, relaxation);
  }
  const restricted = { ...problem, candidates: problem.candidates.filter((m) => m !== leaveOut[0]) };
  try {
    const s = await solveWithin(restricted, { ...options, timeLimitSec: seconds, trace: (step) => trace(`ties ${step}`) }, { nested: true, canonical: false });
    return s.cost <= limit ? s.migrate : s.optimal ? 'none' : undefined;
  } catch (error) {
    if (error instanceof InputError) return 'none';
    if (error instanceof CutShort) return undefined;
    throw error;
  }
}

/** `promise`'s value if it settles within `ms`, else undefined (it keeps running). */
async function quickly<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The lowest ratio the budgeted cost can reach: the same problem minimising the budget's
 * costs, without the budget, in the time that is left (undefined when not proven in time).
 */
async function lowestRatio(problem: PartitionProblem, options: SolveOptions, seconds: number): Promise<number | undefined> {
  const budget = problem.budget!;
  if (seconds < 0.01) return undefined;
  const swapped: PartitionProblem = {
    ...problem,
    contexts: problem.contexts.map((c, i) => ({ parent: c.parent, method: c.method, ...budget.costs[i]! })),
    objective: budget.objective,
  };
  delete swapped.budget;
  const best = await solvePartition(swapped, { ...options, timeLimitSec: seconds });
  if (!best.optimal) return undefined;
  return best.deviceOnlyCost > 0 ? best.cost / best.deviceOnlyCost : undefined;
}

function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `unknown status ${status}`;
}

function validateOptions(options: SolveOptions): void {
  if (!(options.timeLimitSec > 0)) throw new InputError('must be a positive number of seconds', undefined, 'timeLimitSec');
  if (!(options.mipGap >= 0 && options.mipGap < 1)) throw new InputError('must be in [0, 1)', undefined, 'mipGap');
}
