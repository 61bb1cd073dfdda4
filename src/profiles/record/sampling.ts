/**
 * Which calls of a context the recorder times. Every call is counted (calls are exact); a call
 * is timed by reading the clock at its enter and at its exit, which costs far more than a tiny
 * function: two clock reads are 80–140 ns on Node 20, a hash step 3 ns. Timing one call now and
 * then and scaling does not help there: measured, a rarely timed call of a 4 ns function showed
 * 150–470 ns of wall time (the timed path is cold when it runs once in a thousand calls), an
 * error that scaling multiplies by the thousand.
 *
 * So a context is timed on every call until it has been entered TIME_CHECK times. If the mean
 * wall time of those calls (itself with its callees) is under TIME_TINY_MS, the context is hot
 * and tiny: its later calls are only counted, and their time is their caller's, as if inlined
 * (the caller's self time still has the recorder's calibrated cost of each untimed call taken
 * off). At twice the calls it is timed again for a window of TIME_WINDOW calls, and checked: a
 * context whose mean wall time in the window reached TIME_NOT_TINY_MS is timed on every call
 * again; one that is still under it is counted until twice the calls again, and so on. A
 * context that is not tiny is checked again at twice its calls. The bound is higher for leaving
 * than for entering because a window's first timed calls run code the compiler had not seen
 * (measured: a 4 ns function's windows of 64 calls averaged over 1 us; it bounced in and out).
 */

/** Calls timed before a context may be counted without timing (and the first check). */
export const TIME_CHECK = 1024;
/** Mean wall time per call (ms) under which a hot context is counted without timing: 1 us. */
export const TIME_TINY_MS = 0.001;
/** Mean wall time per call in a window from which a tiny context is timed on every call again: 10 us (TIME_NOT_TINY x the bound). */
export const TIME_NOT_TINY = 10;
export const TIME_NOT_TINY_MS = TIME_TINY_MS * TIME_NOT_TINY;
/** Calls timed in a row to check a context that is counted without timing. */
export const TIME_WINDOW = 128;

/** Per-context state of the time schedule. */
export interface TimeSchedule {
  /** The call number from which calls are timed again. */
  next: number;
  /** The call number of the next check (Infinity with the schedule off: every call timed). */
  check: number;
  /** The context was found tiny at its last check (its calls until `next` are not timed). */
  tiny: boolean;
  /** Timed calls and their summed wall time at the last check. */
  timedAt: number;
  wallAt: number;
  /** The bound of a tiny call, ms (TIME_TINY_MS but in tests). */
  tinyMs: number;
}

export function newTimeSchedule(on: boolean, tinyMs = TIME_TINY_MS): TimeSchedule {
  return { next: 1, check: on ? TIME_CHECK : Infinity, tiny: false, timedAt: 0, wallAt: 0, tinyMs };
}

/**
 * The check at call `n` (not yet timed): `timed` calls so far of `wallMs` summed wall time.
 * A tiny context skips to twice the calls, then a window; another is timed up to twice the calls.
 */
export function checkTime(t: TimeSchedule, n: number, timed: number, wallMs: number): void {
  const calls = timed - t.timedAt;
  t.tiny = calls > 0 && (wallMs - t.wallAt) / calls < (t.tiny ? t.tinyMs * TIME_NOT_TINY : t.tinyMs);
  t.timedAt = timed;
  t.wallAt = wallMs;
  if (t.tiny) {
    t.next = 2 * n;
    t.check = 2 * n + TIME_WINDOW;
  } else {
    t.next = n;
    t.check = 2 * n;
  }
}
