/**
 * Fixing methods by their bound, and the smaller problem that is left. Take the prices of the
 * Lagrangian bound (lagrangian.ts) and a legal partition of cost U. When forcing a method's
 * R[m] and all its copies to the other value than in that partition raises the bound above U,
 * every optimum takes that partition's value for m: any partition that differs there costs
 * more than U. Forcing one method changes the bottom-up pass only at its contexts and their
 * ancestors, so every method's forced bound costs one walk up from its contexts (taken only
 * when a cheap ceiling on that bound does not already rule the fixing out).
 *
 * The methods left free form a smaller problem: methods fixed off are no longer candidates,
 * and a method fixed on puts each of its contexts' subtrees on the clone for good, so the
 * subtree is folded into its parent (which pays the migration and the clone's work when it is
 * on the device, the clone's work otherwise). Its optimum plus the methods fixed on is an
 * optimum of the whole problem.
 */
import type { PartitionProblem } from '../model/types.js';
import { costTolerance, type CompactTree } from './compact.js';
import type { Prices } from './lagrangian.js';
import { columnsFromObjects, columnsOfProblem, problemFromColumns } from '../model/columns.js';
import { cleared } from './scratch.js';
import { anyBelowParents, subtreeSumsParents, flagsOf } from './tree.js';

/** Per method (index into tree.methods): -1 free, 0 fixed off, 1 fixed on. */
export type Fixings = Int8Array;

/**
 * Fixes what the bound at `prices` allows against `incumbent` (a legal set of cost `upperBound`),
 * in the problem without the methods already fixed off (`off`: 1 per method), until `deadline`.
 *
 * Each pass over the tree is its own function, and each method's walk one call: one function
 * holding all the passes was compiled again for each of its loops at every call (on-stack, each
 * version dropped at the loop's end for want of feedback on the code after it), and ran in the
 * interpreter meanwhile, boxing every number: 200 MB of garbage over a solve of the
 * 1M-context bench tree.
 */
export function fixByBound(tree: CompactTree, prices: Prices, incumbent: Uint8Array, upperBound: number, off?: Uint8Array, deadline = Infinity): Fixings {
  const n = tree.size;
  // The per-context arrays are kept with the tree between checkpoints (scratch.ts).
  const method = off ? withoutOff(tree.method, off, cleared(tree, 'fixByBound.method', Int32Array, n)) : tree.method;
  const pass: BoundPass = {
    parent: tree.parent,
    weight: tree.weight,
    method,
    lambda: prices.lambda,
    nu: prices.nu,
    incumbent,
    // Each method's own term, min over R[m] of −R[m]·Σ λ of its copies.
    lambdaSum: lambdaSums(method, prices.lambda, tree.methods.length),
    coveredSum: cleared(tree, 'fixByBound.coveredSum', Float64Array, n),
    uncoveredSum: cleared(tree, 'fixByBound.uncoveredSum', Float64Array, n),
    covered: cleared(tree, 'fixByBound.covered', Float64Array, n),
    uncovered: cleared(tree, 'fixByBound.uncovered', Float64Array, n),
    // Per method, how far forcing it can raise the bound at most: the sum over its contexts of how
    // much forcing raises that context's own covered or uncovered value (a rise passes up through
    // the sums and minima of its ancestors no larger). A method whose ceiling stays within the
    // incumbent's cost cannot be fixed, and is not walked: of the 9.4k methods of the 1M-context
    // bench tree's reduced problem, 21 were walked at the first checkpoint, 3.8k at the fourth.
    rise: new Float64Array(tree.methods.length),
    base: 0,
  };
  pass.base = relaxedPass(pass, ownTermsBase(tree.constant, pass.lambdaSum));
  const tolerance = costTolerance(tree);
  const margin = upperBound + tolerance;
  const walked = ceilingsAbove(pass, tolerance, margin);
  const contextsOf = groupContexts(method, walked);
  const fixings = new Int8Array(tree.methods.length).fill(-1);
  const walk: WalkArrays = {
    coveredDelta: cleared(tree, 'fixByBound.coveredDelta', Float64Array, n),
    uncoveredDelta: cleared(tree, 'fixByBound.uncoveredDelta', Float64Array, n),
    seen: cleared(tree, 'fixByBound.seen', Uint8Array, n),
    touched: cleared(tree, 'fixByBound.touched', Int32Array, n),
  };
  // Each method's walk is independent: past `deadline` the rest stay free (on deep trees the
  // walks took half a second at 20k contexts).
  for (let m = 0; m < tree.methods.length && (m % 64 !== 0 || performance.now() < deadline); m++) {
    if (!walked[m]) continue;
    const bound = forcedBound(pass, walk, m, contextsOf.items.subarray(contextsOf.first[m]!, contextsOf.first[m + 1]!));
    if (bound > margin) fixings[m] = incumbent[m]!;
  }
  return fixings;
}

/** The tree's arrays and the bound's prices as fixByBound's passes read them, with the pass's results. */
interface BoundPass {
  parent: Int32Array;
  weight: Float64Array;
  /** Candidate method per context, -1 when not a candidate or fixed off. */
  method: Int32Array;
  lambda: Float64Array;
  nu: Float64Array;
  incumbent: Uint8Array;
  lambdaSum: Float64Array;
  coveredSum: Float64Array;
  uncoveredSum: Float64Array;
  covered: Float64Array;
  uncovered: Float64Array;
  rise: Float64Array;
  /** The bound at the prices (the relaxed pass's value). */
  base: number;
}

/** The walks' per-context arrays: zero (seen, deltas) between walks. */
interface WalkArrays {
  coveredDelta: Float64Array;
  uncoveredDelta: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
}

/** `method` with the contexts of methods fixed off at -1, into `into`. */
function withoutOff(method: Int32Array, off: Uint8Array, into: Int32Array): Int32Array {
  for (let i = 0; i < method.length; i++) into[i] = method[i]! >= 0 && off[method[i]!] ? -1 : method[i]!;
  return into;
}

function lambdaSums(method: Int32Array, lambda: Float64Array, methods: number): Float64Array {
  const lambdaSum = new Float64Array(methods);
  for (let i = 0; i < method.length; i++) if (method[i]! >= 0) lambdaSum[method[i]!]! += lambda[i]!;
  return lambdaSum;
}

/** The tree's constant plus every method's own term. */
function ownTermsBase(constant: number, lambdaSum: Float64Array): number {
  let base = constant;
  for (let k = 0; k < lambdaSum.length; k++) base += Math.min(0, -lambdaSum[k]!);
  return base;
}

/** The relaxed minimum bottom-up (each context's covered and uncovered value, the ceilings' rises): `base` plus the roots' values. */
function relaxedPass(pass: BoundPass, base: number): number {
  const { parent, weight, method, lambda, nu, incumbent, coveredSum, uncoveredSum, covered, uncovered, rise } = pass;
  let value = base;
  for (let i = parent.length - 1; i >= 0; i--) {
    const k = method[i]!;
    covered[i] = nu[i]! + coveredSum[i]! + (k >= 0 ? Math.min(0, lambda[i]!) : 0);
    uncovered[i] = k >= 0 ? Math.min(nu[i]! + weight[i]! + lambda[i]! + coveredSum[i]!, uncoveredSum[i]!) : uncoveredSum[i]!;
    if (k >= 0) {
      const l = lambda[i]!;
      if (incumbent[k]) rise[k]! += Math.max(-l, uncoveredSum[i]! - uncovered[i]!, 0);
      else rise[k]! += Math.max(l, nu[i]! + weight[i]! + l + coveredSum[i]! - uncovered[i]!, 0);
    }
    const p = parent[i]!;
    if (p >= 0) {
      coveredSum[p]! += covered[i]!;
      uncoveredSum[p]! += uncovered[i]!;
    } else {
      value += uncovered[i]!;
    }
  }
  return value;
}

/** The bound with method m forced to the other value than in the incumbent, before its walk: its own term, min over R[m] replaced by the forced value's. */
function ownTerm(pass: BoundPass, m: number): number {
  return pass.base - Math.min(0, -pass.lambdaSum[m]!) - (1 - pass.incumbent[m]!) * pass.lambdaSum[m]!;
}

/** Per method, 1 when its ceiling reaches above `margin` (worth walking). */
function ceilingsAbove(pass: BoundPass, tolerance: number, margin: number): Uint8Array {
  const walked = new Uint8Array(pass.lambdaSum.length);
  // The tolerance again below the margin: the ceiling's sums are added in another order than the walk's.
  for (let m = 0; m < walked.length; m++) walked[m] = ownTerm(pass, m) + pass.rise[m]! + tolerance > margin ? 1 : 0;
  return walked;
}

/** The bound with method m forced (to the other value than in the incumbent): one walk up from its contexts `starts`. */
function forcedBound(pass: BoundPass, walk: WalkArrays, m: number, starts: Int32Array): number {
  const { parent, weight, method, lambda, nu, coveredSum, uncoveredSum, covered, uncovered } = pass;
  const { coveredDelta, uncoveredDelta, seen, touched } = walk;
  const forced = 1 - pass.incumbent[m]!;
  let count = 0;
  for (let j = 0; j < starts.length; j++) {
    for (let a = starts[j]!; a >= 0 && !seen[a]; a = parent[a]!) {
      seen[a] = 1;
      touched[count++] = a;
    }
  }
  // Children before parents: larger indices first. A typed array sorts numbers natively: the
  // comparator sort of a plain array was about half of fixing's time on the 1M-context bench tree.
  const order = touched.subarray(0, count).sort();
  let bound = ownTerm(pass, m);
  for (let t = order.length - 1; t >= 0; t--) {
    const i = order[t]!;
    const below = coveredSum[i]! + coveredDelta[i]!;
    const stay = uncoveredSum[i]! + uncoveredDelta[i]!;
    const k = method[i]!;
    let c: number;
    let u: number;
    if (k === m) {
      c = nu[i]! + below + forced * lambda[i]!;
      u = forced ? nu[i]! + weight[i]! + lambda[i]! + below : stay;
    } else {
      c = nu[i]! + below + (k >= 0 ? Math.min(0, lambda[i]!) : 0);
      u = k >= 0 ? Math.min(nu[i]! + weight[i]! + lambda[i]! + below, stay) : stay;
    }
    const p = parent[i]!;
    if (p >= 0) {
      coveredDelta[p]! += c - covered[i]!;
      uncoveredDelta[p]! += u - uncovered[i]!;
    } else {
      bound += u - uncovered[i]!;
    }
  }
  for (let t = 0; t < count; t++) {
    const i = order[t]!;
    seen[i] = 0;
    coveredDelta[i] = 0;
    uncoveredDelta[i] = 0;
  }
  return bound;
}

/** The contexts of each method flagged in `wanted`: method k's are items[first[k] .. first[k + 1]). */
function groupContexts(method: Int32Array, wanted: Uint8Array): { first: Int32Array; items: Int32Array } {
  const first = new Int32Array(wanted.length + 1);
  for (let i = 0; i < method.length; i++) if (method[i]! >= 0 && wanted[method[i]!]) first[method[i]! + 1]!++;
  for (let k = 0; k < wanted.length; k++) first[k + 1]! += first[k]!;
  const next = first.slice(0, wanted.length);
  const items = new Int32Array(first[wanted.length]!);
  for (let i = 0; i < method.length; i++) if (method[i]! >= 0 && wanted[method[i]!]) items[next[method[i]!]!++] = i;
  return { first, items };
}

/** Name of the context that carries the cost of fixed migrations entered from the device entry. */
const ENTRY_MIGRATIONS = '<fixed migrations at the entry>';

/**
 * The problem over the free methods (see the header), the methods fixed on, and where each
 * context went (-1: folded into a fixed-on subtree's parent). Methods fixed
 * on whose subtrees hold a native-state group's context are left free instead, so that every
 * group keeps all its contexts. Takes a reduced problem (no pinned contexts) without a budget.
 */
export function residualProblem(
  problem: PartitionProblem,
  tree: CompactTree,
  fixings: Fixings,
): { problem: PartitionProblem; fixedOn: string[]; contextOf: Int32Array } {
  // Columns throughout (the reduced problem's own when it keeps them, model/columns.ts), and the
  // residual is kept in columns too: the level below reads them (validation, its checks, its
  // reductions, carried prices, pruning), and its contexts become objects only if something
  // asks for them. Building them took about a second on the 1M-context bench tree's first
  // residual (298k contexts), and the collector copied and marked them at every level.
  const { id, names, device: deviceCost, clone: cloneCost, migration } = columnsOfProblem(problem) ?? columnsFromObjects(problem.contexts);
  const n = tree.size;
  const { parent, method } = tree;
  const on = Uint8Array.from(fixings, (f) => (f === 1 ? 1 : 0));
  if (problem.groups.length > 0) {
    // A method fixed on whose subtree holds a native-state group's context stays free.
    const grouped = new Set(problem.groups.flat());
    const isGrouped = flagsOf(names, (m) => grouped.has(m));
    const holdsGroup = anyBelowParents(parent, (i) => isGrouped[id[i]!] === 1);
    for (let i = 0; i < n; i++) if (method[i]! >= 0 && holdsGroup[i]) on[method[i]!] = 0;
  }
  const cloneBelow = subtreeSumsParents(parent, (i) => cloneCost[i]!);
  // Per kept context (in order): where it came from, its parent and the costs it ends with.
  const from = new Int32Array(n);
  const nextParent = new Int32Array(n);
  const device = new Float64Array(n);
  const clone = new Float64Array(n);
  // -1 for a context folded into its fixed-on ancestor (itself or above): its parent tells.
  const renumbered = new Int32Array(n).fill(-1);
  let size = 0;
  let entry = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && renumbered[p]! < 0) continue;
    if (method[i]! >= 0 && on[method[i]!]) {
      const onClone = cloneBelow[i]!;
      if (p < 0) {
        entry += onClone + migration[i]!;
      } else {
        const j = renumbered[p]!;
        device[j]! += onClone + migration[i]!;
        clone[j]! += onClone;
      }
      continue;
    }
    renumbered[i] = size;
    from[size] = i;
    nextParent[size] = p < 0 ? -1 : renumbered[p]!;
    device[size] = deviceCost[i]!;
    clone[size] = cloneCost[i]!;
    size++;
  }
  // The residual's columns too, for its own reductions: its methods numbered by first appearance.
  const total = size + (entry !== 0 ? 1 : 0);
  const kept = { parent: nextParent.slice(0, total), id: new Int32Array(total), names: [] as string[], device: device.slice(0, total), clone: clone.slice(0, total), migration: new Float64Array(total) };
  const renamed = new Int32Array(names.length).fill(-1);
  for (let j = 0; j < size; j++) {
    const i = from[j]!;
    const k = id[i]!;
    if (renamed[k]! < 0) renamed[k] = kept.names.push(names[k]!) - 1;
    kept.id[j] = renamed[k]!;
    kept.migration[j] = migration[i]!;
  }
  if (entry !== 0) {
    kept.parent[size] = -1;
    const known = kept.names.indexOf(ENTRY_MIGRATIONS);
    kept.id[size] = known >= 0 ? known : kept.names.push(ENTRY_MIGRATIONS) - 1;
    kept.device[size] = entry;
    kept.clone[size] = entry;
  }
  const fixedOn = tree.methods.filter((_, k) => on[k] === 1); // sorted, as tree.methods is
  const onNames = new Set(fixedOn);
  const off = new Set(tree.methods.filter((_, k) => fixings[k] === 0));
  // The problem's other fields, read one by one: a spread would make a column-kept problem's
  // contexts objects only to drop them.
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(problem) as (keyof PartitionProblem)[]) {
    if (key !== 'contexts') rest[key] = problem[key];
  }
  rest.candidates = problem.candidates.filter((m) => !onNames.has(m) && !off.has(m));
  const residual = problemFromColumns(rest as unknown as Omit<PartitionProblem, 'contexts'>, kept);
  return { problem: residual, fixedOn, contextOf: renumbered };
}
