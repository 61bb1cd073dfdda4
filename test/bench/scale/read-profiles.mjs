/**
 * Reading profiles alone, as `partition` does (cli/load.ts's loadMergedProfiles: read, scan, merge),
 * against another built checkout, interleaved, each read in a process of its own:
 *
 *   node test/bench/scale/read-profiles.mjs --baseline <checkout> [--rounds 5] <profile files...>
 *
 * Prints each run's CPU and wall time and the sha256 of the merged profile's columns (the two
 * builds must agree), then the medians and the median of the per-pair CPU ratios.
 * The profiles: a scale app's (test/bench/scale/generate.mjs; `bench:scale --keep` keeps them).
 *
 * History (10k:1m's two profiles, 250 MB; --rounds 5, medians):
 * - the merge checks the node made after the last one it found before probing its table (both
 *   profiles list the tree in one order): CPU 3.46 → 3.08 s (ratio 0.89, after lower in all five
 *   pairs), load 13.8-15.3; the same merged profile.
 * - calls and bytes held once: in the merge's tree one set of columns for both sides (the
 *   device's sums once it has a node, else the clone's), and the merged profile's two sides
 *   sharing theirs (48 MB less of new memory at 1M contexts): CPU 3.13 → 3.02 s (ratio 0.951,
 *   lower in all 7 pairs), load 9.8-11.0; minor page faults 116.5k → 105.4k, peak RSS 462 → 441 MB
 *   (two runs each); the same merged profile.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, root, ...files] = args;
  const { loadMergedProfiles } = await import(`${root}/dist/cli/load.js`);
  const { createHash } = await import('node:crypto');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { merged } = loadMergedProfiles(dirname(files[0]), files, 1);
  const wall = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const hash = createHash('sha256');
  for (const [k, v] of Object.entries(merged)) {
    if (ArrayBuffer.isView(v)) hash.update(k).update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    else if (Array.isArray(v)) hash.update(k).update(v.join('\n'));
    else if (v && typeof v === 'object') for (const [f, c] of Object.entries(v)) if (ArrayBuffer.isView(c)) hash.update(k + f).update(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  }
  console.log(JSON.stringify({ cpu: (user + system) / 1e6, wall, sha: hash.digest('hex').slice(0, 12) }));
  process.exit(0);
}
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const baseline = resolve(flag('baseline'));
const rounds = Number(flag('rounds', '5'));
const files = args.map((f) => resolve(f));
const here = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = (root) => JSON.parse(spawnSync(process.execPath, ['--max-old-space-size=8000', fileURLToPath(import.meta.url), '--child', root, ...files], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pairs = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [baseline, here] : [here, baseline];
  const out = Object.fromEntries(order.map((root) => [root, run(root)]));
  const pair = { before: out[baseline], after: out[here], load: loadavg()[0] };
  pairs.push(pair);
  console.log(`round ${r + 1}: before CPU ${pair.before.cpu.toFixed(2)} s (wall ${pair.before.wall.toFixed(2)}, ${pair.before.sha}), after ${pair.after.cpu.toFixed(2)} s (wall ${pair.after.wall.toFixed(2)}, ${pair.after.sha}); load ${pair.load.toFixed(1)}`);
}
console.log(`CPU medians: before ${median(pairs.map((p) => p.before.cpu)).toFixed(2)} s, after ${median(pairs.map((p) => p.after.cpu)).toFixed(2)} s; median ratio ${median(pairs.map((p) => p.after.cpu / p.before.cpu)).toFixed(3)}; same merged profile: ${pairs.every((p) => p.after.sha === p.before.sha)}`);
