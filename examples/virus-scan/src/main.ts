// virus-scan: scans a folder of the device's storage for known malware.
//   virus-scan <folder> [--db <signature folder>] [--quick] [--quiet] [--no-timing]

import { join, relative } from 'node:path';
import { Scanner, type ScanFile } from './scan/scanner.js';
import { parseDatabase } from './scan/signatures.js';
import { isDirectory, listFiles, readBytes, readText } from './storage/files.js';
import { ConsoleReporter } from './ui/progress.js';

interface Options {
  folder: string;
  database: string;
  deep: boolean;
  quiet: boolean;
  /** Print elapsed times (off to compare two runs byte for byte). */
  timing: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { folder: '', database: 'signatures', deep: true, quiet: false, timing: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--db') options.database = args[++i] ?? '';
    else if (arg === '--quick') options.deep = false;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--no-timing') options.timing = false;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.folder = arg;
  }
  if (!options.folder) return 'usage: virus-scan <folder> [--db <signature folder>] [--quick] [--quiet] [--no-timing]';
  if (!isDirectory(options.folder)) return `not a folder: ${options.folder}`;
  if (!isDirectory(options.database)) return `no signature folder: ${options.database}`;
  return options;
}

/** Returns the exit code: 0 clean, 1 malware found, 2 usage or I/O error. */
export function main(args: string[]): number {
  const options = parseArgs(args);
  const reporter = new ConsoleReporter(typeof options !== 'string' && options.quiet);
  if (typeof options === 'string') {
    reporter.error(options);
    return 2;
  }

  const database = parseDatabase(
    readText(join(options.database, 'sample.hsb')),
    readText(join(options.database, 'sample.ndb')),
  );
  const scanner = new Scanner(database, { deep: options.deep });
  reporter.banner(scanner.describe());

  const paths = listFiles(options.folder);
  const files = paths.map((path, i): ScanFile => {
    reporter.progress('reading', i + 1, paths.length);
    return { name: relative(options.folder, path).split('\\').join('/'), bytes: readBytes(path) };
  });
  reporter.scanning(files.length, files.reduce((sum, f) => sum + f.bytes.length, 0));

  const started = performance.now();
  const reports = scanner.scanAll(files);
  const { infected, bySignature } = Scanner.summarize(reports);
  reporter.results(reports, infected, bySignature, options.timing ? performance.now() - started : undefined);
  return infected.length > 0 ? 1 : 0;
}
