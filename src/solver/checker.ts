/**
 * The independent checker: simulates where every context runs for a given set of migration
 * points and says, in plain sentences, what is illegal about it. It shares no code with the ILP
 * builder on purpose, so that a bug in one is caught by the other; the CLI refuses to write a
 * manifest whose solution this rejects.
 */
import type { ContextCosts, PartitionProblem } from '../model/types.js';
import { reachingPairs } from '../util/reach.js';
import { columnsOfProblem, contextCount, type ContextColumns } from '../model/columns.js';

export interface CheckResult {
  /** Expected cost of one execution with these migration points (run-time semantics). */
  cost: number;
  /** Expected cost when everything runs on the device. */
  deviceOnlyCost: number;
  /** One readable sentence per problem; empty when the partition is legal. */
  violations: string[];
  /** With a budget: the bounded cost of this partition, all-device, and the limit. */
  budget?: { cost: number; deviceOnlyCost: number; limit: number };
}

export function checkPartition(problem: PartitionProblem, migrate: string[]): CheckResult {
  const violations: string[] = [];
  // A problem the solver made in columns (model/columns.ts) is read from them: a search's residual
  // problem is checked at its own level without making its contexts objects.
  const columns = columnsOfProblem(problem);
  const n = contextCount(problem);
  const parents = columns ? checkColumns(problem, columns, violations) : checkTree(problem, violations);
  const chosen = checkMethods(problem, migrate, violations);
  const flags = flagsOf(problem, chosen);

  // Run-time semantics (dynamic nesting): a context runs on the clone iff its parent does or
  // its method is a migration point; a migration is paid only when entered from the device.
  // `mover[i]` is the context where execution migrated for a clone context, -1 on the device.
  const mover = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = parents[i]!;
    const parentMover = p < 0 ? -1 : mover[p]!;
    if (parentMover >= 0) mover[i] = parentMover;
    else if (flags[i]! & CHOSEN) mover[i] = i;
  }
  const { cost, deviceOnlyCost } = columns ? priceColumns(columns, mover) : price(problem.contexts, mover);

  checkPinned(problem, flags, mover, violations);
  checkGroups(problem, flags, mover, violations);
  if (problem.nesting === 'static') checkStaticNesting(problem, parents, flags, chosen, violations);
  const result: CheckResult = { cost, deviceOnlyCost, violations };
  if (problem.budget) result.budget = checkBudget(problem, mover, violations);
  return result;
}

/** Bits of `flagsOf`: what a context's method is in this partition. */
const CHOSEN = 1;
const PINNED = 2;
const GROUPED = 4;

/**
 * Per context, what its method is (chosen, pinned, in a group), one lookup per context: the
 * passes below read bits rather than ask sets by name (a million contexts, several passes).
 */
function flagsOf(problem: PartitionProblem, chosen: ReadonlySet<string>): Uint8Array {
  const byMethod = new Map<string, number>();
  const mark = (m: string, bit: number) => byMethod.set(m, (byMethod.get(m) ?? 0) | bit);
  for (const m of chosen) mark(m, CHOSEN);
  for (const m of problem.pinned) mark(m, PINNED);
  for (const group of problem.groups) for (const m of group) mark(m, GROUPED);
  const columns = columnsOfProblem(problem);
  const flags = new Uint8Array(contextCount(problem));
  if (byMethod.size === 0) return flags;
  if (columns) {
    const byId = columns.names.map((m) => byMethod.get(m) ?? 0);
    for (let i = 0; i < flags.length; i++) flags[i] = byId[columns.id[i]!]!;
    return flags;
  }
  const contexts = problem.contexts;
  for (let i = 0; i < contexts.length; i++) flags[i] = byMethod.get(contexts[i]!.method) ?? 0;
  return flags;
}

/** The method of context i, from the problem's columns when it has them. */
function methodAt(problem: PartitionProblem, i: number): string {
  const columns = columnsOfProblem(problem);
  return columns ? columns.names[columns.id[i]!]! : problem.contexts[i]!.method;
}

/** Cost where `mover[i]` ≥ 0 puts context i on the clone, migrating where mover[i] = i. */
function price(costs: readonly ContextCosts[], mover: Int32Array): { cost: number; deviceOnlyCost: number } {
  let cost = 0;
  let deviceOnlyCost = 0;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i]!;
    if (mover[i] === i) cost += c.migrationCost;
    cost += mover[i]! >= 0 ? c.cloneCost : c.deviceCost;
    deviceOnlyCost += c.deviceCost;
  }
  return { cost, deviceOnlyCost };
}

/** `price` of a problem kept in columns: the same additions in the same order. */
function priceColumns(columns: ContextColumns, mover: Int32Array): { cost: number; deviceOnlyCost: number } {
  const { device, clone, migration } = columns;
  let cost = 0;
  let deviceOnlyCost = 0;
  for (let i = 0; i < device.length; i++) {
    if (mover[i] === i) cost += migration[i]!;
    cost += mover[i]! >= 0 ? clone[i]! : device[i]!;
    deviceOnlyCost += device[i]!;
  }
  return { cost, deviceOnlyCost };
}

/** The bounded second cost must stay within maxRatio × its all-device value (with rounding slack). */
function checkBudget(problem: PartitionProblem, mover: Int32Array, violations: string[]): CheckResult['budget'] {
  const budget = problem.budget!;
  const n = contextCount(problem);
  if (budget.costs.length !== n) {
    violations.push(`the budget has costs for ${budget.costs.length} contexts, the problem has ${n}.`);
    return undefined;
  }
  if (!(budget.maxRatio > 0) || !Number.isFinite(budget.maxRatio)) violations.push(`the budget ratio ${budget.maxRatio} is not a positive number.`);
  const { cost, deviceOnlyCost } = price(budget.costs, mover);
  const limit = budget.maxRatio * deviceOnlyCost;
  if (cost > limit + budgetSlack(budget.costs)) {
    violations.push(
      `the ${budget.objective} budget is exceeded: ${cost} > ${budget.maxRatio} × all-device ${deviceOnlyCost} = ${limit}.`,
    );
  }
  return { cost, deviceOnlyCost, limit };
}

/** Rounding slack for a budget: sums over many contexts in different orders differ in the last bits. */
export function budgetSlack(costs: readonly ContextCosts[]): number {
  let scale = 0;
  for (const c of costs) scale += Math.abs(c.deviceCost) + Math.abs(c.cloneCost) + Math.abs(c.migrationCost);
  return 1e-9 * scale + 1e-12;
}

function describe(problem: PartitionProblem, i: number): string {
  return `context ${i} (${methodAt(problem, i)})`;
}

/** Parents must come before children; costs must be numbers. Returns usable parent indices. */
function checkTree(problem: PartitionProblem, violations: string[]): Int32Array {
  const contexts = problem.contexts;
  const parents = new Int32Array(contexts.length);
  for (let i = 0; i < contexts.length; i++) {
    const c = contexts[i]!;
    const p = c.parent;
    if (!Number.isInteger(p) || p < -1 || p >= i) {
      violations.push(`context ${i} has parent ${String(p)}, which is not an earlier context or -1.`);
      parents[i] = -1;
    } else {
      parents[i] = p;
    }
    // Named one by one (not by a loop over the keys): this runs for every context.
    if (!Number.isFinite(c.deviceCost)) violations.push(`${describe(problem, i)} has a non-finite deviceCost.`);
    if (!Number.isFinite(c.cloneCost)) violations.push(`${describe(problem, i)} has a non-finite cloneCost.`);
    if (!Number.isFinite(c.migrationCost)) violations.push(`${describe(problem, i)} has a non-finite migrationCost.`);
    if (c.migrationCost < 0) violations.push(`${describe(problem, i)} has a negative migrationCost.`);
  }
  return parents;
}

/** `checkTree` of a problem kept in columns: its parents are integers already. */
function checkColumns(problem: PartitionProblem, columns: ContextColumns, violations: string[]): Int32Array {
  const { parent, device, clone, migration } = columns;
  const parents = parent.slice();
  for (let i = 0; i < parent.length; i++) {
    if (parent[i]! < -1 || parent[i]! >= i) {
      violations.push(`context ${i} has parent ${parent[i]}, which is not an earlier context or -1.`);
      parents[i] = -1;
    }
    if (!Number.isFinite(device[i]!)) violations.push(`${describe(problem, i)} has a non-finite deviceCost.`);
    if (!Number.isFinite(clone[i]!)) violations.push(`${describe(problem, i)} has a non-finite cloneCost.`);
    if (!Number.isFinite(migration[i]!)) violations.push(`${describe(problem, i)} has a non-finite migrationCost.`);
    if (migration[i]! < 0) violations.push(`${describe(problem, i)} has a negative migrationCost.`);
  }
  return parents;
}

/** Every migration point must be a known, unpinned candidate, listed once. */
function checkMethods(problem: PartitionProblem, migrate: string[], violations: string[]): Set<string> {
  // Every method the problem names, built only when a point is not a candidate (a pass over
  // all contexts: the all-device check of a 1M-context problem spent half its time here).
  let known: Set<string> | undefined;
  const isKnown = (m: string): boolean => {
    if (!known) {
      known = new Set<string>([...problem.candidates, ...problem.pinned, ...problem.groups.flat()]);
      const columns = columnsOfProblem(problem);
      if (columns) for (const m of columns.names) known.add(m);
      else for (const c of problem.contexts) known.add(c.method);
    }
    return known.has(m);
  };
  const candidates = new Set(problem.candidates);
  const pinned = new Set(problem.pinned);
  const chosen = new Set<string>();
  for (const m of migrate) {
    if (chosen.has(m)) violations.push(`migration point ${m} is listed more than once.`);
    chosen.add(m);
    if (!candidates.has(m) && !isKnown(m)) {
      violations.push(`migration point ${m} is an unknown method id.`);
      continue;
    }
    if (!candidates.has(m)) violations.push(`migration point ${m} is not a candidate for migration.`);
    if (pinned.has(m)) violations.push(`migration point ${m} is pinned to the device.`);
  }
  return chosen;
}

function checkPinned(problem: PartitionProblem, flags: Uint8Array, mover: Int32Array, violations: string[]): void {
  for (let i = 0; i < flags.length; i++) {
    const from = mover[i]!;
    if (flags[i]! & PINNED && from >= 0) {
      violations.push(
        `pinned ${describe(problem, i)} would run on the clone (migrated at ${describe(problem, from)}).`,
      );
    }
  }
}

/** All contexts of the methods of one native-state group must be on the same side. */
function checkGroups(problem: PartitionProblem, flags: Uint8Array, mover: Int32Array, violations: string[]): void {
  if (problem.groups.length === 0) return;
  const groupsOf = new Map<string, number[]>();
  problem.groups.forEach((group, g) => {
    for (const m of new Set(group)) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g]);
  });
  // First context seen on each side, per group, in one pass over the contexts.
  const onDevice = new Array<number>(problem.groups.length).fill(-1);
  const onClone = new Array<number>(problem.groups.length).fill(-1);
  for (let i = 0; i < flags.length; i++) {
    if (!(flags[i]! & GROUPED)) continue;
    const side = mover[i]! >= 0 ? onClone : onDevice;
    for (const g of groupsOf.get(methodAt(problem, i))!) if (side[g]! < 0) side[g] = i;
  }
  problem.groups.forEach((group, g) => {
    const d = onDevice[g]!;
    const k = onClone[g]!;
    if (d >= 0 && k >= 0) {
      violations.push(
        `native-state group ${g} [${group.join(', ')}] is split: ${describe(problem, d)} ` +
          `runs on the device but ${describe(problem, k)} on the clone.`,
      );
    }
  });
}

/** CloneCloud's rule: no migration point may be reachable from another (nor nest in itself in the tree). */
function checkStaticNesting(
  problem: PartitionProblem,
  parents: Int32Array,
  flags: Uint8Array,
  chosen: Set<string>,
  violations: string[],
): void {
  const reported = new Set<string>();
  if (problem.reach) {
    // Asked for the chosen candidates only, in code-unit order: pairs come sorted by (m1, m2).
    const candidates = new Set(problem.candidates);
    const points = [...chosen].filter((m) => candidates.has(m)).sort();
    for (const [a, b] of reachingPairs(problem.reach, points)) {
      violations.push(`migration points ${points[a]} and ${points[b]} are both chosen, but ${points[a]} reaches ${points[b]} by the call graph (static nesting).`);
    }
  }
  // Nearest ancestor context whose method is chosen, in one pass (parents come first).
  const nearest = new Int32Array(parents.length).fill(-1);
  for (let i = 0; i < parents.length; i++) {
    const p = parents[i]!;
    if (p >= 0) nearest[i] = flags[p]! & CHOSEN ? p : nearest[p]!;
    const above = nearest[i]!;
    if (!(flags[i]! & CHOSEN) || above < 0) continue;
    const method = methodAt(problem, i);
    const m1 = methodAt(problem, above);
    const key = `tree\u0000${m1}\u0000${method}`;
    if (reported.has(key)) continue;
    reported.add(key);
    violations.push(
      `${describe(problem, i)} lies under ${describe(problem, above)}: migration point ${method} ` +
        `is reachable from migration point ${m1}, which static nesting forbids.`,
    );
  }
}
