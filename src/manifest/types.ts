import type { NestingModel, Objective } from '../model/types.js';
import type { BudgetOptions } from '../model/problem.js';
import type { PointFigures } from '../model/predictions.js';

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
  /** What the model expects of each migration point, per execution: the run-time's report sets its measures beside these. */
  predicted?: PointPrediction[];
}

/** The model's figures for one migration point of a partition, per execution (model/predictions.ts). */
export type PointPrediction = PointFigures;

/** A binding a migrated call carries (from the analysis), without line numbers so that the manifest does not churn. */
export interface StateEntry {
  scope: 'module' | 'captured';
  /** Declaring file, relative to the app. */
  file: string;
  name: string;
  access: 'read' | 'write' | 'read-write';
}

/** What the run-time needs to execute the partitions. */
export interface RuntimeSection {
  /** Folder of the app's compiled JavaScript, relative to the app: tsconfig's outDir, or '.' when the sources are the build. */
  build: string;
  /** Every method that migrates in some partition, sorted, with the state its call carries. */
  points: { method: string; state: StateEntry[] }[];
  /** The program's entries (sorted), which the clone never imports; absent when there are none, and in older manifests. */
  entries?: string[];
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
  /** Absent in manifests written before the run-time existed: `clonecloud run` then asks for a new one. */
  runtime?: RuntimeSection;
}
