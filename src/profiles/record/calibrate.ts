/**
 * The recorder's own cost per sync call, measured on empty frames: `inner` is what a call's own
 * clock readings include (an empty call still shows that much wall time), `outer` what its
 * caller sees besides (the enter before the first reading, the exit after the last), and
 * `untimed` the whole cost of a call that is counted but not timed (sampling.ts), all of it
 * in its caller's wall time.
 *
 * The smallest reading is kept: a round that was preempted, or ran before the optimizing
 * compiler took e()/x() over, reads high, and taking off too much would eat real self time.
 * A process's few rounds often never reach the steady state, so the smallest reading is kept
 * across start-ups in the recorder's cache (per machine, Node version and recorder build), and
 * once SETTLED calibrations have contributed, later processes use it without calibrating.
 * `record` settles it before it starts the program (settle.ts: apart, so that the traced processes
 * do not load child_process).
 */
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { privateDir, readEntryChecked, writeEntry } from '../../util/privateCache.js';
import { Recorder, type CallCost } from './runtime.js';
import { performance } from 'node:perf_hooks';

const WARM_UP = 20000;
const ROUNDS = 12;
const CALLS = 1000;
/** Calibrations after which the cached cost is used as it is (settle.ts runs them before a recording). */
export const SETTLED = 8;

interface Cached extends CallCost {
  untimed: number;
  calibrations: number;
}

/** Measures here, now: the smallest per-call cost over a few short rounds after a warm-up. */
export function calibrate(): Required<CallCost> {
  let inner = Infinity;
  let outer = Infinity;
  // One recorder, as in the app: its arrays and contexts stay warm. Every call timed.
  const rec = new Recorder(undefined, { sampling: false });
  for (let round = -1; round < ROUNDS; round++) {
    const calls = round < 0 ? WARM_UP : CALLS;
    const caller = rec.m(['caller', 'callee']);
    const top = rec.e(caller);
    for (let k = 0; k < calls; k++) rec.x(rec.e(caller + 1));
    rec.x(top);
    if (round < 0) continue;
    const parent = rec.root.kids.get(caller)!;
    inner = Math.min(inner, parent.kids.get(caller + 1)!.selfMs / calls);
    outer = Math.min(outer, parent.selfMs / calls);
  }
  // The caller's loop is a few ns a turn, not the recorder's: left in (it errs low).
  return { inner: Math.max(0, inner), outer: Math.max(0, outer), untimed: calibrateUntimed() };
}

/** The smallest cost of a counted, untimed call (enter, exit, the result passed through) over a few rounds. */
function calibrateUntimed(): number {
  let best = Infinity;
  const rec = new Recorder();
  const id = rec.m(['untimed']);
  rec.x(rec.e(id));
  const ctx = rec.root.kids.get(id)!;
  ctx.next = 0x3fffffff; // never timed, never a bytes sample (a small integer: a double would change every context's map)
  for (let round = -1; round < ROUNDS; round++) {
    const calls = round < 0 ? WARM_UP : CALLS * 10; // a round of 1000 is a few clock readings long
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) {
      const f = rec.e(id);
      rec.o(f, k);
      rec.x(f);
    }
    if (round >= 0) best = Math.min(best, (performance.now() - t0) / calls);
  }
  return best;
}

/**
 * The smallest cost seen by this and earlier processes on this machine, cached in `dir` (private
 * to the user, as the recorder's cache: a planted figure would skew every self time).
 */
export function calibrated(dir: string, report: (message: string) => void = () => undefined): CallCost {
  const cached = readCachedCost(dir, report);
  if (cached && cached.calibrations >= SETTLED) return cached;
  const now = calibrate();
  const best: Cached = {
    inner: Math.min(now.inner, cached?.inner ?? Infinity),
    outer: Math.min(now.outer, cached?.outer ?? Infinity),
    untimed: Math.min(now.untimed, cached?.untimed ?? Infinity),
    calibrations: (cached?.calibrations ?? 0) + 1,
  };
  const own = privateDir(dir);
  if (own) writeEntry(own, costName(), JSON.stringify(best)); // a failure: the next process calibrates again
  return best;
}

function costName(): string {
  return `call-cost-${key()}.json`;
}

export function readCachedCost(dir: string, report: (message: string) => void = () => undefined): Cached | undefined {
  const own = privateDir(dir);
  if (!own) return undefined;
  const entry = readEntryChecked(own, costName());
  if ('bad' in entry) report(`ignored a cache entry: ${entry.bad}`);
  if (!('hit' in entry)) return undefined;
  try {
    const c = JSON.parse(entry.hit) as Cached;
    // An entry without `untimed` is of an older recorder build (the key names the build): calibrate again.
    return [c.inner, c.outer, c.untimed, c.calibrations].every((x) => typeof x === 'number' && x >= 0) ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The settled cost as `record` hands it to the traced processes (ENV_COST): read from the cache
 * once in `record`, not in every process (a checked read costs a traced process some 20 ms of
 * start-up, most of it the first sha256). Undefined when not settled.
 */
export function settledCostText(dir: string): string | undefined {
  const c = readCachedCost(dir);
  return c && c.calibrations >= SETTLED ? JSON.stringify({ inner: c.inner, outer: c.outer, untimed: c.untimed }) : undefined;
}

/** The cost in ENV_COST, or undefined when absent or not three numbers >= 0 (then the process reads the cache). */
export function costFromText(text: string | undefined): Required<CallCost> | undefined {
  if (!text) return undefined;
  try {
    const c = JSON.parse(text) as Required<CallCost>;
    return [c.inner, c.outer, c.untimed].every((x) => typeof x === 'number' && x >= 0 && Number.isFinite(x)) ? { inner: c.inner, outer: c.outer, untimed: c.untimed } : undefined;
  } catch {
    return undefined;
  }
}

/** Another machine, Node or recorder build costs differently. */
function key(): string {
  let build = 0;
  try {
    build = statSync(fileURLToPath(new URL('./runtime.js', import.meta.url))).mtimeMs;
  } catch {
    // unknown build
  }
  const text = `${cpus()[0]?.model ?? ''}|${process.version}|${process.arch}|${build}`;
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619) >>> 0;
  return h.toString(16);
}
