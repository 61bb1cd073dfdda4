import { Command, CommanderError } from 'commander';
import { CheckFailed, InputError, ProgramExit } from '../errors.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerExplain } from './commands/explain.js';
import { registerGraph } from './commands/graph.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerPartition } from './commands/partition.js';
import { registerRecord } from './commands/record.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerImport } from './commands/import.js';
import { consoleOutput, type Output } from './output.js';

/** Exit codes: 0 success, 1 a failed check, 2 bad input or usage, 3 an internal error. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;

export async function main(argv: string[], output: Output = consoleOutput()): Promise<number> {
  const program = new Command('clonecloud')
    .description('Partition a TypeScript/JavaScript app between the device and a cloud clone.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  registerPartition(program, output);
  registerAnalyze(program, output);
  registerRecord(program, output);
  registerImport(program, output);
  registerCheck(program, output);
  registerExplain(program, output);
  registerDiff(program, output);
  registerGraph(program, output);
  registerServe(program, output);
  registerRun(program, output);
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof CheckFailed) return EXIT.checkFailed;
    if (error instanceof ProgramExit) return error.code;
    if (error instanceof InputError) {
      output.err(`${output.errColor.red('error')}: ${error.message}`);
      return EXIT.badInput;
    }
    output.err(`${output.errColor.red('internal error')}: ${(error as Error).stack ?? String(error)}`);
    return EXIT.internal;
  }
}
