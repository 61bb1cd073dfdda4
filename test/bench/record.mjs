#!/usr/bin/env node
// Overhead of `clonecloud record`, plain vs traced, several runs each, interleaved (plain 1,
// traced 1, plain 2, ...) so both see the same machine load; medians and their ratio. Two apps:
//  - examples/virus-scan, a deep scan of the make-corpus corpus (the bundled example);
//  - test/fixtures/record-hot, call-heavy: 10 million calls of a 4 ns hash step (`mix`) and the
//    caller's own loop, the case where the recorder once cost 10-20x. Its own measurement of
//    the traced call tree (`root`, ms) is reported beside the process times;
//  - test/fixtures/record-calls, call-heavy of the ordinary kind: a tokenizer, a recursive-descent
//    parser and a tree walker, small functions calling each other (9.4 million calls), `root` too.
// "Traced" is the program with the tracer injected exactly as `clonecloud record` injects it
// (NODE_OPTIONS --import, same environment); the record CLI's own start-up (it loads the whole
// analyzer) and merge are timed separately. Apps are compiled with source maps to a temp folder,
// so method ids go through the maps back to src/*.ts. The first traced run fills the
// instrumentation cache and is reported separately (a cold run: TypeScript loads in the loader thread).
// Where GNU time is installed, each process's CPU time (user + system) is reported too: on a
// shared machine wall times wait for the CPU, CPU times much less. For the two call-heavy apps
// the same programs doing no work are timed too: CPU time of start-up and exit apart from the work's.
// With --baseline <dir> (another checkout of clonecloud, built), its recorder is run too, in
// the same interleaving, for a before/after under the same load.
//
// Count-only leaves (2026-12-04; src/profiles/record/countOnly.ts: small leaves whose only calls are
// constant-time built-ins get a counter alone, no clock, bytes or exit) against the build before
// them (--baseline), AMD EPYC 2 cores, Node 20.20.2, 5 interleaved runs, medians, CPU = user + system:
//   record-calls (5 of its functions count-only, 7.4M of 9.4M calls), load 5.6 -> 4.9: CPU 1.89x the
//     plain run's (baseline 2.11x), the work alone 1.62x (2.12x), in-app 2.02x (3.26x), wall 2.29x
//     (3.04x). At load 10-19: CPU 2.17x (2.39x) and 1.83x (2.02x); in-app 3.40x (2.63x) and 2.18x (3.08x).
//   record-hot (mix count-only), load 5.8 -> 5.3: CPU 2.60x (2.87x), in-app 7.4x (6.6x): no better
//     inside the program. At load 11-17: CPU 2.29x (3.18x) and 2.50x (3.25x), in-app 5.8x (13.7x).
//     Its 10M calls run in one on-stack-replaced loop, where the inlined counter cost some 20 ns a
//     call: see below.
//   Start-up and exit of a traced process: 250-300 ms of CPU against 120-140 plain, the same as the
//     baseline's; most of it is Node's module-hooks thread (a worker started and waited for by
//     register()). Handing the settled per-call cost in the environment (CLONECLOUD_RECORD_COST)
//     spares each process a checked cache read (3-7 ms on the main thread); node:crypto (some 10-30 ms
//     to load on a loaded machine) was still loaded there by util/privateCache.ts (now on first use).
// Call counts per context: identical to the baseline's in every run.
//
// The counter in an OSR loop (2026-12-04, runtime.ts c()/countRare, frames.ts NO_KID): c()'s miss
// path ran before V8 gave c() a feedback vector, so it compiled to a deopt that leaves the loop
// unmarked; TurboFan then did not peel the loop (--trace-turbo-loop: "Cannot peel loop"), and
// an OSR loop that is not peeled keeps its variables tagged (build's uint32 hash: a heap number a
// call). Now the miss path is warmed once per process, through an alternating slot, and the cache
// of children holds contexts (no undefined to compare against). Against the build before (main),
// same machine, Node 20.20.2, 7 interleaved runs, medians, CPU = user + system:
//   record-hot, load 7.9 -> 7.7: CPU 1.93x the plain run (baseline 2.60x), the work alone 2.00x
//     (6.50x), in-app 2.10x (6.04x); at load 6.1 -> 5.7 (the counter alone, crypto still eager): 1.87x
//     (2.40x), 1.50x (6.00x), 1.98x (5.43x).
//   record-calls, load 8.9 -> 8.5: CPU 2.09x (2.09x), the work alone 2.09x (2.09x), in-app 2.72x
//     (2.59x): its callers are optimized normally, where the counter was already cheap.
// Start-up and exit of a traced process doing no work, 250 ms of CPU against 120-130 plain (both
// builds): an empty module-hooks module register()ed alone costs some 100 ms of CPU (Node 20's
// loader thread: its bootstrap, and the worker and stream modules on the main thread); the
// recorder's own ES modules some 2 ms each to load (about 14 on the main thread, 4 and
// node:crypto on the loader thread). node:crypto (12 ms to load) is no longer loaded on the main
// thread: 272.6 ms against 276.0 (wait4 CPU, 21 runs, load 9.4). v8.serialize (bytes samples) is
// 10-20% of record-calls' traced CPU (--cpu-prof: 91 ms self of some 920; timed around it: 165
// calls, 2.3 MB, 136 ms at load 8): its parse trees of 100 KB take 2-9 ms each, 20-85 ns a byte.
//
// A cache of 16 children per context, not 8 (2026-12-04, frames.ts KID_CACHE; a context shares
// one empty cache until its first child, so a leaf context holds none): record-calls' term() and
// its callees shared slots of 8 (some 960k look-ups missed to the Map, 150 with 16). Against main
// (--baseline), 7 interleaved runs, medians, CPU = user + system: record-calls at load 5-6.4 (16
// slots, each context its own cache): 2.14x the plain run (baseline 2.30x), in-app 2.16x (2.26x);
// with the shared empty cache, at load 10-11: 1.90x (2.05x), the work alone 1.71x (2.04x), in-app
// 2.51x (2.23x: noise at that load). record-hot 1.78x (1.72x) and 2.00x (2.11x): unchanged, as
// its one caller has one child. Call counts identical per context in every run.
//
// The running context kept in one field (2026-12-05, stack.ts `cur`: set on every push and pop of
// a traced call; c() and e()'s fast path read it instead of `open`, the stack array and its top).
// Against main (--baseline), 7 interleaved runs, medians, CPU = user + system, at load 22-26 (wall
// and CPU times are mostly the machine's there: GNU time's 10 ms steps on 160-330 ms of CPU too):
//   record-calls: CPU 2.17x the plain run's (baseline 2.53x), the work alone 2.32x (2.73x), in-app
//     1.84x (1.88x), wall 1.96x (2.20x).
//   record-hot: CPU 2.06x (2.00x), in-app 1.70x (1.82x), wall 1.78x (1.79x).
// Instructions, which a loaded machine does not change (valgrind --tool=cachegrind, all threads,
// two runs each, the instrumentation cache warm): record-hot 1.19G traced against 1.35G for main
// and 0.74G plain: the recorder's share 26% less. Start-up and exit of record-calls doing no work:
// 545M plain, 693M with an empty module-hooks module register()ed alone, 758M traced: Node's
// loader thread is 70% of what tracing adds to a process that makes no calls. (A `var` header in
// place of `const __cc$`, to spare the hole checks, was 1.35G: V8 folds the const, not the var.)
// Call counts identical per context in every run, and in the examples' recordings.
//
// Where record-calls stands (2026-12-05, last; the recorder unchanged, --baseline main's build, the
// same recorder, so the two rows show the spread): CPU 1.88x the plain run's (the baseline 1.76x) at
// load 5.8, the work alone 1.71x (1.57x); 2.03x (2.23x) at load 11, in-app 2.50x (2.80x). Start-up
// and exit are 150-170 ms of the 360 ms of CPU tracing adds (280-310 against 130-140 plain). What the
// rest is (--cpu-prof and counters, one traced run): 133k timed calls of the 9.4M (expression's 80k,
// the recursion's entries, each timed since expression is not tiny; term 41k, evaluate 9k), two
// clock reads each (performance.now: 65-110 ns in a loop at load 10, 300-450 ns at load 14: the
// machine's load moves this part most); 165 bytes samples serialized, 37 ms (the 7 parse trees of
// about 100 KB, 21 ms of it); the untimed and count-only paths the rest. Under load more calls are
// timed (55k of the tiny contexts' 1.88M at load 11, 14k at load 5): a descheduled call is a slow
// one, and a window with three slow calls in 128 keeps its context timed until its calls double.
//
// A recursion's calls back into the context it folds onto counted like any hot tiny call (2026-12-05,
// frames.ts timedFrom: only the recursion's entries, its calls from the context it was first called
// from, are always timed; before, every call from another context was, so record-calls' 80k calls
// of expression() from factor() each read the clock twice). Against main (--baseline), 7
// interleaved runs, medians, CPU = user + system, load 7.7-9.3: record-calls' profile now has 4
// methods counted (expression added), 49.6k of their 1.96M calls timed, where 80k more calls were
// timed before: CPU 2.03x the plain run's (baseline 2.06x), the work alone 2.11x (2.16x), in-app
// 1.95x (1.93x): within the spread at that load (see the last paragraph: the same recorder measured
// 1.88x and 1.76x). 9 more interleaved runs at load 12.8-14.8: CPU 1.84x (1.86x), the work alone
// 1.65x (1.74x), in-app 2.09x (2.05x), wall 1.79x (1.89x, per-pair medians); 20.8k of the 1.96M
// calls of the counted methods timed. Call counts identical per context in both.
//
//   npm run bench:record   (or: node test/bench/record.mjs [--runs N] [--only virus-scan|hot|calls] [--baseline DIR])

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { haveGnuTime, median, timed } from './callgraph/measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs') ?? 7);
const only = arg('--only');
const baseline = arg('--baseline');
const HOT_CALLS = 10_000_000;
const GNU_TIME = haveGnuTime();

const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-record-'));
try {
  const recorders = [{ name: 'traced', dir: root }, ...(baseline ? [{ name: 'baseline', dir: baseline }] : [])];
  for (const r of recorders) {
    r.cache = join(tmp, `cache-${r.name}`);
    r.run = await import(pathToFileURL(join(r.dir, 'dist', 'profiles', 'record', 'run.js')).href);
    // As `clonecloud record` does before it starts the program: the recorder's per-call cost, settled once per machine.
    process.env.CLONECLOUD_RECORD_CACHE = r.cache;
    r.run.settleCalibration();
    r.cost = r.run.costEnv?.(); // the settled cost as record hands it on (builds before it: each process reads the cache)
  }
  delete process.env.CLONECLOUD_RECORD_CACHE;
  const cpu = cpus()[0]?.model ?? 'unknown';
  console.log(`machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}; ${runs} runs of each, interleaved`);
  const known = { 'virus-scan': virusScan, hot, calls };
  if (only && !known[only]) throw new Error(`--only: one of ${Object.keys(known).join(', ')}`);
  const cases = Object.entries(known).filter(([name]) => !only || name === only).map(([, make]) => make());
  for (const c of cases) bench(c, recorders);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function compile(app, name) {
  const out = join(tmp, name);
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--sourceMap', '--outDir', out], { stdio: 'inherit' });
  return out;
}

function virusScan() {
  const app = join(root, 'examples', 'virus-scan');
  const build = compile(app, 'virus-scan');
  const corpus = join(tmp, 'corpus');
  execFileSync(process.execPath, [join(app, 'tools', 'make-corpus.mjs'), '--out', corpus], { stdio: 'ignore' });
  const files = readdirSync(corpus, { recursive: true }).map((f) => join(corpus, String(f))).filter((f) => statSync(f).isFile());
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return {
    name: 'virus-scan',
    app,
    args: [join(build, 'cli.js'), corpus, '--db', join(app, 'signatures'), '--quiet'],
    input: `${files.length} files, ${bytes} bytes (make-corpus defaults), deep scan`,
  };
}

function hot() {
  const app = join(root, 'test', 'fixtures', 'record-hot');
  const build = compile(app, 'record-hot');
  const main = join(build, 'main.js');
  return { name: 'hot', app, args: [main, String(HOT_CALLS), '0'], idleArgs: [main, '0', '0'], input: `${HOT_CALLS} calls of mix from build, no other work`, inApp: true };
}

function calls() {
  const app = join(root, 'test', 'fixtures', 'record-calls');
  const build = compile(app, 'record-calls');
  const main = join(build, 'main.js');
  return { name: 'calls', app, args: [main, '200'], idleArgs: [main, '0'], input: '200 rounds of generate, tokenize, parse, evaluate 2000 terms', inApp: true };
}

function bench(c, recorders) {
  const env = { ...process.env };
  const traces = join(tmp, `traces-${c.name}`);
  mkdirSync(traces);
  const tracedEnv = (r) => ({ ...env, ...(r.cost ?? {}), NODE_OPTIONS: r.run.nodeOptionsWithTracer(process.env.NODE_OPTIONS), CLONECLOUD_RECORD_CACHE: r.cache, CLONECLOUD_RECORD_DIR: traces, CLONECLOUD_RECORD_APP: c.app });
  const plain = (args = c.args) => time(process.execPath, args, env);
  const traced = (r, args = c.args) => time(process.execPath, args, tracedEnv(r));

  const loadAtStart = loadavg();
  const cold = recorders.map((r) => traced(r).ms);
  const p = [];
  const t = recorders.map(() => []);
  // With idleArgs (the same program doing no work), start-up and exit alone are run too, in the
  // same interleaving: the tracer's start-up (its loader thread, its modules, the trace written
  // at exit) is a fixed cost, apart from the cost per call that the call-heavy work shows.
  const idle = { p: [], t: recorders.map(() => []) };
  for (let i = 0; i < runs; i++) {
    p.push(plain());
    recorders.forEach((r, k) => t[k].push(traced(r)));
    if (!c.idleArgs || !GNU_TIME) continue;
    idle.p.push(plain(c.idleArgs));
    recorders.forEach((r, k) => idle.t[k].push(traced(r, c.idleArgs)));
  }
  // One recording through each build's own CLI: the profiles' call counts must agree per context.
  const recordWith = (r) => {
    const out = join(tmp, `${c.name}-${r.name}.profile.yaml`);
    const run = time(process.execPath, [join(r.dir, 'bin', 'clonecloud.js'), 'record', '--side', 'clone', '--app', c.app, '--out', out, '--', process.execPath, ...c.args], { ...env, CLONECLOUD_RECORD_CACHE: r.cache });
    return { run, profile: readFileSync(out, 'utf8') };
  };
  const recorded = recorders.map(recordWith);
  const cli = recorded[0].run;
  const startup = time(process.execPath, [join(root, 'bin', 'clonecloud.js'), '--version'], env);
  const profile = recorded[0].profile;
  const contexts = (profile.match(/^ {2}- \{ id:/gm) ?? []).length;
  const calls = [...profile.matchAll(/calls: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const counted = /COUNTED, NOT TIMED[^]*?Here: ([^\n]*)/.exec(profile)?.[1] ?? 'n/a';
  const countOnly = /COUNT-ONLY LEAVES[^]*?Here: ([^\n]*)/.exec(profile)?.[1] ?? 'n/a (a recorder before count-only leaves)';
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  const ms = (runs) => runs.map((r) => r.ms);
  console.log(`\n== ${c.name}: ${c.input}`);
  console.log(`load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the machine may be shared: compare ratios, not times)`);
  console.log(`profile: ${contexts} contexts, ${calls} calls; counted, not timed: ${counted}; count-only leaves: ${countOnly}`);
  console.log(`plain    runs (ms): ${ms(p).map(f).join(', ')}  median ${f(median(ms(p)))}`);
  recorders.forEach((r, k) => {
    const ratios = p.map((x, j) => t[k][j].ms / x.ms);
    console.log(`${r.name.padEnd(8)} runs (ms): ${ms(t[k]).map(f).join(', ')}  median ${f(median(ms(t[k])))}  cold ${f(cold[k])}`);
    console.log(`${r.name.padEnd(8)} ratio (median traced / median plain): ${(median(ms(t[k])) / median(ms(p))).toFixed(2)}x; per pair: ${ratios.map((x) => x.toFixed(2)).join(', ')}  median ${median(ratios).toFixed(2)}x`);
    if (GNU_TIME) {
      const cpu = (runs) => median(runs.map((x) => x.cpu));
      console.log(`${r.name.padEnd(8)} CPU time (user + system, ms): median ${f(cpu(t[k]))} against ${f(cpu(p))} plain: ${(cpu(t[k]) / cpu(p)).toFixed(2)}x`);
      if (idle.p.length > 0) {
        const [ti, pi] = [cpu(idle.t[k]), cpu(idle.p)];
        const work = (cpu(t[k]) - ti) / (cpu(p) - pi);
        console.log(`${r.name.padEnd(8)} of which start-up and exit (${c.idleArgs.slice(1).join(' ')}: no work): ${f(ti)} against ${f(pi)} plain; the work alone (CPU less the medians of start-up): ${work.toFixed(2)}x`);
      }
    }
    if (c.inApp) {
      const inApp = (runs) => runs.map((x) => x.root);
      console.log(`${r.name.padEnd(8)} in-app traced call tree (ms): median ${f(median(inApp(t[k])))} against ${f(median(inApp(p)))} plain: ${(median(inApp(t[k])) / median(inApp(p))).toFixed(2)}x`);
    }
  });
  console.log(`one run through 'clonecloud record': ${f(cli.ms)} ms, of which the CLI's own start-up is about ${f(startup.ms)} ms ('clonecloud --version')`);
  if (recorded.length > 1) console.log(sameCalls(contextCalls(recorded[0].profile), contextCalls(recorded[1].profile)));
}

/** Calls per calling context of a YAML profile, keyed by the context's path of method ids from its root. */
function contextCalls(profile) {
  const paths = new Map();
  const calls = new Map();
  for (const m of profile.matchAll(/^ {2}- \{ id: (\d+), (?:parent: (\d+), )?method: ("(?:[^"\\]|\\.)*"), calls: (\d+)/gm)) {
    const path = `${m[2] === undefined ? '' : paths.get(m[2])} > ${JSON.parse(m[3])}`;
    paths.set(m[1], path);
    calls.set(path, (calls.get(path) ?? 0) + Number(m[4]));
  }
  return calls;
}

/** Whether two profiles counted the same calls in the same contexts, and the first differences if not. */
function sameCalls(mine, theirs) {
  const keys = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  const differ = keys.filter((k) => mine.get(k) !== theirs.get(k));
  if (differ.length === 0) return `call counts identical per context against the baseline's recording (${keys.length} contexts)`;
  return `call counts DIFFER from the baseline's in ${differ.length} of ${keys.length} contexts, e.g.\n${differ.slice(0, 5).map((k) => `  ${k}: ${mine.get(k) ?? 'none'} here, ${theirs.get(k) ?? 'none'} there`).join('\n')}`;
}

function time(cmd, args, env) {
  const t0 = performance.now();
  // GNU time, when there is one, adds the process's CPU time (user + system), which a loaded machine disturbs less.
  const r = GNU_TIME ? timed(cmd, args, { env }) : plainRun(cmd, args, env);
  const ms = performance.now() - t0;
  // The scan exits 1 when it finds malware (it does: the corpus plants some); record says so and exits 1 too.
  if (r.code !== 0 && r.code !== 1) throw new Error(`${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return { ms, cpu: r.cpuMs, root: Number(/^root ([\d.]+)$/m.exec(r.stdout)?.[1] ?? NaN) };
}

/** What `timed` says of a run, without GNU time: no CPU time. */
function plainRun(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { code: r.status, cpuMs: NaN, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}


function f(x) {
  return x.toFixed(0);
}
