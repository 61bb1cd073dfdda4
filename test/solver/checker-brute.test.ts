/**
 * The checker's passes read per-context bits rather than ask sets by name: checked here against
 * the plainest reading of the rules, context by context up its path, on random problems.
 */
import type { PartitionProblem, ProblemContext } from '../../src/model/types.js';
import { checkPartition } from '../../src/solver/checker.js';

function randomCase(seed: number): { problem: PartitionProblem; migrate: string[] } {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const methods = Array.from({ length: 6 }, (_, k) => `m${k}`);
  const pick = () => methods[Math.floor(rand() * methods.length)]!;
  const contexts: ProblemContext[] = [];
  const n = 1 + Math.floor(rand() * 25);
  for (let i = 0; i < n; i++) {
    const parent = i === 0 || rand() < 0.2 ? -1 : Math.floor(rand() * i);
    contexts.push({ parent, method: pick(), deviceCost: Math.floor(rand() * 9), cloneCost: Math.floor(rand() * 9), migrationCost: Math.floor(rand() * 9) });
  }
  const candidates = methods.filter(() => rand() < 0.7);
  const pinned = methods.filter(() => rand() < 0.2);
  const groups = rand() < 0.5 ? [[pick(), pick()], [pick()]] : [];
  const migrate = [...new Set(methods.filter(() => rand() < 0.35))];
  return { problem: { contexts, candidates, pinned, groups, nesting: rand() < 0.5 ? 'static' : 'dynamic' }, migrate };
}

/** Path from the root down to context i, indices. */
function pathTo(problem: PartitionProblem, i: number): number[] {
  const path: number[] = [];
  for (let k = i; k >= 0; k = problem.contexts[k]!.parent) path.unshift(k);
  return path;
}

describe('checkPartition against the rules read context by context', () => {
  it('agrees on costs, pinned contexts, split groups and nested points on 400 random problems', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { problem, migrate } = randomCase(seed);
      const chosen = new Set(migrate);
      // Where each context migrated: the outermost chosen context on its path, if any.
      const mover = problem.contexts.map((_, i) => pathTo(problem, i).find((k) => chosen.has(problem.contexts[k]!.method)) ?? -1);
      let cost = 0;
      let deviceOnlyCost = 0;
      problem.contexts.forEach((c, i) => {
        cost += (mover[i] === i ? c.migrationCost : 0) + (mover[i]! >= 0 ? c.cloneCost : c.deviceCost);
        deviceOnlyCost += c.deviceCost;
      });
      const pinnedOnClone = problem.contexts.filter((c, i) => problem.pinned.includes(c.method) && mover[i]! >= 0).length;
      const split = problem.groups.filter((g) => {
        const sides = new Set(problem.contexts.flatMap((c, i) => (g.includes(c.method) ? [mover[i]! >= 0] : [])));
        return sides.size === 2;
      }).length;
      // Distinct (outer, inner) method pairs where a chosen context lies under another chosen one.
      const nested = new Set<string>();
      if (problem.nesting === 'static') {
        problem.contexts.forEach((c, i) => {
          if (!chosen.has(c.method)) return;
          const above = pathTo(problem, i).slice(0, -1).filter((k) => chosen.has(problem.contexts[k]!.method)).pop();
          if (above !== undefined) nested.add(`${problem.contexts[above]!.method} ${c.method}`);
        });
      }
      const r = checkPartition(problem, migrate);
      expect({ seed, cost: r.cost, deviceOnlyCost: r.deviceOnlyCost }).toEqual({ seed, cost, deviceOnlyCost });
      const count = (re: RegExp) => r.violations.filter((v) => re.test(v)).length;
      expect({ seed, pinned: count(/^pinned context/), split: count(/is split/), nested: count(/lies under/) }).toEqual({ seed, pinned: pinnedOnClone, split, nested: nested.size });
      // One message per point that is not a candidate (unknown or not), one more per pinned point.
      const notCandidate = migrate.filter((m) => !problem.candidates.includes(m)).length;
      const pinnedPoints = migrate.filter((m) => problem.pinned.includes(m)).length;
      const illegal = migrate.filter((m) => !problem.candidates.includes(m) || problem.pinned.includes(m)).length;
      expect({ seed, illegal: count(/^migration point \S+ is (not a candidate|pinned|an unknown)/) }).toEqual({ seed, illegal: notCandidate + pinnedPoints });
      expect(r.violations.length === 0).toBe(illegal === 0 && pinnedOnClone === 0 && split === 0 && nested.size === 0);
    }
  });
});
