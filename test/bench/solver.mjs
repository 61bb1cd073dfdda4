/**
 * Solver bench (`npm run bench:solver`): generated calling-context trees (see
 * test/bench/solver/generate.mjs), each solved with the reductions and, as the baseline, as the
 * unreduced per-context model, each in its own process (so peak memory is its own).
 *
 *   node test/bench/solver.mjs [--sizes 10k,100k,1m] [--kinds realistic,adversarial]
 *        [--nesting dynamic,static] [--limit 60] [--baseline-limit 60] [--no-baseline]
 *        [--highs <dir of an installed highs package>] [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const parseSize = (s) => Math.round(parseFloat(s) * ({ k: 1e3, m: 1e6 }[s.slice(-1).toLowerCase()] ?? 1));
const sizes = flag('sizes', '10k,100k,1m').split(',').map(parseSize);
const kinds = flag('kinds', 'realistic,adversarial').split(',');
const nestings = flag('nesting', 'static,dynamic').split(',');
const limit = Number(flag('limit', '60'));
const baselineLimit = Number(flag('baseline-limit', '60'));
const baseline = !args.includes('--no-baseline');
const highs = flag('highs', undefined);
const seed = Number(flag('seed', '1'));
const methodsFor = (n) => (n <= 10_000 ? 1000 : n <= 100_000 ? 5000 : 20_000);

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
function child(script, extra, spec, seconds) {
  const run = spawnSync(process.execPath, ['--max-old-space-size=16000', here(script), ...extra, JSON.stringify(spec)], {
    encoding: 'utf8',
    timeout: (seconds * 2 + 180) * 1000,
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { ok: false, error: `child ended: ${run.signal ?? run.status} ${run.stderr.trim().split('\n').pop() ?? ''}` };
  }
}

const fmt = (x, d = 2) => (x === undefined ? '-' : x.toFixed(d));
function describe(r, cut) {
  if (!r.ok) return `error: ${r.error}`;
  const proof = r.optimal ? 'optimal' : `${r.gap === undefined ? 'no bound in time' : 'gap ' + (100 * r.gap).toFixed(1) + '%'}`;
  const time = r.optimal ? `${fmt(r.seconds)} s` : `${fmt(r.seconds)} s (stopped by the ${cut} s limit)`;
  return `${time}, ${proof}, saves ${fmt(100 * (1 - r.cost / r.deviceOnlyCost), 1)}%, peak ${fmt(r.maxRssMb, 0)} MB`;
}

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
console.log(`time limits: ${limit} s reduced, ${baselineLimit} s unreduced baseline; seed ${seed}\n`);
for (const n of sizes) {
  for (const kind of kinds) {
    for (const nesting of nestings) {
      const spec = { contexts: n, methods: methodsFor(n), kind, nesting, seed };
      const r = child('solver/run-one.mjs', [], { ...spec, reduce: true, limit }, limit);
      const m = r.model;
      console.log(`${kind} ${nesting}, ${n} contexts over ${r.methods ?? '?'} methods (${fmt(100 * (r.pinnedShare ?? 0), 1)}% pinned)`);
      if (m) console.log(`  model: ${m.contexts} → ${m.contextsAfter} contexts; ${m.variables} variables (${m.integers} integer), ${m.constraints} rows`);
      console.log(`  reduced:    ${describe(r, limit)}`);
      if (baseline) {
        const b = child('solver/run-one.mjs', [], { ...spec, reduce: false, limit: baselineLimit }, baselineLimit);
        const ratio = r.ok && b.ok ? `; time ratio baseline/reduced ${fmt(b.seconds / r.seconds, 1)}×${b.optimal ? '' : ' (baseline cut: at least)'}` : '';
        console.log(`  unreduced:  ${describe(b, baselineLimit)}${ratio}`);
        if (b.model) console.log(`              ${b.model.variables} variables (${b.model.integers} integer), ${b.model.constraints} rows`);
      }
      if (highs) {
        const h = child('solver/highs-probe.mjs', [highs], { ...spec, limit }, limit);
        console.log(`  HiGHS (reduced model): ${fmt(h.seconds)} s, ${h.status}, saves ${fmt(100 * (1 - h.cost / (r.deviceOnlyCost ?? NaN)), 1)}%`);
      }
    }
  }
}
