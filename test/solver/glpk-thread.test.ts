/**
 * Solves in GLPK's thread at the same time, as when one process runs two partitions at once (the
 * tests' in-process CLI runs, under load: a run cut off by its test's time-out went on beside the
 * next test's). A thread's answer does not say which model it is for: two solves sharing one
 * thread each took the first answer, so a solve priced another problem's partition ("the ILP's
 * cost ... disagrees with the checker's", exit 3), and one cut off by its deadline ended the
 * other's thread.
 */
import { expect, test } from '@jest/globals';
import { GLP_OPT, solveInThread, type FlatModel } from '../../src/solver/glpk-thread.js';

/** min x subject to x ≥ atLeast, 0 ≤ x ≤ 10: the optimum is atLeast. */
function atLeast(rhs: number): FlatModel {
  return {
    lo: Float64Array.of(0),
    hi: Float64Array.of(10),
    cost: Float64Array.of(1),
    binary: Uint8Array.of(0),
    rowStart: Int32Array.of(0, 1),
    rowColumn: Int32Array.of(0),
    rowCoef: Float64Array.of(1),
    rowSense: Uint8Array.of(0),
    rowRhs: Float64Array.of(rhs),
    integral: false,
  };
}

const options = { tmlim: 30, mipgap: 0, presol: true };

test('two solves at once each get the answer to their own model', async () => {
  const far = performance.now() + 30_000;
  const [three, seven] = await Promise.all([solveInThread(atLeast(3), options, far).result, solveInThread(atLeast(7), options, far).result]);
  expect([three?.status, three?.z]).toEqual([GLP_OPT, 3]);
  expect([seven?.status, seven?.z]).toEqual([GLP_OPT, 7]);
});

test('a solve cut off (as by its deadline) does not end another one under way', async () => {
  const cutOff = solveInThread(atLeast(3), options, performance.now() + 30_000);
  const other = solveInThread(atLeast(7), options, performance.now() + 30_000);
  // Before any answer can arrive: a deadline of now may come after a warm thread's answer.
  cutOff.cancel();
  expect(await cutOff.result).toBeUndefined();
  expect((await other.result)?.z).toBe(7);
});

test('solves one after another each get their own answer (a freed thread serves the next)', async () => {
  const far = performance.now() + 30_000;
  for (const rhs of [1, 2, 4]) expect((await solveInThread(atLeast(rhs), options, far).result)?.z).toBe(rhs);
});
