/**
 * Folding, the second step of making the model small. With forced contexts known:
 * - a forced context runs on the device whatever the migration points: its device cost joins a
 *   constant (one root context that can never move), and its children start on the device;
 * - a context whose method can never migrate and is in no native-state group has the location
 *   of its parent (L[c] = L[p]): its costs join the parent's, its children become the parent's.
 *   This collapses every subtree without a candidate into its root and merges chains;
 * - under dynamic nesting a context of the same method as its (folded) parent shares its
 *   location (it is entered on the clone whenever its method migrates) and never migrates: it
 *   joins the parent, without its migration cost;
 * - contexts of the same method under the same (folded) parent are identical in every
 *   constraint (same L, same X): they merge, all three costs adding up.
 * - a context marked in `collapse` (under a method that always wins: reduce-collapse.ts) joins
 *   its parent, as a non-candidate's does, so such a subtree folds into its top context.
 * What is left is the tree of paths of candidate and group methods. Method ids are kept, so a
 * solution of the folded problem is a solution of the original at the same cost.
 */
import type { ContextCosts, PartitionProblem } from '../model/types.js';
import { problemFromColumns } from '../model/columns.js';
import { methodIndex, parentsOf, type MethodIndex, flagsOf } from './tree.js';
import { cleared } from './scratch.js';

/** Method id of the constant root context: not a candidate, so it never moves. */
export const FIXED_ROOT = '(fixed on the device)';

/** What happens to a context's costs in the fold (FoldPlan.mode). */
const ROOT = 0;
/** Joins its (folded) parent: device and clone costs add up, its migration cost is dropped. */
const JOIN = 1;
/** Merges into a sibling of the same method: all three costs add up. */
const MERGE = 2;
/** Starts a folded context of its own. */
const CREATE = 3;

/**
 * The fold's structure, which depends on the tree, the forced contexts and the choosable
 * methods but not on the costs: per context where its costs go, and the folded tree.
 */
export interface FoldPlan {
  /** Per context: ROOT, JOIN, MERGE or CREATE. */
  mode: Uint8Array;
  /** Per context, the folded context its costs go into (-1: the fixed root, as `placed` reports it). */
  at: Int32Array;
  /** Index of the fixed root among the folded contexts (-1: none), and the context that created it. */
  root: number;
  rootFrom: number;
  /** Per folded context, its parent. */
  parent: Int32Array;
  /** The folded contexts' methods as numbers (each name has a context), for the next round. */
  index: MethodIndex;
}

/** `placed`, when given: per context, the folded context it went into (-1: the fixed root). `collapse`: see planFold. */
export function foldProblem(problem: PartitionProblem, forced: Uint8Array, choosable: ReadonlySet<string>, placed?: Int32Array, collapse?: Uint8Array): PartitionProblem {
  const plan = planFold(parentsOf(problem.contexts), problem.groups, problem.nesting, forced, choosable, methodIndex(problem.contexts), collapse);
  placed?.set(plan.at);
  return applyFold(problem, plan, choosable);
}

/**
 * Where every context of a tree, given as its parents and its methods as numbers, goes (see the
 * top of the file); costs are not read. `collapse`: contexts that join their parent whatever
 * their method.
 */
export function planFold(
  parents: Int32Array,
  groups: readonly (readonly string[])[],
  nesting: PartitionProblem['nesting'],
  forced: Uint8Array,
  choosable: ReadonlySet<string>,
  index: MethodIndex,
  collapse?: Uint8Array,
): FoldPlan {
  const n = parents.length;
  // Methods as numbers (string sets per context took most of the fold).
  const id = index.id;
  let names = index.names;
  const grouped = new Set(groups.flat());
  const free = flagsOf(names, (m) => choosable.has(m));
  const kept = grouped.size === 0 ? free : flagsOf(names, (m, k) => free[k] === 1 || grouped.has(m));
  const dynamic = nesting === 'dynamic';
  const mode = new Uint8Array(n);
  const at = new Int32Array(n);
  // The folded tree's columns while it grows (sliced at the end) and the siblings' table are
  // kept with the tree (scratch.ts): each network folds the first round's tree again.
  const parent = cleared(parents, 'fold parent', Int32Array, n);
  const outId = cleared(parents, 'fold method', Int32Array, n);
  const siblings = new SiblingTable(n, parent, outId, parents);
  let size = 0;
  let root = -1;
  let rootFrom = -1;
  let rootId = names.indexOf(FIXED_ROOT);
  for (let i = 0; i < n; i++) {
    const k = id[i]!;
    const q = parents[i]!;
    const p = q < 0 ? -1 : at[q]!;
    if (forced[i] || (!kept[k] && p < 0)) {
      mode[i] = ROOT;
      at[i] = -1;
      if (root < 0) {
        root = size++;
        rootFrom = i;
        parent[root] = -1;
        if (rootId < 0) {
          names = [...names, FIXED_ROOT];
          rootId = names.length - 1;
        }
        outId[root] = rootId;
      }
      continue;
    }
    if (!kept[k] || (p >= 0 && outId[p] === k && (dynamic || !free[k])) || (collapse !== undefined && collapse[i] === 1)) {
      mode[i] = JOIN;
      at[i] = p;
      continue;
    }
    const same = siblings.get(p, k);
    if (same >= 0) {
      mode[i] = MERGE;
      at[i] = same;
    } else {
      mode[i] = CREATE;
      at[i] = size;
      parent[size] = p;
      outId[size] = k;
      siblings.set(size++);
    }
  }
  // The next round numbers only the methods left (the first round's 10k names cost every round as much as its contexts).
  const renumber = new Int32Array(names.length).fill(-1);
  const left: string[] = [];
  const folded = outId.slice(0, size);
  for (let j = 0; j < size; j++) {
    const k = folded[j]!;
    if (renumber[k]! < 0) renumber[k] = left.push(names[k]!) - 1;
    folded[j] = renumber[k]!;
  }
  return { mode, at, root, rootFrom, parent: parent.slice(0, size), index: { id: folded, names: left } };
}

/** The folded problem: `problem`'s costs summed as `plan` says, in context order. */
export function applyFold(problem: PartitionProblem, plan: FoldPlan, choosable: ReadonlySet<string>): PartitionProblem {
  const budget = problem.budget ? foldColumns(columnsOf(problem.budget.costs), plan) : undefined;
  return foldedProblem(problem, plan, foldedMethods(problem.groups, plan, choosable), foldColumns(columnsOf(problem.contexts), plan), budget);
}

/**
 * The folded problem's candidates and groups: `choosable` and `groups` without the methods the
 * fold left out. The candidates sorted unless `sorted` is false (a round that folds again only
 * asks whether a method is one: no need to sort up to 40k names a round).
 */
export function foldedMethods(groups: readonly (readonly string[])[], plan: FoldPlan, choosable: ReadonlySet<string>, sorted = true): { candidates: string[]; groups: string[][] } {
  // The folded contexts' distinct methods (a set of all their methods took a third of the fold).
  const present = plan.index.names;
  const candidates = present.filter((m) => choosable.has(m));
  if (groups.length === 0) return { candidates: sorted ? candidates.sort() : candidates, groups: [] };
  const kept = new Set(present);
  return {
    candidates: sorted ? candidates.sort() : candidates,
    groups: groups.map((g) => g.filter((m) => kept.has(m))).filter((g) => g.length > 0),
  };
}

/**
 * The folded problem, from its folded costs (foldColumns), candidates and groups; the rest as
 * in `problem`, the problem the fold started from. Its contexts stay in columns until read
 * (model/columns.ts).
 */
export function foldedProblem(
  problem: PartitionProblem,
  plan: FoldPlan,
  methods: { candidates: string[]; groups: string[][] },
  costs: CostColumns,
  budgetCosts: CostColumns | undefined,
): PartitionProblem {
  const { parent, index } = plan;
  const rest: Omit<PartitionProblem, 'contexts'> = { candidates: methods.candidates, pinned: [], groups: methods.groups, nesting: problem.nesting };
  // The call graph's condensation is shared, not filtered: it is asked for the kept methods only.
  if (problem.reach) rest.reach = problem.reach;
  if (problem.objective) rest.objective = problem.objective;
  if (problem.budget && budgetCosts) {
    const costs = Array.from(parent, (_, j) => ({ deviceCost: budgetCosts.device[j]!, cloneCost: budgetCosts.clone[j]!, migrationCost: budgetCosts.migration[j]! }));
    rest.budget = { ...problem.budget, costs };
  }
  return problemFromColumns(rest, { parent, id: index.id, names: index.names, device: costs.device, clone: costs.clone, migration: costs.migration });
}

/** One objective's costs per context, as columns. */
export interface CostColumns {
  device: Float64Array;
  clone: Float64Array;
  migration: Float64Array;
}

/** `costs` as columns (in a loop: see parentsOf in tree.ts). */
export function columnsOf(costs: readonly ContextCosts[]): CostColumns {
  const n = costs.length;
  const columns = { device: new Float64Array(n), clone: new Float64Array(n), migration: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const c = costs[i]!;
    columns.device[i] = c.deviceCost;
    columns.clone[i] = c.cloneCost;
    columns.migration[i] = c.migrationCost;
  }
  return columns;
}

/**
 * One objective's costs per folded context. The additions happen in context order, as they
 * always did, so the sums are the same to the last bit. The fixed root's clone cost is its
 * device cost (it never moves), under a budget's costs too.
 */
export function foldColumns(costs: CostColumns, plan: FoldPlan): CostColumns {
  const size = plan.parent.length;
  const device = new Float64Array(size);
  const clone = new Float64Array(size);
  const migration = new Float64Array(size);
  const { mode, at, root, rootFrom } = plan;
  const { device: dev, clone: cl, migration: mig } = costs;
  for (let i = 0; i < mode.length; i++) {
    switch (mode[i]) {
      case ROOT:
        if (i === rootFrom) {
          device[root] = dev[i]!;
          clone[root] = dev[i]!;
        } else {
          device[root]! += dev[i]!;
          clone[root]! += dev[i]!;
        }
        break;
      case JOIN:
        device[at[i]!]! += dev[i]!;
        clone[at[i]!]! += cl[i]!;
        break;
      case MERGE:
        device[at[i]!]! += dev[i]!;
        clone[at[i]!]! += cl[i]!;
        migration[at[i]!]! += mig[i]!;
        break;
      default:
        device[at[i]!] = dev[i]!;
        clone[at[i]!] = cl[i]!;
        migration[at[i]!] = mig[i]!;
    }
  }
  return { device, clone, migration };
}

/**
 * Folded children by (folded parent, method id), open addressing in a typed array: a map per
 * parent allocated ~90k maps per fold of the 100k-context bench tree, and one map keyed by
 * parent × method took seconds at 1M contexts. A slot holds only the folded context (+ 1, 0
 * for empty): its parent and method are read from the fold's own columns, so the table is a
 * third of one holding the keys too (at 1M contexts 8 MB instead of 24 per fold, and each such
 * array's memory counts towards the next full collection).
 */
class SiblingTable {
  private readonly mask: number;
  private readonly slots: Int32Array;

  /**
   * `parent` and `method`: per folded context, as planFold fills them before `set`. `owner`: the
   * tree being folded, which keeps the slots for its next fold.
   */
  constructor(
    entries: number,
    private readonly parent: Int32Array,
    private readonly method: Int32Array,
    owner: object,
  ) {
    let capacity = 16;
    while (capacity < 2 * entries) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = cleared(owner, 'fold siblings', Int32Array, capacity);
  }

  /** The folded context of `method` under folded `parent` (-1: the root's level), or -1. */
  get(parent: number, method: number): number {
    for (let h = this.slot(parent, method); this.slots[h] !== 0; h = (h + 1) & this.mask) {
      const value = this.slots[h]! - 1;
      if (this.parent[value] === parent && this.method[value] === method) return value;
    }
    return -1;
  }

  /** Records folded context `value`, whose parent and method are in the columns already. */
  set(value: number): void {
    let h = this.slot(this.parent[value]!, this.method[value]!);
    while (this.slots[h] !== 0) h = (h + 1) & this.mask;
    this.slots[h] = value + 1;
  }

  private slot(parent: number, method: number): number {
    return (Math.imul(parent + 1, 0x9e3779b1) ^ Math.imul(method, 0x85ebca6b)) & this.mask;
  }
}
