/** What happened at each migration point of one device process: the report's raw figures. */
export interface PointStats {
  /** Times the point was reached on the device. */
  calls: number;
  /** Calls the clone answered. */
  migrated: number;
  /** Calls run on the device instead, by reason. */
  fallbacks: Record<string, number>;
  upBytes: number;
  downBytes: number;
  roundTrips: number;
  /** Wall time from sending the call to having applied its answer, ms (migrated calls). */
  awayMs: number;
  /** The clone's own time for those calls, ms. */
  serverMs: number;
}

export function emptyStats(): PointStats {
  return { calls: 0, migrated: 0, fallbacks: {}, upBytes: 0, downBytes: 0, roundTrips: 0, awayMs: 0, serverMs: 0 };
}

/** One process's report, written at exit where `clonecloud run --report` collects it. */
export interface ProcessReport {
  pid: number;
  argv: string[];
  network: string | null;
  clone: string | null;
  points: Record<string, PointStats>;
}

/** The processes' figures added up, per migration point. */
export function mergeReports(reports: readonly ProcessReport[]): Record<string, PointStats> {
  const out: Record<string, PointStats> = {};
  for (const r of reports) {
    for (const [id, s] of Object.entries(r.points)) {
      const t = (out[id] ??= emptyStats());
      t.calls += s.calls;
      t.migrated += s.migrated;
      t.upBytes += s.upBytes;
      t.downBytes += s.downBytes;
      t.roundTrips += s.roundTrips;
      t.awayMs += s.awayMs;
      t.serverMs += s.serverMs;
      for (const [why, n] of Object.entries(s.fallbacks)) t.fallbacks[why] = (t.fallbacks[why] ?? 0) + n;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
