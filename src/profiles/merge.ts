import { InputError } from '../errors.js';
import { CONTEXT_FIGURES, type ContextFigure, type Profile, type Side } from './types.js';

/** Figures of one context on one side, for ONE execution (file totals divided by runs). */
export interface SideFigures {
  calls: number;
  selfMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface MergedContext {
  /** Index of the parent in `contexts`, or -1 for a root. */
  parent: number;
  method: string;
  /** Call path from the root, method ids. */
  path: string[];
  device: SideFigures;
  clone: SideFigures;
  /** Set when this side's figures were not recorded but estimated from the other side. */
  estimated?: Side;
  /**
   * Figures used here that a profile marks as estimated rather than measured (an imported CPU
   * profile has no call counts nor sizes): decisions that rest on them should say so.
   */
  estimatedFields?: EstimableField[];
}

export type EstimableField = ContextFigure;

export interface MergedProfile {
  /** Parents before children; siblings sorted by method id, so file order never matters. */
  contexts: MergedContext[];
  /** Executions folded in, per side. */
  runs: Record<Side, number>;
}

interface TrieNode {
  method: string;
  /** Methods on the path from the root, this one included. */
  depth: number;
  parent: TrieNode | undefined;
  children: Map<string, TrieNode>;
  totals: Partial<Record<Side, SideFigures>>;
  /** Fields a contributing profile of that side marks as estimated. */
  flagged: Partial<Record<Side, Set<ContextFigure>>>;
}

/**
 * Merges any number of device and clone profiles by call path. Runs of one side add up;
 * a context seen on one side only is estimated from the other with the device's speed
 * relative to the clone (`deviceSpeed` = device speed / clone speed).
 */
export function mergeProfiles(profiles: readonly Profile[], deviceSpeed: number): MergedProfile {
  const root: TrieNode = { method: '', depth: 0, parent: undefined, children: new Map(), totals: {}, flagged: {} };
  const runs: Record<Side, number> = { device: 0, clone: 0 };
  for (const profile of profiles) {
    runs[profile.side] += profile.runs;
    addProfile(root, profile);
  }

  // Depth first, children sorted, with a stack of its own: a profile may be any number of
  // contexts deep, and the call stack is not.
  const contexts: MergedContext[] = [];
  const stack: { node: TrieNode; parent: number; path: string[] }[] = [{ node: root, parent: -1, path: [] }];
  while (stack.length > 0) {
    const { node, parent, path } = stack.pop()!;
    const here = node === root ? -1 : contexts.push(toMerged(node, parent, path, runs, deviceSpeed)) - 1;
    for (const method of [...node.children.keys()].sort().reverse()) {
      stack.push({ node: node.children.get(method)!, parent: here, path: [...path, method] });
    }
  }
  return { contexts, runs };
}

/**
 * How many distinct methods deep a calling context may be, recursion folded. Real programs stay
 * far below (a path holds each method once); a deeper one is not a recording, and each context
 * carries its path into the manifest, so it would cost memory by the square of its depth.
 */
export const MAX_CONTEXT_DEPTH = 1000;

function addProfile(root: TrieNode, profile: Profile): void {
  const nodeOfId = new Map<number, TrieNode>();
  for (const [i, context] of profile.contexts.entries()) {
    const parent = context.parent === undefined ? root : nodeOfId.get(context.parent)!;
    const node = recursionTarget(parent, context.method) ?? childOf(parent, context.method);
    if (node.depth > MAX_CONTEXT_DEPTH) {
      throw new InputError(`a calling context more than ${MAX_CONTEXT_DEPTH} distinct methods deep (recursion folded): not a recording of a real program?`, profile.file, `contexts[${i}]`);
    }
    nodeOfId.set(context.id, node);
    const totals = (node.totals[profile.side] ??= { calls: 0, selfMs: 0, bytesIn: 0, bytesOut: 0 });
    if (profile.estimated?.length) {
      const flagged = (node.flagged[profile.side] ??= new Set());
      for (const field of profile.estimated) flagged.add(field);
    }
    totals.calls += context.calls;
    totals.selfMs += context.selfMs;
    totals.bytesIn += context.bytesIn;
    totals.bytesOut += context.bytesOut;
  }
}

/** Recursion is folded onto the first occurrence of the method on the path (DESIGN.md). */
function recursionTarget(parent: TrieNode, method: string): TrieNode | undefined {
  let first: TrieNode | undefined;
  for (let node: TrieNode | undefined = parent; node?.parent; node = node.parent) {
    if (node.method === method) first = node;
  }
  return first;
}

function childOf(parent: TrieNode, method: string): TrieNode {
  let child = parent.children.get(method);
  if (!child) {
    child = { method, depth: parent.depth + 1, parent, children: new Map(), totals: {}, flagged: {} };
    parent.children.set(method, child);
  }
  return child;
}

function toMerged(
  node: TrieNode,
  parent: number,
  path: string[],
  runs: Record<Side, number>,
  deviceSpeed: number,
): MergedContext {
  const perRun = (side: Side): SideFigures | undefined => {
    const t = node.totals[side];
    if (!t) return undefined;
    const n = runs[side];
    return { calls: t.calls / n, selfMs: t.selfMs / n, bytesIn: t.bytesIn / n, bytesOut: t.bytesOut / n };
  };
  const device = perRun('device');
  const clone = perRun('clone');
  const flagged = (side: Side, fields: readonly EstimableField[]) => fields.filter((f) => node.flagged[side]?.has(f));
  const withFlags = (merged: MergedContext, fields: EstimableField[]): MergedContext => {
    const unique = ESTIMABLE.filter((f) => fields.includes(f));
    return unique.length ? { ...merged, estimatedFields: unique } : merged;
  };
  if (device && clone) {
    // Calls and boundary bytes are properties of the workload; the device measured them
    // where a migration would start, so its figures are the ones used.
    return withFlags({ parent, method: node.method, path, device, clone: { ...device, selfMs: clone.selfMs } }, [...flagged('device', ESTIMABLE), ...flagged('clone', ['selfMs'])]);
  }
  if (device) {
    return withFlags({ parent, method: node.method, path, device, clone: { ...device, selfMs: device.selfMs * deviceSpeed }, estimated: 'clone' }, flagged('device', ESTIMABLE));
  }
  const c = clone!;
  return withFlags({ parent, method: node.method, path, device: { ...c, selfMs: c.selfMs / deviceSpeed }, clone: c, estimated: 'device' }, flagged('clone', ESTIMABLE));
}

const ESTIMABLE: readonly EstimableField[] = CONTEXT_FIGURES;
