/**
 * Boundary bytes: the serialized size of a value as `v8.serialize` would ship it, and which
 * values cannot be serialized at all (they make a method unmovable). Sampled by the recorder.
 */
import { serialize } from 'node:v8';

/** Bytes are measured on the first BYTES_EXACT calls of a context, then one in BYTES_EVERY, the stride doubling after every BYTES_SAMPLES_PER_STRIDE samples. */
export const BYTES_EXACT = 16;
export const BYTES_EVERY = 64;
export const BYTES_SAMPLES_PER_STRIDE = 8;
/**
 * A context whose arguments (with `this`) or result once measured over BYTES_BIG bytes is
 * measured on its first BYTES_EXACT_BIG calls, then the stride doubles after every sample:
 * serializing a large engine state thousands of times was most of the recorder's cost, and
 * such a state's size hardly changes from call to call. 4 KB, not 64: a parser's `this` with
 * its 5,000 tokens is 20 KB, 0.4 ms to serialize, and its methods' first 16 calls each were
 * measured; on test/fixtures/record-calls this halves the bytes serialized (6.9 MB to 3.6 MB).
 */
export const BYTES_BIG = 4 * 1024;
export const BYTES_EXACT_BIG = 4;
/**
 * After the exact calls, the gap after a sample is at least BYTES_GAP calls per byte of the
 * previous sample (in and out), up to the calls so far (one sample each time they double, at
 * least): serializing costs 0.4 ns a byte of a typed array but 11 of an array of short strings,
 * and a method that reads one field of a 20 KB `this` (a parser's peek()) takes a few ns.
 * Measured: 24% of a traced parser's run went to v8.serialize. Sizes follow from the program:
 * the schedule stays deterministic.
 */
export const BYTES_GAP = 16;

/** Which calls of a context are measured: call number `next`, then every `stride`. */
export interface Schedule {
  next: number;
  stride: number;
  taken: number;
  /** The call number of the last measured call (0 before the first). */
  last: number;
  /**
   * Sum of the weights of the measured calls, each standing for the calls since the one before:
   * the gap after a call is set by its size, so weighting it by that gap would favour large values.
   */
  weight: number;
  /** A measured value was over BYTES_BIG. */
  big: boolean;
  /** Bytes measured at the last sample (arguments and result). */
  size: number;
}

export interface Unserializable {
  method: string;
  value: string;
  reason: string;
  count: number;
}

export function newSchedule(): Schedule {
  return { next: 1, stride: 1, taken: 0, last: 0, weight: 0, big: false, size: 0 };
}

/** Takes the sample due now; returns its weight (the calls since the previous sample). */
export function advance(s: Schedule): number {
  const limit = s.stride === 1 ? (s.big ? BYTES_EXACT_BIG : BYTES_EXACT) : s.big ? 1 : BYTES_SAMPLES_PER_STRIDE;
  if (++s.taken >= limit) {
    s.stride = s.stride === 1 ? BYTES_EVERY : s.stride * 2;
    s.taken = 0;
  }
  const weight = s.next - s.last;
  s.last = s.next;
  // Never more than the calls so far: at least one sample each time the calls double.
  s.next += s.stride === 1 ? 1 : Math.max(s.stride, Math.min(s.size * BYTES_GAP, s.next));
  s.size = 0;
  s.weight += weight;
  return weight;
}

/** A sample measured `size` bytes (of the arguments or of the result): the spacing of the next samples follows. */
export function measured(s: Schedule, size: number): void {
  if (size > BYTES_BIG) s.big = true;
  s.size += size;
}

/**
 * Serialized size of `value` (the list of arguments and `this`, or the result); when it cannot
 * be cloned, the sum over `parts` (its elements), each part that cannot reported through
 * `bad(index, reason)` and counted 0.
 */
export function sizeOf(value: unknown, parts: unknown[], bad: (index: number, reason: string) => void): number {
  try {
    return serialize(value).length;
  } catch (error) {
    let size = 0;
    parts.forEach((v, k) => {
      try {
        size += serialize(v).length;
      } catch (e) {
        bad(k, `${kindOf(v)} cannot be cloned (${errorName(e ?? error)})`);
      }
    });
    return size;
  }
}

export function hasOwnData(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value === globalThis) return false;
  for (const _ in value) return true;
  return Object.getOwnPropertyNames(value).length > 0;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** What a value is, without its text (a function's source is the instrumented one). */
function kindOf(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  const name = (value as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `a ${name}` : typeof value;
}

function errorName(error: unknown): string {
  return (error as Error)?.name ?? 'Error';
}
