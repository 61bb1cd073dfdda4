/** Plain data of the profile stage. Profiles never import the analyzer. */

export type Side = 'device' | 'clone';

/** One node of a calling-context tree; counters are totals over every run in the file. */
export interface ProfileContext {
  id: number;
  /** Absent for a root context. */
  parent?: number;
  method: string;
  calls: number;
  selfMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface Profile {
  /** Where it was read from, relative to the app (for messages and the manifest's digests). */
  file: string;
  side: Side;
  runs: number;
  /** Optional name of the app it was recorded from. */
  app?: string;
  /** Parents before children. */
  contexts: ProfileContext[];
}
