/**
 * GLPK in a worker thread, so that the time limit holds whatever GLPK does: glpk.js reads the
 * limit only inside its simplex and branch-and-bound, while loading and presolving a model of a
 * million rows takes about a minute on its own. Past the deadline the thread is ended and the
 * solve answers `undefined`; the next solve starts a fresh thread. Meanwhile the main thread is
 * free to search for partitions of its own (a second core). One idle thread is kept for the
 * process' next solve, and it does not keep the process alive. A thread serves one solve at a
 * time: a solve that finds none idle starts its own, since a thread's answer says nothing of
 * which model it is for (two solves sharing one each took the first answer, and a solve cut off
 * by its deadline ended the thread of the other).
 *
 * The model crosses as flat typed arrays, moved rather than copied (structured-cloning glpk.js's
 * object form of a 2M-row model blocked the main thread for about 20 s), and the thread builds
 * glpk.js's form itself.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IlpModel } from './ilp-model.js';
import { complementAt, uncomplemented } from './glpk-start.js';

/** An IlpModel as numbers: columns by index, rows in compressed form. */
export interface FlatModel {
  lo: Float64Array;
  hi: Float64Array;
  cost: Float64Array;
  /** 1 for binary columns (ignored for a relaxation). */
  binary: Uint8Array;
  rowStart: Int32Array;
  rowColumn: Int32Array;
  rowCoef: Float64Array;
  /** 0: ≥, 1: ≤, 2: =. */
  rowSense: Uint8Array;
  rowRhs: Float64Array;
  integral: boolean;
}

export interface ThreadOptions {
  tmlim: number;
  mipgap: number;
  presol: boolean;
}

/** GLPK's statuses (ThreadResult.status) that the solver tells apart. */
export const GLP_UNDEF = 1;
export const GLP_FEAS = 2;
export const GLP_INFEAS = 3;
export const GLP_NOFEAS = 4;
export const GLP_OPT = 5;

export interface ThreadResult {
  status: number;
  z: number;
  /** Column values by index. */
  values: Float64Array;
  /** A relaxation's row duals by index (GLPK's signs: ≥ 0 on a ≥ row, ≤ 0 on a ≤ row, at the optimum). */
  dual?: Float64Array;
}

const SENSES = { ge: 0, le: 1, eq: 2 } as const;

export function flatten(model: IlpModel, integral: boolean): FlatModel {
  const column = new Map(model.vars.map((v, j) => [v.name, j]));
  const nonzeros = model.rows.reduce((s, r) => s + r.terms.length, 0);
  const flat: FlatModel = {
    lo: Float64Array.from(model.vars, (v) => v.lo),
    hi: Float64Array.from(model.vars, (v) => v.hi),
    cost: Float64Array.from(model.vars, (v) => v.cost),
    binary: Uint8Array.from(model.vars, (v) => (v.binary ? 1 : 0)),
    rowStart: new Int32Array(model.rows.length + 1),
    rowColumn: new Int32Array(nonzeros),
    rowCoef: new Float64Array(nonzeros),
    rowSense: Uint8Array.from(model.rows, (r) => SENSES[r.sense]),
    rowRhs: Float64Array.from(model.rows, (r) => r.rhs),
    integral,
  };
  let at = 0;
  model.rows.forEach((row, r) => {
    for (const [name, coef] of row.terms) {
      flat.rowColumn[at] = column.get(name)!;
      flat.rowCoef[at++] = coef;
    }
    flat.rowStart[r + 1] = at;
  });
  return flat;
}

/** A copy to move to the thread, keeping the original usable. */
export function copyFlat(m: FlatModel): FlatModel {
  return {
    lo: m.lo.slice(),
    hi: m.hi.slice(),
    cost: m.cost.slice(),
    binary: m.binary.slice(),
    rowStart: m.rowStart.slice(),
    rowColumn: m.rowColumn.slice(),
    rowCoef: m.rowCoef.slice(),
    rowSense: m.rowSense.slice(),
    rowRhs: m.rowRhs.slice(),
    integral: m.integral,
  };
}

/**
 * glpk.js's object form of a flat model. Runs in the thread: its source is pasted into the
 * thread's script, so it must use nothing but its arguments.
 */
function toGlpkForm(glpk: Record<string, number>, m: FlatModel): unknown {
  const vars = [];
  const bounds = [];
  const binaries = [];
  for (let j = 0; j < m.cost.length; j++) {
    const name = 'v' + j;
    vars.push({ name, coef: m.cost[j] });
    const hi = m.hi[j]!;
    const type = hi === Infinity ? glpk.GLP_LO : m.lo[j] === hi ? glpk.GLP_FX : glpk.GLP_DB;
    bounds.push({ name, type, lb: m.lo[j], ub: hi === Infinity ? 0 : hi });
    // glpk.js gives a binary column the bounds 0 and 1 whatever its own: a column fixed by its
    // bounds (reduced-cost.ts) is fixed, not binary.
    if (m.integral && m.binary[j] && m.lo[j] !== hi) binaries.push(name);
  }
  const senses = [glpk.GLP_LO, glpk.GLP_UP, glpk.GLP_FX];
  const subjectTo = [];
  for (let r = 0; r + 1 < m.rowStart.length; r++) {
    const terms = [];
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) terms.push({ name: 'v' + m.rowColumn[k], coef: m.rowCoef[k] });
    subjectTo.push({ name: 'c' + r, vars: terms, bnds: { type: senses[m.rowSense[r]!], lb: m.rowRhs[r], ub: m.rowRhs[r] } });
  }
  const lp: Record<string, unknown> = { name: 'partition', objective: { direction: glpk.GLP_MIN, name: 'cost', vars }, subjectTo, bounds };
  if (binaries.length > 0) lp.binaries = binaries;
  return lp;
}

// Evaluated as a CommonJS script in the thread: no file of ours to find next to the compiled code.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const toGlpkForm = ${toGlpkForm.toString()};
const ready = import(workerData.glpk).then((m) => m.default());
parentPort.on('message', async ({ model, options, status }) => {
  try {
    const glpk = await ready;
    const { result } = glpk.solve(toGlpkForm(glpk, model), { ...options, msglev: glpk.GLP_MSG_OFF });
    Atomics.store(status, 0, result.status);
    const values = new Float64Array(model.cost.length);
    for (let j = 0; j < values.length; j++) values[j] = result.vars['v' + j] ?? 0;
    const moved = [values.buffer];
    let dual;
    if (!model.integral && result.dual) {
      dual = new Float64Array(model.rowRhs.length);
      for (let r = 0; r < dual.length; r++) dual[r] = result.dual['c' + r] ?? 0;
      moved.push(dual.buffer);
    }
    parentPort.postMessage({ result: { status: result.status, z: result.z, values, dual } }, moved);
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

/** The thread no solve is using, kept for the next one. */
let idle: Worker | undefined;

function glpkUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('glpk.js/node')).href;
}

export interface ThreadSolve {
  /** The answer; `undefined` when the deadline passed first (or the thread ran out of memory). */
  result: Promise<ThreadResult | undefined>;
  /** GLPK's status as soon as it has one (0 before), readable while this thread is busy. */
  status(): number;
  /** Ends the solve now, as the deadline would: `result` answers `undefined`. */
  cancel(): void;
}

/**
 * Solves `model` in the thread, ending it at `deadline` (performance.now()). `start`: a point per
 * column (a relaxation's solution) for GLPK's simplex to start at its rounding (glpk-start.ts);
 * the answer is the same model's, in its own columns.
 */
export function solveInThread(model: FlatModel, options: ThreadOptions, deadline: number, start?: Float64Array): ThreadSolve {
  if (start) {
    const complemented = complementAt(model, start);
    const solve = solveInThread(model, options, deadline);
    return { ...solve, result: solve.result.then((r) => r && uncomplemented(r, complemented)) };
  }
  const worker = idle ?? new Worker(THREAD_SOURCE, { eval: true, workerData: { glpk: glpkUrl() } });
  idle = undefined;
  worker.ref();
  const status = new Int32Array(new SharedArrayBuffer(4));
  let cancel = (): void => {};
  const result = new Promise<ThreadResult | undefined>((resolve, reject) => {
    let settled = false;
    const done = (): void => {
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
    };
    const onMessage = (message: { result?: ThreadResult; error?: string }): void => {
      done();
      // Free again: kept for the next solve, unless another solve's thread already is.
      if (idle === undefined) idle = worker;
      else void worker.terminate();
      if (message.error !== undefined) reject(new Error(`GLPK failed: ${message.error}`));
      else resolve(message.result);
    };
    const onError = (error: Error & { code?: string }): void => {
      done();
      // A model too large for the thread's heap is GLPK giving no answer, like a time-out:
      // the caller falls back to its own search. Anything else is a bug.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve(undefined);
      else reject(error);
    };
    const end = (): void => {
      // After an answer the thread may already serve the next solve: leave it alone.
      if (settled) return;
      done();
      void worker.terminate();
      resolve(undefined);
    };
    const timer = setTimeout(end, Math.max(0, deadline - performance.now()));
    cancel = end;
    worker.on('message', onMessage);
    worker.on('error', onError);
    const buffers = [model.lo, model.hi, model.cost, model.binary, model.rowStart, model.rowColumn, model.rowCoef, model.rowSense, model.rowRhs].map((a) => a.buffer as ArrayBuffer);
    worker.postMessage({ model, options, status }, buffers);
  });
  return { result, status: () => Atomics.load(status, 0), cancel: () => cancel() };
}
