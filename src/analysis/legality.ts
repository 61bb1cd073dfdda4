/**
 * Verdicts from the call graph: a method reaching a pinned method cannot migrate (CloneCloud:
 * once on the clone, execution stays there until the migrated method returns), and which
 * candidates reach which (for the optimizer's static nesting rule). Pure graph code.
 */
import type { CallEdge, Reason } from './types.js';

/** For every method that may reach a pinned one: its 'reaches-pinned' reason (shortest path). */
export function reachesPinned(ids: string[], edges: CallEdge[], pinned: Set<string>): Map<string, Reason> {
  // Multi-source BFS backwards from the pinned methods; edges are sorted, so ties break the same way every run.
  const callers = new Map<string, CallEdge[]>();
  for (const e of edges) (callers.get(e.to) ?? callers.set(e.to, []).get(e.to)!).push(e);
  const next = new Map<string, CallEdge>(); // method -> first edge of its shortest path
  const done = new Set<string>([...pinned].sort());
  const queue = [...done];
  for (let i = 0; i < queue.length; i++) {
    for (const e of callers.get(queue[i]!) ?? []) {
      if (done.has(e.from)) continue;
      done.add(e.from);
      next.set(e.from, e);
      queue.push(e.from);
    }
  }
  const out = new Map<string, Reason>();
  for (const id of ids) {
    const first = next.get(id);
    if (!first) continue;
    const via = [id];
    const hops: string[] = [];
    for (let e = first; e; e = next.get(e.to)!) {
      via.push(e.to);
      hops.push(`${e.to} (called at ${e.site.split(':').slice(0, 2).join(':')})`);
      if (pinned.has(e.to)) break;
    }
    const target = via[via.length - 1]!;
    out.set(id, {
      rule: 'reaches-pinned',
      message: `may reach pinned method ${target}: ${id} -> ${hops.join(' -> ')}`,
      site: first.site,
      via,
    });
  }
  return out;
}

/** [m1, m2] for distinct candidates where m2 is reachable from m1, sorted. */
export function candidateReach(candidates: string[], edges: CallEdge[]): [string, string][] {
  const callees = new Map<string, string[]>();
  for (const e of edges) (callees.get(e.from) ?? callees.set(e.from, []).get(e.from)!).push(e.to);
  const isCandidate = new Set(candidates);
  const out: [string, string][] = [];
  for (const m of [...candidates].sort()) {
    const seen = new Set<string>([m]);
    const stack = [m];
    const found: string[] = [];
    while (stack.length) {
      for (const n of callees.get(stack.pop()!) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
        if (isCandidate.has(n)) found.push(n);
      }
    }
    for (const n of found.sort()) out.push([m, n]);
  }
  return out;
}
