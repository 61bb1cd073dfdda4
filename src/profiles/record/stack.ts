/**
 * The recorder's frame stack (runtime.ts enters and exits the frames): sync frames are slots of
 * parallel arrays (no allocation per call), slot 0 the root, whose `inside` sums the top-level
 * calls. A timed frame holds its clock reading at enter; an untimed frame (~slot) none, its
 * callees' time is handed down to its caller. An untimed call of a context that never called a
 * traced function (a leaf) takes no slot at all: it is `open` (e() returns LEAF) until it exits,
 * or until it calls something after all, which gives it its slot then. Async frames (async
 * functions, generators) leave the stack at each await/yield and come back; they are always timed.
 */
import { performance } from 'node:perf_hooks';
import { newCtx, type AsyncFrame, type CallCost, type Ctx } from './frames.js';
import { newTimeSchedule } from './sampling.js';

/** What e() returns for an untimed call of a leaf: it has no slot (untimed slots are ~slot <= -2). */
export const LEAF = -1;

/** The clock of timed calls, ms. */
export const clock = (): number => performance.now();

export type FrameRef = number | AsyncFrame;

export class FrameStack {
  readonly root: Ctx = newCtx(-1, undefined, newTimeSchedule(false));

  protected top = 0;
  /** The untimed leaf call running now, without a slot (see LEAF). */
  protected open: Ctx | undefined = undefined;
  protected ctxs: Ctx[] = [this.root];
  /**
   * The context calls are counted under now: `open` when there is one, else the top frame's. Kept
   * on every push and pop (calls of traced functions), so that a count-only leaf's c() and e()'s
   * fast path read one field rather than `open`, the stack and its top (they run far more often).
   */
  protected cur: Ctx = this.root;
  // Typed arrays: no element-kind transitions (a deopt each) and no boxing of the clock readings.
  /** Clock reading at the frame's enter (or resume); -1 for an untimed frame and above the top (so e() need not write it). */
  protected start = new Float64Array(256).fill(-1);
  /** Wall time of the frame's traced callees (plus their recorder cost), ms; slot 0: of the top-level calls. */
  protected inside = new Float64Array(256);
  /** Weight of the frame's bytes sample, 0 when not sampled (integers: a double read out of a non-inlined call is boxed). */
  protected sampled = new Int32Array(256);
  protected asyncFrames: (AsyncFrame | undefined)[] = [];
  protected inner: number;
  protected outer: number;
  protected untimed: number;
  protected recorderMs = 0;

  constructor(cost: CallCost) {
    this.inner = cost.inner;
    this.outer = cost.outer;
    this.untimed = cost.untimed ?? 0;
  }

  /** An untimed call of `ctx` that takes a stack slot: it has called something before. */
  protected untimedSlot(ctx: Ctx): number {
    const slot = ++this.top;
    if (slot === this.start.length) this.grow();
    this.ctxs[slot] = ctx;
    this.cur = ctx;
    this.inside[slot] = 0;
    return ~slot;
  }

  /** The open leaf call is calling something: it takes its slot, as an untimed frame. */
  protected slotOpen(): void {
    const slot = ++this.top;
    if (slot === this.start.length) this.grow();
    this.ctxs[slot] = this.open!;
    this.inside[slot] = 0;
    this.open = undefined;
  }

  /** Exits the open leaf call: its time stays its caller's, less the cost of an untimed call. */
  protected closeLeaf(): void {
    this.open = undefined;
    this.cur = this.ctxs[this.top]!;
    this.inside[this.top]! += this.untimed;
  }

  /** Exits the untimed frame at `k`, the top one: its callees' time and its cost go to its caller. */
  protected popUntimed(k: number): void {
    this.inside[k - 1]! += this.inside[k]! + this.untimed;
    this.top = k - 1;
    this.cur = this.ctxs[k - 1]!;
  }

  protected exit(slot: number): void {
    if (slot < 0) {
      // An untimed frame; LEAF: a leaf call that called something, took a slot, and is now the top one.
      const k = slot === LEAF ? this.top : ~slot;
      if (k === this.top) {
        this.inside[k - 1]! += this.inside[k]! + this.untimed;
        this.top = k - 1;
        this.cur = this.ctxs[k - 1]!;
      } else if (k < this.top) this.popTo(k, clock());
      return;
    }
    const now = clock(); // first: the bookkeeping below is not the call's
    if (slot <= this.top) this.popTo(slot, now);
  }

  /** Weight of the frame's bytes sample (0: not sampled); no allocation, this runs on every return. */
  protected weightOf(frame: FrameRef): number {
    if (typeof frame !== 'number') return frame.sampled;
    return frame >= 0 && frame <= this.top ? this.sampled[frame]! : 0; // an untimed frame has no sample
  }

  protected ctxOf(frame: FrameRef): Ctx {
    return typeof frame === 'number' ? this.ctxs[frame < 0 ? ~frame : frame]! : frame.ctx;
  }

  protected push(ctx: Ctx, sampled: number): number {
    if (this.open !== undefined) this.slotOpen();
    const slot = ++this.top;
    if (slot === this.start.length) this.grow();
    this.ctxs[slot] = ctx;
    this.cur = ctx;
    this.inside[slot] = 0;
    this.sampled[slot] = sampled;
    return slot;
  }

  /** Doubles the frame arrays: deep recursion is not folded on the stack, only in the tree. */
  protected grow(): void {
    const wider = <A extends Float64Array | Int32Array>(a: A, fill = 0): A => {
      const b = new (a.constructor as new (n: number) => A)(a.length * 2).fill(fill) as A;
      b.set(a);
      return b;
    };
    this.start = wider(this.start, -1);
    this.inside = wider(this.inside);
    this.sampled = wider(this.sampled);
  }

  protected resume(frame: AsyncFrame): void {
    const slot = this.push(frame.ctx, frame.sampled);
    this.asyncFrames[slot] = frame;
    frame.slot = slot;
    this.start[slot] = clock();
  }

  /**
   * Closes the frame at `slot` and anything left above it (suspended somewhere we could not
   * see), at time `now`: each gets its wall time minus its callees', and hands its wall time
   * (plus the recorder's cost outside its clock readings) to the frame below.
   */
  protected popTo(slot: number, now: number): void {
    for (let k = this.top; k >= slot; k--) {
      const ctx = this.ctxs[k]!;
      const start = this.start[k]!;
      if (start < 0) {
        // Untimed, as in x(): its callees' time and the cost of an untimed call go to the caller.
        this.inside[k - 1]! += this.inside[k]! + this.untimed;
        continue;
      }
      this.start[k] = -1;
      const frame = this.asyncFrames[k];
      const wall = now - start;
      // Sync calls carry the calibrated cost of e()/x(); async frames are few, left as measured.
      const inner = frame ? 0 : this.inner;
      // A top-level call's cost outside its clock readings is in no traced wall time.
      const outer = frame || k === 1 ? 0 : this.outer;
      const self = wall - this.inside[k]! - inner;
      ctx.selfMs += self;
      this.inside[k - 1]! += wall + outer;
      this.recorderMs += inner + outer;
      if (frame) {
        frame.slot = -1;
        this.asyncFrames[k] = undefined;
      } else if (self < ctx.time.slowMs) ctx.fastMs += self;
      else ctx.slow++;
    }
    this.top = slot - 1;
    this.cur = this.open ?? this.ctxs[slot - 1]!;
  }
}
