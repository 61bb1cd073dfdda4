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

/** How the recorded program ended (a profile of a failed or interrupted run says so). */
export interface ProfileExit {
  code?: number;
  signal?: string;
}

/** A value that `v8.serialize` refused at a method's boundary: it makes the method unmovable. */
export interface UnserializableValue {
  method: string;
  /** `argument 0`, `this` or `result`. */
  value: string;
  reason: string;
  /** How many measured calls had it. */
  count: number;
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
  /** Set by `record`: the program's exit. */
  exit?: ProfileExit;
  /** Set by `record`: boundary values that could not be serialized. */
  unserializable?: UnserializableValue[];
  /** Context fields that were estimated, not measured (`import`: calls, bytesIn, bytesOut). */
  estimated?: ContextFigure[];
}

/**
 * What is kept of a profile once its contexts are merged (a million contexts are hundreds of MB
 * as objects): everything else, their count and their distinct methods, sorted.
 */
export interface ProfileFacts extends Omit<Profile, 'contexts'> {
  contextCount: number;
  methods: string[];
}

/** A context's figures: each must be a finite number, and each may be estimated rather than measured. */
export const CONTEXT_FIGURES = ['calls', 'selfMs', 'bytesIn', 'bytesOut'] as const;
export type ContextFigure = (typeof CONTEXT_FIGURES)[number];
