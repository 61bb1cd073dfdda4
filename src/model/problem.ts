import { figuresAt, type MergedProfile } from '../profiles/merged.js';
import { InputError } from '../errors.js';
import type { ContextCosts, NestingModel, Objective, PartitionProblem } from './types.js';
import type { Device, Network } from './environment.js';
import { contextEnergyMj } from './energy.js';
import { migrationCostOf } from './migrationCost.js';
import type { Reachability } from '../util/reach.js';
import { problemFromColumns, type ContextColumns } from './columns.js';

/** What the analysis allows, reduced to what the model needs. */
export interface Legality {
  candidates: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  groups: readonly (readonly string[])[];
  /** Which method may reach which by the static call graph (for static nesting). */
  reach: Reachability;
}

/** Optional budget on the other objective (MAUI-style). At most the one that fits the objective. */
export interface BudgetOptions {
  /** With objective 'time': partitioned energy ≤ maxEnergyRatio × all-device energy. */
  maxEnergyRatio?: number;
  /** With objective 'energy': partitioned time ≤ maxSlowdown × all-device time. */
  maxSlowdown?: number;
}

/** Context i's costs, from the profile's columns (no object per context but the costs). */
type CostsAt = (profile: MergedProfile, i: number) => ContextCosts;

function costsOf(objective: Objective, network: Network, device: Device): CostsAt {
  if (objective !== 'energy') {
    return (profile, i) => ({ deviceCost: profile.device.selfMs[i]!, cloneCost: profile.clone.selfMs[i]!, migrationCost: timeMigrationAt(profile, i, network, device) });
  }
  return (profile, i) => contextEnergyMj({ device: figuresAt(profile.device, i), clone: { selfMs: profile.clone.selfMs[i]! } }, network, device);
}

function timeMigrationAt(profile: MergedProfile, i: number, network: Network, device: Device): number {
  const d = profile.device;
  return migrationCostOf(d.calls[i]!, d.bytesIn[i]!, d.bytesOut[i]!, network, device);
}

/** The partitioning problem for one network condition, minimising time (ms) or device energy (mJ). */
export function buildProblem(
  profile: MergedProfile,
  legality: Legality,
  network: Network,
  device: Device,
  objective: Objective,
  nesting: NestingModel,
  budget: BudgetOptions = {},
): PartitionProblem {
  if (objective !== 'time' && objective !== 'energy') throw new InputError(`unknown objective '${String(objective)}'`, undefined, 'objective');
  // The contexts are held in columns (model/columns.ts), made objects only if something asks:
  // four networks' million context objects were a sixth of partition's main thread at 1M contexts.
  const n = profile.size;
  const deviceCost = new Float64Array(n);
  const cloneCost = new Float64Array(n);
  const migrationCost = new Float64Array(n);
  if (objective === 'time') {
    // The common case, read straight from the profile's columns.
    deviceCost.set(profile.device.selfMs);
    cloneCost.set(profile.clone.selfMs);
    for (let i = 0; i < n; i++) migrationCost[i] = timeMigrationAt(profile, i, network, device);
  } else {
    const primary = costsOf(objective, network, device);
    for (let i = 0; i < n; i++) {
      const c = primary(profile, i);
      deviceCost[i] = c.deviceCost;
      cloneCost[i] = c.cloneCost;
      migrationCost[i] = c.migrationCost;
    }
  }
  // Parents and method numbers are the profile's, shared by every network's problem (nothing writes them).
  const { id, names } = profile.methodNumbers;
  const columns: ContextColumns = { parent: profile.parent, id, names, device: deviceCost, clone: cloneCost, migration: migrationCost };
  const seen = profile.methods;
  const inProfile = (m: string) => seen.has(m);
  const problem: PartitionProblem = problemFromColumns({
    candidates: [...legality.candidates].filter(inProfile).sort(),
    pinned: [...legality.pinned].filter(inProfile).sort(),
    groups: legality.groups.map((g) => [...g].filter(inProfile).sort()).filter((g) => g.length > 0),
    nesting,
    reach: legality.reach,
    objective,
  }, columns);
  const bound = budgetOf(objective, budget);
  if (bound !== undefined) {
    const secondary = costsOf(bound.objective, network, device);
    problem.budget = { ...bound, costs: Array.from({ length: profile.size }, (_, i) => secondary(profile, i)) };
  }
  return problem;
}

function budgetOf(objective: Objective, options: BudgetOptions): { objective: Objective; maxRatio: number } | undefined {
  const { maxEnergyRatio, maxSlowdown } = options;
  if (maxEnergyRatio !== undefined && objective !== 'time') {
    throw new InputError('bounds energy, so it needs --objective time', undefined, 'max-energy-ratio');
  }
  if (maxSlowdown !== undefined && objective !== 'energy') {
    throw new InputError('bounds time, so it needs --objective energy', undefined, 'max-slowdown');
  }
  const ratio = maxEnergyRatio ?? maxSlowdown;
  if (ratio === undefined) return undefined;
  if (!(Number.isFinite(ratio) && ratio > 0)) {
    throw new InputError('must be a positive number', undefined, maxEnergyRatio !== undefined ? 'max-energy-ratio' : 'max-slowdown');
  }
  return { objective: objective === 'time' ? 'energy' : 'time', maxRatio: ratio };
}
