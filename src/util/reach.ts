/**
 * Which node of a directed graph may reach which, in space linear in the graph: its strongly
 * connected components and the edges between them (the condensation). Who reaches whom is
 * asked of it for one set of nodes at a time (the migration points a model may choose, the ones
 * a partition chose), never materialised for every pair: at 10k methods that was 4M pairs.
 */

/** Plain data: a graph's condensation. */
export interface Reachability {
  /** Strongly connected components, each a sorted list of node ids; callees first. */
  components: string[][];
  /** Per component, the components it calls: sorted, distinct, each lower than its own index. */
  calls: number[][];
}

/**
 * The condensation of the graph on `nodes` plus every edge's ends. Nodes are numbered in sorted
 * order and each node's successors visited in that order, so the result depends on the graph
 * only, not on the order of `nodes` or `edges`.
 */
export function condense(nodes: Iterable<string>, edges: readonly { from: string; to: string }[]): Reachability {
  const all = new Set(nodes);
  for (const e of edges) all.add(e.from).add(e.to);
  const ids = [...all].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map(() => []);
  for (const e of edges) succ[index.get(e.from)!]!.push(index.get(e.to)!);
  for (const out of succ) out.sort((a, b) => a - b);
  const comp = tarjan(ids.length, (v) => succ[v]!);
  const components: string[][] = Array.from({ length: comp.count }, () => []);
  // ids are sorted, so each component's members come out sorted.
  ids.forEach((id, v) => components[comp.of[v]!]!.push(id));
  const calls: number[][] = Array.from({ length: comp.count }, () => []);
  succ.forEach((out, v) => {
    const c = comp.of[v]!;
    for (const w of out) if (comp.of[w] !== c) calls[c]!.push(comp.of[w]!);
  });
  for (let c = 0; c < calls.length; c++) calls[c] = [...new Set(calls[c])].sort((a, b) => a - b);
  return { components, calls };
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
  // The depth-first path as parallel arrays (node, next edge): no allocation per visited node.
  const workNode = new Int32Array(n);
  const workEdge = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    workNode[0] = root;
    workEdge[0] = 0;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = workNode[depth]!;
      const out = succ(v);
      const i = workEdge[depth]!;
      if (i < out.length) {
        workEdge[depth] = i + 1;
        const w = out[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          workNode[depth] = w;
          workEdge[depth] = 0;
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      depth--;
      if (depth >= 0) {
        const u = workNode[depth]!;
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

const componentIndexes = new WeakMap<Reachability, Map<string, number>>();

/** Node id → its component (built once per condensation: checks ask many times). */
function componentOf(reach: Reachability): Map<string, number> {
  let map = componentIndexes.get(reach);
  if (!map) {
    map = new Map();
    reach.components.forEach((members, c) => {
      for (const id of members) map!.set(id, c);
    });
    componentIndexes.set(reach, map);
  }
  return map;
}

/**
 * For each of `members` (distinct ids), a bit set over `members` of the ones it reaches,
 * itself included. Only components reachable from a member get a set; each is the union of its
 * own members' bits and its callees' sets (callees come first).
 */
function reachSets(reach: Reachability, members: readonly string[]): { own: Int32Array; sets: (Uint32Array | undefined)[]; words: number } {
  const byId = componentOf(reach);
  const own = Int32Array.from(members, (m) => byId.get(m) ?? -1);
  const words = Math.ceil(members.length / 32);
  const sets: (Uint32Array | undefined)[] = new Array(reach.components.length);
  // The components reachable from a member, found with an explicit stack.
  const wanted = new Uint8Array(reach.components.length);
  const stack = [...own].filter((c) => c >= 0);
  while (stack.length) {
    const c = stack.pop()!;
    if (wanted[c]) continue;
    wanted[c] = 1;
    for (const d of reach.calls[c]!) if (!wanted[d]) stack.push(d);
  }
  const direct = new Map<number, number[]>();
  own.forEach((c, k) => {
    if (c >= 0) (direct.get(c) ?? direct.set(c, []).get(c)!).push(k);
  });
  for (let c = 0; c < reach.components.length; c++) {
    if (!wanted[c]) continue;
    let bits: Uint32Array | undefined;
    let shared = false;
    for (const k of direct.get(c) ?? []) (bits ??= new Uint32Array(words))[k >>> 5]! |= 1 << (k & 31);
    for (const d of reach.calls[c]!) {
      const src = sets[d];
      if (!src || src === bits) continue;
      if (!bits) {
        // A component with one callee set and no member of its own shares that set (chains).
        bits = src;
        shared = true;
        continue;
      }
      if (shared) {
        bits = Uint32Array.from(bits);
        shared = false;
      }
      for (let i = 0; i < words; i++) bits[i]! |= src[i]!;
    }
    sets[c] = bits;
  }
  return { own, sets, words };
}

/**
 * Pairs [i, j] of indices into `members` (distinct ids) where members[i] may reach members[j]
 * and i ≠ j, sorted by i then j. Space: one bit set per component a member reaches, plus the pairs.
 */
export function reachingPairs(reach: Reachability, members: readonly string[]): [number, number][] {
  return [...pairsOf(reach, members)];
}

/** How many pairs `reachingPairs` would return, without making them. */
export function countReachingPairs(reach: Reachability, members: readonly string[]): number {
  let n = 0;
  for (const set of memberSets(reach, members)) n += set === undefined ? 0 : popcount(set.bits) - 1;
  return n;
}

/** The pairs of `reachingPairs` as ids, one at a time (for output that streams them). */
export function* reachingIdPairs(reach: Reachability, members: readonly string[]): Generator<[string, string]> {
  for (const [i, j] of pairsOf(reach, members)) yield [members[i]!, members[j]!];
}

/** Per member, its reach set (which holds its own bit), or undefined when it is in no component. */
function memberSets(reach: Reachability, members: readonly string[]): ({ bits: Uint32Array } | undefined)[] {
  if (members.length === 0) return [];
  const { own, sets } = reachSets(reach, members);
  return Array.from(own, (c) => (c >= 0 ? { bits: sets[c]! } : undefined));
}

function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let x = bits[i]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return n;
}

function* pairsOf(reach: Reachability, members: readonly string[]): Generator<[number, number]> {
  if (members.length === 0) return;
  const { own, sets, words } = reachSets(reach, members);
  for (let v = 0; v < members.length; v++) {
    const bits = own[v]! >= 0 ? sets[own[v]!] : undefined;
    if (!bits) continue;
    for (let i = 0; i < words; i++) {
      for (let word = bits[i]!; word !== 0; word &= word - 1) {
        const w = i * 32 + (31 - Math.clz32(word & -word));
        if (w !== v) yield [v, w];
      }
    }
  }
}
