#!/usr/bin/env node
/**
 * Call-graph soundness benchmark (issue "Static analyzer", section "Soundness, measured").
 *
 * For each program: run it under `clonecloud record` (the tracer), take the caller -> callee
 * pairs between the app's own methods that really happened (parent -> child in the recorded
 * calling-context tree, plus the recursive calls the recorder folds onto an ancestor), run the
 * static analyzer on the app's tsconfig, and report recall (dynamic edges found statically),
 * the static/dynamic size ratio and the missed edges with a guess of why. Then the analysis'
 * wall time, CPU time (user + system: it varies less on a shared machine) and peak memory as
 * ratios to `tsc --noEmit -p <tsconfig>` with TypeScript 6 (the repository's) and with the native
 * TypeScript 7 compiler, each a separate child process under `/usr/bin/time -v`, interleaved,
 * median of --runs (default 3). The analysis loads ts-morph with the compile cache as the CLI does,
 * warm (one untimed run first); CLONECLOUD_NO_COMPILE_CACHE=1 times it cold, CLONECLOUD_CACHE_DIR
 * keeps the cache files out of node_modules.
 *
 * Usage (from the repository root):
 *   npm run build
 *   node test/bench/callgraph.mjs [--projects a,b] [--skip-ts7] [--runs N] [--json out.json] [checkout...]
 *   CC_BENCH_PROJECTS=/tmp/node-jsonc-parser:/tmp/uuid:/tmp/marked CC_BENCH_LARGE=/tmp/hono \
 *     CC_BENCH_LARGE_TSCONFIG=tsconfig.bench.json node test/bench/callgraph.mjs
 *
 * Programs:
 * - the examples virus-scan, image-search, behavior-profile: built here (repository TypeScript,
 *   `--sourceMap --outDir examples/<app>/.build/bench`, git-ignored) on small generated inputs
 *   in a temp directory;
 * - external checkouts (positional arguments or CC_BENCH_PROJECTS, ':'-separated), recognised by
 *   their package.json name; their test suites are traced as plain Node on compiled output with
 *   source maps. They are never copied into this repository. Prepare them like this (outside the
 *   repository; the commits are the ones measured, any recent one should do):
 *     microsoft/node-jsonc-parser @ 5f6bd18a519ef031ee101ade48ea6e52c368955a
 *       (get a snapshot of the repository into /tmp/node-jsonc-parser, e.g. git archive | tar -x)
 *       cd /tmp/node-jsonc-parser && npm install --ignore-scripts && npx tsc -p ./src
 *       traced: node --test lib/esm/test/*.test.js          app: src/tsconfig.json
 *     uuidjs/uuid @ 70177807e9229dfacde2038dc1e722f1828f358a
 *       cd /tmp/uuid && npm install --ignore-scripts && npx tsc -p tsconfig.json --sourceMap
 *       traced: node --test dist/test/*.test.js               app: tsconfig.json
 *     markedjs/marked @ 681373ccc058b5dc93c1f63291d755d7d714c2fa (optional)
 *       its devDependencies include a GitHub tarball, so `npm install` needs github.com; without
 *       it, install esbuild elsewhere (npm install --prefix /tmp/cc-esbuild esbuild) and build the
 *       ESM bundle as its esbuild.config.js does (bundled, source map) but NOT minified: the
 *       recorder breaks minified code (`return-1` becomes `return__cc$.o(...)`, a ReferenceError),
 *       so with --minify nothing of marked is recorded:
 *       cd /tmp/marked && /tmp/cc-esbuild/node_modules/.bin/esbuild src/marked.ts --bundle \
 *         --sourcemap --format=esm --outfile=lib/marked.esm.js
 *       traced: node --test test/unit/*.test.js (those needing @markedjs/testutils only if installed)
 * - CC_BENCH_LARGE=<dir> (and CC_BENCH_LARGE_TSCONFIG, default tsconfig.json): a large project
 *   measured for time and memory only (target: a 50k-line app in <= 5 s and <= 450 MB, <= 1.0x
 *   TypeScript 6). Measured with honojs/hono @ 28a9c128912de19f3fb28b00ae289c9b93f6f392 and a
 *   tsconfig.bench.json written next to its tsconfig.build.json:
 *     { "extends": "./tsconfig.build.json", "include": ["src/**\/*.ts", "src/**\/*.tsx"], "exclude": [] }
 *   after `npm install --ignore-scripts` in it.
 *
 * TypeScript 7 (native): --ts7 <prefix> or CC_BENCH_TS7 (default <tmpdir>/cc-ts7); when its
 * compiler is not there, the bench runs `npm install --prefix <prefix> typescript@7` (outside the
 * repository), and skips the TS 7 columns with a note when that fails. --skip-ts7 skips them.
 * The npm package `typescript@7` ships `bin/tsc`, a Node wrapper that executes the platform
 * binary from `@typescript/typescript-<platform>-<arch>/lib/tsc`; the bench times that binary
 * directly, so no Node process is counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { classifier } from './callgraph/classify.mjs';
import { haveGnuTime, median, timed } from './callgraph/measure.mjs';
import { examples, external } from './callgraph/projects.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const node = process.execPath;
const TSC6 = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const MAX_MISSED = 20;

const args = parseArgs(process.argv.slice(2));
if (!existsSync(join(repo, 'dist', 'analysis', 'index.js'))) fail('dist/ is missing: run `npm run build` first');
if (!haveGnuTime()) fail('/usr/bin/time (GNU time) is needed for the time and memory columns');

const tmp = mkdtempSync(join(tmpdir(), 'cc-bench-callgraph-'));
const { parseProfile } = await import(join(repo, 'dist', 'profiles', 'parse.js'));

console.log('# call-graph soundness benchmark');
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`analysis: ${compileCacheNote()}`);
const ts6Version = spawnSync(node, [TSC6, '--version'], { encoding: 'utf8' }).stdout.trim();
const ts7 = args.skipTs7 ? { note: 'skipped (--skip-ts7)' } : findTs7(args.ts7);
console.log(`TypeScript 6: ${ts6Version} (${relative(repo, TSC6)}, run with node); TypeScript 7: ${ts7.bin ? `${ts7.version} (${ts7.bin})` : ts7.note}`);
console.log(`runs per measurement: ${args.runs}, interleaved (analysis, tsc 6, tsc 7), medians\n`);

let projects = [...examples(repo, tmp)];
for (const dir of args.checkouts) {
  try {
    projects.push(external(resolve(dir)));
  } catch (error) {
    console.log(`skipped ${dir}: ${error.message}`);
  }
}
if (args.large) projects.push({ name: `large:${args.large.split('/').filter(Boolean).at(-1)}`, appDir: resolve(args.large), tsconfig: args.largeTsconfig, prepare: [], timeOnly: true });
if (args.projects) {
  const unknown = args.projects.filter((p) => !projects.some((q) => q.name === p || (p === 'large' && q.timeOnly)));
  if (unknown.length) console.log(`note: no project named ${unknown.join(', ')} (have: ${projects.map((p) => p.name).join(', ')})`);
  projects = projects.filter((p) => args.projects.includes(p.name) || (args.projects.includes('large') && p.timeOnly));
}

const results = [];
try {
  for (const project of projects) {
    try {
      results.push(await benchProject(project));
    } catch (error) {
      console.log(`!! ${project.name}: ${error.message}\n`);
      results.push({ name: project.name, error: error.message });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
summary(results);
if (args.json) writeFileSync(args.json, JSON.stringify({ machine: machine(), ts6: ts6Version, ts7: ts7.version ?? ts7.note, results }, null, 2) + '\n');

async function benchProject(p) {
  console.log(`## ${p.name}${p.timeOnly ? ' (time and memory only)' : ''}`);
  const work = join(tmp, p.name.replace(/[^\w.-]/g, '_'));
  mkdirSync(work, { recursive: true });
  for (const step of p.prepare) {
    const r = spawnSync(step[0], step.slice(1), { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`prepare step failed: ${step.map((s) => relative(repo, s) || s).join(' ')}\n${(r.stdout + r.stderr).slice(0, 2000)}`);
  }
  const tsconfigPath = join(p.appDir, p.tsconfig);
  const out = { name: p.name, appDir: p.appDir, tsconfig: p.tsconfig };

  // The analysis, once untimed for its result (and a warm file cache for the timed runs).
  const analysisFile = join(work, 'analysis.json');
  const first = spawnSync(node, [join(here, 'callgraph', 'analyze-child.mjs'), p.appDir, p.tsconfig, analysisFile], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (first.status !== 0) throw new Error(`analysis failed:\n${first.stderr.slice(0, 3000)}`);
  const analysis = JSON.parse(readFileSync(analysisFile, 'utf8'));
  const size = inputSize(p.appDir, analysis.sources);
  out.size = size;
  out.staticMethods = analysis.methods.length;
  out.unresolved = analysis.unresolved.length;
  out.diagnostics = analysis.diagnostics.length;
  console.log(`input: ${size.files} files, ${size.tsFiles} TypeScript (${size.tsLines.toLocaleString('en')} lines of TS, ${size.lines.toLocaleString('en')} lines in all); ${analysis.methods.length} methods, ${analysis.unresolved.length} unresolved call sites, ${analysis.diagnostics.length} diagnostics`);

  if (!p.timeOnly) Object.assign(out, await soundness(p, work, analysis));
  out.timing = timing(p, tsconfigPath);
  console.log('');
  return out;
}

/** Trace the program, compare its edges with the analyzer's. */
async function soundness(p, work, analysis) {
  const edgesDir = join(work, 'edges');
  mkdirSync(edgesDir, { recursive: true });
  const profileFile = join(work, 'run.profile.yaml');
  const log = join(work, 'run.log');
  const hook = pathToFileURL(join(here, 'callgraph', 'edges-hook.mjs')).href;
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : ''}--import "${hook}"`, CC_BENCH_EDGES_DIR: edgesDir };
  const started = Date.now();
  const rec = spawnSync(node, [join(repo, 'bin', 'clonecloud.js'), 'record', '--side', 'clone', '--app', p.appDir, '--out', profileFile, '--', ...p.command], {
    cwd: p.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(log, `${rec.stdout}\n${rec.stderr}`);
  if (!existsSync(profileFile)) throw new Error(`record wrote no profile (exit ${rec.status}):\n${rec.stderr.slice(-3000)}`);
  const shown = p.command.map((a) => (a === node ? 'node' : a.startsWith(repo) ? relative(repo, a) : a.startsWith(p.cwd ?? '\0') ? relative(p.cwd, a) : a));
  console.log(`traced: ${shown.slice(0, 6).join(' ')}${shown.length > 6 ? ` ... (${shown.length - 6} more)` : ''}  [${seconds.toFixed(1)} s, exit ${rec.status}${rec.status ? `: ${lastLines(rec.stdout + rec.stderr, 3)}` : ''}]`);

  // Dynamic edges: the profile's tree, plus the folded recursive calls the hook saw.
  const profile = parseProfile(readFileSync(profileFile, 'utf8'), profileFile);
  const byId = new Map(profile.contexts.map((c) => [c.id, c]));
  const tree = new Set();
  for (const c of profile.contexts) if (c.parent !== undefined) tree.add(`${byId.get(c.parent).method}\0${c.method}`);
  const all = new Set(tree);
  let hookFiles = 0;
  for (const f of readdirSync(edgesDir)) {
    hookFiles++;
    for (const pair of JSON.parse(readFileSync(join(edgesDir, f), 'utf8')).all) all.add(pair);
  }
  const appFiles = new Set(analysis.sources.map((s) => s.file));
  const inApp = (id) => appFiles.has(id.slice(0, id.indexOf('#')));
  const dynamic = [...all].filter((pair) => pair.split('\0').every(inApp)).sort();
  const outside = all.size - dynamic.length;
  const statics = new Set(analysis.edges.map((e) => `${e.from}\0${e.to}`));
  const missed = dynamic.filter((pair) => !statics.has(pair));
  const treeApp = [...tree].filter((pair) => pair.split('\0').every(inApp));
  const treeMissed = treeApp.filter((pair) => !statics.has(pair));
  const recall = dynamic.length ? (dynamic.length - missed.length) / dynamic.length : NaN;
  const methodsCalled = new Set(profile.contexts.map((c) => c.method).filter(inApp));
  const fmtPct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : 'n/a');
  console.log(
    `dynamic edges between app methods: ${dynamic.length} (${treeApp.length} parent->child in the profile, ${dynamic.length - treeApp.length} more folded recursive calls; ${outside} pairs with non-app code ignored; ${hookFiles} processes; ${methodsCalled.size} app methods ran)`,
  );
  console.log(`static edges: ${statics.size} (caller, callee) pairs from ${analysis.edges.length} call-site edges; static/dynamic = ${(statics.size / dynamic.length).toFixed(1)}x`);
  console.log(`recall: ${fmtPct(recall)} (${dynamic.length - missed.length}/${dynamic.length})${treeMissed.length !== missed.length ? `; tree edges only: ${fmtPct(1 - treeMissed.length / treeApp.length)}` : ''}  ${recall >= 0.99 ? 'ok (target >= 99%)' : 'BELOW the 99% target'}`);
  const classify = await classifier(repo, p.appDir, analysis);
  const misses = missed.map((pair) => {
    const [from, to] = pair.split('\0');
    return { from, to, ...classify(from, to) };
  });
  if (misses.length) {
    const kinds = new Map();
    for (const m of misses) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    console.log(`missed: ${misses.length} (${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(', ')})`);
    for (const m of misses.slice(0, MAX_MISSED)) console.log(`  ${m.from} -> ${m.to}\n      [${m.kind}]${m.site ? ` ${m.site}` : ''} ${m.detail}`);
    if (misses.length > MAX_MISSED) console.log(`  ... ${misses.length - MAX_MISSED} more (--json for all)`);
  }
  return {
    traced: { seconds, exit: rec.status, processes: hookFiles },
    dynamicEdges: dynamic.length,
    treeEdges: treeApp.length,
    ignoredNonApp: outside,
    staticEdges: statics.size,
    staticSiteEdges: analysis.edges.length,
    recall,
    ratio: statics.size / dynamic.length,
    missed: misses,
  };
}

/** Analysis vs tsc 6 vs tsc 7, each in its own process, interleaved; medians. */
function timing(p, tsconfigPath) {
  const child = join(here, 'callgraph', 'analyze-child.mjs');
  const runs = { analysis: [], ts6: [], ts7: [] };
  let inner = [];
  // Untimed, so that every timed run finds the compile cache (as every run of the CLI but the first).
  const warm = timed(node, [child, p.appDir, p.tsconfig, '-']);
  if (warm.code !== 0) throw new Error(`analysis failed: ${warm.stderr.slice(0, 2000)}`);
  for (let r = 0; r < args.runs; r++) {
    const a = timed(node, [child, p.appDir, p.tsconfig, '-']);
    if (a.code !== 0) throw new Error(`timed analysis failed: ${a.stderr.slice(0, 2000)}`);
    inner.push(JSON.parse(a.stdout.trim().split('\n').at(-1)).analyzeMs);
    runs.analysis.push(a);
    // No build info: a `composite`/`incremental` project would otherwise skip the check on reruns.
    const fresh = ['--noEmit', '--incremental', 'false', '--composite', 'false', '-p', tsconfigPath];
    runs.ts6.push(timed(node, [TSC6, ...fresh], { cwd: p.appDir }));
    if (ts7.bin) runs.ts7.push(timed(ts7.bin, fresh, { cwd: p.appDir }));
  }
  const med = (list, key) => median(list.map((x) => x[key]));
  const t = {
    analysisMs: med(runs.analysis, 'ms'),
    analysisCpuMs: med(runs.analysis, 'cpuMs'),
    analysisInnerMs: median(inner),
    analysisMB: med(runs.analysis, 'rssMB'),
    ts6Ms: med(runs.ts6, 'ms'),
    ts6CpuMs: med(runs.ts6, 'cpuMs'),
    ts6MB: med(runs.ts6, 'rssMB'),
    ts6Exit: runs.ts6[0]?.code,
    ts7Ms: runs.ts7.length ? med(runs.ts7, 'ms') : NaN,
    ts7CpuMs: runs.ts7.length ? med(runs.ts7, 'cpuMs') : NaN,
    ts7MB: runs.ts7.length ? med(runs.ts7, 'rssMB') : NaN,
    ts7Exit: runs.ts7[0]?.code,
  };
  const errs = (r) => (r && r.code !== 0 ? ` (exit ${r.code}: ${countErrors(r.stdout + r.stderr)})` : '');
  const x = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`analysis: ${s(t.analysisMs)} wall, ${s(t.analysisCpuMs)} CPU (${s(t.analysisInnerMs)} in analyzeApp), ${t.analysisMB.toFixed(0)} MB peak RSS`);
  console.log(`tsc 6 --noEmit: ${s(t.ts6Ms)} wall, ${s(t.ts6CpuMs)} CPU, ${t.ts6MB.toFixed(0)} MB${errs(runs.ts6[0])}  -> analysis/tsc6: time ${x(t.analysisMs, t.ts6Ms)} (CPU ${x(t.analysisCpuMs, t.ts6CpuMs)}), memory ${x(t.analysisMB, t.ts6MB)}`);
  if (ts7.bin) console.log(`tsc 7 --noEmit: ${s(t.ts7Ms)} wall, ${s(t.ts7CpuMs)} CPU, ${t.ts7MB.toFixed(0)} MB${errs(runs.ts7[0])}  -> analysis/tsc7: time ${x(t.analysisMs, t.ts7Ms)} (CPU ${x(t.analysisCpuMs, t.ts7CpuMs)}), memory ${x(t.analysisMB, t.ts7MB)}`);
  else console.log(`tsc 7: ${ts7.note}`);
  return t;
}

function summary(results) {
  const ok = results.filter((r) => !r.error);
  if (!ok.length) return;
  const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-');
  const x = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
  const rows = [['project', 'TS lines', 'dynamic', 'static', 'recall', 'stat/dyn', 'missed', 'analysis s', 'MB', 't/tsc6', 'cpu/tsc6', 'm/tsc6', 't/tsc7', 'm/tsc7']];
  for (const r of ok) {
    const t = r.timing ?? {};
    rows.push([
      r.name,
      String(r.size?.tsLines ?? '-'),
      r.dynamicEdges === undefined ? '-' : String(r.dynamicEdges),
      r.staticEdges === undefined ? '-' : String(r.staticEdges),
      r.recall === undefined ? '-' : pct(r.recall),
      r.ratio === undefined ? '-' : `${r.ratio.toFixed(1)}x`,
      r.missed === undefined ? '-' : String(r.missed.length),
      (t.analysisMs / 1000).toFixed(2),
      t.analysisMB.toFixed(0),
      x(t.analysisMs, t.ts6Ms),
      x(t.analysisCpuMs, t.ts6CpuMs),
      x(t.analysisMB, t.ts6MB),
      x(t.analysisMs, t.ts7Ms),
      x(t.analysisMB, t.ts7MB),
    ]);
  }
  const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => row[k].length)));
  console.log('## summary');
  for (const row of rows) console.log(row.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  '));
  for (const r of results.filter((q) => q.error)) console.log(`${r.name}: failed (${r.error.split('\n')[0]})`);
}

function inputSize(appDir, sources) {
  let lines = 0;
  let tsLines = 0;
  let tsFiles = 0;
  for (const { file } of sources) {
    let text = '';
    try {
      text = readFileSync(join(appDir, file), 'utf8');
    } catch {
      continue;
    }
    const n = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    lines += n;
    if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) {
      tsLines += n;
      tsFiles++;
    }
  }
  return { files: sources.length, tsFiles, lines, tsLines };
}

/** The native TypeScript 7 compiler: installed under `prefix` (outside the repository) when missing. */
function findTs7(prefix) {
  const bin = join(prefix, 'node_modules', '@typescript', `typescript-${process.platform}-${process.arch}`, 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
  if (!existsSync(bin)) {
    if (resolve(prefix).startsWith(repo)) return { note: `not installed: ${prefix} is inside the repository` };
    console.log(`installing typescript@7 into ${prefix} ...`);
    const r = spawnSync('npm', ['install', '--prefix', prefix, 'typescript@7', '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(bin)) return { note: `unavailable (npm install --prefix ${prefix} typescript@7: ${lastLines(r.stdout + r.stderr, 2) || 'no platform binary'}); TS 7 columns skipped` };
  }
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) return { note: `unavailable (${bin} --version failed); TS 7 columns skipped` };
  return { bin, version: v.stdout.trim() };
}

function compileCacheNote() {
  const off = process.env.CLONECLOUD_NO_COMPILE_CACHE;
  if (off && off !== '0') return 'compile cache off (CLONECLOUD_NO_COMPILE_CACHE): every timed run compiles ts-morph';
  return 'warm compile cache (one untimed analysis before the timed ones; CLONECLOUD_NO_COMPILE_CACHE=1 measures cold)';
}

function machine() {
  return { cpu: cpus()[0]?.model, cores: cpus().length, memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${process.platform}/${process.arch}`, loadavg: loadavg(), compileCache: compileCacheNote() };
}

function countErrors(text) {
  const n = (text.match(/error TS\d+/g) ?? []).length;
  const first = /error (TS\d+: [^\n]{0,100})/.exec(text)?.[1];
  return n ? `${n} error(s), first ${first}` : lastLines(text, 1);
}

function lastLines(text, n) {
  return text.trim().split('\n').slice(-n).join(' | ').slice(0, 300);
}

function parseArgs(argv) {
  const a = {
    projects: undefined,
    skipTs7: false,
    runs: 3,
    json: undefined,
    ts7: process.env.CC_BENCH_TS7 || join(tmpdir(), 'cc-ts7'),
    checkouts: (process.env.CC_BENCH_PROJECTS ?? '').split(':').filter(Boolean),
    large: process.env.CC_BENCH_LARGE || undefined,
    largeTsconfig: process.env.CC_BENCH_LARGE_TSCONFIG || 'tsconfig.json',
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const value = () => argv[++k] ?? fail(`${arg} needs a value`);
    if (arg === '--projects') a.projects = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--skip-ts7') a.skipTs7 = true;
    else if (arg === '--runs') a.runs = Math.max(1, Number(value()) || 1);
    else if (arg === '--json') a.json = resolve(value());
    else if (arg === '--ts7') a.ts7 = resolve(value());
    else if (arg === '--large') a.large = value();
    else if (arg === '--large-tsconfig') a.largeTsconfig = value();
    else if (arg === '-h' || arg === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else a.checkouts.push(arg);
  }
  return a;
}

function fail(message) {
  console.error(`callgraph bench: ${message}`);
  process.exit(2);
}
