/**
 * Runs a command with the tracer injected through NODE_OPTIONS (so every Node process it
 * starts is traced), then reads the partial traces the processes left in a temp directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../errors.js';
import { settle } from './settle.js';
import { ENV_APP, ENV_CACHE, ENV_COST, ENV_DIR } from './env.js';
import { settledCostText } from './calibrate.js';
import { parseTrace } from './readTrace.js';
import type { ProcessExit, Trace } from './trace.js';
import { cacheDir } from './transform.js';

const REGISTER_MODULE = new URL('./register.js', import.meta.url);

export interface RecordRun {
  exit: ProcessExit;
  traces: Trace[];
  /** Problems the traced processes had with the recorder's cache (entries ignored), each once. */
  cacheProblems: string[];
}

export interface RunOptions {
  command: string[];
  appDir: string;
  cwd?: string;
  /** Send the program's stdout to our stderr (when our stdout carries JSON). */
  stdoutToStderr?: boolean;
  /** Called with the child once started (the CLI forwards signals to it). */
  onStart?: (child: { kill(signal: NodeJS.Signals): boolean }) => void;
}

/** NODE_OPTIONS with the tracer added (quoted: paths may hold spaces). */
export function nodeOptionsWithTracer(existing: string | undefined): string {
  return `${existing ? `${existing} ` : ''}--import "${pathToFileURL(REGISTER_MODULE.pathname).href}"`;
}

/** The recorder's cache folder, as the traced processes will find it. */
export function recorderCacheDir(): string {
  return cacheDir(process.env[ENV_CACHE] ? { cacheDir: process.env[ENV_CACHE] } : {});
}

/** Settles the recorder's per-call cost in the cache the traced processes read (see calibrate.ts). */
export function settleCalibration(): void {
  settle(recorderCacheDir());
}

/** The environment that hands the settled cost to the traced processes (empty when not settled: each reads the cache). */
export function costEnv(): Record<string, string> {
  const text = settledCostText(recorderCacheDir());
  return text ? { [ENV_COST]: text } : {};
}

export async function runTraced(options: RunOptions): Promise<RecordRun> {
  const [file, ...args] = options.command;
  if (!file) throw new InputError('nothing to record: give the command after --, e.g. clonecloud record --side device -- node app.js');
  settleCalibration();
  const dir = mkdtempSync(join(tmpdir(), 'clonecloud-record-'));
  try {
    const child = spawn(file, args, {
      cwd: options.cwd,
      stdio: options.stdoutToStderr ? ['inherit', 2, 'inherit'] : 'inherit',
      env: { ...process.env, ...costEnv(), NODE_OPTIONS: nodeOptionsWithTracer(process.env.NODE_OPTIONS), [ENV_DIR]: dir, [ENV_APP]: options.appDir },
    });
    options.onStart?.(child);
    const exit = await new Promise<ProcessExit>((resolve, reject) => {
      child.on('error', (error) => reject(new InputError(`cannot run '${file}': ${(error as NodeJS.ErrnoException).code ?? error.message}`)));
      child.on('exit', (code, signal) => resolve(signal ? { signal } : { code: code ?? 0 }));
    });
    const files = readdirSync(dir).sort();
    const traces = files.filter((f) => /^trace-.*\.json$/.test(f)).map((f) => parseTrace(readFileSync(join(dir, f), 'utf8'), f));
    const cacheProblems = [...new Set(files.filter((f) => /^cache-.*\.txt$/.test(f)).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)))];
    return { exit, traces, cacheProblems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
