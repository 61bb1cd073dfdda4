/**
 * Runs every branch of the recorder's per-call methods once, on a throwaway recorder, before
 * the app's code loads. V8 keeps one set of type feedback per function, shared by every
 * recorder and every call site it is inlined into. A branch that has never run when an app
 * function is optimized is compiled as a deoptimization exit, not as a call; and an
 * optimized loop (on-stack replacement) that holds such an exit and a store (e() counts the
 * call) keeps its numbers boxed: measured on test/fixtures/record-hot, a loop variable
 * over 2^31 was allocated as a heap number on every call of `mix` (45 scavenges against 1).
 * A branch that has run is compiled as a call, which leaves the loop as it was. In a traced
 * app most of these branches run only late or never (x()'s untimed-frame exit when no
 * untimed frame has exited yet, e()'s recursive call of a folded context, ...).
 */
import type { Recorder } from './runtime.js';

/** Calls of each kind: enough for the contexts to be checked and counted without timing. */
const WARM_CALLS = 3000;

/**
 * Exercises `make()`'s recorder (sampling on, every context tiny) through each path of e(),
 * x(), ox(), xc(), i() and o(): timed and untimed calls, leaves that call something later,
 * untimed frames with callees, a recursion folded onto its context, sampled bytes in and out,
 * a stack deeper than its first arrays.
 */
export function warmUp(make: () => Recorder): void {
  const rec = make();
  const top = rec.m(['top', 'mid', 'leaf', 'rec', 'late', 'ctor']);
  const [mid, leaf, rec1, late, ctor] = [top + 1, top + 2, top + 3, top + 4, top + 5];
  const value = { data: [1, 2, 3] };
  const t = rec.e(top);
  for (let k = 0; k < WARM_CALLS; k++) {
    const m = rec.e(mid);
    if (rec.s) rec.i(m, [k], value);
    const l = rec.e(leaf);
    if (rec.s) rec.i(l, [], undefined);
    rec.ox(l, k);
    rec.x(rec.e(leaf));
    const r = rec.e(rec1); // a recursion: folded onto its context, its inner call untimed once tiny
    rec.x(rec.e(rec1));
    rec.ox(r, value);
    // A leaf until its calls pass the first check, then it calls something: it takes a slot late.
    const lt = rec.e(late);
    if (k > WARM_CALLS / 2) rec.x(rec.e(leaf));
    rec.x(lt);
    const c = rec.e(ctor);
    rec.xc(c, () => value);
    rec.o(m, value);
    if (k % 2 === 0) rec.ox(m, value);
    else rec.x(m);
  }
  deep(rec, rec1, WARM_DEPTH); // the stack grows: grow() has run
  rec.x(t);
}

/** Deeper than the recorder's first stack (256 slots). */
const WARM_DEPTH = 300;

function deep(rec: Recorder, method: number, depth: number): void {
  const slot = rec.e(method);
  if (depth > 0) deep(rec, method, depth - 1);
  rec.x(slot);
}

