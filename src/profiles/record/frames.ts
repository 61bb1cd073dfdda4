/** The recorder's data (runtime.ts): a context of the calling-context tree, an async frame, costs and options. */
import { newSchedule, type Schedule } from './bytes.js';
import { newTimeSchedule, type TimeSchedule } from './sampling.js';

export interface Ctx {
  method: number;
  parent: Ctx | undefined;
  /** Method index -> child context (or the ancestor a recursive call folds onto). */
  kids: Map<number, Ctx>;
  /**
   * The children looked up last, direct-mapped by method index: the child in slot
   * method % KID_CACHE (a parser's term() calls factor, peek and take in turn: one last child
   * missed 41% of look-ups), NO_KID in an empty slot. One array, not a Map: a look-up is two
   * loads and a compare of the child's `method`. Not [method, child] pairs: an empty slot held
   * undefined, and a compare that had once met it was a generic StrictEqual call in compiled code.
   */
  cache: Ctx[];
  /** It never called a traced function (an untimed call of it needs no stack slot). */
  leaf: boolean;
  calls: number;
  /**
   * The context whose calls of it are always timed: none (undefined) until a recursion folds onto
   * it, then the context it was first called from (the root for a top-level one). Those calls are
   * the recursion's entries: an untimed one would hand the whole recursion's time to a caller
   * outside it. A context is only ever called from that one, from itself, or from a context below
   * it in the tree (a recursion folded back onto it), so its calls from any other context are the
   * recursion's own: an untimed one leaves its time to a frame inside the recursion, as a tiny
   * callee's is its caller's. One compare on every call.
   */
  timedFrom: Ctx | undefined;
  /** The call number from which e() takes its slow path: a timed call, a bytes sample or a check is due. */
  next: number;
  /** Calls that were timed (the others' time is their caller's). */
  timed: number;
  /** Sum over its timed frames of wall time minus traced callees minus recorder cost, ms (may dip below 0 on a tiny frame). */
  selfMs: number;
  /** Sum of the self time of its fast timed sync frames (sampling.ts), ms. */
  fastMs: number;
  /** Timed sync frames that were slow (sampling.ts). */
  slow: number;
  time: TimeSchedule;
  /** Weighted sums over the measured calls; `bytes.weight` is the sum of their weights. */
  bytesIn: number;
  bytesOut: number;
  bytes: Schedule;
}

export interface AsyncFrame {
  ctx: Ctx;
  /** Stack slot while running, -1 while suspended or done. */
  slot: number;
  /** Weight of its bytes sample, 0 when not sampled. */
  sampled: number;
  done: boolean;
}

/** The recorder's own cost per sync call, ms (calibrate.ts): inside the call's own clock readings, and outside them (its caller's). */
export interface CallCost {
  inner: number;
  outer: number;
  /** The whole cost of an untimed (counted) call, all of it in its caller's clock readings. */
  untimed?: number;
}

export interface RecorderOptions {
  /** Count hot tiny contexts without timing most calls (sampling.ts); off: every call is timed. Default on. */
  sampling?: boolean;
  /** The mean self time per call under which a context is tiny, ms (sampling.ts' TIME_TINY_MS; tests set it). */
  tinyMs?: number;
  /** Called once, when the first instrumented module registers (register.ts sets V8's inlining budget then). */
  onFirstModule?: () => void;
}

/** Where the wall time of the traced top-level calls went, ms. */
export interface TimeBudget {
  /** Wall time of the top-level traced calls (inclusive, as traced). */
  tracedMs: number;
  /** Recorder cost per call taken off (calls x calibrated cost). */
  recorderMs: number;
  /** Time measuring boundary bytes (v8.serialize), taken off the frame that was running. */
  bytesMs: number;
}

/** Slots of a context's cache of children (a power of two). */
export const KID_CACHE = 16;

/** Packed, and of contexts from the start: every context's cache keeps one elements kind, so look-ups stay monomorphic. */
export function emptyCache(): Ctx[] {
  const cache: Ctx[] = [];
  for (let k = 0; k < KID_CACHE; k++) cache.push(NO_KID);
  return cache;
}

export function newCtx(method: number, parent: Ctx | undefined, time: TimeSchedule, cache = NO_KIDS): Ctx {
  return {
    method,
    parent,
    kids: new Map(),
    cache,
    leaf: true,
    calls: 0,
    timedFrom: undefined,
    next: 1,
    timed: 0,
    // -0, not 0: a field that starts as a small integer and then holds fractions is stored
    // boxed, and every += on it allocates.
    selfMs: -0,
    fastMs: -0,
    slow: 0,
    time,
    // -0: a sum of billions of bytes leaves the small integers, and a field that changes
    // representation sends every context through a map migration (measured: 1,730 deopts).
    bytesIn: -0,
    bytesOut: -0,
    bytes: newSchedule(),
  };
}

/** What an empty slot of a context's cache holds: a context of no method (-1), never counted; its own cache holds only itself (NO_KIDS below). */
const NO_KID: Ctx = newCtx(-1, undefined, newTimeSchedule(false), []);
for (let k = 0; k < KID_CACHE; k++) NO_KID.cache.push(NO_KID);

/**
 * The cache of every context that has no child yet, shared, never written: most contexts of a
 * tree are leaves, and 16 slots each would be ~140 bytes a context. A context gets its own
 * cache with its first child (runtime.ts cached()); until then every look-up misses to there.
 */
export const NO_KIDS: Ctx[] = NO_KID.cache;
