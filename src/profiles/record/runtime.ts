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

/** Every call is timed up to this many calls of a context, then one in TIME_EVERY. */
export const TIME_EXACT = 256;
export const TIME_EVERY = 16;
/** Bytes are measured on the first BYTES_EXACT calls of a context, then one in BYTES_EVERY. */
export const BYTES_EXACT = 16;
export const BYTES_EVERY = 64;

export interface Ctx {
  method: number;
  parent: Ctx | undefined;
  /** Method index -> child context (or the ancestor a recursive call folds onto). */
  kids: Map<number, Ctx>;
  calls: number;
  timedCalls: number;
  /** Time charged while a timed frame of this context was the nearest timed one, ms. */
  selfMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface AsyncFrame {
  ctx: Ctx;
  /** Stack slot while running, -1 while suspended or done. */
  slot: number;
  sampled: boolean;
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
  private timed: boolean[] = [];
  private nearestTimed: number[] = [];
  private sampled: boolean[] = [];
  private asyncFrames: (AsyncFrame | undefined)[] = [];
  private last = 0;

  /** Registers a module's method ids; returns the index of the first. */
  m(ids: string[]): number {
    const base = this.methods.length;
    this.methods.push(...ids);
    return base;
  }

  /** Enters a sync function; returns its stack slot. */
  e(method: number): number {
    const ctx = this.contextOf(method);
    const calls = ++ctx.calls;
    const timed = calls <= TIME_EXACT || calls % TIME_EVERY === 0;
    if (timed) this.charge();
    const slot = this.push(ctx, timed);
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
    if (slot <= this.top && this.sampled[slot]) {
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
    const ctx = this.contextOf(method);
    ctx.calls++;
    this.charge();
    const slot = this.push(ctx, true);
    const frame: AsyncFrame = { ctx, slot, sampled: this.s, done: false };
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
      const slot = this.push(frame.ctx, true);
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
    const ctx = this.sampledCtx(frame);
    if (!ctx) return;
    const weight = ctx.calls <= BYTES_EXACT ? 1 : BYTES_EVERY;
    this.measure(() => {
      const withThis = hasOwnData(self);
      const size = this.sizeOf(ctx, withThis ? [...args, self] : args, (k) =>
        k < args.length ? `argument ${k}` : 'this',
      );
      ctx.bytesIn += size * weight;
    });
  }

  /** Bytes out: the result of a sampled frame (awaited when it is a promise); passes it through. */
  o<T>(frame: FrameRef, value: T): T {
    const ctx = this.sampledCtx(frame);
    if (!ctx) return value;
    const weight = ctx.calls <= BYTES_EXACT ? 1 : BYTES_EVERY;
    const add = (v: unknown) => this.measure(() => (ctx.bytesOut += this.sizeOf(ctx, [v], () => 'result') * weight));
    if (isThenable(value)) Promise.resolve(value).then(add, () => undefined);
    else add(value);
    return value;
  }

  private sampledCtx(frame: FrameRef): Ctx | undefined {
    if (typeof frame === 'number') return frame <= this.top && this.sampled[frame] ? this.ctxs[frame] : undefined;
    return frame.sampled ? frame.ctx : undefined;
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

  /** Serialized size of `values` as one array; on failure names the values that cannot go. */
  private sizeOf(ctx: Ctx, values: unknown[], name: (k: number) => string): number {
    try {
      return serialize(values).length;
    } catch (error) {
      let size = 0;
      values.forEach((v, k) => {
        try {
          size += serialize(v).length;
        } catch (e) {
          const method = this.methods[ctx.method] ?? '?';
          const key = `${method}\0${name(k)}`;
          const entry = this.unserializable.get(key);
          if (entry) entry.count++;
          else this.unserializable.set(key, { method, value: name(k), reason: firstLine(e ?? error), count: 1 });
        }
      });
      return size;
    }
  }

  /** The context of `method` under the running frame, folding recursion. */
  private contextOf(method: number): Ctx {
    const parent = this.top >= 0 ? this.ctxs[this.top]! : this.root;
    const known = parent.kids.get(method);
    if (known) return known;
    let target: Ctx | undefined;
    for (let c: Ctx | undefined = parent; c && c !== this.root; c = c.parent) if (c.method === method) target = c;
    const ctx = target ?? newCtx(method, parent === this.root ? undefined : parent);
    parent.kids.set(method, ctx);
    return ctx;
  }

  private push(ctx: Ctx, timed: boolean): number {
    const slot = ++this.top;
    this.ctxs[slot] = ctx;
    this.timed[slot] = timed;
    this.nearestTimed[slot] = timed ? slot : slot > 0 ? this.nearestTimed[slot - 1]! : -1;
    const sampled = ctx.calls <= BYTES_EXACT || ctx.calls % BYTES_EVERY === 0;
    this.sampled[slot] = sampled;
    this.s = sampled;
    if (timed) ctx.timedCalls++;
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
    if (k >= 0) this.ctxs[k]!.selfMs += now - this.last;
    this.last = now;
  }
}

function newCtx(method: number, parent: Ctx | undefined): Ctx {
  return { method, parent, kids: new Map(), calls: 0, timedCalls: 0, selfMs: 0, bytesIn: 0, bytesOut: 0 };
}

function hasOwnData(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value === globalThis) return false;
  for (const _ in value) return true;
  return Object.getOwnPropertyNames(value).length > 0;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
