#!/usr/bin/env node
// Overhead of `clonecloud record` on examples/virus-scan: the scan run plain vs traced, several
// runs each, interleaved (plain 1, traced 1, plain 2, ...) so both see the same machine load;
// medians and their ratio. "Traced" is the scan process with the tracer injected exactly as
// `clonecloud record` injects it (NODE_OPTIONS --import, same environment); the record CLI's own
// start-up (it loads the whole analyzer) and merge are timed separately. The app is compiled with source maps to a temp folder, so method
// ids go through the maps back to src/*.ts. The first traced run fills the instrumentation
// cache and is reported separately (a cold run: TypeScript loads in the loader thread).
//
//   npm run bench:record            (or: node test/bench/record.mjs [--runs N])

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { nodeOptionsWithTracer, settleCalibration } from '../../dist/profiles/record/run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const app = join(root, 'examples', 'virus-scan');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-record-'));
const build = join(tmp, 'build');
const corpus = join(tmp, 'corpus');
const cache = join(tmp, 'cache');
try {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--sourceMap', '--outDir', build], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(app, 'tools', 'make-corpus.mjs'), '--out', corpus], { stdio: 'ignore' });
  const files = readdirSync(corpus, { recursive: true }).map((f) => join(corpus, String(f))).filter((f) => statSync(f).isFile());
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const scan = [join(build, 'cli.js'), corpus, '--db', join(app, 'signatures'), '--quiet'];
  const env = { ...process.env, CLONECLOUD_RECORD_CACHE: cache };
  // As `clonecloud record` does before it starts the program: the recorder's per-call cost, settled once per machine.
  process.env.CLONECLOUD_RECORD_CACHE = cache;
  settleCalibration();

  const plain = () => time(process.execPath, scan, env);
  const traces = join(tmp, 'traces');
  mkdirSync(traces);
  const tracedEnv = { ...env, NODE_OPTIONS: nodeOptionsWithTracer(process.env.NODE_OPTIONS), CLONECLOUD_RECORD_DIR: traces, CLONECLOUD_RECORD_APP: app };
  const traced = () => time(process.execPath, scan, tracedEnv);
  const viaCli = () =>
    time(process.execPath, [join(root, 'bin', 'clonecloud.js'), 'record', '--side', 'clone', '--app', app, '--out', join(tmp, 'p.yaml'), '--', process.execPath, ...scan], env);
  const cliStartup = () => time(process.execPath, [join(root, 'bin', 'clonecloud.js'), '--version'], env);

  const loadAtStart = loadavg();
  const cold = traced();
  const t = [];
  const p = [];
  for (let i = 0; i < runs; i++) {
    p.push(plain());
    t.push(traced());
  }
  const cli = viaCli();
  const startup = cliStartup();
  const profile = readFileSync(join(tmp, 'p.yaml'), 'utf8');
  const contexts = (profile.match(/^ {2}- \{ id:/gm) ?? []).length;
  const calls = [...profile.matchAll(/calls: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const cpu = cpus()[0]?.model ?? 'unknown';
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the machine may be shared: compare ratios, not times)`);
  console.log(`input: ${files.length} files, ${bytes} bytes (make-corpus defaults), deep scan; profile: ${contexts} contexts, ${calls} calls traced`);
  console.log(`plain  runs (ms): ${p.map(f).join(', ')}  median ${f(median(p))}`);
  console.log(`traced runs (ms): ${t.map(f).join(', ')}  median ${f(median(t))}  (warm instrumentation cache)`);
  console.log(`cold traced run (empty instrumentation cache): ${f(cold)} ms`);
  console.log(`one run through 'clonecloud record': ${f(cli)} ms, of which the CLI's own start-up is about ${f(startup)} ms ('clonecloud --version')`);
  console.log(`overhead ratio (median traced / median plain): ${(median(t) / median(p)).toFixed(2)}x`);
  const ratios = p.map((x, k) => t[k] / x);
  console.log(`per-pair ratios (traced k / plain k): ${ratios.map((r) => r.toFixed(2)).join(', ')}  median ${median(ratios).toFixed(2)}x`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function time(cmd, args, env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  // The scan exits 1 when it finds malware (it does: the corpus plants some); record says so and exits 1 too.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function f(x) {
  return x.toFixed(0);
}
