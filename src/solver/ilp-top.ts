/**
 * The dynamic model as GLPK is given it for a reduced problem: the same optimum as DESIGN.md's
 * rows (ilp-dynamic.ts), in a form whose simplex is several times faster, and with rows that
 * tighten its relaxation (addExclusionRows). Variables say where execution moves rather than
 * where each context runs:
 *
 *   T[c] ∈ [0, 1] per candidate context: execution migrates when it enters c (X of DESIGN.md);
 *   L[c] = Σ T over c's path (c and its ancestors), so L is not a variable;
 *   min Σ_c T[c]·w[c] (+ Σ_c deviceCost[c]),  w[c] = migrationCost[c] + Σ_{d ∈ sub(c)} (cloneCost[d] − deviceCost[d])
 *   Σ T over the path of each leaf ≤ 1                     (L ≤ 1; with T ≥ 0 it holds on every path)
 *   T[c] ≤ R[m(c)],  Σ T over c's path ≥ R[m(c)]          (moves only at a migration point; a
 *                                                           migration point's contexts are on the clone)
 *
 * The rows of DESIGN.md say the same: L[c] ≥ L[p] is T ≥ 0, L[c] ≤ L[p] + R is T ≤ R, L[c] ≥ R is
 * the second row, and X ≥ L[c] − L[p] = T[c] at the optimum (X has a positive cost). Their cost
 * Σ (clone − device)·L + Σ migration·X is Σ T·w once each context's L is written as the sum of
 * the T above it. So without the exclusion rows the two LPs have the same feasible (L, X, R) and
 * the same values; the exclusion rows hold for every partition, so they only raise the relaxation.
 *
 * A method with one context c needs no R: R = T[c] meets both rows (T ≤ R, and R = T ≤ Σ T over
 * the path), and any R of DESIGN.md's model is at least T[c]; so T[c] is its variable, and
 * binary. With those and the other R binary, every T is 0/1 too (on each path the topmost
 * context of a chosen method that no chosen context above covers has T = 1, the rest 0), so only
 * those are integer. A method chosen where an ancestor already moved is idle: here its lone
 * context's T is 0 (the path holds one move at most), which the answer's pruning of idle
 * migration points (prune.ts) does anyway.
 *
 * On the scale bench's 40k:1m app (after the reductions: 8-9k contexts, 6-7k candidates, two
 * thirds of them with one context), GLPK's relaxation took 15 s (5g) and 29 s (lte) on the rows
 * of DESIGN.md and 1.7 and 2.1 s here without the exclusion rows, with the same value.
 *
 * Only for problems without native-state groups, budget or pinned contexts (the reductions fold
 * pinned contexts into the fixed root), and whose paths are short: a leaf's row lists every
 * candidate above it. Others get DESIGN.md's model (topModelFits).
 */
import type { PartitionProblem } from '../model/types.js';
import { columnsFromObjects, columnsOfProblem, type ContextColumns } from '../model/columns.js';
import { byCodeUnit, groupComponentsOfIndex, type IlpModel, type IlpRow, type IlpVar } from './ilp-model.js';
import { buildValidParts } from './ilp.js';
import type { StaticNesting } from './static-nesting.js';

/** Contexts built between two looks at the clock. */
const CLOCK_EVERY = 4096;
/** Row entries per context above which the paths are too long for this form. */
const MAX_TERMS_PER_CONTEXT = 12;
/** Budget of the exclusion rows (addExclusionRows), per context: their entries, and the pairs of contexts looked at. */
const MAX_EXCLUSION_ENTRIES_PER_CONTEXT = 8;
const MAX_EXCLUSION_PAIRS_PER_CONTEXT = 16;

/** Whether `problem` may be given the top model: dynamic, no groups, budget or pinned contexts, short paths. */
export function topModelFits(problem: PartitionProblem): boolean {
  if (problem.nesting !== 'dynamic' || problem.budget) return false;
  const columns = columnsOf(problem);
  if (groupComponentsOfIndex(problem.groups, columns.id, columns.names).length > 0) return false;
  const pinned = new Set(problem.pinned);
  if (columns.names.some((m) => pinned.has(m))) return false;
  const { parent } = columns;
  const n = parent.length;
  const shape = treeShape(problem, columns);
  // Candidates on each context's path: its row (a leaf's, or a migration point's of several contexts) lists them.
  const depth = new Int32Array(n);
  let terms = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    depth[i] = (p >= 0 ? depth[p]! : 0) + (shape.kOf[i]! >= 0 ? 1 : 0);
    if (shape.leaf[i] || shape.shared[i]) terms += depth[i]! + 1;
  }
  return terms <= MAX_TERMS_PER_CONTEXT * Math.max(n, 1);
}

/**
 * The model GLPK is given for a reduced problem: the top form where it fits (the same optimum
 * and relaxation as DESIGN.md's rows, a faster simplex), else DESIGN.md's model. `wholeColumns`:
 * every column is 0 or 1 in every integral solution (the top form's T, as said above), not only
 * the binary ones.
 */
export function reducedModelParts(problem: PartitionProblem): { model: IlpModel; nesting?: StaticNesting; wholeColumns?: true } {
  const top = topModelFits(problem) ? buildTopModel(problem) : undefined;
  return top ? { model: top, wholeColumns: true } : buildValidParts(problem);
}

/** The top model of a problem that fits (topModelFits); undefined when `deadline` (performance.now()) passes first. */
export function buildTopModel(problem: PartitionProblem, deadline = Infinity): IlpModel | undefined {
  const columns = columnsOf(problem);
  const { parent, device, clone, migration } = columns;
  const n = parent.length;
  const { methods, kOf, leaf, shared, contextsOf } = treeShape(problem, columns);
  const w = new Float64Array(n);
  let constant = 0;
  for (let i = n - 1; i >= 0; i--) {
    constant += device[i]!;
    w[i]! += clone[i]! - device[i]!;
    if (parent[i]! >= 0) w[parent[i]!]! += w[i]!;
  }
  // The choice of each method: R when it has several contexts, else its context's T.
  const choice = methods.map((_, k) => (contextsOf[k]! > 1 ? `r${k}` : ''));
  const vars: IlpVar[] = [];
  methods.forEach((_, k) => {
    if (choice[k]) vars.push({ name: choice[k], lo: 0, hi: 1, binary: true, cost: 0 });
  });
  // Nearest candidate context at or above each context (-1: none).
  const up = new Int32Array(n);
  const rows: IlpRow[] = [];
  const path = (i: number): [string, number][] => {
    const terms: [string, number][] = [];
    for (let j = up[i]!; j >= 0; j = parent[j]! >= 0 ? up[parent[j]!]! : -1) terms.push([`t${j}`, 1]);
    return terms;
  };
  for (let i = 0; i < n; i++) {
    if (i % CLOCK_EVERY === CLOCK_EVERY - 1 && performance.now() >= deadline) return undefined;
    const p = parent[i]!;
    const k = kOf[i]!;
    up[i] = k >= 0 ? i : p >= 0 ? up[p]! : -1;
    if (k >= 0) {
      const t = `t${i}`;
      vars.push({ name: t, lo: 0, hi: 1, binary: !choice[k], cost: w[i]! + migration[i]! });
      if (!choice[k]) choice[k] = t;
    }
    if (leaf[i]) {
      const terms = path(i);
      if (terms.length > 1) rows.push({ name: `k${i}`, terms, sense: 'le', rhs: 1 });
    }
    if (shared[i]) {
      const r = choice[k]!;
      rows.push({ name: `a${i}`, terms: [[`t${i}`, 1], [r, -1]], sense: 'le', rhs: 0 });
      rows.push({ name: `b${i}`, terms: [...path(i), [r, -1]], sense: 'ge', rhs: 0 });
    }
  }
  if (!addExclusionRows(parent, kOf, shared, up, rows, deadline)) return undefined;
  return { vars, rows, constant, choices: methods.map((method, k) => ({ name: choice[k]!, method })) };
}

/**
 * The top model's columns at a partition (`migrate`, legal, of `problem`): R = 1 for the methods
 * it takes; T[c] = 1 where c's method is taken and c's parent is not on the clone (execution
 * moves there), else 0. Only as a start for GLPK (glpk-start.ts): any point would do, this one
 * meets the rows.
 */
export function topModelPoint(problem: PartitionProblem, model: IlpModel, migrate: readonly string[]): Float64Array {
  const { parent, id, names } = columnsOf(problem);
  const taken = new Set(migrate);
  const chosen = Uint8Array.from(names, (m) => (taken.has(m) ? 1 : 0));
  const onClone = new Uint8Array(parent.length);
  const moves = new Uint8Array(parent.length);
  for (let i = 0; i < parent.length; i++) {
    const above = parent[i]! >= 0 ? onClone[parent[i]!]! : 0;
    if (chosen[id[i]!] && !above) moves[i] = 1;
    onClone[i] = above | chosen[id[i]!]!;
  }
  const methodOf = new Map(model.choices.map((c) => [c.name, c.method]));
  return Float64Array.from(model.vars, (v) => (v.name.startsWith('t') ? moves[Number(v.name.slice(1))]! : taken.has(methodOf.get(v.name)!) ? 1 : 0));
}

/**
 * Rows that every partition meets and the relaxation above does not (its fractional answers mix
 * "a method migrates at one of its contexts" with "that method's other context is covered by a
 * method that, migrating there, would cover the first one too"). For contexts c2 ≠ c1 of one
 * method m of several contexts:
 *
 *   T[c2] ≤ Σ T[x] over x on c1's path whose method is not the method of a strict ancestor of c2.
 *
 * Why every partition meets it: when execution moves at c2 (T[c2] = 1), no strict ancestor a of
 * c2 is on the clone (L[a] = 0), so none of their methods migrates (R ≤ L at each of a method's
 * contexts; a method of one context has R = T there, 0), so no context of those methods moves
 * anywhere (T ≤ R); and m migrates (T[c2] ≤ R[m]), so c1 is on the clone (R[m] ≤ L[c1]): one of
 * the T on c1's path is 1, and it is not of those methods. When T[c2] = 0 the row holds as the
 * T are ≥ 0. So the optimum does not change; the relaxation only rises. When no method of c1's
 * path is one of c2's ancestors', the row is T[c2] ≤ R[m] ≤ L[c1], already there, and is left out.
 * On the 40k:1m app's lte problem 2,718 such rows raised the relaxation from 1810907.19 to
 * 1811193.87 (the optimum is 1811391.95) and GLPK proved it in 6.5 s instead of 285 s; on 5g, wifi
 * and 3g the relaxation came within 1e-5 of the optimum or met it.
 *
 * Made in context order within a budget (rows' entries and pairs looked at, per context), so that a
 * method of very many contexts does not make the model quadratic; leaving rows out only weakens the
 * relaxation. False when `deadline` passes first.
 */
function addExclusionRows(parent: Int32Array, kOf: Int32Array, shared: Uint8Array, up: Int32Array, rows: IlpRow[], deadline: number): boolean {
  const n = parent.length;
  const contextsOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!shared[i]) continue;
    const list = contextsOf.get(kOf[i]!);
    if (list) list.push(i);
    else contextsOf.set(kOf[i]!, [i]);
  }
  const path = (i: number): number[] => {
    const out: number[] = [];
    for (let j = up[i]!; j >= 0; j = parent[j]! >= 0 ? up[parent[j]!]! : -1) out.push(j);
    return out;
  };
  // Per method, the context whose strict ancestors last had it (-1: none).
  const stamp = new Int32Array(kOf.reduce((a, k) => Math.max(a, k), -1) + 1).fill(-1);
  let entries = MAX_EXCLUSION_ENTRIES_PER_CONTEXT * n;
  let pairs = MAX_EXCLUSION_PAIRS_PER_CONTEXT * n;
  for (let c2 = 0; c2 < n; c2++) {
    if (!shared[c2]) continue;
    for (const a of path(c2).slice(1)) stamp[kOf[a]!] = c2;
    for (const c1 of contextsOf.get(kOf[c2]!)!) {
      if (c1 === c2) continue;
      if (--pairs < 0) return true;
      if (pairs % CLOCK_EVERY === 0 && performance.now() >= deadline) return false;
      const along = path(c1);
      if (along.includes(c2) || !along.some((x) => stamp[kOf[x]!] === c2)) continue;
      const terms: [string, number][] = [[`t${c2}`, 1]];
      for (const x of along) if (stamp[kOf[x]!] !== c2) terms.push([`t${x}`, -1]);
      entries -= terms.length;
      if (entries < 0) return true;
      rows.push({ name: `z${c2}_${c1}`, terms, sense: 'le', rhs: 0 });
    }
  }
  return true;
}

interface TreeShape {
  /** Choosable methods, sorted. */
  methods: string[];
  /** Per context, its method's index in `methods` (-1: not choosable). */
  kOf: Int32Array;
  leaf: Uint8Array;
  /** Per context, 1 when its method is choosable and has several contexts. */
  shared: Uint8Array;
  /** Per method, its number of contexts. */
  contextsOf: Int32Array;
}

function treeShape(problem: PartitionProblem, columns: ContextColumns): TreeShape {
  const { parent, id, names } = columns;
  const n = parent.length;
  const pinned = new Set(problem.pinned);
  const present = new Set(names);
  // As choosableMethods: candidates with a context, not pinned, sorted.
  const methods = [...new Set(problem.candidates)].filter((m) => present.has(m) && !pinned.has(m)).sort(byCodeUnit);
  const index = new Map(methods.map((m, k) => [m, k]));
  const kOfName = Int32Array.from(names, (m) => index.get(m) ?? -1);
  const kOf = new Int32Array(n);
  const contextsOf = new Int32Array(methods.length);
  const leaf = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const k = kOfName[id[i]!]!;
    kOf[i] = k;
    if (k >= 0) contextsOf[k]!++;
    if (parent[i]! >= 0) leaf[parent[i]!] = 0;
  }
  const shared = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (kOf[i]! >= 0 && contextsOf[kOf[i]!]! > 1) shared[i] = 1;
  return { methods, kOf, leaf, shared, contextsOf };
}

function columnsOf(problem: PartitionProblem): ContextColumns {
  return columnsOfProblem(problem) ?? columnsFromObjects(problem.contexts);
}
