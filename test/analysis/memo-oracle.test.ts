import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeApp } from '../../src/analysis/index.js';
import { answerMemo } from '../../src/analysis/callgraph/value-memo.js';
import type { AnalysisResult } from '../../src/analysis/types.js';
import { edgeRows, fixture } from './helpers.js';
import { memoProgram, writeProgram } from './memo-programs.js';

// Value following keeps answers per node and depth (value-memo.ts). Its oracle is the same
// following with nothing kept (answerMemo.enabled off): every answer computed afresh, in the
// walk that asks it. The memo may find more (an answer kept from a walk where no cycle cut), never less.

function withAndWithoutMemo(appDir: string): { memo: AnalysisResult; oracle: AnalysisResult } {
  const memo = analyzeApp({ appDir, catalogs: [] });
  answerMemo.enabled = false;
  try {
    return { memo, oracle: analyzeApp({ appDir, catalogs: [] }) };
  } finally {
    answerMemo.enabled = true;
  }
}

/** The oracle's edges the memo's analysis lacks. */
function lost({ memo, oracle }: { memo: AnalysisResult; oracle: AnalysisResult }): string[][] {
  const kept = new Set(edgeRows(memo).map((row) => row.join(' ')));
  return edgeRows(oracle).filter((row) => !kept.has(row.join(' ')));
}

describe('an answer built on one cut short by a cycle (calls-memo-partial)', () => {
  let r: AnalysisResult;
  beforeAll(() => (r = analyzeApp({ appDir: fixture('calls-memo-partial'), catalogs: [] })));
  const V = 'src/z-values.ts';

  // run's call follows h1's value, whose mv.make() searches Maker.make's implementations; m2's
  // value leads back to Maker.make through viaAlias, cut there: viaAlias's answer, held for that
  // walk, is empty. h1's other operand, viaAlias, then took it, and its answer was kept for good.
  test('a later walk follows the value afresh: every implementation', () => {
    expect(edgeRows(r).filter(([from]) => from === 'src/b-later.ts#later')).toEqual([
      ['src/b-later.ts#later', `${V}#beep`, 'src/b-later.ts:4:3', 'callback'],
      ['src/b-later.ts#later', `${V}#beep2`, 'src/b-later.ts:4:3', 'callback'],
    ]);
  });

  // Known gap: within the walk that cut, viaAlias's answer held for the walk is still taken after
  // Maker.make's search ended. Dropping such answers when the lookup that cut them ends finds
  // these edges, but made zod's analysis run past 8 minutes of CPU (about 1 before).
  test.failing('the walk that cut finds them too', () => {
    expect(edgeRows(r).filter(([from]) => from === 'src/a-run.ts#run')).toEqual([
      ['src/a-run.ts#run', `${V}#beep`, 'src/a-run.ts:3:3', 'callback'],
      ['src/a-run.ts#run', `${V}#beep2`, 'src/a-run.ts:3:3', 'callback'],
    ]);
  });
});

describe('value following with and without its memo', () => {
  test.each(['calls-implementation-cycle', 'calls-implementation-retry', 'calls-values-held', 'calls-self-returning'])('%s: the memo loses no edge', (name) => {
    expect(lost(withAndWithoutMemo(fixture(name)))).toEqual([]);
  });

  // Programs made from a seed (memo-programs.ts); a few here, more by hand when the memo changes.
  test.each([1, 2, 3])('generated program %i: the memo loses no edge', (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-memo-oracle-'));
    try {
      writeProgram(dir, memoProgram(seed));
      expect(lost(withAndWithoutMemo(dir))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Known gap (seed 6, reduced): a symbol's targets or a cache's answer built on an answer held
  // for the walk are kept for good, as they count cuts only. Counting such uses as cuts finds
  // setUp's edge, but made zod's analysis run past 8 minutes of CPU.
  test.failing('calls-memo-partial-cached: the memo loses no edge', () => {
    expect(lost(withAndWithoutMemo(fixture('calls-memo-partial-cached')))).toEqual([]);
  });
});
