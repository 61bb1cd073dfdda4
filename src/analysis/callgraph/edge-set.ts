/**
 * The call edges found so far, each once by caller, callee and site, in nested maps (a joined key
 * string per target added was a hot allocation on zod); sorted when the graph is done.
 */
import type { CallEdge } from '../types.js';
import { cmp, cmpSite } from '../sites.js';

export class EdgeSet {
  private readonly edges = new Map<string, Map<string, Map<string, CallEdge>>>();

  /** The edge from → to at site, unless there is one; the first kind given stays. */
  add(from: string, to: string, site: string, kind: CallEdge['kind']): void {
    let byCallee = this.edges.get(from);
    if (!byCallee) this.edges.set(from, (byCallee = new Map()));
    let bySite = byCallee.get(to);
    if (!bySite) byCallee.set(to, (bySite = new Map()));
    if (!bySite.has(site)) bySite.set(site, { from, to, site, kind });
  }

  sorted(): CallEdge[] {
    return [...this.edges.values()].flatMap((byCallee) => [...byCallee.values()].flatMap((bySite) => [...bySite.values()])).sort(byEdge);
  }
}

/** By caller, callee, then site in source order. */
export function byEdge(a: CallEdge, b: CallEdge): number {
  return cmp(a.from, b.from) || cmp(a.to, b.to) || cmpSite(a.site, b.site);
}
