/**
 * The monotonic clocks are the device's timeline. `performance.now()` counts from the start of the
 * process (of the worker, on the clone) and `process.hrtime()` from an arbitrary point of the
 * machine: a migrated `refresh()` that kept `this.at = performance.now()` gave a time from the
 * clone's worker, and the device's `fresh()` (`performance.now() - this.at < ttl`) found its cache
 * stale for as long as the clone's worker had lived longer than the device's process.
 *
 * Each call says the device's readings as it sends (the clocks header); for the call, the
 * clone's guarded clocks answer with their own reading moved onto the device's timeline: the
 * device's reading at the send plus the time the clone has spent since it started the call.
 * Differences inside a call are the clone's own measure, as before; a reading kept or returned is
 * the device's at about that moment, earlier by the time the call took to arrive (never later
 * than the device's clock when the answer reaches it). Outside a call, and for a call without the
 * header (an older device), the clocks are the clone's. `performance.timeOrigin` moves the other
 * way, so that `timeOrigin + now()` stays the wall clock, as `Date.now()` is.
 */
import { O } from '../intrinsics.js';

const perfNow = performance.now.bind(performance);
const timeOrigin = performance.timeOrigin;
const hrtime = process.hrtime;
const hrtimeBigint = process.hrtime.bigint;

/** Device reading minus the clone's, while a call runs; undefined outside one. */
let shift: { ms: number; ns: bigint } | undefined;

export function installClockGuards(): void {
  // `timeOrigin + now()` is the wall clock (a logger's high-resolution timestamp): it moves the other way.
  O.defineProperty(performance, 'timeOrigin', {
    configurable: true,
    get: () => (shift ? timeOrigin - shift.ms : timeOrigin),
  });
  O.defineProperty(performance, 'now', {
    configurable: true,
    writable: true,
    value: function now(): number {
      return shift ? perfNow() + shift.ms : perfNow();
    },
  });
  const bigint = function bigint(): bigint {
    return shift ? hrtimeBigint() + shift.ns : hrtimeBigint();
  };
  const guarded = function hrtime(previous?: [number, number]): [number, number] {
    if (!shift) return previous === undefined ? hrtime() : hrtime(previous);
    let t = hrtimeBigint() + shift.ns;
    if (previous !== undefined) t -= BigInt(previous[0]) * 1_000_000_000n + BigInt(previous[1]);
    return [Number(t / 1_000_000_000n), Number(t % 1_000_000_000n)];
  };
  O.defineProperty(guarded, 'bigint', { configurable: true, writable: true, value: bigint });
  process.hrtime = guarded as typeof process.hrtime;
}

/** For one call: from now until `stop()`, the clocks read on the device's timeline (`clocks` as the device sent them). */
export function watchClocks(clocks: string | undefined): { stop(): void } {
  const m = clocks === undefined ? null : /^(\d+(?:\.\d+)?),(\d{1,30})$/.exec(clocks);
  shift = m ? { ms: Number(m[1]) - perfNow(), ns: BigInt(m[2]!) - hrtimeBigint() } : undefined;
  return { stop: () => void (shift = undefined) };
}
