/**
 * The recorder's own cost per sync call, measured at start-up on empty frames: `inner` is what
 * a call's own clock readings include (an empty call still shows that much wall time), `outer`
 * what its caller sees besides (the enter before the first reading, the exit after the last).
 * The smallest of several rounds after a warm-up: JIT-compiled and unloaded, so it is a lower
 * bound of the real cost and never takes off more than the recorder spent.
 */
import { Recorder, type CallCost } from './runtime.js';

// Enough calls for the optimizing compiler to take e()/x() over before the rounds that count.
const CALLS = 10000;
const ROUNDS = 6;

export function calibrate(): CallCost {
  let inner = Infinity;
  let outer = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const rec = new Recorder();
    const [caller, callee] = [rec.m(['caller']), rec.m(['callee'])];
    const top = rec.e(caller);
    for (let k = 0; k < CALLS; k++) rec.x(rec.e(callee));
    rec.x(top);
    const parent = rec.root.kids.get(caller)!;
    const child = parent.kids.get(callee)!;
    if (round < 3) continue; // warm-up
    inner = Math.min(inner, child.selfMs / CALLS);
    outer = Math.min(outer, parent.selfMs / CALLS);
  }
  // The caller's loop is a few ns a turn, not the recorder's: leave it in (it is tiny and errs low).
  return { inner: Math.max(0, inner), outer: Math.max(0, outer) };
}

