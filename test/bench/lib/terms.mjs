// The terms of a partitioned prediction beside their measures, so that a prediction that misses
// says which term is wrong: the device's own time (outside migrated calls), the time away (link
// and clone), the clone's time within it (its compute and its run-time's codec work, which the
// clone's measure, its worker's time per call, includes), the link's share (away minus clone),
// the bytes each way. Measures are medians over the rounds' run reports (one report per
// partitioned run).
import { median } from './measure.mjs';

/**
 * `partition`: the manifest's entry; `reports`: one `run --report-file` per round; `measuredMs`:
 * the case's measured time; `deviceOnly` / `allDeviceMs`: the all-device prediction and measure;
 * `cloneWork`: the device model's `migration.clone` (the clone's run-time work per call and MB).
 */
export function termsOf(example, partition, reports, measuredMs, deviceOnly, allDeviceMs, cloneWork) {
  const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
  const predicted = partition.predicted ?? [];
  const perRun = (f) => median(reports.map((r) => sum(r.points, (p) => f(p.measured))));
  const work = (p) => p.calls * cloneWork.callMs + (p.upBytes * cloneWork.upMsPerMB + p.downBytes * cloneWork.downMsPerMB) / 1e6;
  const away = { predicted: sum(predicted, (p) => p.migrationMs + p.cloneMs), measured: perRun((m) => m.awayMs) };
  const clone = { predicted: sum(predicted, (p) => p.cloneMs + work(p)), measured: perRun((m) => m.serverMs) };
  return {
    example,
    network: partition.network,
    migrates: partition.migrate,
    total: { predicted: partition.cost.partitioned, measured: measuredMs },
    device: { predicted: partition.cost.partitioned - away.predicted, measured: measuredMs - away.measured },
    // What the device computes itself, as a share of all-device: its prediction leans on the
    // device profile exactly as all-device does, so a miss here that all-device shares is the
    // device profile's, one it does not share is the split's.
    deviceShare: { predicted: (partition.cost.partitioned - away.predicted) / deviceOnly, measured: (measuredMs - away.measured) / allDeviceMs },
    away,
    clone,
    link: { predicted: sum(predicted, (p) => p.migrationMs - work(p)), measured: perRun((m) => m.awayMs - m.serverMs) },
    upBytes: { predicted: sum(predicted, (p) => p.upBytes), measured: perRun((m) => m.upBytes) },
    downBytes: { predicted: sum(predicted, (p) => p.downBytes), measured: perRun((m) => m.downBytes) },
    migrations: { predicted: sum(predicted, (p) => p.calls), measured: perRun((m) => m.migrated) },
    fallbacks: perRun((m) => sum(Object.values(m.fallbacks), (n) => n)),
  };
}

export function printTerms(terms) {
  const cases = terms.filter((t) => t.migrates.length);
  if (!cases.length) return;
  console.log('\nterms of the partitioned predictions, predicted / measured (medians over the rounds), and measured ÷ predicted:');
  console.log('| example | network | on the device ms | away ms | of which the clone ms | of which the link ms | up kB | down kB | migrations | fallbacks |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const pair = (t, unit = 1) => `${(t.predicted / unit).toFixed(0)} / ${(t.measured / unit).toFixed(0)} (${t.predicted > 0 ? (t.measured / t.predicted).toFixed(2) : '-'})`;
  for (const t of cases) {
    console.log(`| ${t.example} | ${t.network} | ${pair(t.device)} | ${pair(t.away)} | ${pair(t.clone)} | ${pair(t.link)} | ${pair(t.upBytes, 1000)} | ${pair(t.downBytes, 1000)} | ${t.migrations.predicted} / ${t.migrations.measured} | ${t.fallbacks} |`);
  }
}
