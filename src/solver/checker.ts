/**
 * The independent checker: simulates where every context runs for a given set of migration
 * points and says, in plain sentences, what is illegal about it. It shares no code with the ILP
 * builder on purpose, so that a bug in one is caught by the other; the CLI refuses to write a
 * manifest whose solution this rejects.
 */
import type { ContextCosts, PartitionProblem } from '../model/types.js';
import { reachingPairs } from '../util/reach.js';

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
  const contexts = problem.contexts;
  const parents = checkTree(problem, violations);
  const chosen = checkMethods(problem, migrate, violations);

  // Run-time semantics (dynamic nesting): a context runs on the clone iff its parent does or
  // its method is a migration point; a migration is paid only when entered from the device.
  // `mover[i]` is the context where execution migrated for a clone context, -1 on the device.
  const mover = new Int32Array(contexts.length).fill(-1);
  contexts.forEach((c, i) => {
    const p = parents[i]!;
    const parentMover = p < 0 ? -1 : mover[p]!;
    if (parentMover >= 0) mover[i] = parentMover;
    else if (chosen.has(c.method)) mover[i] = i;
  });
  const { cost, deviceOnlyCost } = price(contexts, mover);

  checkPinned(problem, mover, violations);
  checkGroups(problem, mover, violations);
  if (problem.nesting === 'static') checkStaticNesting(problem, parents, chosen, violations);
  const result: CheckResult = { cost, deviceOnlyCost, violations };
  if (problem.budget) result.budget = checkBudget(problem, mover, violations);
  return result;
}

/** Cost where `mover[i]` ≥ 0 puts context i on the clone, migrating where mover[i] = i. */
function price(costs: readonly ContextCosts[], mover: Int32Array): { cost: number; deviceOnlyCost: number } {
  let cost = 0;
  let deviceOnlyCost = 0;
  costs.forEach((c, i) => {
    if (mover[i] === i) cost += c.migrationCost;
    cost += mover[i]! >= 0 ? c.cloneCost : c.deviceCost;
    deviceOnlyCost += c.deviceCost;
  });
  return { cost, deviceOnlyCost };
}

/** The bounded second cost must stay within maxRatio × its all-device value (with rounding slack). */
function checkBudget(problem: PartitionProblem, mover: Int32Array, violations: string[]): CheckResult['budget'] {
  const budget = problem.budget!;
  if (budget.costs.length !== problem.contexts.length) {
    violations.push(`the budget has costs for ${budget.costs.length} contexts, the problem has ${problem.contexts.length}.`);
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
  return `context ${i} (${problem.contexts[i]!.method})`;
}

/** Parents must come before children; costs must be numbers. Returns usable parent indices. */
function checkTree(problem: PartitionProblem, violations: string[]): Int32Array {
  const parents = new Int32Array(problem.contexts.length);
  problem.contexts.forEach((c, i) => {
    const p = c.parent;
    if (!Number.isInteger(p) || p < -1 || p >= i) {
      violations.push(`context ${i} has parent ${String(p)}, which is not an earlier context or -1.`);
      parents[i] = -1;
    } else {
      parents[i] = p;
    }
    for (const key of ['deviceCost', 'cloneCost', 'migrationCost'] as const) {
      if (!Number.isFinite(c[key])) violations.push(`${describe(problem, i)} has a non-finite ${key}.`);
    }
    if (c.migrationCost < 0) violations.push(`${describe(problem, i)} has a negative migrationCost.`);
  });
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
      for (const c of problem.contexts) known.add(c.method);
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

function checkPinned(problem: PartitionProblem, mover: Int32Array, violations: string[]): void {
  const pinned = new Set(problem.pinned);
  problem.contexts.forEach((c, i) => {
    const from = mover[i]!;
    if (pinned.has(c.method) && from >= 0) {
      violations.push(
        `pinned ${describe(problem, i)} would run on the clone (migrated at ${describe(problem, from)}).`,
      );
    }
  });
}

/** All contexts of the methods of one native-state group must be on the same side. */
function checkGroups(problem: PartitionProblem, mover: Int32Array, violations: string[]): void {
  const groupsOf = new Map<string, number[]>();
  problem.groups.forEach((group, g) => {
    for (const m of new Set(group)) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g]);
  });
  // First context seen on each side, per group, in one pass over the contexts.
  const onDevice = new Array<number>(problem.groups.length).fill(-1);
  const onClone = new Array<number>(problem.groups.length).fill(-1);
  problem.contexts.forEach((c, i) => {
    const side = mover[i]! >= 0 ? onClone : onDevice;
    for (const g of groupsOf.get(c.method) ?? []) if (side[g]! < 0) side[g] = i;
  });
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
  const nearest = new Int32Array(problem.contexts.length).fill(-1);
  problem.contexts.forEach((c, i) => {
    const p = parents[i]!;
    if (p >= 0) nearest[i] = chosen.has(problem.contexts[p]!.method) ? p : nearest[p]!;
    const above = nearest[i]!;
    if (!chosen.has(c.method) || above < 0) return;
    const m1 = problem.contexts[above]!.method;
    const key = `tree\u0000${m1}\u0000${c.method}`;
    if (reported.has(key)) return;
    reported.add(key);
    violations.push(
      `${describe(problem, i)} lies under ${describe(problem, above)}: migration point ${c.method} ` +
        `is reachable from migration point ${m1}, which static nesting forbids.`,
    );
  });
}
