/**
 * The partial traces of one or more recorded executions (one trace per process) -> one
 * profile: contexts of every process of every run added up by call path (each process's tree
 * starts at the roots), `runs` executions, so the figures are totals over the runs.
 */
import type { Profile, ProfileContext, Side, UnserializableValue } from '../types.js';
import { compare as cmp } from '../../util/compare.js';
import { descendants } from '../../util/tree.js';
import type { ProcessExit, Trace } from './trace.js';

interface Node {
  method: string;
  children: Map<string, Node>;
  figures: Omit<ProfileContext, 'id' | 'parent' | 'method'>;
}

/** Adds the contexts of `traces` by call path; children in first-seen order. */
export function tracesToProfile(traces: Trace[], options: { side: Side; app?: string; exit?: ProcessExit; file?: string; runs?: number }): Profile {
  const root: Node = newNode('');
  for (const trace of traces) {
    const nodes = new Map<number, Node>();
    for (const c of trace.contexts) {
      const parent = c.parent === undefined ? root : nodes.get(c.parent)!;
      const method = trace.methods[c.method]!;
      let node = parent.children.get(method);
      if (!node) parent.children.set(method, (node = newNode(method)));
      nodes.set(c.id, node);
      node.figures.calls += c.calls;
      node.figures.selfMs += c.selfMs;
      node.figures.bytesIn += c.bytesIn;
      node.figures.bytesOut += c.bytesOut;
    }
  }
  return {
    file: options.file ?? '',
    side: options.side,
    runs: options.runs ?? 1,
    ...(options.app ? { app: options.app } : {}),
    contexts: flatten(root),
    ...(options.exit ? { exit: options.exit } : {}),
    unserializable: sumUnserializable(traces.flatMap((t) => t.unserializable)),
  };
}

/** Unserializable values summed by method and value (counts added), sorted by method and value. */
export function sumUnserializable(values: readonly UnserializableValue[]): UnserializableValue[] {
  const out = new Map<string, UnserializableValue>();
  for (const u of values) {
    const key = `${u.method}\0${u.value}`;
    const seen = out.get(key);
    if (seen) seen.count += u.count;
    else out.set(key, { ...u });
  }
  return [...out.values()].sort((a, b) => cmp(a.method, b.method) || cmp(a.value, b.value));
}

/** Parents before children (depth first, children in first-seen order), ids in that order. */
export function flatten(root: Node): ProfileContext[] {
  const out: ProfileContext[] = [];
  const ids = new Map<Node, number>();
  for (const { node, parent } of descendants(root, (n) => n.children.values())) {
    const id = out.length;
    ids.set(node, id);
    out.push({ id, ...(parent === undefined ? {} : { parent: ids.get(parent)! }), method: node.method, ...node.figures });
  }
  return out;
}

/** Multiplies every selfMs by `factor` (a device model applied to a recording made elsewhere). */
export function scaleSelfTimes(profile: Profile, factor: number): Profile {
  return { ...profile, contexts: profile.contexts.map((c) => ({ ...c, selfMs: c.selfMs * factor })) };
}

export function newNode(method: string): Node {
  return { method, children: new Map(), figures: { calls: 0, selfMs: 0, bytesIn: 0, bytesOut: 0 } };
}

export type { Node as PathNode };
