/**
 * A CPU profile -> a clonecloud profile: each sample's stack becomes a call path of app methods
 * (frames of other code merge into their app caller; recursion folds onto the first occurrence),
 * and its interval is self time of the innermost app method. A sample profile has no call
 * counts nor boundary bytes: calls is 1 per context and bytes 0, listed in `estimated`.
 */
import type { ContextFigure, Profile, Side } from '../types.js';
import { flatten, newNode, type PathNode } from '../record/toProfile.js';
import type { CpuProfile, CpuProfileNode } from './cpuprofile.js';

const ESTIMATED_FIELDS: ContextFigure[] = ['calls', 'bytesIn', 'bytesOut'];
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

  // Each profile node's context in the app tree (undefined: no app method on its stack yet),
  // resolved when a sample first needs it, from its nearest resolved ancestor down, without
  // recursion (a CPU profile may be deeper than our stack). A context's path is a chain of links
  // to its parent's, so a deep profile costs no copies.
  const root = newNode('');
  const ctxOf = new Map<number, Ctx | undefined>();
  const resolve = (id: number): Ctx | undefined => {
    const chain: number[] = [];
    for (let at: number | undefined = id; at !== undefined && !ctxOf.has(at); at = parentOf.get(at)) chain.push(at);
    for (const at of chain.reverse()) {
      const parentId = parentOf.get(at);
      const above = parentId === undefined ? undefined : ctxOf.get(parentId);
      const method = idOf(byId.get(at)!);
      let here = above;
      if (method) {
        here = onPath(above, method);
        if (!here) {
          const parent = above?.node ?? root;
          let child = parent.children.get(method);
          if (!child) parent.children.set(method, (child = newNode(method)));
          here = { node: child, method, up: above };
        }
      }
      ctxOf.set(at, here);
    }
    return ctxOf.get(id);
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
      // Up the path until a context already seen (its own path was marked with it).
      for (let p: Ctx | undefined = at; p && !seen.has(p.node); p = p.up) seen.add(p.node);
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

/** A context of the app tree: its node, and the context it was entered from. */
interface Ctx {
  node: PathNode;
  method: string;
  up: Ctx | undefined;
}

/** The context of `method` on the path to `ctx` (recursion folds onto it; a path holds a method once), if any. */
function onPath(ctx: Ctx | undefined, method: string): Ctx | undefined {
  for (let p = ctx; p; p = p.up) if (p.method === method) return p;
  return undefined;
}

function pruneUnseen(root: PathNode, seen: Set<PathNode>): PathNode {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const [key, child] of node.children) {
      if (!seen.has(child)) node.children.delete(key);
      else stack.push(child);
    }
  }
  return root;
}
