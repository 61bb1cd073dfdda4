/**
 * A problem the solver made itself (the reductions' folded problem, a search's residual
 * problem) keeps its contexts in columns and makes them objects only when something asks for
 * `contexts`: the search over a large reduced problem reads it through the columns alone
 * (compactTree, the model's size, the residual problem), and so does the level below with a
 * residual (validation, the checker, the reductions, carried prices, pruning), so the
 * 1M-context bench tree's levels never built their folded and residual problems' context
 * objects, which lived long enough for the collector to copy and then mark them. Whoever
 * reads `contexts` gets the same objects as ever. Methods are numbered in order of first
 * appearance in both.
 */
import type { PartitionProblem, ProblemContext } from './types.js';

export interface ContextColumns {
  parent: Int32Array;
  /** Per context its method, an index into `names`; every name has a context. */
  id: Int32Array;
  names: readonly string[];
  device: Float64Array;
  clone: Float64Array;
  migration: Float64Array;
}

const held = new WeakMap<PartitionProblem, ContextColumns>();

/** `rest` with `contexts` made from `columns` on first read. */
export function problemFromColumns(rest: Omit<PartitionProblem, 'contexts'>, columns: ContextColumns): PartitionProblem {
  // `contexts` first, where a problem's literal has it (redefining a property keeps its place).
  const problem = { contexts: [], ...rest } as PartitionProblem;
  Object.defineProperty(problem, 'contexts', {
    configurable: true,
    enumerable: true,
    get(this: PartitionProblem): ProblemContext[] {
      const contexts = objectsOf(columns);
      Object.defineProperty(this, 'contexts', { value: contexts, writable: true, configurable: true, enumerable: true });
      return contexts;
    },
  });
  held.set(problem, columns);
  return problem;
}

/** The columns `problem` was made from or kept with (the same contexts as `problem.contexts`). */
export function columnsOfProblem(problem: PartitionProblem): ContextColumns | undefined {
  return held.get(problem);
}

/**
 * A copy of a caller's `problem` that also holds its contexts in columns, made here once: the
 * solve's passes over the whole tree (validation, the all-device and final checks, the
 * reductions' first round, pruning) read those rather than walk the caller's objects each
 * time. `contexts` stays the caller's array; the caller's problem is not changed.
 */
export function withColumns(problem: PartitionProblem): PartitionProblem {
  if (held.has(problem)) return problem;
  const copy = { ...problem };
  held.set(copy, columnsFromObjects(problem.contexts));
  return copy;
}

/** Number of contexts, without making them objects. */
export function contextCount(problem: PartitionProblem): number {
  return held.get(problem)?.parent.length ?? problem.contexts.length;
}

function objectsOf(columns: ContextColumns): ProblemContext[] {
  const { parent, id, names, device, clone, migration } = columns;
  const contexts: ProblemContext[] = new Array(parent.length);
  for (let j = 0; j < parent.length; j++) {
    contexts[j] = { parent: parent[j]!, method: names[id[j]!]!, deviceCost: device[j]!, cloneCost: clone[j]!, migrationCost: migration[j]! };
  }
  return contexts;
}

/** Columns of contexts given as objects (methods numbered in order of first appearance). */
export function columnsFromObjects(contexts: readonly ProblemContext[]): ContextColumns {
  const n = contexts.length;
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const parent = new Int32Array(n);
  const id = new Int32Array(n);
  const device = new Float64Array(n);
  const clone = new Float64Array(n);
  const migration = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = contexts[i]!;
    const m = c.method;
    let k = numbers.get(m);
    if (k === undefined) numbers.set(m, (k = names.push(m) - 1));
    parent[i] = c.parent;
    id[i] = k;
    device[i] = c.deviceCost;
    clone[i] = c.cloneCost;
    migration[i] = c.migrationCost;
  }
  return { parent, id, names, device, clone, migration };
}
