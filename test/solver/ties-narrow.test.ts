/**
 * Narrowing a search among ties by the bound (src/solver/ties-narrow.ts) against brute force:
 * the narrowed question has an answer exactly when the original has one, an answer of it plus
 * the methods fixed on is one of the original, and 'none' is only said when there is none.
 */
import type { PartitionProblem } from '../../src/model/types.js';
import { checkPartition, reduceProblem } from '../../src/solver/index.js';
import { tieTolerance } from '../../src/solver/canonical.js';
import { narrowTies } from '../../src/solver/ties-narrow.js';
import { bruteForce, randomProblem, rng } from './random-problems.js';

/** Legal partitions of `problem` that cost at most `limit` and leave out one of `leaveOut`. */
function leaving(problem: PartitionProblem, leaveOut: readonly string[], limit: number): string[][] {
  const candidates = [...new Set(problem.candidates)].sort();
  const found: string[][] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const migrate = candidates.filter((_, k) => mask & (1 << k));
    if (leaveOut.every((m) => migrate.includes(m))) continue;
    const check = checkPartition(problem, migrate);
    if (check.violations.length === 0 && check.cost <= limit) found.push(migrate);
  }
  return found;
}

it('answers as brute force does on random reduced problems with many ties', () => {
  const rand = rng(15);
  let narrowed = 0;
  let none = 0;
  let questions = 0;
  for (let k = 0; k < 400; k++) {
    const original = randomProblem(rand, 'dynamic', { maxContexts: 16, maxMethods: 7, groupChance: 0.3, coarse: rand() < 0.6 });
    const problem = reduceProblem(original).problem;
    if (problem.candidates.length === 0 || problem.candidates.length > 10) continue;
    const best = bruteForce(problem);
    if (best.migrate.length === 0) continue;
    const limit = best.cost + tieTolerance(best.cost);
    const leaveOut = best.migrate.filter(() => rand() < 0.7);
    if (leaveOut.length === 0) leaveOut.push(best.migrate[0]!);
    questions++;
    const expected = leaving(problem, leaveOut, limit);
    const answer = narrowTies(problem, leaveOut, best.migrate, limit, Infinity);
    if (answer === undefined) continue;
    if (answer === 'none') {
      none++;
      expect(expected).toEqual([]);
      continue;
    }
    narrowed++;
    expect(answer.leaveOut.every((m) => leaveOut.includes(m))).toBe(true);
    const within = leaving(answer.problem, answer.leaveOut, limit + 1e-9);
    expect(within.length > 0).toBe(expected.length > 0);
    for (const migrate of within) {
      const check = checkPartition(problem, [...migrate, ...answer.fixedOn]);
      expect(check.violations).toEqual([]);
      expect(check.cost).toBeLessThanOrEqual(limit + 1e-9);
    }
  }
  // The test means something: questions were asked, and both kinds of answer came up.
  expect(questions).toBeGreaterThan(100);
  expect(narrowed).toBeGreaterThan(10);
  expect(none).toBeGreaterThan(10);
});
