import { headerLines } from '../../src/profiles/record/header.js';
import { INLINE_BUDGET, inliningFlag, setsBudget } from '../../src/profiles/record/inlining.js';
import { Recorder } from '../../src/profiles/record/runtime.js';

// Traced processes run with a smaller V8 inlining budget (inlining.ts), set when the first
// instrumented module registers; the profile's header says so.

describe('the inlining budget of traced processes', () => {
  it('is set once, when the first instrumented module registers', () => {
    let set = 0;
    const rec = new Recorder({ inner: 0, outer: 0 }, { onFirstModule: () => set++ });
    expect(set).toBe(0);
    rec.m(['a.ts#f']);
    rec.m(['b.ts#g']);
    expect(set).toBe(1);
  });

  it('is named in the header, with the V8 option', () => {
    const text = headerLines({
      schema: 's.json', started: new Date(0), ended: new Date(0), command: ['node', 'x.js'], runs: 1, traces: [],
      exit: { code: 0 }, loadAtStart: [0, 0, 0], loadAtEnd: [0, 0, 0], selfMs: 0,
    }).join('\n');
    expect(text).toContain(`at ${INLINE_BUDGET} bytecodes`);
    expect(text).toContain(inliningFlag());
  });

  it('leaves a budget the command set as it is', () => {
    expect(setsBudget(['--max-inlined-bytecode-size-cumulative=920'])).toBe(true);
    expect(setsBudget(['--max_inlined_bytecode_size_cumulative=2000'])).toBe(true);
    expect(setsBudget(['--max-old-space-size=4096', ''])).toBe(false);
  });
});
