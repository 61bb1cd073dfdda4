/**
 * Verdicts from the call graph: a method reaching a pinned method cannot migrate (CloneCloud:
 * once on the clone, execution stays there until the migrated method returns), and which
 * candidates reach which (for the optimizer's static nesting rule: see util/reach.ts). Pure graph code.
 */
import { fileLine } from '../fileLine.js';
import type { CallEdge, Reason, UnresolvedCall } from '../types.js';

/**
 * How many calls of a reaches-pinned path a reason holds. Each method on a chain of n calls down
 * to the device had its whole path (message, `via`, `path`): n²/2 hops in all, 4.2 GB for a
 * chain of 10k functions. A longer path stops here; it goes on in the reason of the method where
 * it stops (the paths are one shortest-path tree), which `explain` follows.
 */
export const REASON_HOPS = 16;

/** For every method that may reach a pinned one: its 'reaches-pinned' reason (shortest path, at most REASON_HOPS calls of it). */
export function reachesPinned(ids: string[], edges: CallEdge[], pinned: Set<string>): Map<string, Reason> {
  return reaching(ids, edges, pinned, 'reaches-pinned', (end) => `pinned method ${end}`);
}

/**
 * For every method that may reach one of `targets`: a `rule` reason naming the target (`what`)
 * and the shortest path to it (at most REASON_HOPS calls of it).
 */
export function reaching(ids: string[], edges: CallEdge[], targets: Set<string>, rule: Reason['rule'], what: (end: string) => string): Map<string, Reason> {
  const next = shortestPaths(edges, targets);
  // The map is in breadth-first order: each method's next hop is known before the method.
  const length = new Map<string, number>();
  const end = new Map<string, string>();
  for (const [from, e] of next) {
    length.set(from, (length.get(e.to) ?? 0) + 1);
    end.set(from, end.get(e.to) ?? e.to);
  }
  const out = new Map<string, Reason>();
  for (const id of ids) {
    const path = pathFrom(id, next, targets, REASON_HOPS);
    if (!path.length) continue;
    const hops = path.map((e) => `${e.to} (called at ${fileLine(e.site)})`);
    const total = length.get(id)!;
    const rest = total > path.length ? ` -> ... (${total - path.length} more calls)` : '';
    out.set(id, {
      rule,
      message: `may reach ${what(end.get(id)!)}${rest ? ` in ${total} calls` : ''}: ${id} -> ${hops.join(' -> ')}${rest}`,
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

/** The path `shortestPaths` found from `id` to a target (empty when none, or `id` is one), its first `limit` calls. */
export function pathFrom(id: string, next: Map<string, CallEdge>, targets: Set<string>, limit = Infinity): CallEdge[] {
  const path: CallEdge[] = [];
  for (let e = next.get(id); e && path.length < limit; e = next.get(e.to)) {
    path.push(e);
    if (targets.has(e.to)) break;
  }
  return path;
}
