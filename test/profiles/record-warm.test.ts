import { Recorder } from '../../src/profiles/record/runtime.js';
import { snapshot } from '../../src/profiles/record/trace.js';
import { warmUp } from '../../src/profiles/record/warm.js';

// The warm-up (warm.ts) is there to run every branch of the per-call methods before the app's
// code is optimized: each kind of call must have happened on its throwaway recorder.
describe('warmUp', () => {
  it('runs timed and untimed calls, leaves that call late, a folded recursion and a stack deeper than its first arrays', () => {
    const made: Recorder[] = [];
    warmUp(() => {
      const rec = new Recorder({ inner: 0, outer: 0, untimed: 0 }, { tinyMs: Infinity });
      made.push(rec);
      return rec;
    });
    expect(made).toHaveLength(1);
    const trace = snapshot(made[0]!, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
    const named = (method: string, parentMethod?: string) =>
      trace.contexts.filter((c) => trace.methods[c.method] === method && (parentMethod === undefined || trace.methods[trace.contexts.find((p) => p.id === c.parent)?.method ?? -1] === parentMethod));
    const [mid] = named('mid');
    const [leaf] = named('leaf', 'mid');
    const [lateLeaf] = named('leaf', 'late');
    const [rec] = named('rec', 'mid');
    const [deep] = named('rec', 'top');
    // Counted without timing most calls: the untimed paths of e(), x() and ox() ran.
    expect(mid!.timed).toBeLessThan(mid!.calls);
    expect(leaf!.timed).toBeLessThan(leaf!.calls);
    // A context that was a leaf for its first calls called something later.
    expect(lateLeaf!.calls).toBeGreaterThan(0);
    // A recursion folded onto one context, its inner calls untimed once it was tiny.
    expect(named('rec', 'rec')).toHaveLength(0);
    expect(rec!.timed).toBeLessThan(rec!.calls);
    // And one deeper than the recorder's first stack of 256 slots: the stack grew.
    expect(deep!.calls).toBe(301);
    // Bytes were sampled (bytes in and out).
    expect(mid!.bytesIn).toBeGreaterThan(0);
    expect(mid!.bytesOut).toBeGreaterThan(0);
  });
});
