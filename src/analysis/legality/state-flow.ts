/**
 * Transitive state: what a method's call may use is its own bindings and those of the methods it
 * may reach by the call graph, access kinds unioned.
 * - Module bindings flow over the whole graph.
 * - A binding captured from a function F flows among the methods nested in F (F's region): only
 *   they see it, and a call to F itself makes it anew. A callback handed out inside F is called
 *   by the method handing it out (walk.ts), so the region keeps most paths. When a method of the
 *   region is called from outside it (a closure stored and run by other code: `hc(url, {
 *   headers: () => dynamic })`), the bindings it may use escape: they flow over the whole graph
 *   too, and a method sees them only when nested in F.
 * Each flow is computed once on the condensation of its graph (Tarjan's components come out
 * callees first) as two bit sets per component, read and write, over its own bindings only; a
 * component that adds nothing shares its only successor's sets. No method x method pairs.
 */
import { ts } from '../../typescript.cjs';
import { callersOf, pathFrom, shortestPaths } from './reaches.js';
import { tarjan } from '../../util/reach.js';
import type { CallEdge } from '../types.js';
import type { Binding, Use } from './state-facts.js';
import { READ, WRITE } from './state-syntax.js';

export interface StateFlow {
  /** [binding index, READ | WRITE] of everything a call of the method may use (captured: if nested in their function). */
  of(id: string): [number, number][];
  /** A shortest call path from the method to one using the binding itself (empty: it does; undefined: none). */
  path(id: string, i: number): CallEdge[] | undefined;
}

interface Graph {
  ids: string[];
  edges: CallEdge[];
  /** Binding indexes this graph carries (its bit positions). */
  bindings: number[];
}

interface Search {
  users: Set<string>;
  next: Map<string, CallEdge>;
}

export function stateFlow(
  ids: string[],
  edges: CallEdge[],
  own: Map<string, Map<number, Use>>,
  bindings: Binding[],
  nodeOf: (id: string) => ts.Node | undefined,
  idOf: (node: ts.Node) => string | undefined,
): StateFlow {
  const used = new Set<number>();
  for (const uses of own.values()) for (const i of uses.keys()) used.add(i);
  const regions = regionsOf(ids, edges, [...used].filter((i) => bindings[i]!.scope === 'captured'), bindings, nodeOf);
  const member = new Map<string, Graph[]>();
  for (const g of regions.values()) for (const id of g.ids) (member.get(id) ?? member.set(id, []).get(id)!).push(g);
  const closures = new Map<Graph, (id: string) => [number, number][]>();
  const closureOf = (g: Graph) => closures.get(g) ?? closures.set(g, closure(g, own)).get(g)!;
  const escaping = escapingBindings(regions, edges, closureOf, idOf);
  const whole: Graph = { ids, edges, bindings: [...used].filter((i) => bindings[i]!.scope === 'module' || escaping.has(i)).sort((a, b) => a - b) };
  const graphs = new Map<Graph, { callers: Map<string, CallEdge[]>; searches: Map<number, Search> }>();
  const search = (g: Graph, i: number, avoid?: string): Search => {
    let c = graphs.get(g);
    if (!c) graphs.set(g, (c = { callers: callersOf(g.edges), searches: new Map() }));
    let s = c.searches.get(i);
    if (!s) {
      const users = new Set(g.ids.filter((m) => own.get(m)?.has(i)));
      // A path through the declaring function reaches a new binding, not the caller's.
      c.searches.set(i, (s = { users, next: shortestPaths(g.edges, users, c.callers, avoid === undefined ? undefined : new Set([avoid])) }));
    }
    return s;
  };
  return {
    of: (id) => {
      const node = nodeOf(id);
      const out = new Map(closureOf(whole)(id).filter(([i]) => bindings[i]!.scope === 'module' || encloses(bindings[i]!.owner!, node)));
      for (const g of member.get(id) ?? []) for (const [i, bits] of closureOf(g)(id)) out.set(i, (out.get(i) ?? 0) | bits);
      return [...out];
    },
    path: (id, i) => {
      if (own.get(id)?.has(i)) return [];
      const b = bindings[i]!;
      const tries = b.scope === 'module' ? [search(whole, i)] : [search(regions.get(b.owner!)!, i)];
      if (b.scope === 'captured' && escaping.has(i)) tries.push(search(whole, i, idOf(b.owner!)));
      for (const s of tries) {
        const path = pathFrom(id, s.next, s.users);
        if (path.length) return path;
      }
      return undefined;
    },
  };
}

/** Per function (or class) declaring captured bindings: the methods nested in it, and the edges among them. */
function regionsOf(ids: string[], edges: CallEdge[], captured: number[], bindings: Binding[], nodeOf: (id: string) => ts.Node | undefined): Map<ts.Node, Graph> {
  const regions = new Map<ts.Node, Graph>();
  for (const i of captured) {
    const owner = bindings[i]!.owner!;
    (regions.get(owner) ?? regions.set(owner, { ids: [], edges: [], bindings: [] }).get(owner)!).bindings.push(i);
  }
  const inside = new Map<string, Graph[]>();
  for (const id of ids) {
    for (let n = nodeOf(id)?.parent; n && !ts.isSourceFile(n); n = n.parent) {
      const g = regions.get(n);
      if (!g) continue;
      g.ids.push(id);
      (inside.get(id) ?? inside.set(id, []).get(id)!).push(g);
    }
  }
  for (const e of edges) {
    const to = inside.get(e.to);
    if (to) for (const g of inside.get(e.from) ?? []) if (to.includes(g)) g.edges.push(e);
  }
  return regions;
}

/** Captured bindings that a method of their region, called from outside it, may use. */
function escapingBindings(regions: Map<ts.Node, Graph>, edges: CallEdge[], closureOf: (g: Graph) => (id: string) => [number, number][], idOf: (node: ts.Node) => string | undefined): Set<number> {
  const callers = new Map<string, string[]>();
  for (const e of edges) (callers.get(e.to) ?? callers.set(e.to, []).get(e.to)!).push(e.from);
  const out = new Set<number>();
  for (const [owner, g] of regions) {
    const inside = new Set(g.ids);
    const maker = idOf(owner);
    for (const id of g.ids) {
      if (!(callers.get(id) ?? []).some((from) => from !== maker && !inside.has(from))) continue;
      for (const [i] of closureOf(g)(id)) out.add(i);
    }
  }
  return out;
}

/** Whether `owner` is a proper ancestor of `node`. */
function encloses(owner: ts.Node, node: ts.Node | undefined): boolean {
  for (let n = node?.parent; n; n = n.parent) if (n === owner) return true;
  return false;
}

/** The closure of one graph's own uses over its edges, as bit sets per strongly connected component. */
function closure(g: Graph, own: Map<string, Map<number, Use>>): (id: string) => [number, number][] {
  const bit = new Map(g.bindings.map((i, k) => [i, k]));
  const index = new Map(g.ids.map((id, v) => [id, v]));
  const succ: number[][] = g.ids.map(() => []);
  for (const e of g.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined) succ[a]!.push(b);
  }
  const comp = tarjan(g.ids.length, (v) => succ[v]!);
  const members: number[][] = Array.from({ length: comp.count }, () => []);
  for (let v = 0; v < g.ids.length; v++) members[comp.of[v]!]!.push(v);
  const words = Math.ceil(g.bindings.length / 32);
  const reads: (Uint32Array | undefined)[] = new Array(comp.count);
  const writes: (Uint32Array | undefined)[] = new Array(comp.count);
  const stamp = new Int32Array(comp.count).fill(-1);
  for (let c = 0; c < comp.count; c++) {
    const from: number[] = []; // successor components with state, each once
    const uses: [number, Use][] = [];
    for (const v of members[c]!) {
      for (const [i, u] of own.get(g.ids[v]!) ?? []) if (bit.has(i)) uses.push([i, u]);
      for (const w of succ[v]!) {
        const d = comp.of[w]!;
        if (d === c || stamp[d] === c || !reads[d]) continue;
        stamp[d] = c;
        from.push(d);
      }
    }
    if (!uses.length && from.length <= 1) {
      reads[c] = from.length ? reads[from[0]!] : undefined;
      writes[c] = from.length ? writes[from[0]!] : undefined;
      continue;
    }
    const r = new Uint32Array(words);
    const w = new Uint32Array(words);
    for (const d of from) {
      const rd = reads[d]!;
      const wd = writes[d]!;
      for (let k = 0; k < words; k++) {
        r[k]! |= rd[k]!;
        w[k]! |= wd[k]!;
      }
    }
    for (const [i, u] of uses) {
      const k = bit.get(i)!;
      if (u.bits & READ) r[k >>> 5]! |= 1 << (k & 31);
      if (u.bits & WRITE) w[k >>> 5]! |= 1 << (k & 31);
    }
    reads[c] = r;
    writes[c] = w;
  }
  return (id) => {
    const v = index.get(id);
    const r = v === undefined ? undefined : reads[comp.of[v]!];
    const w = v === undefined ? undefined : writes[comp.of[v]!];
    const out: [number, number][] = [];
    if (!r || !w) return out;
    for (let k = 0; k < words; k++) {
      for (let word = r[k]! | w[k]!; word !== 0; word &= word - 1) {
        const low = 31 - Math.clz32(word & -word);
        const mask = 1 << low;
        out.push([g.bindings[k * 32 + low]!, (r[k]! & mask ? READ : 0) | (w[k]! & mask ? WRITE : 0)]);
      }
    }
    return out;
  };
}
