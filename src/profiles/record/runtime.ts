/**
 * The tracer that instrumented modules call, one per process (thread). It keeps the
 * calling-context tree in memory; `snapshot()` (trace.ts) turns it into plain data at exit.
 *
 * Calls are exact: every call is counted in its context. Time: a timed call reads the clock at
 * enter and at exit; its frame's self time is its wall time minus the wall time of the calls it
 * made (and minus the recorder's own measured cost of each, see calibrate.ts), so self times add
 * up to the wall time of the top-level calls, less what the recorder spent. Time suspended at
 * await/yield is nobody's. Hot tiny sync contexts are counted without timing most calls
 * (sampling.ts): an untimed call reads no clock; its time is its caller's, as if inlined, less
 * the calibrated cost of an untimed call, and its callees' time is handed down to the caller.
 * The frames are on a stack (stack.ts): sync ones in slots of parallel arrays, untimed ones as
 * ~slot, an untimed leaf call in no slot at all; async functions and generators get a frame
 * object, and are always timed. Bytes in and out of sampled frames: bytesInOut.ts, which this extends.
 */
import { advance } from './bytes.js';
import { BytesStack } from './bytesInOut.js';
import { emptyCache, KID_CACHE, newCtx, NO_KIDS, type AsyncFrame, type CallCost, type Ctx, type RecorderOptions, type TimeBudget } from './frames.js';
import { checkTime, newTimeSchedule, warmedUp } from './sampling.js';
import { clock, LEAF } from './stack.js';

export type { Unserializable } from './bytes.js';
export type { AsyncFrame, CallCost, Ctx, RecorderOptions, TimeBudget } from './frames.js';

/** The time schedule of count-only contexts: never read (c() counts and nothing else), one for all. */
const COUNTED = newTimeSchedule(false);

/** Calls of c() per path in warmCounter(): V8 allocates a function's feedback vector after a few (about 8 for c()). */
const WARM_COUNTS = 64;

/** The global symbol name under which instrumented modules find the recorder. */
export const RECORDER_GLOBAL = 'clonecloud.recorder';

export class Recorder extends BytesStack {
  /** Functions the instrumenter left untraced (trivial leaves), by id. */
  readonly untraced = new Set<string>();
  /** Count-only leaves (countOnly.ts), by id, and the built-in method names they call on values of unknown type. */
  readonly countOnly = new Set<string>();
  readonly builtinCalls = new Set<string>();

  private readonly sampling: boolean;
  private readonly tinyMs: number | undefined;
  private onFirstModule: (() => void) | undefined;

  constructor(readonly cost: CallCost = { inner: 0, outer: 0 }, options: RecorderOptions = {}) {
    super(cost);
    this.sampling = options.sampling ?? true;
    this.tinyMs = options.tinyMs;
    this.onFirstModule = options.onFirstModule;
    if (!Recorder.warm) {
      Recorder.warm = true;
      new Recorder(cost, options).warmCounter();
    }
  }

  /** Whether this process has run warmCounter() (once, on a recorder of its own). */
  private static warm = false;

  /** Where the wall time of the traced top-level calls went, as measured (untimed calls' cost: see trace.ts). */
  get budget(): TimeBudget {
    return { tracedMs: this.inside[0]!, recorderMs: this.recorderMs, bytesMs: this.bytesMs };
  }

  /** Registers a module's method ids (those it left untraced, those it only counts and their built-in calls); returns the index of the first. */
  m(ids: string[], untraced?: string[], countOnly?: string[], builtinCalls?: string[]): number {
    const first = this.onFirstModule;
    if (first) {
      this.onFirstModule = undefined;
      first();
    }
    for (const id of untraced ?? []) this.untraced.add(id);
    for (const id of countOnly ?? []) this.countOnly.add(id);
    for (const name of builtinCalls ?? []) this.builtinCalls.add(name);
    const base = this.methods.length;
    this.methods.push(...ids);
    return base;
  }

  // e(), x() and ox() run on every call: their fast paths are kept a few dozen bytecodes long, so
  // that V8 inlines them into the app's functions (e() was 244 bytecodes with its look-up and
  // was not inlined into a parser's methods). The fast paths are the calls counted without
  // timing; everything else (a look-up, a timed call, a check, the clock) is one rare path per
  // method, reached through a slot (enterRare, exitRare, exitWithRare) that alternates between
  // two methods of distinct code on every call. So the call site in e() (x(), ox()) has seen two
  // targets after two rare calls, its feedback is megamorphic, and a compiler that does not know
  // the target cannot inline it; a slot written again and again is no constant it could fold
  // either. Called directly, the rare paths were inlined into every app function, since a
  // context's first TIME_CHECK calls are all timed when V8 first optimizes them: the bloated
  // functions stopped inlining into each other, and e()/x() became real calls. Measured on
  // test/fixtures/record-calls (Node 20, a loaded 2-core machine): the in-app time 10% less
  // (median of 14 interleaved pairs), CPU time 12% less; test/fixtures/record-hot unchanged.
  private enterRare: (this: Recorder, method: number) => number = this.enterA;
  private exitRare: (this: Recorder, slot: number) => void = this.exitA;
  private exitWithRare: (this: Recorder, slot: number, value: unknown) => void = this.exitWithA;

  /** Enters a sync function; returns its stack slot (~slot when the call is not timed). */
  e(method: number): number {
    // Literals, not KID_CACHE and LEAF: an imported constant is a load and a check in compiled code.
    if (this.open === undefined) {
      const parent = this.cur;
      const ctx = parent.cache[method & 15]!;
      if (ctx.method === method) {
        const n = ctx.calls + 1;
        // Counted, not timed (a folded context's entries are timed), no bytes: a hot callee.
        if (n < ctx.next && parent !== ctx.timedFrom) {
          ctx.calls = n;
          if (ctx.leaf === false) return this.untimedSlot(ctx);
          this.open = ctx; // no callee so far: the common case of a hot tiny callee
          this.cur = ctx;
          return -1;
        }
      }
    }
    return this.enterRare(method);
  }

  /**
   * Counts a call of a count-only leaf (countOnly.ts) in its context under the running frame (the
   * open leaf call, if any: it stays open and a leaf, since nothing here needs its slot). No clock,
   * no bytes, no exit: its time is its caller's.
   */
  c(method: number): void {
    const parent = this.cur;
    const ctx = parent.cache[method & 15]!; // KID_CACHE - 1, a literal as in e()
    if (ctx.method === method) ctx.calls++;
    else this.countRare(parent, method);
  }

  /**
   * c()'s miss path, through a slot that alternates as enterRare does (never inlined). And it
   * must have type feedback: V8 gives a function its feedback vector only after its first few
   * calls, and c() misses mostly on its first call in a context, before that; a path without
   * feedback compiles to a deopt that leaves the loop with no loop-exit mark, so TurboFan does not
   * peel the loop, and in an on-stack-replaced loop then keeps its variables boxed (a heap number
   * per call for a uint32 hash). warmCounter() takes the miss path once the vector is there.
   */
  private countRare: (this: Recorder, parent: Ctx, method: number) => void = this.countA;

  private countA(parent: Ctx, method: number): void {
    this.countRare = this.countB;
    this.countMiss(parent, method);
  }

  private countB(parent: Ctx, method: number): void {
    this.countRare = this.countA;
    this.countMiss(parent, method);
  }

  /** Takes every path of c() on a throw-away recorder, past V8's first calls (see countRare). */
  private warmCounter(): void {
    // Methods 0 and KID_CACHE share a cache slot: each call misses. Under the root, then under an open leaf call.
    for (let k = 0; k < 2 * WARM_COUNTS; k++) {
      this.open = k < WARM_COUNTS ? undefined : this.root.kids.get(0);
      this.cur = this.open ?? this.root;
      this.c(k & 1 ? KID_CACHE : 0);
    }
    this.open = undefined;
    this.cur = this.root;
  }

  private countMiss(parent: Ctx, method: number): void {
    let ctx = parent.kids.get(method);
    if (!ctx) {
      ctx = newCtx(method, parent === this.root ? undefined : parent, COUNTED);
      parent.kids.set(method, ctx);
    }
    ctx.calls++;
    this.cached(parent, method, ctx);
  }

  private enterA(method: number): number {
    this.enterRare = this.enterB;
    return this.enterSlow(method);
  }

  private enterB(method: number): number {
    this.enterRare = this.enterA;
    return this.enterSlow(method);
  }

  /** e() but for its fast path: under an open leaf call, a look-up, a timed call or a check. */
  private enterSlow(method: number): number {
    if (this.open !== undefined) this.slotOpen(); // it is calling something: it takes its slot first
    const parent = this.ctxs[this.top]!;
    const cached = parent.cache[method & (KID_CACHE - 1)]!;
    const ctx = cached.method === method ? cached : this.contextOf(parent, method);
    const n = ++ctx.calls;
    if (n < ctx.next && ctx.leaf === true) {
      this.open = ctx;
      this.cur = ctx;
      return LEAF;
    }
    return this.enter(ctx, n, parent);
  }

  /** A call of `ctx` (its n-th, called from `parent`) that takes a stack slot. */
  private enter(ctx: Ctx, n: number, parent: Ctx): number {
    const slot = ++this.top;
    if (slot === this.start.length) this.grow();
    this.ctxs[slot] = ctx;
    this.cur = ctx;
    this.inside[slot] = 0;
    if (n < ctx.next) return parent === ctx.timedFrom ? this.timed(ctx, slot, 0) : ~slot;
    return this.due(ctx, n, slot);
  }

  /** Exits the sync frame at `slot` (and any frame left above it). */
  x(slot: number): void {
    if (slot === -1) { // LEAF
      if (this.open !== undefined) return this.closeLeaf();
    } else if (~slot === this.top) return this.popUntimed(~slot);
    this.exitRare(slot);
  }

  /** Exits the sync frame at `slot` with `value` as its result (bytes out when sampled); passes it through. */
  ox<T>(slot: number, value: T): T {
    if (slot === -1) { // LEAF
      if (this.open !== undefined) {
        this.closeLeaf();
        return value;
      }
    } else if (~slot === this.top) {
      this.popUntimed(~slot); // an untimed frame has no bytes
      return value;
    }
    this.exitWithRare(slot, value);
    return value;
  }

  private exitA(slot: number): void {
    this.exitRare = this.exitB;
    this.exit(slot);
  }

  private exitB(slot: number): void {
    this.exitRare = this.exitA;
    this.exit(slot);
  }

  private exitWithA(slot: number, value: unknown): void {
    this.exitWithRare = this.exitWithB;
    this.exitWith(slot, value);
  }

  private exitWithB(slot: number, value: unknown): void {
    this.exitWithRare = this.exitWithA;
    this.exitWith(slot, value);
  }

  private exitWith(slot: number, value: unknown): void {
    if (this.weightOf(slot) !== 0) this.out(slot, value);
    this.exit(slot);
  }

  /**
   * A call of `ctx` (its n-th) with a bytes sample, a timed call or a check due. A call whose
   * bytes are measured is timed too (an untimed frame has no bytes: o() needs no look-up).
   */
  private due(ctx: Ctx, n: number, slot: number): number {
    const weight = n === ctx.bytes.next ? advance(ctx.bytes) : 0;
    const t = ctx.time;
    if (n === t.check) checkTime(t, n, ctx.timed, ctx.slow, ctx.fastMs);
    else if (n === t.warm) warmedUp(t, ctx.timed, ctx.slow, ctx.fastMs); // within a window: every call comes here
    ctx.next = Math.min(ctx.bytes.next, Math.max(t.next, n + 1), t.check);
    if (n < t.next && weight === 0 && this.ctxs[slot - 1] !== ctx.timedFrom) return ~slot;
    return this.timed(ctx, slot, weight);
  }

  /** Starts the clock of the sync frame at `slot` (a bytes sample of `weight`, 0: none). */
  private timed(ctx: Ctx, slot: number, weight: number): number {
    this.sampled[slot] = weight;
    this.s = weight > 0; // i() sets it back
    ctx.timed++;
    this.asyncFrames[slot] = undefined;
    this.start[slot] = clock(); // last: the bookkeeping before is not the call's
    return slot;
  }

  /** Exits a constructor: its bytes out are the new object. */
  xc(slot: number, self: () => unknown): void {
    if (this.weightOf(slot) > 0) {
      let value: unknown;
      try {
        value = self();
      } catch {
        value = undefined; // `this` never initialised: super() threw
      }
      this.o(slot, value);
    }
    this.x(slot);
  }

  /** Enters an async function or a generator body. */
  a(method: number): AsyncFrame {
    if (this.open !== undefined) this.slotOpen(); // the open leaf call is its caller
    const ctx = this.contextOf(this.ctxs[this.top]!, method);
    const sampled = ++ctx.calls === ctx.bytes.next ? advance(ctx.bytes) : 0;
    ctx.timed++;
    const frame: AsyncFrame = { ctx, slot: -1, sampled, done: false };
    this.resume(frame);
    this.s = sampled > 0;
    return frame;
  }

  /** Suspends `frame` at an await/yield; passes `value` through. */
  p<T>(frame: AsyncFrame, value: T): T {
    const now = clock();
    if (frame.slot > 0 && frame.slot <= this.top) this.popTo(frame.slot, now);
    return value;
  }

  /** Resumes `frame` after an await/yield (no-op when it is running); passes `value` through. */
  r<T>(frame: AsyncFrame, value?: T): T {
    if (frame.slot < 0 && !frame.done) this.resume(frame);
    return value as T;
  }

  /** Exits an async function or generator, wherever it is. */
  ax(frame: AsyncFrame): void {
    const now = clock();
    if (frame.slot > 0 && frame.slot <= this.top) this.popTo(frame.slot, now);
    frame.done = true;
  }

  /** The context of `method` under the running frame, folding recursion. */
  private contextOf(parent: Ctx, method: number): Ctx {
    const known = parent.kids.get(method);
    if (known) return this.cached(parent, method, known);
    let target: Ctx | undefined;
    for (let c: Ctx | undefined = parent; c && c !== this.root; c = c.parent) if (c.method === method) target = c;
    if (target) {
      target.timedFrom = target.parent ?? this.root; // its calls from there are the recursion's entries: timed
    }
    const ctx = target ?? newCtx(method, parent === this.root ? undefined : parent, newTimeSchedule(this.sampling, this.tinyMs));
    parent.kids.set(method, ctx);
    parent.leaf = false;
    return this.cached(parent, method, ctx);
  }

  private cached(parent: Ctx, method: number, kid: Ctx): Ctx {
    if (parent.cache === NO_KIDS) parent.cache = emptyCache();
    parent.cache[method & (KID_CACHE - 1)] = kid;
    return kid;
  }
}
