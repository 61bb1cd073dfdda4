/** Wall time and peak memory of one child process, by `/usr/bin/time -v` (GNU time). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';

export function haveGnuTime() {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;
}

/**
 * Runs `command args` under `/usr/bin/time -v`: { ms, cpuMs, rssMB, code, stdout, stderr } (stderr
 * without time's report). cpuMs is user + system time: on a shared machine it varies less than wall.
 */
export function timed(command, args, options = {}) {
  const r = spawnSync(GNU_TIME, ['-v', command, ...args], { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const err = r.stderr ?? '';
  const at = err.lastIndexOf('\tCommand being timed:');
  const { ms, cpuMs, rssMB, status } = parseTimeReport(at >= 0 ? err.slice(at) : '');
  return {
    ms,
    cpuMs,
    rssMB,
    code: status ?? r.status,
    stdout: r.stdout ?? '',
    stderr: at >= 0 ? err.slice(0, at) : err,
  };
}

/** The figures of a `time -v` report (NaN, or status undefined, where it does not say): { ms, cpuMs, rssMB, status }. */
export function parseTimeReport(report) {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(report)?.[1];
  const status = /Exit status: (\d+)/.exec(report)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  return {
    ms: wall ? wallMs(wall) : NaN,
    cpuMs: user && sys ? (Number(user) + Number(sys)) * 1000 : NaN,
    rssMB: rss ? Number(rss) / 1024 : NaN,
    status: status !== undefined ? Number(status) : undefined,
  };
}

function wallMs(text) {
  const parts = text.split(':').map(Number);
  let s = 0;
  for (const p of parts) s = s * 60 + p;
  return s * 1000;
}

/** The median, leaving out NaN (a figure not measured); a run stopped at its limit (Infinity) counts as the slowest. */
export function median(values) {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => (a === b ? 0 : a - b));
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
