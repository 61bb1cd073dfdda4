import type { NestingModel } from '../model/types.js';

export const MANIFEST_FORMAT_VERSION = 1;

export interface PartitionEntry {
  network: string;
  /** Migration points, sorted method ids. */
  migrate: string[];
  cost: { unit: 'ms'; deviceOnly: number; partitioned: number };
  /** deviceOnly / partitioned. */
  speedup: number;
  optimal: boolean;
  /** Relative gap to the best bound, present only when not proven optimal. */
  gap?: number;
}

export interface Manifest {
  app: string;
  objective: 'time';
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
