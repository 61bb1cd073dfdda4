import type { NestingModel, Objective } from '../model/types.js';
import type { BudgetOptions } from '../model/problem.js';

export const MANIFEST_FORMAT_VERSION = 1;

export interface PartitionEntry {
  network: string;
  /** Migration points, sorted method ids. */
  migrate: string[];
  /** The objective's cost per execution: time in ms or device energy in mJ. */
  cost: { unit: CostUnit; deviceOnly: number; partitioned: number };
  /** Time objective: deviceOnly / partitioned. */
  speedup?: number;
  /** Energy objective: 1 − partitioned / deviceOnly (0.4 = 40% less energy). */
  energySaving?: number;
  /** With a budget on the other objective: its cost, all-device, and the limit it had to meet. */
  budget?: { unit: CostUnit; deviceOnly: number; partitioned: number; limit: number };
  optimal: boolean;
  /** Relative gap to the best bound, present only when not proven optimal. */
  gap?: number;
}

export type CostUnit = 'ms' | 'mJ';

export const UNIT: Record<Objective, CostUnit> = { time: 'ms', energy: 'mJ' };

export interface Manifest {
  app: string;
  objective: Objective;
  /** The budget on the other objective the partitions were solved under, if any. */
  budget?: BudgetOptions;
  nesting: NestingModel;
  device: string;
  inputs: {
    /** sha256 over the sorted (file, sha256) list of analysed sources. */
    sources: string;
    profiles: { file: string; sha256: string }[];
  };
  partitions: PartitionEntry[];
  /** Call paths whose figures on one side were estimated from the other. */
  estimated: { path: string; side: 'device' | 'clone' }[];
}
