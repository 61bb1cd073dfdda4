import { InputError } from '../../src/errors.js';
import { KID_CACHE } from '../../src/profiles/record/frames.js';
import { Recorder } from '../../src/profiles/record/runtime.js';
import { parseTrace } from '../../src/profiles/record/readTrace.js';
import { snapshot } from '../../src/profiles/record/trace.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrated, costFromText, settledCostText, SETTLED } from '../../src/profiles/record/calibrate.js';

describe('partial trace files', () => {
  const good = () => {
    const rec = new Recorder();
    const a = rec.m(['src/a.ts#a', 'src/a.ts#b']);
    const b = a + 1;
    const fa = rec.e(a);
    for (let k = 0; k < 3; k++) rec.x(rec.e(b));
    rec.x(fa);
    return snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
  };

  it('round-trips count-only contexts and the methods named like built-ins', () => {
    const rec = new Recorder();
    const a = rec.m(['src/a.ts#a', 'src/a.ts#leaf', 'src/a.ts#Str.charCodeAt'], [], ['src/a.ts#leaf'], ['charCodeAt']);
    const fa = rec.e(a);
    for (let k = 0; k < 3; k++) rec.c(a + 1);
    rec.x(fa);
    const trace = parseTrace(JSON.stringify(snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 })), 't.json');
    expect(trace.countOnly).toEqual(['src/a.ts#leaf']);
    expect(trace.builtinNamesakes).toEqual(['src/a.ts#Str.charCodeAt']);
    expect(trace.contexts[1]).toMatchObject({ parent: 0, calls: 3, timed: 0, selfMs: 0 });
  });

  it('counts count-only leaves exactly when they share a slot of the cache of children (each call a miss)', () => {
    const rec = new Recorder();
    const ids = Array.from({ length: KID_CACHE + 2 }, (_, k) => `src/a.ts#f${k}`);
    const a = rec.m(ids, [], ids.slice(1));
    const [p, q] = [a + 1, a + 1 + KID_CACHE]; // one slot of a's cache
    const fa = rec.e(a);
    for (let k = 0; k < 5; k++) {
      rec.c(p);
      rec.c(q);
      rec.c(q);
    }
    rec.x(fa);
    const trace = parseTrace(JSON.stringify(snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 })), 't.json');
    expect(trace.contexts.map((c) => [c.parent, trace.methods[c.method], c.calls])).toEqual([
      [undefined, 'src/a.ts#f0', 1],
      [0, 'src/a.ts#f1', 5],
      [0, `src/a.ts#f${1 + KID_CACHE}`, 10],
    ]);
  });

  it('hands on the settled cost only, and takes only three numbers >= 0 back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-cost-'));
    expect(settledCostText(dir)).toBeUndefined();
    for (let k = 0; k < SETTLED; k++) calibrated(dir);
    const text = settledCostText(dir)!;
    expect(costFromText(text)).toEqual(JSON.parse(text));
    for (const bad of ['', 'x', '{"inner":-1,"outer":0,"untimed":0}', '{"inner":0,"outer":0}', '{"inner":"0","outer":0,"untimed":0}']) expect(costFromText(bad)).toBeUndefined();
  });

  it('round-trips the recorder tree with exact counts', () => {
    const trace = parseTrace(JSON.stringify(good()), 't.json');
    expect(trace.contexts.map((c) => [c.parent, trace.methods[c.method], c.calls])).toEqual([
      [undefined, 'src/a.ts#a', 1],
      [0, 'src/a.ts#b', 3],
    ]);
  });

  it('names the file and the position of truncated JSON', () => {
    const text = JSON.stringify(good(), null, 1);
    const cut = text.slice(0, text.length - 40);
    expect(() => parseTrace(cut, 'trace-1.json')).toThrow(InputError);
    expect(() => parseTrace(cut, 'trace-1.json')).toThrow(/^trace-1\.json:\d+:\d+: malformed or truncated JSON/);
  });

  it('names the field of a bad value', () => {
    const bad = good();
    (bad.contexts[1] as { calls: unknown }).calls = 'three';
    expect(() => parseTrace(JSON.stringify(bad), 'trace-2.json')).toThrow("trace-2.json: field 'contexts[1].calls': expected a number >= 0, got \"three\"");
    const orphan = good();
    orphan.contexts[1]!.parent = 7;
    expect(() => parseTrace(JSON.stringify(orphan), 'trace-3.json')).toThrow(/field 'contexts\[1\]\.parent'/);
  });

  it('counts a count-only leaf under the running frame after each way a frame leaves or joins the stack', () => {
    // The recorder keeps the running context in a field (stack.ts `cur`): every push and pop must set it.
    const rec = new Recorder();
    const m = rec.m(['f#top', 'f#tiny', 'f#async', 'f#thrower', 'f#leaf'], [], ['f#leaf']);
    const [top, tiny, async, thrower, leaf] = [m, m + 1, m + 2, m + 3, m + 4];
    const ft = rec.e(top);
    rec.c(leaf); // top
    for (let k = 0; k < 3000; k++) rec.x(rec.e(tiny)); // past TIME_CHECK: later calls untimed, as an open leaf call (no slot)
    rec.c(leaf); // top again, after the open leaf calls closed
    const open = rec.e(tiny); // an open leaf call that calls something: it takes its slot
    rec.c(leaf); // tiny
    const frame = rec.a(async);
    rec.c(leaf); // async
    rec.p(frame, undefined); // suspended at an await
    rec.c(leaf); // tiny
    rec.x(open);
    rec.c(leaf); // top
    rec.r(frame); // resumed above top, in its own context (under tiny)
    rec.c(leaf); // async
    rec.ax(frame);
    rec.e(thrower); // throws: its exit never runs
    rec.x(ft); // unwinds thrower too
    rec.c(leaf); // root
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const path = (id: number | undefined): string => (id === undefined ? '' : `${path(t.contexts[id]!.parent)}/${t.methods[t.contexts[id]!.method]}`);
    const leaves = t.contexts.filter((c) => t.methods[c.method] === 'f#leaf').map((c) => [path(c.parent), c.calls]);
    expect(leaves.sort()).toEqual([
      ['', 1],
      ['/f#top', 3],
      ['/f#top/f#tiny', 2],
      ['/f#top/f#tiny/f#async', 2],
    ]);
  });

  it('unwinds frames left open by an exception when a lower frame exits', () => {
    const rec = new Recorder();
    const m = rec.m(['f#outer', 'f#inner', 'f#after']);
    const outer = rec.e(m);
    rec.e(m + 1); // throws: its exit never runs in this simulation
    rec.x(outer);
    rec.x(rec.e(m + 2));
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    expect(t.contexts.map((c) => [c.parent, t.methods[c.method]])).toEqual([
      [undefined, 'f#outer'],
      [0, 'f#inner'],
      [undefined, 'f#after'],
    ]);
  });

  it('balances the time: wall time of the top-level calls = self times + recorder cost + byte measuring', () => {
    // Every call timed: the recorder's cost is then exactly calls x calibrated cost.
    const rec = new Recorder({ inner: 0.0001, outer: 0.0002 }, { sampling: false });
    const [outer, inner] = [rec.m(['f#outer']), rec.m(['f#inner'])];
    for (let round = 0; round < 3; round++) {
      const top = rec.e(outer);
      rec.i(top, [new Uint8Array(1000)], undefined); // sampled: bytes measured, time taken off
      for (let k = 0; k < 5000; k++) rec.x(rec.e(inner));
      rec.x(top);
    }
    const t = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const self = t.contexts.reduce((sum, c) => sum + c.selfMs, 0);
    const time = t.time!;
    expect(time.bytesMs).toBeGreaterThan(0);
    expect(time.recorderMs).toBeCloseTo(15003 * 0.0001 + 15000 * 0.0002, 9);
    expect(self + time.recorderMs + time.bytesMs - time.clampedMs).toBeCloseTo(time.tracedMs, 6);
    expect(t.contexts[1]!.calls).toBe(15000);
  });
});
