import { Chalk } from 'chalk';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import type { CliResult } from './cli.js';

/**
 * The CLI's `main` in this process, with its output captured: what `bin/clonecloud.js` runs,
 * without the cost of a process per run. Paths in `args` should be absolute (the cwd is jest's).
 */
export async function runMain(args: string[]): Promise<CliResult & { status: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const plain = new Chalk({ level: 0 });
  const output: Output = { out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), color: plain, errColor: plain };
  const status = await main(['node', 'clonecloud', ...args], output);
  const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
  return { status, stdout: text(stdout), stderr: text(stderr) };
}
