#!/usr/bin/env node
// Are the manifest's predictions true? (issue 16) For each bundled example: record both sides
// here (the device with `node --jitless`, a real slow device: no optimizing compiler; the clone
// plain), each side --record-runs times folded by the median per calling context (--fold), partition,
// then run the app all on the device and partitioned through `clonecloud serve --emulate-network
// <network>` for each network (the clone holds each answer until the emulated link would have
// carried it), and compare the measured time with the manifest's prediction.
//
// Measured time = the command's wall time minus that of the same command on an empty script
// (Node's and the CLI's start-up are not the app's work and the model does not count them; what
// the run-time adds per module and per call stays in). Medians of --runs rounds; each round runs
// all-device and every network's partitioned run once, in an order rotated from round to round
// (one clone server per network, all started first), so that machine load falls on all alike.
// Goal: every prediction within 20% of the measured time. The terms of each prediction (the
// device's own time, the time away, the clone's time, the bytes) are then set beside their
// measures (medians over the rounds' run reports), to say which term is wrong where one misses.
// Then, for virus-scan on wifi: the chosen partition against all-device and each single-method
// alternative (every candidate the device recording saw called, migrated alone), in the same run.
//
//   npm run bench:predict [-- --runs 3 --record-runs 3 --fold median --examples virus-scan,image-search
//                             --networks wifi,lte,3g --json out.json --no-alternatives]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { bin, builtExample, root, startServe } from './lib/clone.mjs';
import { loadRange, median, processCpuMs, rounds } from './lib/measure.mjs';
import { printTerms, termsOf } from './lib/terms.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'record-runs': { type: 'string', default: '3' },
    fold: { type: 'string', default: 'median' },
    examples: { type: 'string', default: 'virus-scan,image-search,behavior-profile' },
    networks: { type: 'string', default: 'wifi,5g,lte,3g' },
    json: { type: 'string' },
    'no-alternatives': { type: 'boolean', default: false },
    'record-before-only': { type: 'boolean', default: false },
  },
});
const inRounds = !flags['record-before-only'];
const runs = Number(flags.runs);
const recordRuns = Number(flags['record-runs']);
const DEVICE_NODE = [process.execPath, '--jitless'];
const dist = (path) => import(pathToFileURL(join(root, 'dist', ...path.split('/'))).href);
const { foldProfiles } = await dist('profiles/fold.js');
const { parseProfile } = await dist('profiles/parse.js');
const { renderProfileJson } = await dist('profiles/record/render.js');
const { parseDevice } = await dist('model/environment.js');
const deviceModel = (name) => parseDevice(readFileSync(join(root, 'profiles', 'devices', `${name}.yaml`), 'utf8'), `profiles/devices/${name}.yaml`);
const EXAMPLES = {
  'virus-scan': { data: ['tools/make-corpus.mjs', '--out', '.corpus'], args: ['.corpus', '--db', 'signatures', '--no-timing'], okExit: [0, 1] },
  'image-search': { data: ['tools/make-data.mjs', '--out', '.data/gallery'], args: ['.data/gallery', '--no-timing'], okExit: [0, 1] },
  'behavior-profile': { data: ['tools/make-data.mjs', '--out', '.data/activity.log'], args: ['.data/activity.log', '--no-timing'], okExit: [0] },
};

console.log(`machine: ${cpus().length} x ${cpus()[0].model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`device: node --jitless; clone: node; measured: medians of ${runs} rounds (all-device and each network alternated), wall time minus the same command on an empty script`);
console.log(`predicted: from each side recorded ${recordRuns} times before the rounds, folded by ${flags.fold} (the partition run)${inRounds ? `; and from each side recorded once in each round, beside the runs it predicts, folded by ${flags.fold} (the ratio's)` : ''}\n`);
console.log(`| example | network | migrates | predicted ms${inRounds ? ' (recorded before)' : ''} | ${inRounds ? 'predicted ms (recorded in the rounds) | ' : ''}measured ms | measured / predicted | within 20% | load (1 min) |`);
console.log(`|---|---|---|---|${inRounds ? '---|' : ''}---|---|---|---|`);
let currentExample;
const cpuRows = [];
const results = [];
const terms = [];
const choice = [];
for (const name of flags.examples.split(',')) {
  const example = EXAMPLES[name];
  if (!example) throw new Error(`no example ${name} (${Object.keys(EXAMPLES).join(', ')})`);
  currentExample = name;
  const app = prepare(name, example);
  const manifest = parse(readFileSync(join(app, 'clonecloud.manifest.yaml'), 'utf8'));
  const partitions = flags.networks.split(',').map((n) => manifest.partitions.find((p) => p.network === n)).filter(Boolean);
  const servers = {};
  try {
    for (const p of partitions) servers[p.network] = await startServe(app, ['--emulate-network', p.network, '--workers', '1']);
    const device = [...DEVICE_NODE, '.build/app/cli.js', ...example.args];
    const commands = { 'all-device': { argv: device, empty: emptyOf(device), okExit: example.okExit } };
    for (const p of partitions) {
      const runArgv = (report) => [process.execPath, bin, 'run', '--clone', servers[p.network].url, '--network', p.network, '--report-file', report, '--', ...device];
      commands[p.network] = { each: (round) => runArgv(join(app, `.report-${p.network}-${round}.json`)), empty: emptyOf(runArgv(join(app, '.report-empty.json'))), okExit: example.okExit, otherCpuMs: () => processCpuMs(servers[p.network].pid) };
    }
    if (inRounds) {
      mkdirSync(join(app, '.rounds'), { recursive: true });
      for (const side of ['device', 'clone']) commands[`record ${side}`] = { each: (round) => recordArgv(side, `.rounds/${side}-${round}.json`, 1), okExit: [0] };
    }
    const times = await rounds(app, commands, runs);
    // The prediction the ratio is taken against: from the recordings made in the rounds, if any.
    const again = inRounds ? repartition(app, runs) : manifest;
    const deviceOnly = again.partitions[0].cost.deviceOnly;
    row({ example: name, network: 'all-device', migrates: [], before: manifest.partitions[0].cost.deviceOnly, predicted: deviceOnly, ...times['all-device'] });
    if (inRounds) cpuRow(name, 'all-device', { device: { predicted: deviceOnly }, clone: { predicted: 0 }, link: { predicted: 0, measured: 0 } }, times['all-device'], times);
    for (const p of partitions) {
      const q = again.partitions.find((x) => x.network === p.network);
      const same = q.migrate.join() === p.migrate.join();
      const reports = Array.from({ length: runs }, (_, round) => JSON.parse(readFileSync(join(app, `.report-${p.network}-${round}.json`), 'utf8')));
      // A re-partition that chose otherwise predicts another partition than the one that ran.
      row({ example: name, network: p.network, migrates: p.migrate, before: p.cost.partitioned, predicted: same ? q.cost.partitioned : p.cost.partitioned, changed: same ? undefined : q.migrate, ...times[p.network] });
      terms.push(termsOf(name, same ? q : p, reports, times[p.network].ms, same ? deviceOnly : manifest.partitions[0].cost.deviceOnly, times['all-device'].ms, deviceModel(manifest.device).migration.clone));
      if (inRounds && same) cpuRow(name, p.network, terms.at(-1), times[p.network], times);
    }
    const wifi = partitions.find((p) => p.network === 'wifi');
    if (name === 'virus-scan' && wifi && !flags['no-alternatives']) choice.push(...(await alternatives(app, example, manifest, wifi)));
  } finally {
    for (const server of Object.values(servers)) await server.stop();
  }
}
printTerms(terms);
if (cpuRows.length) {
  console.log('\nload taken out: CPU time (GNU time for the device, /proc for its clone server) plus the link\'s wait, against the prediction with each side\'s compute scaled by its recordings\' CPU / wall time:');
  console.log('| example | network | predicted ms | measured ms | measured / predicted | within 20% | CPU / wall: device recordings, clone recordings, runs |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of cpuRows) console.log(`| ${r.example} | ${r.network} | ${r.predicted.toFixed(0)} | ${r.measured.toFixed(0)} | ${r.ratio.toFixed(2)} | ${Math.abs(r.ratio - 1) <= 0.2 ? 'yes' : 'no'} | ${r.share.device.toFixed(2)}, ${r.share.clone.toFixed(2)}, ${r.share.runs.toFixed(2)} |`);
}
if (choice.length) console.log(`\n${choice.join('\n')}`);
results.push(...cpuRows.map((r) => ({ ...r, loadTakenOut: true })));
const wall = results.filter((r) => r.ratio !== undefined && !r.loadTakenOut);
const within = wall.filter((r) => Math.abs(r.ratio - 1) <= 0.2).length;
console.log(`\n${within} of ${wall.length} predictions within 20% of wall time${cpuRows.length ? `, ${cpuRows.filter((r) => Math.abs(r.ratio - 1) <= 0.2).length} of ${cpuRows.length} with the load taken out` : ''}; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (flags.json) writeFileSync(flags.json, JSON.stringify({ machine: cpus()[0].model, cores: cpus().length, node: process.version, runs, recordRuns, fold: flags.fold, results, terms }, null, 2));

function row(r) {
  const ratio = r.ms / r.predicted;
  results.push({ example: r.example, network: r.network, migrates: r.migrates, predictedBefore: r.before, predicted: r.predicted, measured: r.ms, ratio, ...(r.changed ? { repartitioned: r.changed } : {}), samples: r.full, empty: r.empty, cpuMs: r.cpuMs, cpu: r.cpu, load: r.load });
  const short = (ms) => ms.map((m) => m.replace(/^.*#/, '')).join(', ') || '-';
  const changed = r.changed ? ` (the rounds' recordings choose ${short(r.changed)}: ratio against the prediction recorded before)` : '';
  const inRoundsCell = inRounds ? ` ${r.changed ? '-' : r.predicted.toFixed(0)} |` : '';
  console.log(`| ${r.example} | ${r.network} | ${short(r.migrates)}${changed} | ${r.before.toFixed(0)} |${inRoundsCell} ${r.ms.toFixed(0)} | ${ratio.toFixed(2)} | ${Math.abs(ratio - 1) <= 0.2 ? 'yes' : 'no'} | ${loadRange(r.load)} |`);
}

/**
 * One case with the machine's load taken out. Measured: the CPU time of the device's command and
 * of its clone server during it (a dedicated device and clone would take that), plus the link's
 * wait (time away minus the clone's time). Predicted: the prediction's terms, each side's compute
 * multiplied by the CPU share (CPU ÷ wall time) of that side's recordings in the rounds.
 */
function cpuRow(example, network, t, measured, times) {
  const shareOf = (m) => median(m.cpu.map((cpu, i) => cpu / m.full[i]));
  const share = { device: shareOf(times['record device']), clone: shareOf(times['record clone']), runs: shareOf(measured) };
  const predicted = t.device.predicted * share.device + t.clone.predicted * share.clone + t.link.predicted;
  const m = measured.cpuMs + t.link.measured;
  cpuRows.push({ example, network, predicted, measured: m, ratio: m / predicted, share });
}

/** `clonecloud record` of one side into `out`, `n` runs folded by --fold. */
function recordArgv(side, out, n) {
  const node = side === 'device' ? DEVICE_NODE : [process.execPath];
  const example = EXAMPLES[currentExample];
  return [process.execPath, bin, 'record', '--side', side, '--out', out, '--runs', String(n), '--fold', flags.fold, '--ok-exit', example.okExit.join(','), '--', ...node, '.build/app/cli.js', ...example.args];
}

/**
 * The rounds' recordings of each side folded by --fold into one profile per side, and the app
 * partitioned again from them (another manifest: the one that ran stays).
 */
function repartition(app, count) {
  for (const side of ['device', 'clone']) {
    const files = Array.from({ length: count }, (_, round) => `.rounds/${side}-${round}.json`);
    const { profile, notes } = foldProfiles(files.map((f) => parseProfile(readFileSync(join(app, f), 'utf8'), f)), flags.fold);
    for (const note of notes) console.error(`${side}: ${note}`);
    writeFileSync(join(app, '.rounds', `${side}.profile.json`), renderProfileJson(profile, [`${files.join(', ')} folded by ${flags.fold} (bench:predict)`]));
  }
  execFileSync(process.execPath, [bin, 'partition', '.', '--profiles', '.rounds', '--out', '.rounds/manifest.yaml'], { cwd: app, stdio: 'ignore' });
  return parse(readFileSync(join(app, '.rounds', 'manifest.yaml'), 'utf8'));
}

/** The same command on the empty script (its report, when it asks for one, goes elsewhere). */
function emptyOf(argv) {
  return argv.slice(0, argv.indexOf('.build/app/cli.js')).concat('.build/empty.js');
}

/** The example built in a temporary folder, its data written, both sides recorded and partitioned there. */
function prepare(name, example) {
  const app = builtExample(name);
  execFileSync(process.execPath, [join(root, 'examples', name, ...example.data[0].split('/')), ...example.data.slice(1)], { cwd: app, stdio: 'ignore' });
  writeFileSync(join(app, '.build', 'empty.js'), '');
  rmSync(join(app, 'profiles'), { recursive: true, force: true });
  for (const side of ['clone', 'device']) {
    const [node, ...args] = recordArgv(side, `profiles/${side}.profile.yaml`, recordRuns);
    execFileSync(node, args, { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  execFileSync(process.execPath, [bin, 'partition', '.', '--profiles', 'profiles'], { cwd: app, stdio: 'ignore' });
  return app;
}

/**
 * The chosen wifi partition against every single-method alternative, in one run: each candidate
 * method (by the analysis) that the device recording saw called, migrated alone with the state the
 * analysis gives it, every other subset of the manifest's migration points, and all-device. Each
 * alternative has its own manifest and clone server. An alternative still running at 1.5x the
 * all-device time is stopped: worse than both. Those within 30% of the chosen partition in that
 * first pass are measured again beside it, in --runs rounds.
 */
async function alternatives(app, example, manifest, chosen) {
  const analysis = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', '.', '--json'], { cwd: app, maxBuffer: 1 << 28 }).toString());
  const device = parseProfile(readFileSync(join(app, 'profiles', 'device.profile.yaml'), 'utf8'), 'device.profile.yaml');
  const called = new Set(device.contexts.filter((c) => c.calls > 0).map((c) => c.method));
  const stateOf = new Map(analysis.methods.map((m) => [m.id, (m.state ?? []).map(({ scope, file, name, access }) => ({ scope, file, name, access }))]));
  const points = manifest.runtime.points.map((p) => p.method);
  const subsets = points.reduce((all, p) => all.concat(all.map((s) => [...s, p])), [[]]);
  const singles = analysis.methods.filter((m) => m.candidate && called.has(m.id)).map((m) => [m.id]);
  const keyOf = (subset) => subset.join(' + ') || 'all-device';
  const variants = [...new Map([...subsets, ...singles].map((s) => [keyOf(s), s])).values()];
  const uncalled = analysis.methods.filter((m) => m.candidate && !called.has(m.id)).length;
  const manifestOf = (migrate) => {
    const variant = structuredClone(manifest);
    for (const p of variant.partitions) {
      p.migrate = p.network === 'wifi' ? migrate : [];
      delete p.predicted;
    }
    variant.runtime.points = [...new Set(migrate)].sort().map((method) => ({ method, state: stateOf.get(method) ?? [] }));
    return variant;
  };
  // Each alternative has its own manifest and clone server: a clone serves only the build and
  // migration points its manifest names (their digest), and the device wraps every point listed.
  const reports = new Map();
  const withServers = async (subsets, prefix, limitMs, count) => {
    const commands = {};
    const servers = [];
    try {
      for (const [i, subset] of subsets.entries()) {
        const file = join(app, `.variant-${prefix}${i}.yaml`);
        writeFileSync(file, stringify(manifestOf(subset)));
        const server = await startServe(app, ['--manifest', file, '--emulate-network', 'wifi', '--workers', '1']);
        servers.push(server);
        const report = join(app, `.report-variant-${prefix}${i}.json`);
        reports.set(keyOf(subset), report);
        // No predictions in a variant: the call's deadline is the run's limit, not a default.
        const argvOf = (out) => [process.execPath, bin, 'run', '--manifest', file, '--clone', server.url, '--network', 'wifi', '--timeout', String(Math.ceil(limitMs ?? 600_000)), '--report-file', out, '--', ...DEVICE_NODE, '.build/app/cli.js', ...example.args];
        commands[keyOf(subset)] = { argv: argvOf(report), empty: emptyOf(argvOf(join(app, '.report-empty.json'))), okExit: example.okExit, limitMs };
      }
      return await rounds(app, commands, count);
    } finally {
      for (const server of servers) await server.stop();
    }
  };
  const chosenKey = keyOf(chosen.migrate);
  const first = await withServers([[]], 'device', undefined, 1);
  const limitMs = 1.5 * (first['all-device'].ms + first['all-device'].empty[0]);
  const pass = {};
  for (const [i, subset] of variants.entries()) Object.assign(pass, await withServers([subset], `${i}-`, limitMs, 1));
  const close = variants.filter((s) => keyOf(s) === chosenKey || keyOf(s) === 'all-device' || pass[keyOf(s)].ms <= 1.3 * pass[chosenKey].ms);
  const again = runs > 1 ? await withServers(close, 'again-', limitMs, runs) : {};
  const times = Object.fromEntries(variants.map((s) => [keyOf(s), (again[keyOf(s)] ?? pass[keyOf(s)]).ms]));
  const best = Object.entries(times).every(([key, ms]) => key === chosenKey || times[chosenKey] <= ms * 1.05);
  results.push({ example: 'virus-scan', network: 'wifi', alternatives: times, chosen: chosenKey, chosenBest: best, stoppedAfterMs: limitMs });
  const short = (key) => key.replace(/src\/\S+#/g, '');
  const load = loadRange(Object.values({ ...pass, ...again }).flatMap((m) => m.load));
  // What the last finished run of each did: a fallback would measure the device, not the alternative.
  const migrated = (key) => {
    if (key === 'all-device' || !existsSync(reports.get(key))) return '';
    const points = JSON.parse(readFileSync(reports.get(key), 'utf8')).points.map((p) => p.measured);
    const calls = points.reduce((n, m) => n + m.calls, 0);
    const fallbacks = points.reduce((n, m) => n + Object.values(m.fallbacks).reduce((a, b) => a + b, 0), 0);
    return ` (${points.reduce((n, m) => n + m.migrated, 0)} of ${calls} calls migrated${fallbacks ? `, ${fallbacks} FELL BACK` : ''})`;
  };
  const shown = (key, ms) => (Number.isFinite(ms) ? `${ms.toFixed(0)}${migrated(key)}` : `> ${limitMs.toFixed(0)} (stopped)`);
  const ordered = Object.entries(times).sort(([, a], [, b]) => a - b);
  return [
    `virus-scan on wifi: the chosen partition (${short(chosenKey)}) against all-device, the other subsets of its migration points and each of the ${singles.length} candidate methods the device recording saw called, migrated alone (${uncalled} other candidates were never called: the same as all-device); measured ms, those within 30% of the chosen one in a first pass again over ${runs} rounds (load ${load}):`,
    ...ordered.map(([key, ms]) => `  ${key === chosenKey ? '*' : ' '} ${short(key)}: ${shown(key, ms)}`),
    `  chosen no worse than each alternative (5% noise allowed): ${best ? 'yes' : 'no'}`,
  ];
}
