/**
 * Which calls of a context the recorder times. Every call is counted (calls are exact); a call
 * is timed by reading the clock at its enter and at its exit, which costs far more than a tiny
 * function: two clock reads are 80–140 ns on Node 20, a hash step 3 ns. Timing one call now and
 * then and scaling does not help there: measured, a rarely timed call of a 4 ns function showed
 * 150–470 ns of wall time (the timed path is cold when it runs once in a thousand calls), an
 * error that scaling multiplies by the thousand.
 *
 * So a context is timed on every call until it has been entered TIME_CHECK times. If at most
 * one in TIME_SLOW_SHARE of those calls was slow (TIME_NOT_TINY_MS of self time or more) and the
 * others' self time was under TIME_TINY_MS on average, the context is hot and tiny: its later
 * calls are only counted, and their self time is that of the nearest timed frame below them
 * (their caller's), as if inlined; callees time themselves as ever. A context onto which a
 * recursion folds is timed on every call from the context it was first called from, the
 * recursion's entries (an untimed one would hand the recursion's time to a caller outside it);
 * its calls from inside the recursion (from itself, or from a context below it that calls back:
 * a parser's factor() calling expression()) may go untimed, their time that of the nearest timed
 * frame below, which is inside the recursion. (The caller's self time still has the recorder's calibrated cost
 * of each untimed call taken off.) At twice the calls it is timed again for a window of TIME_WINDOW calls, and checked: a
 * context with more slow calls in the window than that share is timed on every call again; one
 * that is still tiny is counted until twice the calls again, and so on. A context that is not
 * tiny is checked again at twice its calls. Slow calls are allowed, a few, because a window's
 * first timed calls run code the compiler had not seen, and a garbage collection may fall in any
 * call (measured: a 4 ns function's windows of 64 calls averaged over 1 us, and parser helpers
 * of 20 ns bounced in and out while the program allocated). Up to that share of a tiny
 * context's untimed calls could be slow ones of its own: their time is its caller's too.
 */

/** Calls timed before a context may be counted without timing (and the first check). */
export const TIME_CHECK = 1024;
/** Mean self time per call (ms) under which a hot context is counted without timing: 1 us. */
export const TIME_TINY_MS = 0.001;
/** Self time from which a call is slow: 10 us (TIME_NOT_TINY x the bound). */
export const TIME_NOT_TINY = 10;
export const TIME_NOT_TINY_MS = TIME_TINY_MS * TIME_NOT_TINY;
/** A tiny context has at most one slow call in this many. */
export const TIME_SLOW_SHARE = 50;
/** Calls timed in a row to check a context that is counted without timing, after TIME_WARM more that do not count. */
export const TIME_WINDOW = 128;
/**
 * The first calls of a window run code the compiler had not seen timed: measured, a 4 ns function
 * had 3 or more of them over 10 us often enough to stay timed on 4.7M of 10M calls.
 */
export const TIME_WARM = 16;

/** Per-context state of the time schedule. */
export interface TimeSchedule {
  /** The call number from which calls are timed again. */
  next: number;
  /** The call number of the next check (Infinity with the schedule off: every call timed). */
  check: number;
  /** The call number at which a window's warm-up ends (its calls before do not count). */
  warm: number;
  /** The context was found tiny at its last check (its calls until `next` are not timed). */
  tiny: boolean;
  /** Timed calls, their slow ones and the summed self time of the others at the last check. */
  timedAt: number;
  slowAt: number;
  wallAt: number;
  /** The bound of a tiny call, ms (TIME_TINY_MS but in tests), and of a fast one. */
  tinyMs: number;
  slowMs: number;
}

export function newTimeSchedule(on: boolean, tinyMs = TIME_TINY_MS): TimeSchedule {
  return { next: 1, check: on ? TIME_CHECK : Infinity, warm: 0, tiny: false, timedAt: 0, slowAt: 0, wallAt: 0, tinyMs, slowMs: tinyMs * TIME_NOT_TINY };
}

/** The end of a window's warm-up: the check counts the calls from here. */
export function warmedUp(t: TimeSchedule, timed: number, slow: number, fastMs: number): void {
  t.timedAt = timed;
  t.slowAt = slow;
  t.wallAt = fastMs;
}

/**
 * The check at call `n` (not yet timed): `timed` calls so far, `slow` of them slow, the others
 * of `fastMs` summed self time. A tiny context skips to twice the calls, then a window; another
 * is timed up to twice the calls.
 */
export function checkTime(t: TimeSchedule, n: number, timed: number, slow: number, fastMs: number): void {
  const calls = timed - t.timedAt;
  const slowCalls = slow - t.slowAt;
  const fast = calls - slowCalls;
  // A window's fast calls are under slowMs by definition: only the share of slow ones decides.
  t.tiny = fast > 0 && slowCalls * TIME_SLOW_SHARE <= calls && (t.tiny || (fastMs - t.wallAt) / fast < t.tinyMs);
  t.timedAt = timed;
  t.slowAt = slow;
  t.wallAt = fastMs;
  if (t.tiny) {
    t.next = 2 * n;
    t.warm = 2 * n + TIME_WARM;
    t.check = t.warm + TIME_WINDOW;
  } else {
    t.next = n;
    t.check = 2 * n;
  }
}

/**
 * Syntax nodes a count-only body may have (countOnly.ts): a few statements of arithmetic and
 * property reads. Kept here, not there, so the profile header can name it without loading the
 * TypeScript compiler into every command's start-up.
 */
export const COUNT_ONLY_MAX_NODES = 60;
