/**
 * The recorder's bytes in and out (runtime.ts takes the calls): a sampled frame's arguments and
 * `this` at its start, its result at its end (a promise's when it settles), each measured as a
 * callee of the running frame that no one is charged for, and the values that cannot be
 * serialized, per method. Between the frame stack (stack.ts) and the recorder, which extends it.
 */
import { hasOwnData, isThenable, measured, sizeOf, type Unserializable } from './bytes.js';
import type { Ctx } from './frames.js';
import { clock, FrameStack, type FrameRef } from './stack.js';

export class BytesStack extends FrameStack {
  /** Method ids by index, as modules register them (Recorder.m). */
  readonly methods: string[] = [];
  readonly unserializable = new Map<string, Unserializable>();
  /** Bytes-sample flag of the frame entered last, read by the instrumented prologue. */
  s = false;

  protected bytesMs = 0;

  /** Bytes in: the arguments and `this` (when it holds data) of a sampled frame. */
  i(frame: FrameRef, args: unknown[], self: unknown): void {
    this.s = false; // e() and the untimed paths leave it as they find it: false
    const weight = this.weightOf(frame);
    if (weight === 0) return;
    const ctx = this.ctxOf(frame);
    this.measure(() => {
      const parts = hasOwnData(self) ? [...args, self] : args;
      const size = sizeOf(parts, parts, (k, reason) => this.unmovable(ctx, k < args.length ? `argument ${k}` : 'this', reason));
      ctx.bytesIn += size * weight;
      measured(ctx.bytes, size);
    });
  }

  /** Bytes out: the result of a sampled frame (awaited when it is a promise); passes it through. */
  o<T>(frame: FrameRef, value: T): T {
    // The measuring is apart: a closure here would allocate its context on every return.
    if (this.weightOf(frame) !== 0) this.out(frame, value);
    return value;
  }

  protected out(frame: FrameRef, value: unknown): void {
    const weight = this.weightOf(frame);
    const ctx = this.ctxOf(frame);
    const add = (v: unknown) =>
      this.measure(() => {
        const size = sizeOf(v, [v], (_, reason) => this.unmovable(ctx, 'result', reason));
        ctx.bytesOut += size * weight;
        measured(ctx.bytes, size);
      });
    if (isThenable(value)) Promise.resolve(value).then(add, () => undefined);
    else add(value);
  }

  /** Runs `fn` as if it were a callee of the running frame that no one is charged for. */
  private measure(fn: () => void): void {
    const t0 = clock();
    try {
      fn();
    } finally {
      if (this.top > 0) {
        const ms = clock() - t0;
        this.bytesMs += ms;
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
}
