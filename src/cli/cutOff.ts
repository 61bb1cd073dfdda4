/**
 * A solve stopped by its time limit is not proven optimal, and where it stops depends on the
 * machine and its load: two runs on the same inputs may land on different partitions. `check`
 * must not call a committed manifest stale for that. A network whose recomputed solve was cut off
 * keeps its committed partition when that partition is still legal on today's problem and costs
 * no more than what the solve found (it is then at least as good an answer as the recomputed one).
 * So does one whose solve was proven optimal but whose choice among equally cheap partitions the
 * limit ended (`tiesUnsettled`): a committed partition that costs no more is one of those ties.
 */
import type { AnalysisResult } from '../analysis/types.js';
import type { Manifest } from '../manifest/types.js';
import type { NetworkDiff } from '../manifest/diff.js';
import { checkPartition } from '../solver/checker.js';
import { runtimeSectionOf } from '../manifest/runtimeSection.js';
import type { NetworkReport } from './partitionPipeline.js';

export interface CutOffVerdict {
  network: string;
  /** The committed partition's cost on today's problem, and the cut-off solve's. */
  committedCost: number;
  /** The solve was proven optimal; only its choice among ties was cut off. */
  tie?: true;
  foundCost: number;
  gap?: number;
}

/** When the network's recomputed solve was cut off and the committed partition stands against it: why; otherwise undefined. */
export function committedStands(diff: NetworkDiff, reports: readonly NetworkReport[], committed: Manifest): CutOffVerdict | undefined {
  if (diff.only) return undefined;
  const report = reports.find((r) => r.network.name === diff.network);
  const entry = committed.partitions.find((p) => p.network === diff.network);
  if (!report || !entry || (report.solution.optimal && !report.solution.tiesUnsettled)) return undefined;
  const kept = checkPartition(report.problem(), entry.migrate);
  // Costs are sums of floating-point figures added in another order: a relative hair of slack.
  if (kept.violations.length > 0 || kept.cost > report.solution.cost * (1 + 1e-9) + 1e-9) return undefined;
  const tie = report.solution.optimal ? { tie: true as const } : {};
  return { network: diff.network, committedCost: kept.cost, foundCost: report.solution.cost, ...tie, ...(report.solution.gap !== undefined ? { gap: report.solution.gap } : {}) };
}

/**
 * The recomputed manifest with each standing network's committed partition in place of the
 * cut-off one, and its run-time section made from those: the migration points the run-time
 * would serve if the committed manifest is kept. Compared with the recomputed section instead,
 * a point only the committed partition has would be reported gone, and the check would fail
 * on the very cut-off it has just excused.
 */
export function withStandingPartitions(recomputed: Manifest, committed: Manifest, standing: readonly (CutOffVerdict | undefined)[], analysis: AnalysisResult): Manifest {
  const kept = new Set(standing.flatMap((s) => (s ? [s.network] : [])));
  if (kept.size === 0) return recomputed;
  const partitions = recomputed.partitions.map((p) => {
    const entry = kept.has(p.network) ? committed.partitions.find((c) => c.network === p.network) : undefined;
    return entry ? { ...p, migrate: entry.migrate } : p;
  });
  return { ...recomputed, partitions, ...(recomputed.runtime ? { runtime: runtimeSectionOf(analysis, partitions) } : {}) };
}
