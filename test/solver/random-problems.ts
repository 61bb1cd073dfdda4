/** Seeded generators of small partition problems and 0/1 programs, and a brute-force reference solver. */
import type { NestingModel, PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { checkPartition } from '../../src/solver/index.js';
import { pruneIdleMigrationPoints } from '../../src/solver/prune.js';
import { condense } from '../../src/util/reach.js';
import type { FlatModel } from '../../src/solver/glpk-thread.js';
import { rng } from '../helpers/random.js';

export { rng };

export interface Shape {
  maxContexts: number;
  maxMethods: number;
  groupChance: number;
  /** Chance of a budget on random second costs (default 0). */
  budgetChance?: number;
  /** Costs in whole units up to 3 instead of quarters up to 40 (many more optima tie). */
  coarse?: boolean;
}

export function randomProblem(
  rand: () => number,
  nesting: NestingModel,
  shape: Shape = { maxContexts: 15, maxMethods: 6, groupChance: 0.3 },
): PartitionProblem {
  const int = (n: number): number => Math.floor(rand() * n);
  const cost = (max: number, zeroChance: number): number => (rand() < zeroChance ? 0 : shape.coarse ? int(4) : int(max * 4) / 4);
  const methods = Array.from({ length: 1 + int(shape.maxMethods) }, (_, k) => `m${k}`);
  const n = 1 + int(shape.maxContexts);
  const contexts: ProblemContext[] = [];
  for (let i = 0; i < n; i++) {
    contexts.push({
      parent: i === 0 || rand() < 0.15 ? -1 : int(i),
      method: methods[int(methods.length)]!,
      deviceCost: cost(40, 0.2),
      cloneCost: cost(25, 0.2),
      migrationCost: cost(30, 0.25),
    });
  }
  const candidates = methods.filter(() => rand() < 0.7);
  if (rand() < 0.1) candidates.push('ghost'); // a candidate that never runs
  const pinned = methods.filter(() => rand() < 0.15);
  const groups: string[][] = [];
  const groupCount = rand() < shape.groupChance ? 1 + int(2) : 0;
  for (let g = 0; g < groupCount; g++) groups.push([methods[int(methods.length)]!, methods[int(methods.length)]!]);
  const problem: PartitionProblem = { contexts, candidates, pinned, groups, nesting };
  if (rand() < 0.5) {
    const reaches: [string, string][] = [];
    for (let k = int(4); k > 0; k--) reaches.push([methods[int(methods.length)]!, methods[int(methods.length)]!]);
    problem.reach = condense([], reaches.map(([from, to]) => ({ from, to })));
  }
  if (rand() < (shape.budgetChance ?? 0)) {
    problem.budget = {
      objective: 'energy',
      maxRatio: 0.4 + int(10) / 10,
      costs: contexts.map(() => ({ deviceCost: cost(40, 0.2), cloneCost: cost(25, 0.2), migrationCost: cost(30, 0.25) })),
    };
  }
  return problem;
}

/** Tries every subset of the candidates; returns the cheapest legal one and how many were illegal. */
export function bruteForce(problem: PartitionProblem): { migrate: string[]; cost: number; illegal: number } {
  const candidates = [...new Set(problem.candidates)].sort();
  let best = { migrate: [] as string[], cost: Infinity };
  let illegal = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const migrate = candidates.filter((_, k) => mask & (1 << k));
    const check = checkPartition(problem, migrate);
    if (check.violations.length > 0) illegal++;
    else if (check.cost < best.cost) best = { migrate, cost: check.cost };
  }
  return { ...best, illegal };
}

/**
 * The first optimum in the solver's order among ties (src/solver/canonical.ts): at the last
 * method (sorted) where two tied partitions differ, the one without it comes first. Also how
 * many distinct partitions tie with it.
 */
export function bruteForceFirst(problem: PartitionProblem): { migrate: string[]; cost: number; ties: number } {
  const candidates = [...new Set(problem.candidates)].sort();
  const legal: { migrate: string[]; mask: number; cost: number }[] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const migrate = candidates.filter((_, k) => mask & (1 << k));
    const check = checkPartition(problem, migrate);
    if (check.violations.length === 0) legal.push({ migrate, mask, cost: check.cost });
  }
  if (legal.length === 0) return { migrate: [], cost: Infinity, ties: 0 };
  const best = Math.min(...legal.map((p) => p.cost));
  const tied = legal.filter((p) => p.cost <= best + 1e-9 * Math.max(Math.abs(best), 1));
  // Off before on at the last differing method: bit k is method k, the last one leads the key.
  const key = (mask: number): string => candidates.map((_, k) => (mask >> k) & 1).reverse().join('');
  tied.sort((a, b) => (key(a.mask) < key(b.mask) ? -1 : key(a.mask) > key(b.mask) ? 1 : 0));
  const first = tied[0]!;
  const distinct = new Set(tied.map((p) => JSON.stringify(pruneIdleMigrationPoints(problem, p.migrate)))).size;
  return { migrate: first.migrate, cost: first.cost, ties: distinct };
}

/** Small problems with coarse costs, where many optima tie (the residual and tie tests). */
export const tiedShape: Shape = { maxContexts: 25, maxMethods: 8, groupChance: 0.3, coarse: true };

/**
 * `count` random problems from `seed`, those with a legal partition only, each with its brute
 * force first optimum and its instance number k (for error messages).
 */
export function* legalProblems(
  seed: number,
  count: number,
  nesting: NestingModel,
  shape: Shape,
): Generator<{ k: number; problem: PartitionProblem; expected: ReturnType<typeof bruteForceFirst> }> {
  const rand = rng(seed);
  for (let k = 0; k < count; k++) {
    const problem = randomProblem(rand, nesting, shape);
    const expected = bruteForceFirst(problem);
    if (Number.isFinite(expected.cost)) yield { k, problem, expected };
  }
}

/**
 * A random program over `n` columns: 1-5 rows of small integer coefficients and random senses,
 * columns in [0, 1] (or, with `someFixed`, a fifth of them fixed at 0 or 1), small costs some of
 * them fractional. Drawn in that order, so each test's seeds give the same programs as before.
 */
export function randomProgram(rand: () => number, n: number, { integral = true, someFixed = false } = {}): FlatModel {
  const int = (k: number): number => Math.floor(rand() * k);
  const rowStart = [0];
  const rowColumn: number[] = [];
  const rowCoef: number[] = [];
  const rowSense: number[] = [];
  const rowRhs: number[] = [];
  for (let r = 1 + int(5); r > 0; r--) {
    for (let j = 0; j < n; j++) {
      if (rand() < 0.5) {
        rowColumn.push(j);
        rowCoef.push(int(5) - 2 || 1);
      }
    }
    rowStart.push(rowColumn.length);
    rowSense.push(int(3));
    rowRhs.push(int(5) - 1);
  }
  const bounds = Array.from({ length: n }, () => (!someFixed || rand() < 0.8 ? [0, 1] : rand() < 0.5 ? [1, 1] : [0, 0]));
  return {
    lo: Float64Array.from(bounds, (b) => b[0]!),
    hi: Float64Array.from(bounds, (b) => b[1]!),
    cost: Float64Array.from({ length: n }, () => int(41) - 20 + (rand() < 0.3 ? 0.25 : 0)),
    binary: new Uint8Array(n).fill(1),
    rowStart: Int32Array.from(rowStart),
    rowColumn: Int32Array.from(rowColumn),
    rowCoef: Float64Array.from(rowCoef),
    rowSense: Uint8Array.from(rowSense),
    rowRhs: Float64Array.from(rowRhs),
    integral,
  };
}
