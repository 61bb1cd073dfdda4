import { analyzeApp } from '../../src/analysis/index.js';
import { edgeRows as edges, fixture } from './helpers.js';

describe('positions kept through tuples, their walks ended at cycles rather than a step count (calls-tuple-positions)', () => {
  const r = analyzeApp({ appDir: fixture('calls-tuple-positions'), catalogs: [] });
  const A = 'src/app.ts';
  const from = (fn: string) => edges(r).filter(([f]) => f === `${A}#${fn}`);

  test("`blocksOf(store)[2](store)`: through a call's result, a WeakMap, Object.freeze, `.map((fn, i) => overrides[i] || fn)` and the tuple literal, the function at 2 or the override passed at 2", () => {
    expect(from('read')).toEqual([
      [`${A}#read`, `${A}#blocksOf`, `${A}:19:3`, 'direct'],
      [`${A}#read`, `${A}#log`, `${A}:19:3`, 'callback'],
      [`${A}#read`, `${A}#quietLog`, `${A}:19:3`, 'callback'],
    ]);
  });

  test('`const readNow = blocks[0]` of a const holding the tuple: the function at 0 (no override is passed there)', () => {
    expect(from('write')).toEqual([
      [`${A}#write`, `${A}#blocksOf`, `${A}:24:18`, 'direct'],
      [`${A}#write`, `${A}#read`, `${A}:26:3`, 'callback'],
    ]);
  });

  test('a copy written as `[...tuple]` keeps the positions', () => {
    expect(from('copied')).toEqual([
      [`${A}#copied`, `${A}#blocksOf`, `${A}:50:20`, 'direct'],
      [`${A}#copied`, `${A}#read`, `${A}:51:3`, 'callback'],
    ]);
  });

  test("a tuple parameter read at 2: what callers pass at 2", () => {
    expect(from('runLog')).toEqual([[`${A}#runLog`, `${A}#log`, `${A}:55:3`, 'callback']]);
  });

  test('a tuple read through a chain of ten consts: the walk of its position goes on past the step count', () => {
    expect(from('far')).toEqual([[`${A}#far`, `${A}#log`, `${A}:75:3`, 'callback']]);
  });

  test('a cycle of assignments ends, with what enters it', () => {
    expect(from('cycle')).toEqual([[`${A}#cycle`, `${A}#quietLog`, `${A}:83:3`, 'callback']]);
  });

  test('a tuple reordered in place (`turned.reverse()`): a position read is any element', () => {
    expect(from('reversed').filter(([, , site]) => site === `${A}:90:3`).map(([, to]) => to).sort()).toEqual([`${A}#log`, `${A}#read`, `${A}#write`]);
  });

  test('a rest parameter typed as a tuple, read at 1: the argument passed at that position of the rest', () => {
    expect(from('runSecond')).toEqual([[`${A}#runSecond`, `${A}#quietLog`, `${A}:95:3`, 'callback']]);
  });
});
