/**
 * Static nesting solved exactly without GLPK when CloneCloud's rule is a partial order alone:
 * no native-state group, no budget, and every tree link implied by the call graph
 * (static-nesting.ts: no tree rows). Then the answer is a maximum-weight antichain of the call
 * graph's condensation, each component weighing its best member's saving max(0, −W[m]) (its
 * members reach each other, so one at most), and the weighted Dilworth theorem gives it with a
 * proof: it equals the least flow that passes every component at least its weight, along paths
 * of the condensation (a path meets an antichain once, so no antichain weighs more than any such
 * flow; at the least flow the minimum cut is an antichain of that weight).
 *
 * The least flow: start with each weighted component on its own path s → c → t, then send back
 * as much as possible from t to s in the residual network (Dinic), which joins paths. Components
 * whose exit but not entry is reachable from t in the final residual form the antichain (an
 * edge c → d lets the residual reach d's entry from c's exit, so no two are related). The
 * answer is proven only when its weight meets the flow within rounding; else (a bug, or rounding)
 * the caller goes on with GLPK. GLPK's simplex took 23 s on the 1M-context app's 28k-row model,
 * whose relaxation is integral for the same reason.
 */
import type { PartitionProblem } from '../model/types.js';
import { groupComponents, type IlpModel } from './ilp-model.js';
import { staticNesting, type StaticNesting } from './static-nesting.js';

export interface ExactAnswer {
  migrate: string[];
  /** Its cost (the model's constant plus the chosen W). */
  cost: number;
}

/**
 * The proven optimum of a static model in the case above, else undefined (also when `deadline`
 * passes first). `given`: the nesting relation the model was built from (buildStaticParts), so
 * that it is not computed twice per solve.
 */
export function exactStaticAnswer(problem: PartitionProblem, model: IlpModel, deadline = Infinity, given?: StaticNesting): ExactAnswer | undefined {
  const parts = antichainParts(problem, model, given);
  if (!parts) return undefined;
  const found = leastFlow(parts, parts.weight, deadline);
  if (!found || found.antichain < found.least - 1e-9 * (found.total + 1)) return undefined;
  return { migrate: found.chosen.sort(), cost: found.cost };
}

/**
 * For the search among ties (canonical.ts), in the case above: true when no partition that
 * leaves out one or more of `leaveOut` costs `limit` + `tolerance` or less, by the relaxation
 * of that question: Lagrange's bound of the row Σ R over `leaveOut` ≤ |leaveOut| − 1 at a price
 * μ, L(μ) = min over antichains A of Σ_A (W + μ·[m ∈ leaveOut]) − μ·(|leaveOut| − 1), each an
 * antichain solved by the least flow (which bounds it from below whatever the rounding). Every
 * L(μ) is at most the LP relaxation with the row, which GLPK's simplex solves otherwise (on the
 * 40k:1m app's static wifi problem 12 s at load 8, against two flows of 0.2 s), so a question
 * settled here would be settled there. The price: while the optimum keeps all of `leaveOut`,
 * L(μ) = optimum + μ, so μ just past limit + tolerance − optimum settles it unless some
 * partition leaving a method out comes that close (then the LP would not settle it either).
 * False means not settled: the caller asks GLPK.
 */
export function staticTiesSettled(problem: PartitionProblem, model: IlpModel, leaveOut: readonly string[], limit: number, tolerance: number, deadline = Infinity, given?: StaticNesting): boolean {
  const parts = antichainParts(problem, model, given);
  if (!parts) return false;
  const out = new Set(leaveOut);
  const inQuestion = parts.methods.map((m) => out.has(m));
  // Each method of the question has its variable (the caller's row needs them all).
  if (inQuestion.filter(Boolean).length !== out.size) return false;
  const first = leastFlow(parts, parts.weight, deadline);
  if (!first) return false;
  const mu = limit + 2 * tolerance - first.bound;
  if (!(mu > 0)) return false;
  const shifted = parts.weight.map((w, k) => (inQuestion[k] ? w + mu : w));
  const second = leastFlow(parts, shifted, deadline);
  return second !== undefined && second.bound - mu * (out.size - 1) > limit + tolerance;
}

interface AntichainParts {
  methods: string[];
  /** W per method (index into `methods`), the model's costs. */
  weight: number[];
  constant: number;
  nesting: StaticNesting;
}

function antichainParts(problem: PartitionProblem, model: IlpModel, given?: StaticNesting): AntichainParts | undefined {
  if (problem.nesting !== 'static' || problem.budget || !problem.reach || groupComponents(problem).length > 0) return undefined;
  const methods = model.choices.map((c) => c.method);
  const costOf = new Map(model.vars.map((v) => [v.name, v.cost]));
  const weight = model.choices.map((c) => costOf.get(c.name)!);
  const nesting = given ?? nestingOf(problem, methods);
  if (nesting.excluded.length > 0) return undefined;
  return { methods, weight, constant: model.constant, nesting };
}

interface LeastFlow {
  chosen: string[];
  /** The chosen antichain's cost, and the cost no partition goes below (from the least flow). */
  cost: number;
  bound: number;
  antichain: number;
  least: number;
  total: number;
}

/** The maximum-weight antichain under `weight` (per method), with the least flow that bounds it; undefined past `deadline`. */
function leastFlow({ methods, constant, nesting }: AntichainParts, weight: readonly number[], deadline: number): LeastFlow | undefined {
  // Per relevant component: its best member (least W) and its weight.
  const slot = new Map(nesting.components.map((c, i) => [c, i]));
  const n = nesting.components.length;
  const best = new Int32Array(n).fill(-1);
  const chosen: string[] = [];
  let cost = constant;
  nesting.componentOf.forEach((c, k) => {
    if (c < 0) {
      // Outside the call graph and, with no tree rows, related to no other method.
      if (weight[k]! < 0) {
        chosen.push(methods[k]!);
        cost += weight[k]!;
      }
      return;
    }
    const i = slot.get(c)!;
    if (best[i]! < 0 || weight[k]! < weight[best[i]!]!) best[i] = k;
  });
  const w = Float64Array.from(best, (k) => (k >= 0 ? Math.max(0, -weight[k]!) : 0));
  // Every weight is ≥ 0: the total is what the flow starts with.
  const total = w.reduce((a, b) => a + b, 0);

  // Nodes: entry 2i, exit 2i + 1, s = 2n, t = 2n + 1. Arcs in pairs (e, e ^ 1), residual capacities.
  const s = 2 * n;
  const t = 2 * n + 1;
  const flow = new Dinic(2 * n + 2, 1e-12 * (total + 1));
  for (let i = 0; i < n; i++) {
    flow.arc(2 * i, 2 * i + 1, Infinity, 0);
    if (w[i]! > 0) {
      flow.arc(s, 2 * i, Infinity, w[i]!);
      flow.arc(2 * i + 1, t, Infinity, w[i]!);
    }
  }
  for (const [c, d] of nesting.edges) flow.arc(2 * slot.get(c)! + 1, 2 * slot.get(d)!, Infinity, 0);
  const sent = flow.maxFlow(t, s, deadline);
  if (sent === undefined) return undefined;
  // A flow that passes every component at least its weight: no antichain weighs more.
  const least = total - sent;
  const bound = cost - least;
  const reached = flow.reachable(t);
  let antichain = 0;
  for (let i = 0; i < n; i++) {
    if (w[i]! <= 0 || reached[2 * i] || !reached[2 * i + 1]) continue;
    antichain += w[i]!;
    chosen.push(methods[best[i]!]!);
    cost += weight[best[i]!]!;
  }
  return { chosen, cost, bound, antichain, least, total };
}

function nestingOf(problem: PartitionProblem, methods: readonly string[]): StaticNesting {
  const index = new Map(methods.map((m, k) => [m, k]));
  return staticNesting(problem, methods, (i) => index.get(problem.contexts[i]!.method) ?? -1);
}

/** Max flow on a residual network with float capacities (Infinity allowed), iterative. */
class Dinic {
  private readonly head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private readonly level: Int32Array;
  private readonly iter: Int32Array;

  /** `eps`: residual capacities at most this are used up (sums of floats leave crumbs). */
  constructor(
    private readonly size: number,
    private readonly eps: number,
  ) {
    this.head = new Int32Array(size).fill(-1);
    this.level = new Int32Array(size);
    this.iter = new Int32Array(size);
  }

  /** An arc u → v with residual `forward`, and its reverse with residual `backward`. */
  arc(u: number, v: number, forward: number, backward: number): void {
    for (const [a, b, c] of [[u, v, forward], [v, u, backward]] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  /** The max flow, or undefined when `deadline` (performance.now()) passes first. */
  maxFlow(source: number, sink: number, deadline: number): number | undefined {
    let total = 0;
    let paths = 0;
    while (this.levels(source, sink)) {
      for (let v = 0; v < this.size; v++) this.iter[v] = this.head[v]!;
      for (let pushed = this.augment(source, sink); pushed > 0; pushed = this.augment(source, sink)) {
        total += pushed;
        if (++paths % 256 === 0 && performance.now() > deadline) return undefined;
      }
      if (performance.now() > deadline) return undefined;
    }
    return total;
  }

  /** Nodes reachable from `from` along arcs with residual capacity. */
  reachable(from: number): Uint8Array {
    const seen = new Uint8Array(this.size);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (!seen[v] && this.cap[e]! > this.eps) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  private levels(source: number, sink: number): boolean {
    this.level.fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.level[v]! < 0 && this.cap[e]! > this.eps) {
          this.level[v] = this.level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return this.level[sink]! >= 0;
  }

  /** One augmenting path along increasing levels (depth first, without recursion): its flow. */
  private augment(source: number, sink: number): number {
    const path: number[] = [];
    let u = source;
    for (;;) {
      if (u === sink) {
        let push = Infinity;
        for (const e of path) push = Math.min(push, this.cap[e]!);
        if (!Number.isFinite(push)) throw new Error('unbounded flow in the static antichain (a bug)');
        for (const e of path) {
          this.cap[e]! -= push;
          this.cap[e ^ 1]! += push;
        }
        return push;
      }
      let e = this.iter[u]!;
      while (e >= 0 && !(this.cap[e]! > this.eps && this.level[this.to[e]!] === this.level[u]! + 1)) e = this.next[e]!;
      this.iter[u] = e;
      if (e >= 0) {
        path.push(e);
        u = this.to[e]!;
        continue;
      }
      // Dead end: no path through u at this level; step back.
      this.level[u] = -1;
      if (path.length === 0) return 0;
      const back = path.pop()!;
      u = this.to[back ^ 1]!;
    }
  }
}
