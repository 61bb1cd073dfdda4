/**
 * A CPU profile -> a clonecloud profile: each sample's stack becomes a call path of app methods
 * (frames of other code merge into their app caller; recursion folds onto the first occurrence),
 * and its interval is self time of the innermost app method. A sample profile has no call
 * counts nor boundary bytes: calls is 1 per context and bytes 0, listed in `estimated`.
 */
import type { Profile, Side } from '../types.js';
import { flatten, newNode, type PathNode } from '../record/toProfile.js';
import type { CpuProfile, CpuProfileNode } from './cpuprofile.js';

const ESTIMATED_FIELDS = ['calls', 'bytesIn', 'bytesOut'];
const META = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

export interface ImportSummary {
  /** Time of samples outside any app method, by kind: (idle), (program), (garbage collector), other. */
  droppedMs: Record<string, number>;
  appMs: number;
  samples: number;
}

export function cpuProfileToProfile(
  cpu: CpuProfile,
  idOf: (node: CpuProfileNode) => string | undefined,
  options: { side: Side; app?: string },
): { profile: Profile; summary: ImportSummary } {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of cpu.nodes) for (const c of n.children) parentOf.set(c, n.id);

  // Each profile node's context in the app tree (undefined: no app method on its stack yet).
  const root = newNode('');
  const ctxOf = new Map<number, { node: PathNode; path: PathNode[] } | undefined>();
  const resolve = (id: number): { node: PathNode; path: PathNode[] } | undefined => {
    if (ctxOf.has(id)) return ctxOf.get(id);
    const parentId = parentOf.get(id);
    const above = parentId === undefined ? undefined : resolve(parentId);
    const method = idOf(byId.get(id)!);
    let here = above;
    if (method) {
      const path = above?.path ?? [];
      const first = path.findIndex((p) => p.method === method);
      if (first >= 0) here = { node: path[first]!, path: path.slice(0, first + 1) };
      else {
        const parent = above?.node ?? root;
        let child = parent.children.get(method);
        if (!child) parent.children.set(method, (child = newNode(method)));
        here = { node: child, path: [...path, child] };
      }
    }
    ctxOf.set(id, here);
    return here;
  };
  // Chrome's convention: a sample lasts until the next one; the last one until endTime.
  const summary: ImportSummary = { droppedMs: {}, appMs: 0, samples: cpu.samples.length };
  let t = cpu.startTime;
  const times = cpu.timeDeltas.map((d) => (t += d));
  const seen = new Set<PathNode>();
  cpu.samples.forEach((sample, k) => {
    const ms = ((k + 1 < times.length ? times[k + 1]! : Math.max(cpu.endTime, times[k]!)) - times[k]!) / 1000;
    const at = resolve(sample);
    if (at) {
      at.node.figures.selfMs += ms;
      summary.appMs += ms;
      for (const p of at.path) seen.add(p);
    } else {
      const name = byId.get(sample)!.callFrame.functionName;
      const kind = META.has(name) ? name : 'other code';
      summary.droppedMs[kind] = (summary.droppedMs[kind] ?? 0) + ms;
    }
  });
  // Every context on a sampled path ran at least once: calls = 1 per context (an estimate).
  for (const node of seen) node.figures.calls = 1;
  const contexts = flatten(pruneUnseen(root, seen));
  return {
    profile: { file: '', side: options.side, runs: 1, ...(options.app ? { app: options.app } : {}), contexts, estimated: ESTIMATED_FIELDS },
    summary,
  };
}

function pruneUnseen(node: PathNode, seen: Set<PathNode>): PathNode {
  for (const [key, child] of node.children) {
    if (!seen.has(child)) node.children.delete(key);
    else pruneUnseen(child, seen);
  }
  return node;
}
