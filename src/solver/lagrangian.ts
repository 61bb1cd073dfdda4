/**
 * A lower bound on the dynamic model's optimum and good partitions along the way, without
 * GLPK, for the trees GLPK cannot finish in time (its simplex on the per-context model slows
 * down sharply past ~10k contexts). Lagrangian relaxation: give every candidate context c its
 * own copy y[c] of R[m(c)] and price the coupling y[c] = R[m(c)] with a multiplier λ[c]:
 *
 *   L(λ) = Σ dev + min_y Σ_c ( [c ∈ Top(y)]·w[c] + λ[c]·y[c] ) + Σ_m min(0, −Σ_{c of m} λ[c])
 *
 * The inner minimum is one bottom-up pass: a context either lies under a migration (covered:
 * y[c] is free, worth min(0, λ[c])), or execution migrates there (w[c] + λ[c], its subtree
 * covered), or it stays on the device with its subtree uncovered. A native-state group's
 * "same location as the component's first context" rows are priced the same way, with a
 * multiplier μ[c] on L[c] − L[first]: a context on the clone pays ν[c] = μ[c] (and the first
 * −Σ μ). Every L(λ, μ) is a lower bound (dropping the budget only lowers it further);
 * subgradient steps raise it.
 * Steps also round the relaxed answer to sets of migration points (the methods the relaxation
 * picks, and those most of whose copies are 1) and price them, so the best legal set found
 * comes back with the bound.
 */
import { wallClock, type Clock } from './clock.js';
import { costOf, costTolerance, type CompactTree } from './compact.js';
import { stepRunner, type SplitOptions, type StepRunner } from './lagrangian-steps.js';
import { flatStart, zeroBound } from './lagrangian-start.js';

/** Prices of the bound: λ per candidate context, and ν per context (the group rows' price of being on the clone). */
export interface Prices {
  lambda: Float64Array;
  nu: Float64Array;
}

export interface LagrangianOptions {
  /**
   * performance.now() after which no new step starts. When it has passed already, no step runs
   * (the bound is λ = 0's, one pass): the first step, with its runner's arrays and thread, took
   * 1.5 s on the 1M-context adversarial bench tree when the reductions had used the time.
   */
  deadline: number;
  /** Polled between steps: true ends the search. */
  stop(): boolean;
  /** The time (default: wallClock). */
  now?: Clock;
  maxSteps: number;
  /** A legal set made from a proposal (native-state groups, budget), or undefined. */
  legalize(chosen: Uint8Array): Uint8Array | undefined;
  /**
   * Called after steps 100, 200, 300, ... with the best prices, bound and rounded set so far; true
   * ends the search there (the caller has what it needs: see dynamic-search.ts).
   */
  checkpoint?(prices: Prices, lowerBound: number, chosen: Uint8Array, cost: number): boolean;
  /**
   * Methods fixed off (1), which the caller may add to at a checkpoint: from then on their
   * contexts are not candidates, which only raises the bound of the problem without them.
   */
  off?: Uint8Array;
  /**
   * λ to start from (any λ gives a bound), else a fresh start (lagrangian-start.ts): half the
   * flat dual, the bound never reported below λ = 0's.
   */
  start?: Float64Array;
  /**
   * The best legal set the caller knows (one carried from a larger problem, or the rounded sets
   * polished at checkpoints), polled at the start and after each checkpoint: when cheaper
   * than the rounded sets, its cost is the steps' target, and it is the answer. Polyak's steps
   * aimed at the rounded sets' cost (2.7% above the optimum at step 100 on the 1M-context bench
   * tree) overshoot; aimed at the polished one's, that tree's gap after 400 steps fell from
   * 1.63% to 0.90%.
   */
  incumbent?(): { chosen: Uint8Array; cost: number } | undefined;
  /**
   * Given when the caller has a core to spare (no GLPK thread runs beside the search): large
   * trees then pass their steps in two threads (lagrangian-steps.ts).
   */
  split?: SplitOptions;
}

export interface LagrangianResult {
  lowerBound: number;
  /** The prices at which `lowerBound` was reached. */
  prices: Prices;
  /** Best legal set found or given (all-device when nothing beat it), with its cost; Infinity when none was legal. */
  chosen: Uint8Array;
  cost: number;
  steps: number;
}

/** Weight of the previous direction in the next (0: plain subgradient; 0.9 diverged on adversarial trees). */
const MOMENTUM = 0.7;
const ROUND_EVERY_STEP_UNTIL = 5;
const ROUND_EVERY = 10;
/**
 * Steps after which a fresh search whose steps have not reached λ = 0's bound starts over from
 * λ = 0 (lagrangian-start.ts: the flat start is a guess; on the adversarial bench trees the
 * steps from it stayed below λ = 0's bound for hundreds of steps).
 */
const RESTART_AT = 50;
/**
 * Steps without a better bound after which the step size halves. With 8, the steps on the
 * adversarial bench trees (every step overshooting at first) halved it to nothing within 150
 * steps; after 300 steps of the bound alone (100k-context tree, 75k after the reductions) the
 * bound was 122.5k with 8, 123.4k with 16 (λ = 0's: 117.2k); on the 10k tree 12.65k either way
 * (the LP relaxation's: 12.72k). The 1M realistic tree took the same steps at its first two levels.
 */
const PATIENCE = 16;
/**
 * The first step after which `checkpoint` is called (steps count from 0), and the steps between
 * checkpoints: every 100 rather than at 100, 200, 400, ..., so that a search hands over as soon
 * as it has fixed enough. On the 1M-context bench tree the first search handed over at step 300
 * instead of 400, and the levels' steps over all their contexts fell from 207M to 182M (CPU
 * -5%, interleaved runs), with the same answer.
 */
export const FIRST_CHECKPOINT = 100;

export function lagrangianSearch(tree: CompactTree, options: LagrangianOptions): LagrangianResult {
  if ((options.now ?? wallClock)() >= options.deadline) return withoutSteps(tree, options);
  const runner = stepRunner(tree, options.start ?? flatStart(tree), options.split);
  try {
    return runSteps(tree, options, runner);
  } finally {
    runner.close();
  }
}

function runSteps(tree: CompactTree, options: LagrangianOptions, runner: StepRunner): LagrangianResult {
  const n = tree.size;
  const m = tree.methods.length;
  // Per-context state in the runner's layout (its own order when the steps are split).
  const { method, lambda, nu, grouped } = runner.arrays;
  const switchOff = (): void => {
    const off = options.off;
    if (off) for (let i = 0; i < n; i++) if (method[i]! >= 0 && off[method[i]!]) method[i] = -1;
  };
  switchOff();
  const bestLambda = new Float64Array(n);
  const bestNu = new Float64Array(n);
  const lambdaSum = new Float64Array(m);
  const pick = new Uint8Array(m);
  const votes = new Float64Array(m);
  const contextsOf = new Float64Array(m);
  const majority = new Uint8Array(m);
  for (let i = 0; i < n; i++) if (method[i]! >= 0) contextsOf[method[i]!]!++;
  const prices = (): Prices => ({ lambda: runner.toTree(bestLambda), nu: runner.toTree(bestNu) });

  const allDevice = options.legalize(new Uint8Array(m));
  let best = allDevice ?? new Uint8Array(m);
  let bestCost = allDevice ? costOf(tree, allDevice) : Infinity;
  // A fresh start's bound is at least λ = 0's (bestLambda and bestNu are 0 until a step beats
  // it); the steps' own best (`pathBest`) rules their step size, so that a start below it is not
  // taken for a stall.
  const off = options.off;
  const zero = options.start ? -Infinity : zeroBound(tree, off ? tree.method.map((k) => (k >= 0 && off[k] ? -1 : k)) : tree.method);
  let lowerBound = zero;
  let pathBest = -Infinity;
  let theta = 1;
  let sinceBetter = 0;
  const tolerance = costTolerance(tree);
  // The caller's set (options.incumbent) is kept apart from the rounded sets: the checkpoints
  // polish those, and from a rounded set the polish found better partitions than from the
  // caller's (a local optimum), three levels down on the 1M-context bench tree.
  let known: { chosen: Uint8Array; cost: number } | undefined;
  const adoptKnown = (): void => {
    const offered = options.incumbent?.();
    if (offered && offered.cost < (known?.cost ?? Infinity)) known = offered;
  };
  const upperBound = (): number => Math.min(bestCost, known?.cost ?? Infinity);
  adoptKnown();

  const offer = (proposal: Uint8Array): void => {
    const legal = options.legalize(proposal);
    if (!legal) return;
    const cost = costOf(tree, legal);
    if (cost < bestCost - tolerance) {
      best = legal;
      bestCost = cost;
    }
  };

  let steps = 0;
  let nextCheckpoint = FIRST_CHECKPOINT;
  // Each step is two passes: bottom-up (last step's move of λ and μ, then the relaxed minimum)
  // and top-down (the minimiser's copies, the next direction). Fusing them doubled the steps
  // that fit in the time on the 1M-context bench tree.
  let pending = 0;
  const now = options.now ?? wallClock;
  // The first step runs (the caller found the deadline ahead): any λ gives a bound.
  for (; steps < options.maxSteps && (steps === 0 || (now() < options.deadline && !options.stop())); steps++) {
    const value = withMethodTerms(tree.constant + runner.bottomUp(pending, lambdaSum), lambdaSum, pick);
    if (value > lowerBound + tolerance) {
      lowerBound = value;
      bestLambda.set(lambda);
      // ν is zero outside the groups' contexts.
      for (let g = 0; g < grouped.length; g++) bestNu[grouped[g]!] = nu[grouped[g]!]!;
    }
    if (value > pathBest + tolerance) {
      pathBest = value;
      sinceBetter = 0;
    } else if (++sinceBetter >= PATIENCE) {
      theta /= 2;
      sinceBetter = 0;
    }
    if (upperBound() - lowerBound <= tolerance || theta < 1e-5) break;
    if (steps === RESTART_AT && pathBest < zero) {
      // The flat start lost: from λ = 0 (whose bound this step's pass need not repeat), afresh.
      for (const a of [lambda, runner.arrays.direction, runner.arrays.mu, runner.arrays.muDirection]) a.fill(0);
      pathBest = lowerBound;
      theta = 1;
      sinceBetter = 0;
      pending = 0;
      continue;
    }

    // The copies y of the minimiser, top-down, and the next direction: the subgradient
    // deflected by the previous direction (plain subgradient steps zigzag; on the bench's trees
    // this raises the bound 2-3x faster per step).
    const { norm, disagree } = runner.topDown(pick, votes, MOMENTUM);
    // Rounding costs more than a step (making a set legal is several passes), so after the
    // first steps only every tenth is rounded: on the 1M-context bench tree this doubles the
    // steps that fit in the time.
    if (steps < ROUND_EVERY_STEP_UNTIL || steps % ROUND_EVERY === 0) {
      offer(pick);
      offer(majorities(votes, contextsOf, majority));
    }
    // The copies agree with their methods: the relaxed minimiser is a partition whose cost is
    // the bound (optimal if legal).
    if (disagree === 0 || norm === 0) {
      offer(pick);
      break;
    }
    if (options.checkpoint && steps >= nextCheckpoint) {
      nextCheckpoint += FIRST_CHECKPOINT;
      if (options.checkpoint(prices(), lowerBound, best, bestCost)) break;
      switchOff();
      adoptKnown();
    }
    // Polyak's step towards the best cost known (a little above the bound when none is),
    // taken at the start of the next bottom-up pass.
    const target = Math.max(Number.isFinite(upperBound()) ? upperBound() : -Infinity, pathBest + 1e-3 * Math.abs(pathBest) + tolerance);
    pending = (theta * (target - value)) / norm;
  }
  const answer = known && known.cost < bestCost - tolerance ? known : { chosen: best, cost: bestCost };
  return { lowerBound, prices: prices(), chosen: answer.chosen, cost: answer.cost, steps };
}

/**
 * `value` plus each method's own term, min over R[m] of −R[m]·Σλ, added in method order; the
 * relaxed value of each method into `pick`. The steps' loops over the methods are functions of
 * their own: runSteps runs once per search, so its loops ran in the interpreter (boxing each
 * sum) until compiled on the stack, again after each deoptimisation.
 */
function withMethodTerms(value: number, lambdaSum: Float64Array, pick: Uint8Array): number {
  for (let k = 0; k < lambdaSum.length; k++) {
    pick[k] = lambdaSum[k]! > 0 ? 1 : 0;
    value += Math.min(0, -lambdaSum[k]!);
  }
  return value;
}

/** Per method, 1 when most of its copies are 1 (into `majority`). */
function majorities(votes: Float64Array, contextsOf: Float64Array, majority: Uint8Array): Uint8Array {
  for (let k = 0; k < votes.length; k++) majority[k] = votes[k]! * 2 > contextsOf[k]! ? 1 : 0;
  return majority;
}

/**
 * The answer when the deadline has passed before any step: λ = 0's bound (any λ gives one; a
 * carried start's would take a step's passes), the caller's set or all-device made legal.
 */
function withoutSteps(tree: CompactTree, options: LagrangianOptions): LagrangianResult {
  const off = options.off;
  const lowerBound = zeroBound(tree, off ? tree.method.map((k) => (k >= 0 && off[k] ? -1 : k)) : tree.method);
  const prices = { lambda: new Float64Array(tree.size), nu: new Float64Array(tree.size) };
  const allDevice = options.legalize(new Uint8Array(tree.methods.length));
  const known = options.incumbent?.();
  const allDeviceCost = allDevice ? costOf(tree, allDevice) : Infinity;
  if (known && known.cost < allDeviceCost - costTolerance(tree)) return { lowerBound, prices, chosen: known.chosen, cost: known.cost, steps: 0 };
  return { lowerBound, prices, chosen: allDevice ?? new Uint8Array(tree.methods.length), cost: allDeviceCost, steps: 0 };
}
