/**
 * The tracer that instrumented modules call, one per process (thread). It keeps the
 * calling-context tree in memory; `snapshot()` (trace.ts) turns it into plain data at exit.
 *
 * Time is exact: every call reads the clock at enter and at exit. A frame's self time is its
 * wall time minus the wall time of the traced calls it made (and minus the recorder's own
 * measured cost of each such call, see calibrate.ts), so self times add up to the wall time of
 * the top-level calls, less what the recorder spent. Time suspended at await/yield is nobody's.
 * Sync frames are slots of parallel arrays (no allocation per call); async functions and
 * generators get a frame object, since they leave the stack at each await/yield and come back.
 */
import { performance } from 'node:perf_hooks';
import { BYTES_BIG, advance, hasOwnData, isThenable, newSchedule, sizeOf, type Schedule, type Unserializable } from './bytes.js';

export type { Unserializable } from './bytes.js';

/** The global symbol name under which instrumented modules find the recorder. */
export const RECORDER_GLOBAL = 'clonecloud.recorder';

export interface Ctx {
  method: number;
  parent: Ctx | undefined;
  /** Method index -> child context (or the ancestor a recursive call folds onto). */
  kids: Map<number, Ctx>;
  /** The last child looked up: a loop calls the same callee again and again. */
  lastMethod: number;
  lastKid: Ctx | undefined;
  calls: number;
  /** Sum over its frames of wall time minus traced callees minus recorder cost, ms (may dip below 0 on a tiny frame). */
  selfMs: number;
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

type FrameRef = number | AsyncFrame;

export class Recorder {
  readonly methods: string[] = [];
  /** Functions the instrumenter left untraced (trivial leaves), by id. */
  readonly untraced = new Set<string>();
  readonly root: Ctx = newCtx(-1, undefined);
  readonly unserializable = new Map<string, Unserializable>();
  readonly budget: TimeBudget = { tracedMs: 0, recorderMs: 0, bytesMs: 0 };
  /** Bytes-sample flag of the frame entered last, read by the instrumented prologue. */
  s = false;

  private top = -1;
  private ctxs: Ctx[] = [];
  // Typed arrays: no element-kind transitions (a deopt each) and no boxing of the clock readings.
  private start = new Float64Array(256);
  /** Wall time of the frame's traced callees (plus their recorder cost), ms. */
  private inside = new Float64Array(256);
  /** Weight of the frame's bytes sample, 0 when not sampled. */
  private sampled = new Float64Array(256);
  private asyncFrames: (AsyncFrame | undefined)[] = [];
  private inner: number;
  private outer: number;

  constructor(readonly cost: CallCost = { inner: 0, outer: 0 }) {
    this.inner = cost.inner;
    this.outer = cost.outer;
  }

  /** Registers a module's method ids (and those it left untraced); returns the index of the first. */
  m(ids: string[], untraced?: string[]): number {
    for (const id of untraced ?? []) this.untraced.add(id);
    const base = this.methods.length;
    this.methods.push(...ids);
    return base;
  }

  /** Enters a sync function; returns its stack slot. */
  e(method: number): number {
    const below = this.top;
    const parent = below >= 0 ? this.ctxs[below]! : this.root;
    const ctx = parent.lastMethod === method ? parent.lastKid! : this.contextOf(parent, method);
    const slot = this.push(ctx, ++ctx.calls === ctx.bytes.next ? advance(ctx.bytes) : 0);
    this.asyncFrames[slot] = undefined;
    this.start[slot] = performance.now(); // last: the bookkeeping above is not the call's
    return slot;
  }

  /** Exits the sync frame at `slot` (and any frame left above it). */
  x(slot: number): void {
    const now = performance.now(); // first: the bookkeeping below is not the call's
    if (slot <= this.top) this.popTo(slot, now);
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

  /** Enters an async function or a generator body. */
  a(method: number): AsyncFrame {
    const ctx = this.contextOf(this.top >= 0 ? this.ctxs[this.top]! : this.root, method);
    const sampled = ++ctx.calls === ctx.bytes.next ? advance(ctx.bytes) : 0;
    const frame: AsyncFrame = { ctx, slot: -1, sampled, done: false };
    this.resume(frame);
    this.s = sampled > 0;
    return frame;
  }

  /** Suspends `frame` at an await/yield; passes `value` through. */
  p<T>(frame: AsyncFrame, value: T): T {
    const now = performance.now();
    if (frame.slot >= 0 && frame.slot <= this.top) this.popTo(frame.slot, now);
    return value;
  }

  /** Resumes `frame` after an await/yield (no-op when it is running); passes `value` through. */
  r<T>(frame: AsyncFrame, value?: T): T {
    if (frame.slot < 0 && !frame.done) this.resume(frame);
    return value as T;
  }

  /** Exits an async function or generator, wherever it is. */
  ax(frame: AsyncFrame): void {
    const now = performance.now();
    if (frame.slot >= 0 && frame.slot <= this.top) this.popTo(frame.slot, now);
    frame.done = true;
  }

  /** Bytes in: the arguments and `this` (when it holds data) of a sampled frame. */
  i(frame: FrameRef, args: unknown[], self: unknown): void {
    const weight = this.weightOf(frame);
    if (weight === 0) return;
    const ctx = this.ctxOf(frame);
    this.measure(() => {
      const parts = hasOwnData(self) ? [...args, self] : args;
      const size = sizeOf(parts, parts, (k, reason) => this.unmovable(ctx, k < args.length ? `argument ${k}` : 'this', reason));
      ctx.bytesIn += size * weight;
      if (size > BYTES_BIG) ctx.bytes.big = true;
    });
  }

  /** Bytes out: the result of a sampled frame (awaited when it is a promise); passes it through. */
  o<T>(frame: FrameRef, value: T): T {
    const weight = this.weightOf(frame);
    if (weight === 0) return value;
    const ctx = this.ctxOf(frame);
    const add = (v: unknown) =>
      this.measure(() => {
        const size = sizeOf(v, [v], (_, reason) => this.unmovable(ctx, 'result', reason));
        ctx.bytesOut += size * weight;
        if (size > BYTES_BIG) ctx.bytes.big = true;
      });
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

  /** Runs `fn` as if it were a callee of the running frame that no one is charged for. */
  private measure(fn: () => void): void {
    const t0 = performance.now();
    try {
      fn();
    } finally {
      if (this.top >= 0) {
        const ms = performance.now() - t0;
        this.budget.bytesMs += ms;
        this.inside[this.top]! += ms;
      }
    }
  }

  private unmovable(ctx: Ctx, value: string, reason: string): void {
    const method = this.methods[ctx.method] ?? '?';
    const key = `${method}\0${value}`;
    const entry = this.unserializable.get(key);
    if (entry) entry.count++;
    else this.unserializable.set(key, { method, value, reason, count: 1 });
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

  private push(ctx: Ctx, sampled: number): number {
    const slot = ++this.top;
    if (slot === this.start.length) this.grow();
    this.ctxs[slot] = ctx;
    this.inside[slot] = 0;
    this.sampled[slot] = sampled;
    this.s = sampled > 0;
    return slot;
  }

  /** Doubles the frame arrays: deep recursion is not folded on the stack, only in the tree. */
  private grow(): void {
    const wider = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = wider(this.start);
    this.inside = wider(this.inside);
    this.sampled = wider(this.sampled);
  }

  private resume(frame: AsyncFrame): void {
    const slot = this.push(frame.ctx, frame.sampled);
    this.asyncFrames[slot] = frame;
    frame.slot = slot;
    this.start[slot] = performance.now();
  }

  /**
   * Closes the frame at `slot` and anything left above it (suspended somewhere we could not
   * see), at time `now`: each gets its wall time minus its callees', and hands its wall time
   * (plus the recorder's cost outside its clock readings) to the frame below.
   */
  private popTo(slot: number, now: number): void {
    for (let k = this.top; k >= slot; k--) {
      const frame = this.asyncFrames[k];
      const wall = now - this.start[k]!;
      // Sync calls carry the calibrated cost of e()/x(); async frames are few, left as measured.
      const inner = frame ? 0 : this.inner;
      const outer = frame ? 0 : this.outer;
      this.ctxs[k]!.selfMs += wall - this.inside[k]! - inner;
      if (k > 0) this.inside[k - 1]! += wall + outer;
      else this.budget.tracedMs += wall;
      this.budget.recorderMs += inner + (k > 0 ? outer : 0);
      if (frame) {
        frame.slot = -1;
        this.asyncFrames[k] = undefined;
      }
    }
    this.top = slot - 1;
  }
}

function newCtx(method: number, parent: Ctx | undefined): Ctx {
  return { method, parent, kids: new Map(), lastMethod: -1, lastKid: undefined, calls: 0, selfMs: 0, bytesIn: 0, bytesOut: 0, bytes: newSchedule() };
}
