import type { AnalysisResult } from '../analysis/types.js';
import { compare } from '../util/compare.js';

/** Where a method runs under one partition, as the graph colours it. */
export type Role = 'pinned' | 'migration-point' | 'clone' | 'device';

export interface GraphNode {
  id: string;
  file: string;
  /** The qualified name without the file. */
  label: string;
  role: Role;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: string;
}

export interface CallGraphView {
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The call graph coloured by a partition: migration points, what they call (which runs on
 * the clone when called from them), pinned methods, and the rest on the device.
 */
export function callGraphView(analysis: AnalysisResult, migrate: readonly string[], title: string): CallGraphView {
  const ids = new Set(analysis.methods.map((m) => m.id));
  const edges = analysis.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ from: e.from, to: e.to, kind: e.kind }));
  const unique = new Map(edges.map((e) => [`${e.from}\n${e.to}`, e]));
  const onClone = reachableFrom(migrate.filter((m) => ids.has(m)), [...unique.values()]);
  const nodes = analysis.methods.map((m): GraphNode => {
    const hash = m.id.indexOf('#');
    const role: Role = m.pinned ? 'pinned' : migrate.includes(m.id) ? 'migration-point' : onClone.has(m.id) ? 'clone' : 'device';
    return { id: m.id, file: m.file, label: m.id.slice(hash + 1), role };
  });
  return { title, nodes, edges: [...unique.values()] };
}

function reachableFrom(roots: string[], edges: GraphEdge[]): Set<string> {
  const callees = new Map<string, string[]>();
  for (const e of edges) (callees.get(e.from) ?? callees.set(e.from, []).get(e.from)!).push(e.to);
  const seen = new Set(roots);
  const stack = [...roots];
  while (stack.length > 0) {
    for (const next of callees.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

export const ROLE_COLOURS: Record<Role, { fill: string; stroke: string; text: string }> = {
  pinned: { fill: '#fde2e1', stroke: '#c62828', text: 'pinned to the device' },
  'migration-point': { fill: '#efd9f7', stroke: '#7b1fa2', text: 'migration point' },
  clone: { fill: '#dcedc8', stroke: '#33691e', text: 'on the clone when called from a migration point' },
  device: { fill: '#eceff1', stroke: '#546e7a', text: 'on the device' },
};

/** Files in a stable order, each with its nodes: the collapsible groups of every format. */
export function byFile(view: CallGraphView): [string, GraphNode[]][] {
  const groups = new Map<string, GraphNode[]>();
  for (const node of view.nodes) (groups.get(node.file) ?? groups.set(node.file, []).get(node.file)!).push(node);
  return [...groups.entries()].sort(([a], [b]) => compare(a, b));
}
