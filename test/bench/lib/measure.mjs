// Wall times of whole commands, measured so that machine load affects what is compared alike:
// repetitions in rounds, each round running every command once (the order rotated from round to
// round), each command followed by the same command on an empty script, and medians taken.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall time of one command in ms; rejects when it exits with a code not in okExit. */
export function wall(cwd, argv, okExit) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: 'ignore' });
    child.once('exit', (code) => (okExit.includes(code) ? resolve(performance.now() - started) : reject(new Error(`${argv.join(' ')} exited with ${code}`))));
  });
}

/**
 * `commands`: key -> { argv, empty?, okExit, each?(round) }: the app's command and the same command
 * on an empty script (Node's and the CLI's start-up are not the app's work and the model does not
 * count them). `each(round)` may give a command per round (a report file per run). Returns, per
 * key, the median wall time minus the median empty time, every sample, and the 1-minute load
 * average seen at each sample.
 */
export async function rounds(cwd, commands, count) {
  const keys = Object.keys(commands);
  const samples = Object.fromEntries(keys.map((k) => [k, { full: [], empty: [], load: [] }]));
  for (let round = 0; round < count; round++) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]);
    for (const key of order) {
      const c = commands[key];
      const s = samples[key];
      s.load.push(loadavg()[0]);
      s.full.push(await wall(cwd, c.each ? c.each(round) : c.argv, c.okExit));
      if (c.empty) s.empty.push(await wall(cwd, c.empty, [0]));
    }
  }
  return Object.fromEntries(keys.map((k) => {
    const s = samples[k];
    return [k, { ms: median(s.full) - (s.empty.length ? median(s.empty) : 0), full: s.full, empty: s.empty, load: s.load }];
  }));
}

/** `a–b` of a list of load averages. */
export const loadRange = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
