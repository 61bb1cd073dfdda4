import type { MergedProfile } from '../profiles/merge.js';
import type { NestingModel, PartitionProblem } from './types.js';
import type { Network } from './environment.js';
import { migrationCostMs } from './migrationCost.js';

/** What the analysis allows, reduced to what the model needs. */
export interface Legality {
  candidates: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  groups: readonly (readonly string[])[];
  /** Candidate pairs [m1, m2] where m1 may reach m2 statically. */
  reaches: readonly (readonly [string, string])[];
}

/** The time-objective partitioning problem for one network condition. */
export function buildTimeProblem(
  profile: MergedProfile,
  legality: Legality,
  network: Network,
  nesting: NestingModel,
): PartitionProblem {
  const contexts = profile.contexts.map((c) => ({
    parent: c.parent,
    method: c.method,
    deviceCost: c.device.selfMs,
    cloneCost: c.clone.selfMs,
    migrationCost: migrationCostMs(c.device, network),
  }));
  const seen = new Set(contexts.map((c) => c.method));
  const inProfile = (m: string) => seen.has(m);
  return {
    contexts,
    candidates: [...legality.candidates].filter(inProfile).sort(),
    pinned: [...legality.pinned].filter(inProfile).sort(),
    groups: legality.groups.map((g) => [...g].filter(inProfile).sort()).filter((g) => g.length > 0),
    nesting,
    reaches: legality.reaches.filter(([a, b]) => inProfile(a) && inProfile(b)).map(([a, b]) => [a, b] as [string, string]),
  };
}
