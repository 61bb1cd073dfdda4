import type { PartitionProblem } from '../model/types.js';

/**
 * Drops migration points that never migrate: under dynamic nesting a migration point whose
 * every context is entered from the clone is a plain call, so choosing it or not costs the
 * same. The ILP is indifferent between such ties; the manifest should list only the points
 * where execution really moves, so that equal inputs give one canonical answer.
 * Removing one such point changes no location, so a single pass removes them all.
 */
export function pruneIdleMigrationPoints(problem: PartitionProblem, migrate: readonly string[]): string[] {
  const chosen = new Set(migrate);
  const onClone: boolean[] = [];
  const migrates = new Set<string>();
  problem.contexts.forEach((c, i) => {
    const parentOnClone = c.parent >= 0 && onClone[c.parent] === true;
    onClone[i] = parentOnClone || chosen.has(c.method);
    if (!parentOnClone && chosen.has(c.method)) migrates.add(c.method);
  });
  return migrate.filter((m) => migrates.has(m));
}
