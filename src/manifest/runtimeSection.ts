import type { AnalysisResult } from '../analysis/types.js';
import { compare } from './render.js';
import type { PartitionEntry, RuntimeSection } from './types.js';

/** The run-time section: every network's migration points, each with the state its calls carry. */
export function runtimeSectionOf(analysis: AnalysisResult, partitions: readonly PartitionEntry[]): RuntimeSection {
  const byId = new Map(analysis.methods.map((m) => [m.id, m]));
  const points = [...new Set(partitions.flatMap((p) => p.migrate))].sort(compare).map((method) => ({
    method,
    state: (byId.get(method)?.state ?? []).map(({ scope, file, name, access }) => ({ scope, file, name, access })),
  }));
  return { build: analysis.build, points, ...(analysis.entries?.length ? { entries: analysis.entries } : {}) };
}
