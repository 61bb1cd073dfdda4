import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CheckFailed, InputError } from '../../errors.js';
import { renderProfile } from '../../profiles/record/render.js';
import { runTraced } from '../../profiles/record/run.js';
import { BYTES_EVERY, BYTES_EXACT, BYTES_SAMPLES_PER_STRIDE, TIME_EVERY, TIME_EXACT, TIME_SAMPLES_PER_STRIDE } from '../../profiles/record/runtime.js';
import { tracesToProfile } from '../../profiles/record/toProfile.js';
import type { Side } from '../../profiles/types.js';
import { writeFileAtomic } from '../../util/files.js';
import { appName, displayPath, resolveAppDir } from '../load.js';
import type { Output } from '../output.js';

interface RecordFlags {
  side: string;
  app: string;
  out?: string;
  runsLabel?: string;
}

export function registerRecord(program: Command, output: Output): void {
  program
    .command('record')
    .description('run a Node program with the tracer and write its profile (calls, self time, boundary bytes per calling context)')
    .requiredOption('--side <side>', "'device' or 'clone': where this run executes")
    .option('--app <dir>', 'the app folder method ids are relative to (where its tsconfig.json is)', '.')
    .option('--out <file>', 'profile to write (default: <app>/profiles/<side>-<date>.profile.yaml)')
    .option('--runs-label <label>', 'a label for this run in the profile header (a CI job, a device name)')
    .argument('[command...]', 'the command to run, after --')
    .addHelpText('after', '\nExample:\n  $ clonecloud record --side clone --app examples/virus-scan -- node examples/virus-scan/.build/app/cli.js corpus')
    .action(async (command: string[], flags: RecordFlags) => {
      const side = parseSide(flags.side);
      const appDir = resolveAppDir(flags.app);
      if (command.length === 0) throw new InputError('usage: clonecloud record --side device|clone [--app <dir>] [--out <file>] -- <command> [args...]');
      // Ctrl-C reaches the whole process group; the child writes its trace and dies, we stay to merge.
      const forward = (signal: NodeJS.Signals) => () => child?.kill(signal);
      let child: { kill(signal: NodeJS.Signals): boolean } | undefined;
      const handlers = (['SIGINT', 'SIGTERM'] as const).map((s) => [s, forward(s)] as const);
      for (const [s, h] of handlers) process.on(s, h);
      const started = new Date();
      let run;
      try {
        run = await runTraced({ command, appDir, onStart: (c) => (child = c) });
      } finally {
        for (const [s, h] of handlers) process.removeListener(s, h);
      }
      const profile = tracesToProfile(run.traces, { side, app: appName(appDir), exit: run.exit });
      const target = resolve(flags.out ?? join(appDir, 'profiles', `${side}-${started.toISOString().replace(/[:.]/g, '-')}.profile.yaml`));
      mkdirSync(dirname(target), { recursive: true });
      const header = [
        `Recorded by clonecloud record (${started.toISOString()})${flags.runsLabel ? `, run '${flags.runsLabel}'` : ''}.`,
        `Command: ${command.join(' ')}`,
        `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}.`,
        `Processes traced: ${run.traces.length}; exit: ${run.exit.signal ? `signal ${run.exit.signal}` : `code ${run.exit.code}`}.`,
        `selfMs: wall time in the method's own code (performance.now()), not counting traced callees nor time suspended`,
        `at await/yield. Timed on every call for the first ${TIME_EXACT} calls of a context, then on 1 call in ${TIME_EVERY}, the`,
        `stride doubling after every ${TIME_SAMPLES_PER_STRIDE} samples; untimed calls get the weighted mean of the timed ones (taken`,
        `back from the caller), minus the recorder's own cost per call, calibrated at start-up. calls are exact.`,
        `Not traced: one-expression functions without calls, property reads or loops (their time is their caller's).`,
        `bytesIn = v8.serialize([...arguments, this]).length (this when it holds data), bytesOut = v8.serialize(result).length`,
        `(awaited for promises; the new object for constructors): measured on the first ${BYTES_EXACT} calls of a context, then on`,
        `1 call in ${BYTES_EVERY}, the stride doubling after every ${BYTES_SAMPLES_PER_STRIDE} samples, scaled to all calls.`,
        `Values that cannot be serialized count 0 bytes and are listed in unserializable.`,
        `Each process's contexts start at the roots (a child process is not nested under its parent's caller).`,
      ];
      writeFileAtomic(target, renderProfile(profile, header));
      const where = displayPath(target);
      if (run.traces.length === 0) output.err(`${output.errColor.yellow('warning')}: no Node process of the app was traced (is the command a Node program?)`);
      if (run.exit.signal || run.exit.code !== 0) {
        output.err(`${output.errColor.yellow('warning')}: the program ${run.exit.signal ? `was stopped by ${run.exit.signal}` : `exited with code ${run.exit.code}`}; the profile says so`);
        output.err(`wrote ${where}: ${profile.contexts.length} contexts`);
        throw new CheckFailed('the recorded program failed');
      }
      output.err(`wrote ${where}: ${profile.contexts.length} contexts, ${profile.contexts.reduce((n, c) => n + c.calls, 0)} calls`);
    });
}

export function parseSide(value: string): Side {
  if (value !== 'device' && value !== 'clone') throw new InputError(`expected 'device' or 'clone', got '${value}'`, undefined, '--side');
  return value;
}
