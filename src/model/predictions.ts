/**
 * What the model expects of each migration point of a partition, per execution: how often
 * execution migrates into it, the bytes and time that costs, and its subtree's compute on either
 * side. The run-time's report puts its measures beside these, so the cost model meets reality.
 */
import type { MergedProfile } from '../profiles/merge.js';
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
  const points = new Set(migrate);
  const { contexts } = profile;
  // Subtree compute on each side (children come after their parents).
  const subtreeClone = contexts.map((c) => c.clone.selfMs);
  const subtreeDevice = contexts.map((c) => c.device.selfMs);
  for (let i = contexts.length - 1; i >= 0; i--) {
    const parent = contexts[i]!.parent;
    if (parent < 0) continue;
    subtreeClone[parent]! += subtreeClone[i]!;
    subtreeDevice[parent]! += subtreeDevice[i]!;
  }
  const onClone = new Uint8Array(contexts.length);
  const out = new Map<string, PointFigures>(migrate.map((m) => [m, { method: m, calls: 0, upBytes: 0, downBytes: 0, migrationMs: 0, cloneMs: 0, deviceMs: 0 }]));
  contexts.forEach((c, i) => {
    const parentOnClone = c.parent >= 0 && onClone[c.parent] === 1;
    const migrates = points.has(c.method) && !parentOnClone;
    onClone[i] = parentOnClone || migrates ? 1 : 0;
    if (!migrates) return; // a migration point reached on the clone is a plain call
    const p = out.get(c.method)!;
    p.calls += c.device.calls;
    p.upBytes += c.device.bytesIn;
    p.downBytes += c.device.bytesOut;
    p.migrationMs += migrationCostMs(c.device, network, device);
    p.cloneMs += subtreeClone[i]!;
    p.deviceMs += subtreeDevice[i]!;
  });
  return [...out.values()];
}
