/**
 * End-to-end helpers for the run-time: a fixture app compiled and partitioned in a private copy,
 * a real `clonecloud serve` on a free loopback port, and runs of the app plain and partitioned
 * through the real CLI binary.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, ROOT, runCli } from './cli.js';

const BIN = join(ROOT, 'bin', 'clonecloud.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A private copy of a runtime fixture, compiled (with source maps) and partitioned (for Wi-Fi
 * unless told: the partition most tests run). Each fixture is compiled and partitioned once per
 * test run (tsc alone takes seconds) and copied from there.
 */
export function preparedApp(name: string, networks = 'wifi'): string {
  const template = preparedOnce(name, networks);
  const dir = mkdtempSync(join(tmpdir(), `cc-${name}-`));
  cpSync(template, dir, { recursive: true, filter: (source) => source !== join(template, 'node_modules') });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function preparedOnce(name: string, networks: string): string {
  const root = join(process.env.CLONECLOUD_TEST_TMP ?? tmpdir(), 'prepared');
  const done = join(root, `${name}@${networks}`);
  if (existsSync(done)) return done;
  const dir = copyFixture(name);
  const tsc = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc failed on ${name}: ${tsc.stdout}${tsc.stderr}`);
  const partition = runCli(['partition', dir, '--network', networks]);
  if (partition.status !== 0) throw new Error(`partition failed on ${name}: ${partition.stderr}`);
  mkdirSync(root, { recursive: true });
  try {
    renameSync(dir, done);
  } catch (error) {
    // Another jest worker prepared the same fixture first: theirs is as good.
    if (!existsSync(done)) throw error;
  }
  return done;
}

export interface Clone {
  url: string;
  child: ChildProcess;
  /** The server's log lines so far (one per call). */
  log: string[];
  stderr: string[];
  stop(): Promise<void>;
}

/** `clonecloud serve <dir> --port 0 ...`, resolved once it listens (`env`: added to the test's own, e.g. a time zone). */
export function startClone(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Clone> {
  const child = spawn(process.execPath, [BIN, 'serve', dir, '--port', '0', '--workers', '2', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const stderr: string[] = [];
  const lines = (sink: string[], onLine?: (line: string) => void) => {
    let rest = '';
    return (chunk: Buffer) => {
      rest += chunk.toString('utf8');
      const parts = rest.split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        sink.push(line);
        onLine?.(line);
      }
    };
  };
  const stopped = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr.join('\n')}`)), 60_000);
    child.stdout!.on('data', lines(log));
    child.stderr!.on(
      'data',
      lines(stderr, (line) => {
        const url = /on (https?:\/\/\S+) \(/.exec(line)?.[1];
        if (!url) return;
        clearTimeout(timer);
        resolve({
          url,
          child,
          log,
          stderr,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await stopped;
          },
        });
      }),
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr.join('\n')}`));
    });
  });
}

export interface Served {
  /** The fixture's private copy (set by beforeAll). */
  dir: string;
  /** The clone serving it (set by beforeAll). */
  clone: Clone;
}

/**
 * For the enclosing describe block: a prepared copy of the fixture and a clone serving it, made in
 * beforeAll and stopped in afterAll. Read `dir` and `clone` from the returned object inside tests.
 */
export function servedFixture(name: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Served {
  const served = {} as Served;
  beforeAll(async () => {
    served.dir = preparedApp(name);
    served.clone = await startClone(served.dir, args, env);
  });
  afterAll(() => served.clone?.stop());
  return served;
}

/** Runs a command to completion without blocking the event loop (a clone may be serving from this process's children). */
export function runAsync(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; onStdout?: (text: string) => void } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      options.onStdout?.(stdout);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The app run as it is, all on the device. */
export function runPlain(dir: string, main = '.build/main.js', env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Outcome> {
  return runAsync(process.execPath, [join(dir, main), ...args], { cwd: dir, env });
}

/** The app run partitioned: `clonecloud run --app <dir> --clone <url> ... -- node <main>`. */
export function runPartitioned(dir: string, clone: string | undefined, flags: string[] = [], options: { main?: string; args?: string[]; env?: NodeJS.ProcessEnv; onStdout?: (text: string) => void } = {}): Promise<Outcome> {
  const args = [BIN, 'run', '--app', dir, ...(clone ? ['--clone', clone] : []), ...flags, '--', process.execPath, join(dir, options.main ?? '.build/main.js'), ...(options.args ?? [])];
  return runAsync(process.execPath, args, { cwd: dir, ...options });
}
