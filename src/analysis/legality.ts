/**
 * Verdicts from the call graph: a method reaching a pinned method cannot migrate (CloneCloud:
 * once on the clone, execution stays there until the migrated method returns), and which
 * candidates reach which (for the optimizer's static nesting rule). Pure graph code.
 */
import { fileLine } from './project.js';
import type { CallEdge, Reason, UnresolvedCall } from './types.js';

/** For every method that may reach a pinned one: its 'reaches-pinned' reason (shortest path). */
export function reachesPinned(ids: string[], edges: CallEdge[], pinned: Set<string>): Map<string, Reason> {
  const next = shortestPaths(edges, pinned);
  const out = new Map<string, Reason>();
  for (const id of ids) {
    const path = pathFrom(id, next, pinned);
    if (!path.length) continue;
    const hops = path.map((e) => `${e.to} (called at ${fileLine(e.site)})`);
    const target = path[path.length - 1]!.to;
    out.set(id, {
      rule: 'reaches-pinned',
      message: `may reach pinned method ${target}: ${id} -> ${hops.join(' -> ')}`,
      site: path[0]!.site,
      via: [id, ...path.map((e) => e.to)],
      path,
    });
  }
  return out;
}

/**
 * Under the `unresolved: device` policy: every method that has, or may reach, a call site the
 * analysis could not resolve, with an 'unresolved-call' reason. Such a site may call anything,
 * a device API included, so the sound verdict is that it may reach the device.
 */
export function reachesUnresolved(ids: string[], edges: CallEdge[], unresolved: UnresolvedCall[]): Map<string, Reason> {
  const out = new Map<string, Reason>();
  for (const [id, { finding, path, site }] of unresolvedFindings(ids, edges, unresolved)) {
    const reason: Reason = { rule: 'unresolved-call', message: path.length ? finding : `${finding}: it may reach the device`, site };
    if (path.length) Object.assign(reason, { via: [id, ...path.map((e) => e.to)], path });
    out.set(id, reason);
  }
  return out;
}

/**
 * For every method of `ids` that has, or may reach, a call the analysis could not resolve:
 * what it does ("calls X at f:l (why), which ..." or "may reach a call ...: id -> ..."), the
 * shortest call path there (empty for its own call) and the site to point at.
 */
export function unresolvedFindings(ids: string[], edges: CallEdge[], unresolved: UnresolvedCall[]): Map<string, { finding: string; path: CallEdge[]; site: string }> {
  const firstSite = new Map<string, UnresolvedCall>();
  for (const u of unresolved) if (!firstSite.has(u.from)) firstSite.set(u.from, u);
  const holders = new Set(firstSite.keys());
  const next = shortestPaths(edges, holders);
  const out = new Map<string, { finding: string; path: CallEdge[]; site: string }>();
  for (const id of ids) {
    const path = holders.has(id) ? [] : pathFrom(id, next, holders);
    const holder = path.length ? path[path.length - 1]!.to : id;
    const u = firstSite.get(holder);
    if (!u) continue;
    const call = `${u.text} at ${fileLine(u.site)} (${u.reason})`;
    const hops = path.map((e) => `${e.to} (called at ${fileLine(e.site)})`);
    const finding = path.length
      ? `may reach a call the analysis could not resolve: ${id} -> ${hops.join(' -> ')}, which calls ${call}`
      : `calls ${call}, which the analysis could not resolve`;
    out.set(id, { finding, path, site: path.length ? path[0]!.site : u.site });
  }
  return out;
}

/**
 * Multi-source BFS backwards from `targets`: for every method that reaches one, the first edge
 * of a shortest path (through no `blocked` method). Edges are sorted, so ties break the same way
 * every run.
 */
export function shortestPaths(edges: CallEdge[], targets: Set<string>, callers = callersOf(edges), blocked?: Set<string>): Map<string, CallEdge> {
  const next = new Map<string, CallEdge>();
  const done = new Set<string>([...targets].sort());
  const queue = [...done];
  for (let i = 0; i < queue.length; i++) {
    for (const e of callers.get(queue[i]!) ?? []) {
      if (done.has(e.from) || blocked?.has(e.from)) continue;
      done.add(e.from);
      next.set(e.from, e);
      queue.push(e.from);
    }
  }
  return next;
}

/** Each method's incoming edges, in the edges' order (for several searches over one graph). */
export function callersOf(edges: CallEdge[]): Map<string, CallEdge[]> {
  const callers = new Map<string, CallEdge[]>();
  for (const e of edges) (callers.get(e.to) ?? callers.set(e.to, []).get(e.to)!).push(e);
  return callers;
}

/** The path `shortestPaths` found from `id` to a target (empty when none, or `id` is one). */
export function pathFrom(id: string, next: Map<string, CallEdge>, targets: Set<string>): CallEdge[] {
  const path: CallEdge[] = [];
  for (let e = next.get(id); e; e = next.get(e.to)) {
    path.push(e);
    if (targets.has(e.to)) break;
  }
  return path;
}

/**
 * [m1, m2] for distinct candidates where m2 is reachable from m1, sorted. Computed once on the
 * condensation of the graph (Tarjan's strongly connected components, which come out callees
 * first): each component's reachable candidates are a bit set, the union of its successors'.
 */
export function candidateReach(candidates: string[], edges: CallEdge[]): [string, string][] {
  const sorted = [...candidates].sort();
  if (sorted.length === 0) return [];
  const nodes = new Map<string, number>();
  const idOf = (s: string): number => nodes.get(s) ?? (nodes.set(s, nodes.size), nodes.size - 1);
  sorted.forEach(idOf);
  const succ: number[][] = [];
  for (const e of edges) {
    const a = idOf(e.from);
    const b = idOf(e.to);
    (succ[a] ??= []).push(b);
  }
  const n = nodes.size;
  const comp = tarjan(n, (v) => succ[v] ?? []);
  const words = Math.ceil(sorted.length / 32);
  const members: number[][] = Array.from({ length: comp.count }, () => []);
  for (let v = 0; v < n; v++) members[comp.of[v]!]!.push(v);
  // full[c]: candidates reachable from c including c's own (a non-trivial component reaches all
  // its members; a singleton's own bit is only itself, which the output skips).
  const full: (Uint32Array | undefined)[] = new Array(comp.count);
  for (let c = 0; c < comp.count; c++) {
    let bits: Uint32Array | undefined;
    for (const v of members[c]!) {
      if (v < sorted.length) (bits ??= new Uint32Array(words))[v >>> 5]! |= 1 << (v & 31);
      for (const w of succ[v] ?? []) {
        const src = comp.of[w] === c ? undefined : full[comp.of[w]!];
        if (!src || src === bits) continue;
        bits ??= new Uint32Array(words);
        for (let i = 0; i < words; i++) bits[i]! |= src[i]!;
      }
    }
    full[c] = bits;
  }
  const out: [string, string][] = [];
  for (let v = 0; v < sorted.length; v++) {
    const bits = full[comp.of[v]!];
    if (!bits) continue;
    for (let i = 0; i < words; i++) {
      for (let word = bits[i]!; word !== 0; word &= word - 1) {
        const w = i * 32 + (31 - Math.clz32(word & -word));
        if (w !== v) out.push([sorted[v]!, sorted[w]!]);
      }
    }
  }
  return out;
}

/** Tarjan's SCC, iterative (deep call chains must not overflow the stack). Components in reverse topological order. */
export function tarjan(n: number, succ: (v: number) => number[]): { of: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const of = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const out = succ(v);
      if (i < out.length) {
        top[1]++;
        const w = out[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { of, count };
}
