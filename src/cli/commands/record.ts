import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CheckFailed, InputError } from '../../errors.js';
import { parseDevice, type Device } from '../../model/environment.js';
import { headerLines, loadAverage } from '../../profiles/record/header.js';
import { JSON_PROFILE_CONTEXTS, profileFormat, renderProfileAs, type ProfileFormat } from '../../profiles/record/render.js';
import { recorderCacheDir, runTraced } from '../../profiles/record/run.js';
import { privateDirProblem } from '../../util/privateCache.js';
import { scaleSelfTimes, tracesToProfile } from '../../profiles/record/toProfile.js';
import type { ProcessExit, Trace } from '../../profiles/record/trace.js';
import type { Profile, Side } from '../../profiles/types.js';
import { foldProfiles, parseFoldMode, type FoldMode, type FoldOutcome } from '../../profiles/fold.js';
import { BUNDLED, PACKAGE_ROOT, appName, checkOutputPath, displayPath, readText, resolveAppDir, schemaReference, writeOutput } from '../load.js';
import type { Output } from '../output.js';

interface RecordFlags {
  side: string;
  app: string;
  out?: string;
  runsLabel?: string;
  runs: string;
  fold: string;
  deviceModel?: string;
  okExit: string;
  json?: boolean;
}

export function registerRecord(program: Command, output: Output): void {
  program
    .command('record')
    .description('run a Node program with the tracer and write its profile (calls, self time, boundary bytes per calling context)')
    .requiredOption('--side <side>', "'device' or 'clone': where this run executes")
    .option('--app <dir>', 'the app folder method ids are relative to (where its tsconfig.json is)', '.')
    .option('--out <file>', `profile to write, as JSON when it ends in .json (default: <app>/profiles/<side>-<date>.profile.yaml, .json above ${JSON_PROFILE_CONTEXTS} contexts)`)
    .option('--runs <n>', 'run the command n times, each in fresh processes, into one profile (runs: n, totals)', '1')
    .option('--fold <how>', "how the runs' self times are folded: 'sum' (runs add up: the mean per run) or 'median' (per calling context, the median over the runs; calls and bytes are totals either way)", 'sum')
    .option('--device-model <name>', 'with --side device recorded on a faster machine: multiply self times by 1/relativeSpeed of profiles/devices/<name>.yaml')
    .option('--ok-exit <codes>', 'exit codes that are a normal end of the program (a scanner exits 1 when it finds something), comma-separated', '0')
    .option('--json', "print a summary as JSON on stdout (the program's own stdout then goes to stderr)")
    .option('--runs-label <label>', 'a label for this recording in the profile header (a CI job, a device name)')
    .argument('[command...]', 'the command to run, after --')
    .addHelpText('after', '\nExample:\n  $ clonecloud record --side clone --app examples/virus-scan --runs 3 -- node examples/virus-scan/.build/app/cli.js corpus')
    .action(async (command: string[], flags: RecordFlags) => {
      const side = parseSide(flags.side);
      const runs = parseRuns(flags.runs);
      const fold = parseFoldMode(flags.fold);
      const device = flags.deviceModel === undefined ? undefined : deviceModel(side, flags.deviceModel);
      const okExit = parseOkExit(flags.okExit);
      const appDir = resolveAppDir(flags.app);
      if (command.length === 0) throw new InputError('usage: clonecloud record --side device|clone [--app <dir>] [--out <file>] [--runs n] -- <command> [args...]');
      if (flags.out !== undefined) checkOutputPath(flags.out, '--out', true);
      // The cache holds code the traced program will run: only a folder of the user's own is used.
      const cache = recorderCacheDir();
      const cacheProblem = privateDirProblem(cache);
      if (cacheProblem) output.err(`${output.errColor.yellow('warning')}: the recorder's cache ${cache} ${cacheProblem}: not used (every module is instrumented on every run)`);
      const started = new Date();
      const loadAtStart = loadAverage();
      const { traces, exit, done, cacheProblems } = await runAll(command, appDir, runs, okExit, flags.json === true);
      for (const problem of cacheProblems) output.err(`${output.errColor.yellow('warning')}: the recorder's cache: ${problem} (instrumented again instead)`);
      const loadAtEnd = loadAverage();
      const all = traces.flat();
      const { profile: measured, notes } = foldRuns(traces, fold, { side, app: appName(appDir), exit });
      for (const note of notes) output.err(`${output.errColor.yellow('note')}: ${note}`);
      const profile = device ? scaleSelfTimes(measured, 1 / device.relativeSpeed) : measured;
      const target = writeProfile(output, profile, { out: flags.out, appDir, name: started.toISOString().replace(/[:.]/g, '-') }, (target) => headerLines({
        schema: schemaReference(target, 'profile'), started, ended: new Date(), command, ...(flags.runsLabel ? { label: flags.runsLabel } : {}),
        runs: done, traces: all, exit, okExit, loadAtStart, loadAtEnd, selfMs: all.reduce((s, t) => s + t.contexts.reduce((n, c) => n + c.selfMs, 0), 0),
        ...(device ? { device: { name: device.name, file: `profiles/devices/${flags.deviceModel}.yaml`, relativeSpeed: device.relativeSpeed } } : {}),
      }).concat(fold === 'median' && done > 1 ? [FOLDED_BY_MEDIAN] : []));
      const where = displayPath(target);
      const calls = profile.contexts.reduce((n, c) => n + c.calls, 0);
      if (flags.json) {
        output.out(JSON.stringify({ file: where, side, runs: done, contexts: profile.contexts.length, calls, exit, ...(device ? { deviceModel: device.name, selfTimeFactor: 1 / device.relativeSpeed } : {}) }, null, 2));
      }
      if (all.length === 0) output.err(`${output.errColor.yellow('warning')}: no Node process of the app was traced (is the command a Node program?)`);
      if (!isOk(exit, okExit)) {
        const which = runs > 1 ? `run ${done} of ${runs}: ` : '';
        output.err(`${output.errColor.yellow('warning')}: ${which}the program ${exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`}; the profile says so`);
        output.err(`wrote ${where}: ${profile.contexts.length} contexts`);
        throw new CheckFailed('the recorded program failed');
      }
      const factor = device ? `, self times x${Math.round(10000 / device.relativeSpeed) / 10000} (${device.name})` : '';
      output.err(`wrote ${where}: ${profile.contexts.length} contexts, ${calls} calls, ${done} run${done === 1 ? '' : 's'}${factor}`);
    });
}

/** The header's line for a profile folded by median (the lines above it speak of the runs' sums). */
const FOLDED_BY_MEDIAN = 'Folded by median (--fold median): each selfMs is runs x the median over the runs of that context\'s self time in one run (0 in a run without the context); calls and bytes are totals over the runs.';

/** One profile of the runs' traces (one list per run), their self times folded as `fold` says. */
function foldRuns(traces: Trace[][], fold: FoldMode, options: { side: Side; app: string; exit: ProcessExit }): FoldOutcome {
  if (fold === 'sum' || traces.length < 2) return { profile: tracesToProfile(traces.flat(), { ...options, runs: traces.length }), notes: [] };
  // Every run's profile carries options.exit: the folded one keeps it.
  return foldProfiles(traces.map((run) => tracesToProfile(run, { ...options, runs: 1 })), fold);
}

/** Runs the command `runs` times, one after the other; stops at the first failed or interrupted run. Traces per run. */
async function runAll(command: string[], appDir: string, runs: number, okExit: number[], stdoutToStderr: boolean): Promise<{ traces: Trace[][]; exit: ProcessExit; done: number; cacheProblems: string[] }> {
  // Ctrl-C reaches the whole process group; the child writes its trace and dies, we stay to merge.
  let child: { kill(signal: NodeJS.Signals): boolean } | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((s) => [s, () => child?.kill(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  const traces: Trace[][] = [];
  const cacheProblems = new Set<string>();
  let exit: ProcessExit = { code: 0 };
  let done = 0;
  try {
    while (done < runs) {
      const run = await runTraced({ command, appDir, stdoutToStderr, onStart: (c) => (child = c) });
      traces.push(run.traces);
      for (const problem of run.cacheProblems) cacheProblems.add(problem);
      exit = run.exit;
      done++;
      if (!isOk(exit, okExit)) break;
    }
  } finally {
    for (const [s, h] of handlers) process.removeListener(s, h);
  }
  return { traces, exit, done, cacheProblems: [...cacheProblems] };
}

/** A profile asked for as YAML that YAML reads slowly (partition reads about 1 MB of it per 2 s). */
/**
 * Writes a profile of the record and import commands: to `--out`, else to
 * <app>/profiles/<side>-<name>.profile.<yaml|json> (JSON above JSON_PROFILE_CONTEXTS contexts), with a
 * warning when it is a large YAML file. `header` gets the path written (for its schema reference). The path.
 */
export function writeProfile(output: Output, profile: Profile, where: { out: string | undefined; appDir: string; name: string }, header: (target: string) => string[]): string {
  const format = profileFormat(where.out, profile.contexts.length);
  const target = resolve(where.out ?? join(where.appDir, 'profiles', `${profile.side}-${where.name}.profile.${format}`));
  const slow = largeYamlWarning(format, profile.contexts.length);
  if (slow) output.err(`${output.errColor.yellow('warning')}: ${slow}`);
  writeOutput(target, renderProfileAs(format, profile, header(target)), where.out === undefined ? undefined : '--out', true);
  return target;
}

function largeYamlWarning(format: ProfileFormat, contexts: number): string | undefined {
  if (format !== 'yaml' || contexts <= JSON_PROFILE_CONTEXTS) return undefined;
  return `${contexts} contexts written as YAML, which partition reads at about 2–3 s per 10k contexts (a --out ending in .json is read a hundred times faster)`;
}

export function parseSide(value: string): Side {
  if (value !== 'device' && value !== 'clone') throw new InputError(`expected 'device' or 'clone', got '${value}'`, undefined, '--side');
  return value;
}

const isOk = (exit: ProcessExit, okExit: number[]) => !exit.signal && okExit.includes(exit.code ?? 0);

function parseOkExit(value: string): number[] {
  const codes = value.split(',').map((v) => Number(v.trim()));
  if (codes.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) throw new InputError(`expected exit codes like 0,1, got '${value}'`, undefined, '--ok-exit');
  return codes;
}

function parseRuns(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`expected a whole number >= 1, got '${value}'`, undefined, '--runs');
  return n;
}

function deviceModel(side: Side, name: string): Device {
  if (side !== 'device') throw new InputError('a device model scales device-side recordings only (--side device)', undefined, '--device-model');
  const dir = join(BUNDLED, 'devices');
  const file = join(dir, `${name}.yaml`);
  if (!existsSync(file)) {
    const known = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    throw new InputError(`unknown device model '${name}' (profiles/devices: ${known.join(', ')})`, undefined, '--device-model');
  }
  return parseDevice(readText(file), relative(PACKAGE_ROOT, file));
}
