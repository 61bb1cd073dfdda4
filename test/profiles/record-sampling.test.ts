import { headerLines, type Recording } from '../../src/profiles/record/header.js';
import { Recorder } from '../../src/profiles/record/runtime.js';
import { TIME_CHECK, TIME_WARM, TIME_WINDOW } from '../../src/profiles/record/sampling.js';
import { parseTrace } from '../../src/profiles/record/readTrace.js';
import { snapshot, type Trace } from '../../src/profiles/record/trace.js';

// Hot tiny callees are counted on every call but timed only on some (sampling.ts): counts stay
// exact, the time of the untimed calls stays in the caller's self time, and the books balance.

/** Spins for about `us` microseconds: a callee whose cost does not depend on the recorder. */
function spin(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
}

/** A deterministic tiny workload: the same arithmetic on every call, no allocation. */
function work(h: number, k: number): number {
  for (let j = 0; j < 4; j++) h = Math.imul(h ^ (k + j), 16777619) | 0;
  return h;
}

/** What `rounds` rounds of `calls` calls of work leave in h, untraced: the traced run must compute the same. */
function untraced(rounds: number, calls: number, slowEvery = 0): number {
  let h = 0;
  for (let r = 0; r < rounds; r++) for (let k = 0; k < calls; k++) if (!slowEvery || k % slowEvery !== slowEvery - 1) h = work(h, k);
  return h;
}

const COST = { inner: 0.00004, outer: 0.00006, untimed: 0.00001 };
// Code under jest runs several times slower than in a plain process (a loop of one multiply took
// 0.7 us a call): tiny here is under 20 us, a call that is not tiny spins 100 us or more.
const TINY = { tinyMs: 0.02 };

/** The wall time of the last run's rounds, ms (the recorder's snapshot not included). */
let lastWall = 0;

function run(rec: Recorder, rounds: number, calls: number, body: (k: number) => void) {
  const [caller, callee] = [rec.m(['a.ts#caller']), rec.m(['a.ts#callee'])];
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const top = rec.e(caller);
    for (let k = 0; k < calls; k++) {
      const f = rec.e(callee);
      try {
        body(k);
      } finally {
        rec.x(f);
      }
    }
    rec.x(top);
  }
  lastWall = performance.now() - t0;
  return snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
}

const self = (t: Trace) => t.contexts.reduce((sum, c) => sum + c.selfMs, 0);

describe('record: hot tiny callees counted without timing', () => {
  it('keeps exact counts, times only some calls, and balances the books exactly', () => {
    let h = 0;
    const t = run(new Recorder(COST, TINY), 3, 200_000, (k) => (h = work(h, k)));
    const [caller, callee] = t.contexts;
    expect(caller!.calls).toBe(3);
    expect(callee!.calls).toBe(600_000);
    // The first TIME_CHECK calls, a window at each doubling and the calls whose bytes are measured (bytes.ts: ~10 per doubling).
    expect(callee!.timed).toBeGreaterThanOrEqual(TIME_CHECK);
    expect(callee!.timed).toBeLessThan(TIME_CHECK + 10 * (TIME_WARM + TIME_WINDOW + 10));
    const time = t.time!;
    const untimed = callee!.calls - callee!.timed!;
    const timedSync = 3 + callee!.timed!;
    expect(time.untimedMs).toBe(COST.untimed);
    // inner on every timed call, outer on every timed call but the top-level ones, and the cost of each untimed call.
    expect(time.recorderMs).toBeCloseTo(timedSync * COST.inner + callee!.timed! * COST.outer + untimed * COST.untimed, 9);
    expect(self(t) + time.recorderMs + time.bytesMs - time.clampedMs).toBeCloseTo(time.tracedMs, 6);
    expect(h).toBe(untraced(3, 200_000)); // the work ran, each call once
  });

  it('keeps the time of the whole call tree within 10% of the wall time measured around it', () => {
    // Tolerance: the recorder's calibrated costs are taken as 0 here, so what is traced is all
    // of the wall time but for the top-level enter and exit; 10% allows for a preempted round.
    let h = 0;
    const rec = new Recorder({ inner: 0, outer: 0, untimed: 0 }, TINY);
    const t = run(rec, 1, 300_000, (k) => (h = work(h, k)));
    const wall = lastWall;
    expect(t.contexts[1]!.timed).toBeLessThan(t.contexts[1]!.calls);
    expect(self(t)).toBeLessThanOrEqual(wall);
    expect(self(t)).toBeGreaterThan(wall * 0.9);
    expect(h).toBe(untraced(1, 300_000));
  });

  it('times every call of a callee that is not tiny', () => {
    const t = run(new Recorder(COST, TINY), 1, TIME_CHECK * 2 + 10, () => spin(100));
    expect(t.contexts[1]!.calls).toBe(TIME_CHECK * 2 + 10);
    expect(t.contexts[1]!.timed).toBeUndefined(); // every call timed
  });

  it('counts a tiny callee without timing despite a few slow calls (a garbage collection, a cold path)', () => {
    let h = 0;
    // One call in 256 spins 300 us (slow: over 10x the tiny bound), the others are tiny: under 1 in 50.
    const t = run(new Recorder(COST, TINY), 1, TIME_CHECK * 4, (k) => (k % 256 === 255 ? spin(300) : (h = work(h, k))));
    expect(t.contexts[1]!.timed).toBeLessThan(TIME_CHECK * 3);
    expect(h).toBe(untraced(1, TIME_CHECK * 4, 256));
  });

  it("times a tiny recursion's entries, not its calls of itself, whose time stays its own", () => {
    const rec = new Recorder(COST, TINY);
    const [caller, f] = [rec.m(['a.ts#caller']), rec.m(['a.ts#f'])];
    const down = (depth: number): void => {
      const frame = rec.e(f);
      if (depth > 0) down(depth - 1);
      else spin(10); // tiny: under TINY's 20 us
      rec.x(frame);
    };
    const top = rec.e(caller);
    for (let k = 0; k < 5000; k++) down(3);
    rec.x(top);
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const [callerCtx, fCtx] = t.contexts;
    expect(t.contexts.map((c) => [t.methods[c.method], c.calls])).toEqual([
      ['a.ts#caller', 1],
      ['a.ts#f', 20000], // folded onto one context
    ]);
    // Every entry from the caller is timed (5000), and the calls of f by f after the first check mostly not.
    expect(fCtx!.timed).toBeGreaterThanOrEqual(5000);
    expect(fCtx!.timed).toBeLessThan(20000 - 5000);
    // The spinning (5000 x 10 us) is f's, not its caller's: the caller's own loop is all it has.
    expect(fCtx!.selfMs).toBeGreaterThan(5000 * 0.01 * 0.9);
    expect(callerCtx!.selfMs).toBeLessThan(fCtx!.selfMs);
  });

  it("counts a tiny recursion's calls back through another context without timing, its entries timed", () => {
    // f -> g -> f, as a parser's expression -> factor -> expression: g's call of f folds back onto f.
    const rec = new Recorder(COST, TINY);
    const [caller, f, g] = [rec.m(['a.ts#caller']), rec.m(['a.ts#f']), rec.m(['a.ts#g'])];
    const down = (depth: number): void => {
      const frame = rec.e(f);
      if (depth > 0) {
        const via = rec.e(g);
        down(depth - 1);
        rec.x(via);
      } else spin(10); // tiny: under TINY's 20 us
      rec.x(frame);
    };
    const top = rec.e(caller);
    for (let k = 0; k < 5000; k++) down(3);
    rec.x(top);
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const [callerCtx, fCtx, gCtx] = t.contexts;
    expect(t.contexts.map((c) => [t.methods[c.method], c.calls])).toEqual([
      ['a.ts#caller', 1],
      ['a.ts#f', 20000], // 5000 entries from the caller, 15000 calls back from g, folded onto one context
      ['a.ts#g', 15000],
    ]);
    // Every entry is timed; g's calls of f, after the first check, mostly not (all timed before).
    expect(fCtx!.timed).toBeGreaterThanOrEqual(5000);
    expect(fCtx!.timed).toBeLessThan(20000 - 5000);
    // The spinning (5000 x 10 us) stays inside the recursion, f's or g's, not the caller's.
    expect(fCtx!.selfMs + gCtx!.selfMs).toBeGreaterThan(5000 * 0.01 * 0.9);
    expect(callerCtx!.selfMs).toBeLessThan(fCtx!.selfMs + gCtx!.selfMs);
  });

  it('nests a call made by an untimed leaf call under it, an async one too', () => {
    const rec = new Recorder(COST, { tinyMs: 1000 }); // every context tiny: the leaf is untimed after its first check
    const [caller, leaf, later, sync] = [rec.m(['a.ts#caller']), rec.m(['a.ts#leaf']), rec.m(['a.ts#later']), rec.m(['a.ts#sync'])];
    const top = rec.e(caller);
    for (let k = 0; k < 3000; k++) {
      const f = rec.e(leaf);
      if (k === 2999) rec.ax(rec.a(later)); // its first call of anything, while counted without timing
      if (k === 2999) rec.x(rec.e(sync));
      rec.x(f);
    }
    rec.x(top);
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const path = (id: number | undefined): string => {
      const c = t.contexts.find((x) => x.id === id);
      return c ? `${path(c.parent)}/${t.methods[c.method]}` : '';
    };
    expect(t.contexts.map((c) => [path(c.id), c.calls])).toEqual([
      ['/a.ts#caller', 1],
      ['/a.ts#caller/a.ts#leaf', 3000],
      ['/a.ts#caller/a.ts#leaf/a.ts#later', 1],
      ['/a.ts#caller/a.ts#leaf/a.ts#sync', 1],
    ]);
    expect(t.contexts[1]!.timed).toBeLessThan(3000);
  });

  it('times every call again once a tiny callee stops being tiny', () => {
    const calls = TIME_CHECK * 4;
    let h = 0;
    // Tiny for its first 2048 calls, then 300 us a call: found tiny at 1024, timed again from the window at 2048 on.
    const t = run(new Recorder(COST, TINY), 1, calls, (k) => (k < TIME_CHECK * 2 ? (h = work(h, k)) : spin(300)));
    const callee = t.contexts[1]!;
    expect(callee.calls).toBe(calls);
    // Untimed: calls 1024 to 2047 but those whose bytes were measured (a few).
    expect(callee.timed).toBeGreaterThanOrEqual(calls - TIME_CHECK);
    expect(callee.timed).toBeLessThan(calls - TIME_CHECK + 10);
    // The slow calls are the callee's own time: 2048 x 300 us.
    expect(callee.selfMs).toBeGreaterThan((calls - TIME_CHECK * 2) * 0.3 * 0.95);
    expect(h).toBe(untraced(1, TIME_CHECK * 2));
  });

  it('round-trips the timed counts through a trace file, and the header names the methods', () => {
    let h = 0;
    const trace = parseTrace(JSON.stringify(run(new Recorder(COST, TINY), 1, 50_000, (k) => (h = work(h, k)))), 't.json');
    expect(trace.contexts[1]!.timed).toBeLessThan(50_000);
    expect(trace.contexts[0]!.timed).toBeUndefined();
    const recording: Recording = {
      schema: 's.json',
      started: new Date(0),
      ended: new Date(0),
      command: ['node', 'x.js'],
      runs: 1,
      traces: [trace],
      exit: { code: 0 },
      loadAtStart: [0, 0, 0],
      loadAtEnd: [0, 0, 0],
      selfMs: 1,
    };
    const text = headerLines(recording).join('\n');
    expect(text).toMatch(/COUNTED, NOT TIMED/);
    expect(text).toContain(`a.ts#callee (${trace.contexts[1]!.timed} of 50000)`);
    expect(text).not.toContain('a.ts#caller (');
    expect(() => parseTrace(JSON.stringify({ ...trace, contexts: [{ ...trace.contexts[0], timed: 9 }] }), 'u.json')).toThrow(/timed calls of 1/);
    expect(h).toBe(untraced(1, 50_000));
  });
});
