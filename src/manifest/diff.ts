import { compare } from './render.js';
import type { Manifest, PartitionEntry } from './types.js';

export interface NetworkDiff {
  network: string;
  /** Present in only one of the two manifests. */
  only?: 'old' | 'new';
  added: string[];
  removed: string[];
  before?: PartitionEntry['cost'] & { speedup: number };
  after?: PartitionEntry['cost'] & { speedup: number };
}

/** What moved between two manifests, per network condition, in network order. */
export function diffManifests(older: Manifest, newer: Manifest): NetworkDiff[] {
  const byNetwork = (m: Manifest) => new Map(m.partitions.map((p) => [p.network, p]));
  const a = byNetwork(older);
  const b = byNetwork(newer);
  const networks = [...new Set([...a.keys(), ...b.keys()])].sort(compare);
  return networks.map((network) => {
    const before = a.get(network);
    const after = b.get(network);
    const was = new Set(before?.migrate ?? []);
    const now = new Set(after?.migrate ?? []);
    return {
      network,
      ...(before && !after ? { only: 'old' as const } : !before && after ? { only: 'new' as const } : {}),
      added: [...now].filter((m) => !was.has(m)).sort(compare),
      removed: [...was].filter((m) => !now.has(m)).sort(compare),
      ...(before ? { before: { ...before.cost, speedup: before.speedup } } : {}),
      ...(after ? { after: { ...after.cost, speedup: after.speedup } } : {}),
    };
  });
}

/** True when the two manifests take the same decisions (digests and costs aside). */
export function sameDecisions(diffs: readonly NetworkDiff[]): boolean {
  return diffs.every((d) => d.only === undefined && d.added.length === 0 && d.removed.length === 0);
}
