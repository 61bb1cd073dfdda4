/**
 * `clonecloud run --report`: per migration point, what the run did (calls, migrations, fallbacks
 * and why, bytes, round trips, time away) beside what the manifest predicted for the partition in
 * force, so that the cost model meets reality. Predictions are per execution; measures are the
 * run's totals over all its processes.
 */
import type { ChalkInstance } from 'chalk';
import type { PointPrediction } from '../manifest/types.js';
import { mergeReports, type PointStats, type ProcessReport } from '../runtime/device/stats.js';
import type { RuntimePlan } from '../runtime/plan.js';

export interface RunReport {
  network: string | null;
  clone: string | null;
  processes: number;
  points: { method: string; measured: PointStats; predicted: PointPrediction | null }[];
}

export function runReport(plan: RuntimePlan, network: string | undefined, processes: ProcessReport[]): RunReport {
  const measured = mergeReports(processes);
  const predicted = network ? plan.partitions.get(network)?.predicted : undefined;
  const methods = [...new Set([...Object.keys(measured), ...(predicted?.keys() ?? [])])].sort();
  return {
    network: network ?? null,
    clone: processes.find((p) => p.clone)?.clone ?? null,
    processes: processes.length,
    points: methods.map((method) => ({
      method,
      measured: measured[method] ?? { calls: 0, migrated: 0, fallbacks: {}, upBytes: 0, downBytes: 0, roundTrips: 0, awayMs: 0, serverMs: 0 },
      predicted: predicted?.get(method) ?? null,
    })),
  };
}

export function renderRunReport(report: RunReport, c: ChalkInstance): string[] {
  const lines = [`clonecloud run: partition ${report.network ?? 'none (all on the device)'}, ${report.processes} process${report.processes === 1 ? '' : 'es'}`];
  if (report.points.length === 0) lines.push('  no migration point was reached');
  for (const { method, measured: m, predicted: p } of report.points) {
    lines.push(`  ${c.bold(method)}`);
    lines.push(`    measured:  ${m.calls} call${m.calls === 1 ? '' : 's'}, ${m.migrated} migrated, ${m.roundTrips} round trip${m.roundTrips === 1 ? '' : 's'}, up ${bytes(m.upBytes)}, down ${bytes(m.downBytes)}, away ${m.awayMs.toFixed(1)} ms (clone ${m.serverMs.toFixed(1)} ms)`);
    const fallbacks = Object.entries(m.fallbacks);
    if (fallbacks.length) lines.push(`    ${c.yellow('ran here')}:  ${fallbacks.map(([why, n]) => `${n}× ${why}`).join('; ')}`);
    if (p) lines.push(`    predicted: ${p.calls} migration${p.calls === 1 ? '' : 's'} per run, up ${bytes(p.upBytes)}, down ${bytes(p.downBytes)}, away ${(p.migrationMs + p.cloneMs).toFixed(1)} ms (clone ${p.cloneMs.toFixed(1)} ms) instead of ${p.deviceMs.toFixed(1)} ms here`);
    else lines.push(`    predicted: ${c.dim('not a migration point of this partition')}`);
  }
  return lines;
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} B`;
}
