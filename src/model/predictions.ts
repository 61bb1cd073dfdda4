/**
 * What the model expects of each migration point of a partition, per execution: how often
 * execution migrates into it, the bytes and time that costs, and its subtree's compute on either
 * side. The run-time's report puts its measures beside these, so the cost model meets reality.
 */
import { figuresAt, type MergedProfile } from '../profiles/merged.js';
import type { Device, Network } from './environment.js';
import { migrationCostMs } from './migrationCost.js';

export interface PointFigures {
  method: string;
  /** Migrations into it (calls entered from the device). */
  calls: number;
  /** State sent up and results sent down, bytes. */
  upBytes: number;
  downBytes: number;
  /** Round trips, transfers and the run-time's work on both sides, ms. */
  migrationMs: number;
  /** Its whole subtree's compute time on the clone and on the device, ms. */
  cloneMs: number;
  deviceMs: number;
}

export function predictPoints(profile: MergedProfile, migrate: readonly string[], network: Network, device: Device): PointFigures[] {
  const { parent, method, device: onDevice } = profile;
  // Per method number, whether it is a migration point: a bit per context rather than a look-up of its name.
  const { id, names } = profile.methodNumbers;
  const points = new Set(migrate);
  // A loop: Uint8Array.from with a function is 4x slower over the bench's 40k names.
  const isPoint = new Uint8Array(names.length);
  for (let k = 0; k < names.length; k++) if (points.has(names[k]!)) isPoint[k] = 1;
  const { subtreeClone, subtreeDevice } = subtreeCompute(profile);
  const onClone = new Uint8Array(profile.size);
  const out = new Map<string, PointFigures>(migrate.map((m) => [m, { method: m, calls: 0, upBytes: 0, downBytes: 0, migrationMs: 0, cloneMs: 0, deviceMs: 0 }]));
  for (let i = 0; i < profile.size; i++) {
    const parentOnClone = parent[i]! >= 0 && onClone[parent[i]!] === 1;
    const migrates = isPoint[id[i]!] === 1 && !parentOnClone;
    onClone[i] = parentOnClone || migrates ? 1 : 0;
    if (!migrates) continue; // a migration point reached on the clone is a plain call
    const p = out.get(method[i]!)!;
    p.calls += onDevice.calls[i]!;
    p.upBytes += onDevice.bytesIn[i]!;
    p.downBytes += onDevice.bytesOut[i]!;
    p.migrationMs += migrationCostMs(figuresAt(onDevice, i), network, device);
    p.cloneMs += subtreeClone[i]!;
    p.deviceMs += subtreeDevice[i]!;
  }
  return [...out.values()];
}

/**
 * Per context, its subtree's compute on each side (children come after their parents). The same
 * for every network's partition of one profile: summed once per profile (two passes over the
 * 1M contexts of the bench's profiles per network before).
 */
const subtrees = new WeakMap<MergedProfile, { subtreeClone: Float64Array; subtreeDevice: Float64Array }>();

function subtreeCompute(profile: MergedProfile): { subtreeClone: Float64Array; subtreeDevice: Float64Array } {
  const known = subtrees.get(profile);
  if (known) return known;
  const { parent } = profile;
  const subtreeClone = profile.clone.selfMs.slice();
  const subtreeDevice = profile.device.selfMs.slice();
  for (let i = profile.size - 1; i >= 0; i--) {
    const p = parent[i]!;
    if (p < 0) continue;
    subtreeClone[p]! += subtreeClone[i]!;
    subtreeDevice[p]! += subtreeDevice[i]!;
  }
  const sums = { subtreeClone, subtreeDevice };
  subtrees.set(profile, sums);
  return sums;
}
