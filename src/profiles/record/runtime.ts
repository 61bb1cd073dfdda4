/**
 * The tracer that instrumented modules call, one per process (thread). It keeps the
 * calling-context tree in memory; `snapshot()` turns it into plain data at exit.
 *
 * Time: a clock reading at each switch of the running frame charges the elapsed time to the
 * frame that ran (self time, no child bookkeeping). Frames of hot contexts are timed only on
 * some calls; an untimed frame is transparent (its time goes to the timed frame below it) and
 * `snapshot` moves the scaled estimate back (see snapshot.ts).
 * Sync frames are slots of parallel arrays (no allocation per call); async functions and
 * generators get a frame object, since they leave the stack at each await/yield and come back.
 */
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';

/** The global symbol name under which instrumented modules find the recorder. */
export const RECORDER_GLOBAL = 'clonecloud.recorder';

/**
 * Sampling, per context: every call is timed up to TIME_EXACT calls, then one in TIME_EVERY,
 * and the stride doubles after every TIME_SAMPLES_PER_STRIDE samples (a hot function called
 * millions of times reads the clock a few thousand times). Bytes likewise from BYTES_EXACT /
 * BYTES_EVERY / BYTES_SAMPLES_PER_STRIDE (v8.serialize of a large `this` costs a lot). Each sample
 * weighs the calls up to the next one.
 */
export const TIME_EXACT = 256;
export const TIME_EVERY = 16;
export const BYTES_EXACT = 16;
export const BYTES_EVERY = 64;
export const TIME_SAMPLES_PER_STRIDE = 256;
export const BYTES_SAMPLES_PER_STRIDE = 32;

export interface Ctx {
  method: number;
  parent: Ctx | undefined;
  /** Method index -> child context (or the ancestor a recursive call folds onto). */
  kids: Map<number, Ctx>;
  /** The last child looked up: a loop calls the same callee again and again. */
  lastMethod: number;
  lastKid: Ctx | undefined;
  calls: number;
  /** Time charged while a timed frame of this context was the nearest timed one, ms. */
  selfMs: number;
  /** The same, each span times the weight of the frame it was charged to. */
  weightedSelfMs: number;
  /** `time.weight` is the sum of the weights of the timed calls. */
  time: Schedule;
  /** Weighted sums over the measured calls; `bytes.weight` is the sum of their weights. */
  bytesIn: number;
  bytesOut: number;
  bytes: Schedule;
}

/** Which calls of a context are sampled: call number `next`, then every `stride`. */
export interface Schedule {
  next: number;
  stride: number;
  taken: number;
  weight: number;
  /** Samples taken. */
  count: number;
}

export interface AsyncFrame {
  ctx: Ctx;
  /** Stack slot while running, -1 while suspended or done. */
  slot: number;
  /** Weight of its bytes sample, 0 when not sampled. */
  sampled: number;
  done: boolean;
}

export interface Unserializable {
  method: string;
  value: string;
  reason: string;
  count: number;
}

type FrameRef = number | AsyncFrame;

export class Recorder {
  readonly methods: string[] = [];
  readonly root: Ctx = newCtx(-1, undefined);
  readonly unserializable = new Map<string, Unserializable>();
  /** Bytes-sample flag of the frame entered last, read by the instrumented prologue. */
  s = false;

  private top = -1;
  private ctxs: Ctx[] = [];
  /** Weight of the frame's time sample, 0 when untimed. */
  private timed: number[] = [];
  private nearestTimed: number[] = [];
  /** Weight of the frame's bytes sample, 0 when not sampled. */
  private sampled: number[] = [];
  private asyncFrames: (AsyncFrame | undefined)[] = [];
  private last = 0;

  /** Registers a module's method ids; returns the index of the first. */
  m(ids: string[]): number {
    const base = this.methods.length;
    this.methods.push(...ids);
    return base;
  }

  /** Enters a sync function; returns its stack slot. The common case (not sampled) stays small. */
  e(method: number): number {
    const below = this.top;
    const parent = below >= 0 ? this.ctxs[below]! : this.root;
    const ctx = parent.lastMethod === method ? parent.lastKid! : this.contextOf(parent, method);
    const calls = ++ctx.calls;
    if (calls === ctx.time.next || calls === ctx.bytes.next) return this.enterSampled(ctx);
    const slot = (this.top = below + 1);
    this.ctxs[slot] = ctx;
    this.asyncFrames[slot] = undefined;
    this.timed[slot] = 0;
    this.nearestTimed[slot] = below >= 0 ? this.nearestTimed[below]! : -1;
    this.sampled[slot] = 0;
    this.s = false;
    return slot;
  }

  private enterSampled(ctx: Ctx): number {
    const weight = ctx.calls === ctx.time.next ? advance(ctx.time, TIME_EXACT, TIME_EVERY, TIME_SAMPLES_PER_STRIDE) : 0;
    if (weight) this.charge();
    const slot = this.push(ctx, weight);
    this.asyncFrames[slot] = undefined;
    return slot;
  }

  /** Exits the sync frame at `slot` (and any frame left above it). */
  x(slot: number): void {
    if (slot > this.top) return;
    if (this.timed[slot]) this.charge();
    this.popTo(slot);
  }

  /** Exits a constructor: its bytes out are the new object. */
  xc(slot: number, self: () => unknown): void {
    if (slot <= this.top && this.sampled[slot]! > 0) {
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

  /** Enters an async function or a generator body; always timed. */
  a(method: number): AsyncFrame {
    const ctx = this.contextOf(this.top >= 0 ? this.ctxs[this.top]! : this.root, method);
    ctx.calls++;
    this.charge();
    ctx.time.weight++;
    ctx.time.count++;
    const slot = this.push(ctx, 1);
    const frame: AsyncFrame = { ctx, slot, sampled: this.sampled[slot]!, done: false };
    this.asyncFrames[slot] = frame;
    return frame;
  }

  /** Suspends `frame` at an await/yield; passes `value` through. */
  p<T>(frame: AsyncFrame, value: T): T {
    if (frame.slot >= 0 && frame.slot <= this.top) {
      this.charge();
      this.popTo(frame.slot);
    }
    return value;
  }

  /** Resumes `frame` after an await/yield (no-op when it is running); passes `value` through. */
  r<T>(frame: AsyncFrame, value?: T): T {
    if (frame.slot < 0 && !frame.done) {
      this.charge();
      const slot = this.push(frame.ctx, 1, true);
      this.sampled[slot] = frame.sampled;
      this.asyncFrames[slot] = frame;
      frame.slot = slot;
    }
    return value as T;
  }

  /** Exits an async function or generator, wherever it is. */
  ax(frame: AsyncFrame): void {
    if (frame.slot >= 0 && frame.slot <= this.top) {
      this.charge();
      this.popTo(frame.slot);
    }
    frame.done = true;
  }

  /** Bytes in: the arguments and `this` (when it holds data) of a sampled frame. */
  i(frame: FrameRef, args: unknown[], self: unknown): void {
    const weight = this.weightOf(frame);
    if (weight === 0) return;
    const ctx = this.ctxOf(frame);
    this.measure(() => {
      const withThis = hasOwnData(self);
      const size = this.sizeOf(ctx, withThis ? [...args, self] : args, (k) => (k < args.length ? `argument ${k}` : 'this'));
      ctx.bytesIn += size * weight;
    });
  }

  /** Bytes out: the result of a sampled frame (awaited when it is a promise); passes it through. */
  o<T>(frame: FrameRef, value: T): T {
    const weight = this.weightOf(frame);
    if (weight === 0) return value;
    const ctx = this.ctxOf(frame);
    const add = (v: unknown) => this.measure(() => (ctx.bytesOut += this.sizeOf(ctx, v, () => 'result') * weight));
    if (isThenable(value)) Promise.resolve(value).then(add, () => undefined);
    else add(value);
    return value;
  }

  /** Weight of the frame's bytes sample (0: not sampled); no allocation, this runs on every return. */
  private weightOf(frame: FrameRef): number {
    if (typeof frame === 'number') return frame <= this.top ? this.sampled[frame]! : 0;
    return frame.sampled;
  }

  private ctxOf(frame: FrameRef): Ctx {
    return typeof frame === 'number' ? this.ctxs[frame]! : frame.ctx;
  }

  /** Runs `fn` without charging its time to anyone. */
  private measure(fn: () => void): void {
    this.charge();
    try {
      fn();
    } finally {
      this.last = performance.now();
    }
  }

  /** Serialized size of `value` (a list of arguments, or one result); on failure names what cannot go. */
  private sizeOf(ctx: Ctx, value: unknown, name: (k: number) => string): number {
    try {
      return serialize(value).length;
    } catch (error) {
      let size = 0;
      const parts = name(0) === 'result' ? [value] : (value as unknown[]);
      parts.forEach((v, k) => {
        try {
          size += serialize(v).length;
        } catch (e) {
          const method = this.methods[ctx.method] ?? '?';
          const key = `${method}\0${name(k)}`;
          const entry = this.unserializable.get(key);
          if (entry) entry.count++;
          else this.unserializable.set(key, { method, value: name(k), reason: `${kindOf(v)} cannot be cloned (${errorName(e ?? error)})`, count: 1 });
        }
      });
      return size;
    }
  }

  /** The context of `method` under the running frame, folding recursion. */
  private contextOf(parent: Ctx, method: number): Ctx {
    if (parent.lastMethod === method) return parent.lastKid!;
    const known = parent.kids.get(method);
    if (known) {
      parent.lastMethod = method;
      parent.lastKid = known;
      return known;
    }
    let target: Ctx | undefined;
    for (let c: Ctx | undefined = parent; c && c !== this.root; c = c.parent) if (c.method === method) target = c;
    const ctx = target ?? newCtx(method, parent === this.root ? undefined : parent);
    parent.kids.set(method, ctx);
    parent.lastMethod = method;
    parent.lastKid = ctx;
    return ctx;
  }

  private push(ctx: Ctx, timeWeight: number, resumed = false): number {
    const slot = ++this.top;
    this.ctxs[slot] = ctx;
    this.timed[slot] = timeWeight;
    this.nearestTimed[slot] = timeWeight > 0 ? slot : slot > 0 ? this.nearestTimed[slot - 1]! : -1;
    if (!resumed) {
      const sampled = ctx.calls === ctx.bytes.next ? advance(ctx.bytes, BYTES_EXACT, BYTES_EVERY, BYTES_SAMPLES_PER_STRIDE) : 0;
      this.sampled[slot] = sampled;
      this.s = sampled > 0;
    }
    return slot;
  }

  /** Pops the frame at `slot` and anything left above it (suspended somewhere we could not see). */
  private popTo(slot: number): void {
    for (let k = this.top; k >= slot; k--) {
      const frame = this.asyncFrames[k];
      if (frame) {
        frame.slot = -1;
        this.asyncFrames[k] = undefined;
      }
    }
    this.top = slot - 1;
  }

  /** Charges the time since the last switch to the nearest timed frame, then starts a new span. */
  private charge(): void {
    const now = performance.now();
    const k = this.top >= 0 ? this.nearestTimed[this.top]! : -1;
    if (k >= 0) {
      const ctx = this.ctxs[k]!;
      ctx.selfMs += now - this.last;
      ctx.weightedSelfMs += (now - this.last) * this.timed[k]!;
    }
    this.last = now;
  }
}

function newCtx(method: number, parent: Ctx | undefined): Ctx {
  return {
    method, parent, kids: new Map(), lastMethod: -1, lastKid: undefined, calls: 0,
    selfMs: 0, weightedSelfMs: 0, time: { next: 1, stride: 1, taken: 0, weight: 0, count: 0 },
    bytesIn: 0, bytesOut: 0, bytes: { next: 1, stride: 1, taken: 0, weight: 0, count: 0 },
  };
}

/** Takes the sample due now; returns its weight (the calls up to the next sample). */
function advance(s: Schedule, exact: number, every: number, perStride: number): number {
  s.count++;
  if (++s.taken >= (s.stride === 1 ? exact : perStride)) {
    s.stride = s.stride === 1 ? every : s.stride * 2;
    s.taken = 0;
  }
  s.next += s.stride;
  s.weight += s.stride;
  return s.stride;
}

function hasOwnData(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value === globalThis) return false;
  for (const _ in value) return true;
  return Object.getOwnPropertyNames(value).length > 0;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
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

/** The recorder's own cost per call, ms: `timed` is charged to a timed call, `untimed` to the frame below an untimed one. */
export interface Overhead {
  timed: number;
  untimed: number;
}

/** Measured on empty frames at start-up, the smallest of a few rounds; snapshot() takes it off. */
export function calibrate(): Overhead {
  let timed = Infinity;
  let untimed = Infinity;
  for (let round = 0; round < 5; round++) {
    const rec = new Recorder();
    const m = rec.m(['calibration']);
    for (let k = 0; k < TIME_EXACT; k++) rec.x(rec.e(m));
    const ctx = rec.root.kids.get(m)!;
    timed = Math.min(timed, ctx.selfMs / ctx.calls);
    ctx.time.next = ctx.bytes.next = Infinity;
    const n = 4096;
    const t0 = performance.now();
    for (let k = 0; k < n; k++) rec.x(rec.e(m));
    untimed = Math.min(untimed, (performance.now() - t0) / n);
  }
  return { timed, untimed };
}
