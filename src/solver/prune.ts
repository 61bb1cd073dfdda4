import type { PartitionProblem } from '../model/types.js';
import { columnsOfProblem } from '../model/columns.js';
import { flagsOf } from './tree.js';

/**
 * Drops migration points that never migrate: under dynamic nesting a migration point whose
 * every context is entered from the clone is a plain call, so choosing it or not costs the
 * same. The ILP is indifferent between such ties; the manifest should list only the points
 * where execution really moves, so that equal inputs give one canonical answer.
 * Removing one such point changes no location, so a single pass removes them all.
 */
export function pruneIdleMigrationPoints(problem: PartitionProblem, migrate: readonly string[]): string[] {
  const chosen = new Set(migrate);
  const migrates = new Set<string>();
  // A problem the solver made in columns (a search's residual) is read from them, chosen per method number.
  const columns = columnsOfProblem(problem);
  if (columns) {
    const { parent, id, names } = columns;
    const isChosen = flagsOf(names, (m) => chosen.has(m));
    const onClone = new Uint8Array(parent.length);
    for (let i = 0; i < parent.length; i++) {
      const p = parent[i]!;
      if (p >= 0 && onClone[p]) onClone[i] = 1;
      else if (isChosen[id[i]!]) {
        onClone[i] = 1;
        migrates.add(names[id[i]!]!);
      }
    }
    return migrate.filter((m) => migrates.has(m));
  }
  // A typed array and one lookup per context (a grown boolean array and two took 0.1-0.2 s per million contexts).
  const contexts = problem.contexts;
  const onClone = new Uint8Array(contexts.length);
  for (let i = 0; i < contexts.length; i++) {
    const c = contexts[i]!;
    if (c.parent >= 0 && onClone[c.parent]) onClone[i] = 1;
    else if (chosen.has(c.method)) {
      onClone[i] = 1;
      migrates.add(c.method);
    }
  }
  return migrate.filter((m) => migrates.has(m));
}
