#!/usr/bin/env node
// Are the manifest's predictions true? (issue 16) For each bundled example: record both sides
// here (the device with `node --jitless`, a real slow device: no optimizing compiler; the clone
// plain), partition, then for each network run the app all on the device and partitioned through
// `clonecloud serve --emulate-network <network>` (the clone holds each answer until the emulated
// link would have carried it), and compare the measured time with the manifest's prediction.
//
// Measured time = the command's wall time minus that of the same command on an empty script
// (Node's and the CLI's start-up are not the app's work and the model does not count them; what
// the run-time adds per module and per call stays in). Medians of --runs, all-device and
// partitioned runs interleaved. Goal: every prediction within 20% of the measured time.
// Then, for virus-scan on wifi: the chosen partition against every other subset of the manifest's
// migration points (each single-method alternative among them) and all-device, in the same run.
//
//   npm run bench:predict [-- --runs 3 --examples virus-scan,image-search --networks wifi,lte,3g --json out.json]

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { bin, builtExample, root, startServe } from './lib/clone.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    examples: { type: 'string', default: 'virus-scan,image-search,behavior-profile' },
    networks: { type: 'string', default: 'wifi,5g,lte,3g' },
    json: { type: 'string' },
  },
});
const runs = Number(flags.runs);
const DEVICE_NODE = [process.execPath, '--jitless'];
const EXAMPLES = {
  'virus-scan': { data: ['tools/make-corpus.mjs', '--out', '.corpus'], args: ['.corpus', '--db', 'signatures', '--no-timing'], okExit: [0, 1] },
  'image-search': { data: ['tools/make-data.mjs', '--out', '.data/gallery'], args: ['.data/gallery', '--no-timing'], okExit: [0, 1] },
  'behavior-profile': { data: ['tools/make-data.mjs', '--out', '.data/activity.log'], args: ['.data/activity.log', '--no-timing'], okExit: [0] },
};

console.log(`machine: ${cpus().length} x ${cpus()[0].model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`device: node --jitless; clone: node; medians of ${runs} runs; measured = wall time minus the same command on an empty script\n`);
console.log('| example | network | migrates | predicted ms | measured ms | measured / predicted | within 20% |');
console.log('|---|---|---|---|---|---|---|');
const results = [];
const terms = [];
const choice = [];
for (const name of flags.examples.split(',')) {
  const example = EXAMPLES[name];
  if (!example) throw new Error(`no example ${name} (${Object.keys(EXAMPLES).join(', ')})`);
  const app = prepare(name, example);
  const manifest = parse(readFileSync(join(app, 'clonecloud.manifest.yaml'), 'utf8'));
  for (const network of flags.networks.split(',')) {
    const partition = manifest.partitions.find((p) => p.network === network);
    if (!partition) continue;
    const server = await startServe(app, ['--emulate-network', network, '--workers', '1']);
    try {
      const device = [...DEVICE_NODE, '.build/app/cli.js', ...example.args];
      const reportFile = join(app, `.report-${network}.json`);
      const partitioned = [process.execPath, bin, 'run', '--clone', server.url, '--network', network, '--report-file', reportFile, '--', ...device];
      // All-device is measured once per example, interleaved with its first network's runs.
      const first = results.every((r) => r.example !== name || r.network !== 'all-device');
      const times = await interleaved(app, example, first ? { device, partitioned } : { partitioned });
      terms.push({ example: name, network, partition, report: JSON.parse(readFileSync(reportFile, 'utf8')), measured: times.partitioned });
      if (first) {
        row({ example: name, network: 'all-device', migrates: [], predicted: partition.cost.deviceOnly, measured: times.device });
      }
      row({ example: name, network, migrates: partition.migrate, predicted: partition.cost.partitioned, measured: times.partitioned });
      if (name === 'virus-scan' && network === 'wifi') choice.push(...(await alternatives(app, example, manifest, server, partition)));
    } finally {
      await server.stop();
    }
  }
}
printTerms();
printChoice();
if (flags.json) writeFileSync(flags.json, JSON.stringify({ machine: cpus()[0].model, cores: cpus().length, node: process.version, runs, results }, null, 2));

function row(r) {
  const ratio = r.measured / r.predicted;
  results.push({ ...r, ratio });
  const short = r.migrates.map((m) => m.replace(/^.*#/, '')).join(', ') || '-';
  console.log(`| ${r.example} | ${r.network} | ${short} | ${r.predicted.toFixed(0)} | ${r.measured.toFixed(0)} | ${ratio.toFixed(2)} | ${Math.abs(ratio - 1) <= 0.2 ? 'yes' : 'no'} |`);
}

/** The example built in a temporary folder, its data written, both sides recorded and partitioned there. */
function prepare(name, example) {
  const app = builtExample(name);
  execFileSync(process.execPath, [join(root, 'examples', name, ...example.data[0].split('/')), ...example.data.slice(1)], { cwd: app, stdio: 'ignore' });
  writeFileSync(join(app, '.build', 'empty.js'), '');
  rmSync(join(app, 'profiles'), { recursive: true, force: true });
  for (const side of ['clone', 'device']) {
    const node = side === 'device' ? DEVICE_NODE : [process.execPath];
    execFileSync(process.execPath, [bin, 'record', '--side', side, '--out', `profiles/${side}.profile.yaml`, '--runs', String(runs), '--ok-exit', example.okExit.join(','), '--', ...node, '.build/app/cli.js', ...example.args], { cwd: app, stdio: 'ignore' });
  }
  execFileSync(process.execPath, [bin, 'partition', '.'], { cwd: app, stdio: 'ignore' });
  return app;
}

/** Median wall time of each command minus that of the same command on the empty script, runs interleaved. */
async function interleaved(app, example, commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, { full: [], empty: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const [key, argv] of Object.entries(commands)) {
      samples[key].full.push(await wall(app, argv, example.okExit));
      // The same command on the empty script (its report, when it asks for one, goes elsewhere).
      const empty = argv.slice(0, argv.indexOf('.build/app/cli.js')).map((a) => (a.endsWith('.json') ? `${a}.empty` : a)).concat('.build/empty.js');
      samples[key].empty.push(await wall(app, empty, [0]));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, median(s.full) - median(s.empty)]));
}

function wall(cwd, argv, okExit) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: 'ignore' });
    child.once('exit', (code) => (okExit.includes(code) ? resolve(performance.now() - started) : reject(new Error(`${argv.join(' ')} exited with ${code}`))));
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The chosen wifi partition against every other subset of the manifest's migration points, in one run. */
async function alternatives(app, example, manifest, server, chosen) {
  const points = manifest.runtime.points.map((p) => p.method);
  const subsets = points.reduce((all, p) => all.concat(all.map((s) => [...s, p])), [[]]);
  const commands = {};
  for (const subset of subsets) {
    const variant = structuredClone(manifest);
    variant.partitions.find((p) => p.network === 'wifi').migrate = subset;
    const file = join(app, `.variant-${subsets.indexOf(subset)}.yaml`);
    writeFileSync(file, stringify(variant));
    commands[subset.join(' + ') || 'all-device'] = [process.execPath, bin, 'run', '--manifest', file, '--clone', server.url, '--network', 'wifi', '--', ...DEVICE_NODE, '.build/app/cli.js', ...example.args];
  }
  const times = await interleaved(app, example, commands);
  const chosenKey = chosen.migrate.join(' + ') || 'all-device';
  const best = Object.entries(times).every(([key, ms]) => key === chosenKey || times[chosenKey] <= ms * 1.05);
  results.push({ example: 'virus-scan', network: 'wifi', alternatives: times, chosen: chosenKey, chosenBest: best });
  const short = (key) => key.replace(/src\/\S+#/g, '');
  return [
    `virus-scan on wifi: the chosen partition (${short(chosenKey)}) against the other subsets of its migration points, measured ms:`,
    ...Object.entries(times).map(([key, ms]) => `  ${key === chosenKey ? '*' : ' '} ${short(key)}: ${ms.toFixed(0)}`),
    `  chosen no worse than each alternative (5% noise allowed): ${best ? 'yes' : 'no'}`,
  ];
}

function printChoice() {
  if (choice.length) console.log(`\n${choice.join('\n')}`);
}

/**
 * Where a partitioned prediction went wrong, term by term (the last run's report): the time on
 * the device outside migrated calls, the time away (link and clone), the clone's own time, and
 * the bytes each way, predicted against measured.
 */
function printTerms() {
  const cases = terms.filter((t) => t.partition.migrate.length);
  if (!cases.length) return;
  console.log('\nterms of the partitioned predictions, predicted / measured (last run):');
  console.log('| example | network | on the device ms | away ms | of which the clone ms | up kB | down kB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const t of cases) {
    const predicted = t.partition.predicted ?? [];
    const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
    const away = sum(predicted, (p) => p.migrationMs + p.cloneMs);
    const measured = t.report.points.map((p) => p.measured);
    const awayMeasured = sum(measured, (m) => m.awayMs);
    const pair = (a, b, unit = 1) => `${(a / unit).toFixed(0)} / ${(b / unit).toFixed(0)}`;
    console.log(
      `| ${t.example} | ${t.network} | ${pair(t.partition.cost.partitioned - away, t.measured - awayMeasured)} | ${pair(away, awayMeasured)} | ${pair(sum(predicted, (p) => p.cloneMs), sum(measured, (m) => m.serverMs))} | ${pair(sum(predicted, (p) => p.upBytes), sum(measured, (m) => m.upBytes), 1000)} | ${pair(sum(predicted, (p) => p.downBytes), sum(measured, (m) => m.downBytes), 1000)} |`,
    );
  }
}
