/**
 * How much of the analysis' time is the type check `tsc --noEmit` pays too, and how much is its
 * own: the analysis is run alone, and after the checker has checked every source file of the
 * program (what tsc does) in the same process, each run in a process of its own, interleaved:
 *
 *   node test/bench/scale/checker-share.mjs <appDir> [tsconfig] [--rounds N]
 *
 * Per run, CPU (user + system, all threads) of each step: the program (parse), the checker
 * (bind), the check (getSemanticDiagnostics of each file that is not a declaration file) and the
 * analysis after them. Medians over the rounds, then:
 *   asked   = analysis alone - analysis after a check: the checker work tsc's check does too,
 *             which the analysis pays as the first to ask (symbols of callees, types of receivers)
 *   own     = analysis after a check: what a check leaves to do (value walks, legality, garbage
 *             collection, the checker answers a check never computes or does not keep)
 *   unasked = check - asked: what tsc checks that the analysis never asks
 * The analysis builds the program itself (analysis/project.ts); the steps are timed by handing it
 * the compiler with `createProgram` wrapped (the module typescript.cjs exports it as `ts`).
 *
 * Figures (2026-12-06, main 77ef1e7, 2 shared cores at load 9-16, CPU s, medians of 3 rounds
 * unless said; single runs scatter by 10-20% at that load):
 * - zod with its tests: program 3.3, bind 1.3, check 33.6, analysis alone 59.0, after a check
 *   38.6: asked 20.4, unasked 13.2, own 38.6 (the analysis in all 1.66x a tsc-like parse, bind
 *   and check). The callee symbols Callers.of asks first (getSymbolAtLocation, 15.7 s of stop
 *   39's profile) are checking tsc does anyway: after a check (--cpu-prof), getSymbolAtLocation
 *   is 0.7 s and getTypeAtLocation 2.7 s (an identifier's flow type, which the checker does not
 *   keep, worked out again), isTypeAssignableTo about 1.5 s; the rest of `own` is the analysis'
 *   code (device values about half of it) and the collector.
 * - vue's reactivity: program 2.7, bind 1.0, check 9.7, alone 26.5, after a check 16.7: asked
 *   9.8, unasked about 0 (the analysis asks about all a check computes), own 16.7 (2.25x).
 * - generated 10k app (scale/generate.mjs, seed 1; 2 rounds): program 2.5, bind 0.9, check 2.5,
 *   alone 5.8, after a check 5.0: asked 0.9, unasked 1.6, own 5.0 (1.56x).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MODES = ['alone', 'after-check', 'check'];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** One run in this process: prints the CPU of each step as one JSON line. */
async function run(appDir, tsconfig, mode) {
  const { installCompileCache } = await import(join(ROOT, 'dist', 'cli', 'compileCache.js'));
  const compileCache = installCompileCache();
  const common = createRequire(join(ROOT, 'dist', 'index.js'))('./typescript.cjs');
  const real = common.ts;
  const steps = {};
  let start = 0;
  // Before any module of the analysis imports `ts`: they get this one, with createProgram timed.
  common.ts = Object.create(real, {
    createProgram: {
      value: (...args) => {
        const program = real.createProgram(...args);
        // The config's probe (project.ts probeConfig) is a program without files: not the app's.
        if (!args[0]?.rootNames?.length) return program;
        steps.program = cpu() - start;
        let t = cpu();
        program.getTypeChecker(); // the one the analysis gets too
        steps.bind = cpu() - t;
        if (mode === 'alone') return program;
        t = cpu();
        for (const sf of program.getSourceFiles()) if (!sf.isDeclarationFile) program.getSemanticDiagnostics(sf);
        steps.check = cpu() - t;
        if (mode === 'check') throw new CheckedOnly();
        return program;
      },
    },
  });
  const { analyzeApp, parseCatalog } = await import(join(ROOT, 'dist', 'analysis', 'index.js'));
  const platforms = join(ROOT, 'profiles', 'platforms');
  const catalogs = readdirSync(platforms)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseCatalog(readFileSync(join(platforms, f), 'utf8'), `profiles/platforms/${f}`));
  start = cpu();
  try {
    analyzeApp({ appDir, tsconfig, catalogs });
    steps.analysis = cpu() - start - steps.program - steps.bind - (steps.check ?? 0);
  } catch (e) {
    if (!(e instanceof CheckedOnly)) throw e;
  }
  process.stdout.write(`${JSON.stringify({ mode, ...steps })}\n`);
  compileCache.save();
}

class CheckedOnly extends Error {}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const args = process.argv.slice(2);
  const child = args.indexOf('--child');
  if (child >= 0) return run(args[child + 1], args[child + 2], args[child + 3]);
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args.splice(r, 2)[1]) : 1;
  const [appDir, tsconfig = 'tsconfig.json'] = args;
  if (!appDir) throw new Error('usage: checker-share.mjs <appDir> [tsconfig] [--rounds N]');
  const runs = Object.fromEntries(MODES.map((m) => [m, []]));
  for (let i = 0; i < rounds; i++) {
    for (const mode of i % 2 ? [...MODES].reverse() : MODES) {
      const out = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', appDir, tsconfig, mode], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim());
      console.log(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]))));
      runs[mode].push(out);
    }
  }
  const m = (mode, step) => median(runs[mode].map((x) => x[step]));
  const check = m('check', 'check');
  const alone = m('alone', 'analysis');
  const after = m('after-check', 'analysis');
  const f = (x) => x.toFixed(1);
  console.log(`medians over ${rounds} round(s), CPU s: program ${f(m('alone', 'program'))}, bind ${f(m('alone', 'bind'))}, check ${f(check)}, analysis alone ${f(alone)}, after a check ${f(after)}`);
  console.log(`asked ${f(alone - after)} (what tsc's check does too), unasked ${f(check - (alone - after))}, own ${f(after)}`);
}

await main();
