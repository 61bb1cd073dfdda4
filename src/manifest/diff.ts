import { compare } from './render.js';
import type { Manifest, PartitionEntry, StateEntry } from './types.js';

export interface NetworkDiff {
  network: string;
  /** Present in only one of the two manifests. */
  only?: 'old' | 'new';
  added: string[];
  removed: string[];
  before?: PartitionEntry['cost'];
  after?: PartitionEntry['cost'];
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
      ...(before ? { before: before.cost } : {}),
      ...(after ? { after: after.cost } : {}),
    };
  });
}

/** True when a network's decision is the same in both manifests (digests and costs aside). */
export function isUnchanged(d: NetworkDiff): boolean {
  return d.only === undefined && d.added.length === 0 && d.removed.length === 0;
}

/** The gain of a partition over all-device, as people say it: "2.44× faster", "35.0% less energy". */
export function describeGain(cost: PartitionEntry['cost']): string {
  if (cost.unit === 'ms') return `${(cost.partitioned > 0 ? cost.deviceOnly / cost.partitioned : 1).toFixed(2)}× faster`;
  const saving = cost.deviceOnly > 0 ? 1 - cost.partitioned / cost.deviceOnly : 0;
  return `${(saving * 100).toFixed(1)}% ${saving >= 0 ? 'less' : 'more'} energy`;
}

/**
 * How the run-time section changed: what each migrated call must carry, and where the build is.
 * A manifest whose calls would carry other state than the code needs is stale: the run-time
 * would ship the wrong bindings. Lines like `src/a.ts#f: + module src/b.ts#count (read-write)`.
 */
export function diffRuntime(older: Manifest, newer: Manifest): string[] {
  if (!newer.runtime) return [];
  if (!older.runtime) return ['no runtime section (written before `clonecloud run` existed)'];
  const out: string[] = [];
  if (older.runtime.build !== newer.runtime.build) out.push(`build folder ${older.runtime.build} -> ${newer.runtime.build}`);
  const describe = (s: StateEntry) => `${s.scope} ${s.file}#${s.name} (${s.access})`;
  const stateOf = (m: Manifest) => new Map(m.runtime!.points.map((p) => [p.method, new Set(p.state.map(describe))]));
  const a = stateOf(older);
  const b = stateOf(newer);
  for (const method of [...new Set([...a.keys(), ...b.keys()])].sort(compare)) {
    const was = a.get(method);
    const now = b.get(method);
    if (!was || !now) {
      out.push(`${method}: ${was ? 'no longer a migration point' : 'new migration point'}`);
      continue;
    }
    const moves = [...[...now].filter((s) => !was.has(s)).map((s) => `+ ${s}`), ...[...was].filter((s) => !now.has(s)).map((s) => `- ${s}`)].sort(compare);
    if (moves.length) out.push(`${method}: carries ${moves.join(', ')}`);
  }
  return out;
}
