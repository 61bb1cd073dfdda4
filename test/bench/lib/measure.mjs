// Wall times of whole commands, measured so that machine load affects what is compared alike:
// repetitions in rounds, each round running every command once (the order rotated from round to
// round), each command followed by the same command on an empty script, and medians taken.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU_TIME, median, parseTimeReport } from '../callgraph/measure.mjs';

// GNU time, when installed, says the CPU time (user + system) of the command and its children:
// on a shared machine, wall time = CPU time stretched by the time spent waiting for a core.
const TIME = existsSync(GNU_TIME) ? GNU_TIME : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'cc-bench-time-'));
process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
let timed = 0;

export { median };

/** Wall time of one command in ms; rejects when it exits with a code not in okExit. */
export async function wall(cwd, argv, okExit) {
  return (await timeOf(cwd, argv, okExit)).ms;
}

/**
 * Wall time and (with GNU time) CPU time of one command and its children, ms. With `limitMs`, a
 * command still running then is stopped (its whole process group) and its time is Infinity.
 */
export function timeOf(cwd, argv, okExit, limitMs) {
  const out = TIME ? join(scratch, `${timed++}.txt`) : undefined;
  const full = TIME ? [TIME, '-v', '-o', out, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(full[0], full.slice(1), { cwd, stdio: 'ignore', detached: limitMs !== undefined });
    let stopped = false;
    const timer = limitMs === undefined ? undefined : setTimeout(() => {
      stopped = true;
      process.kill(-child.pid, 'SIGKILL');
    }, limitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (stopped) return resolve({ ms: Infinity, cpuMs: Number.NaN });
      if (!okExit.includes(code)) return reject(new Error(`${argv.join(' ')} exited with ${code}`));
      resolve({ ms, cpuMs: out ? parseTimeReport(readFileSync(out, 'utf8')).cpuMs : Number.NaN });
    });
  });
}

/**
 * `commands`: key -> { argv, empty?, okExit, each?(round), otherCpuMs?(), limitMs? }: the app's command and the same command
 * on an empty script (Node's and the CLI's start-up are not the app's work and the model does not
 * count them). `each(round)` may give a command per round (a report file per run); `otherCpuMs()`,
 * the CPU time of another process that works for the command (its clone server), counted in. Returns, per
 * key, the median wall time minus the median empty time, every sample, and the 1-minute load
 * average seen at each sample.
 */
export async function rounds(cwd, commands, count) {
  const keys = Object.keys(commands);
  const samples = Object.fromEntries(keys.map((k) => [k, { full: [], empty: [], cpu: [], emptyCpu: [], load: [] }]));
  for (let round = 0; round < count; round++) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]);
    for (const key of order) {
      const c = commands[key];
      const s = samples[key];
      s.load.push(loadavg()[0]);
      const other = c.otherCpuMs?.();
      const full = await timeOf(cwd, c.each ? c.each(round) : c.argv, c.okExit, c.limitMs);
      s.full.push(full.ms);
      s.cpu.push(full.cpuMs + (other === undefined ? 0 : c.otherCpuMs() - other));
      if (c.empty && Number.isFinite(full.ms)) {
        const empty = await timeOf(cwd, c.empty, [0]);
        s.empty.push(empty.ms);
        s.emptyCpu.push(empty.cpuMs);
      }
    }
  }
  return Object.fromEntries(keys.map((k) => {
    const s = samples[k];
    const less = (xs) => (xs.length ? median(xs) : 0);
    return [k, { ms: median(s.full) - less(s.empty), cpuMs: median(s.cpu) - less(s.emptyCpu), full: s.full, empty: s.empty, cpu: s.cpu, load: s.load }];
  }));
}

/** `a–b` of a list of load averages. */
export const loadRange = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/** CPU time (user + system) of a running process so far, ms (Linux), or NaN. */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime: clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}
