/**
 * Runs the passes of the bound's steps (lagrangian-passes.ts): over the whole tree on this
 * thread, or, split in two ranges of whole root subtrees, the second range on a worker thread
 * while this one passes the first (a second core; the machines this runs on have two). The
 * ranges' results are added in a fixed order, and if the thread cannot start, this thread
 * passes both ranges itself with the same arithmetic: the steps, and so the answer, do not
 * depend on which thread did what, or when.
 *
 * Each step hands the thread two commands (its two passes) through shared memory; it waits for
 * them in Atomics.wait, which keeps a command's round trip in the tens of microseconds against
 * a millisecond or more of work per step at the sizes that split (SPLIT_MIN_CONTEXTS).
 */
import { Worker } from 'node:worker_threads';
import type { CompactTree } from './compact.js';
import { bottomUp, splitLayout, topDown, type StepArrays } from './lagrangian-passes.js';

export interface StepRunner {
  /** The steps' state, in layout order. */
  arrays: StepArrays;
  /** Both ranges' bottom-up passes: the roots' values summed; Σλ per method into `lambdaSum`. */
  bottomUp(pending: number, lambdaSum: Float64Array): number;
  /** Both ranges' top-down passes: the votes per method into `votes`, and the direction's norm and disagreement. */
  topDown(pick: Uint8Array, votes: Float64Array, momentum: number): { norm: number; disagree: number };
  /** Per-context values in layout order, in tree order (the same array when the layout is the tree's). */
  toTree(values: Float64Array): Float64Array;
  /** Whether the steps are split (for tests). */
  split: boolean;
  /** Ends the thread, if any. */
  close(): void;
}

/** How long to wait for the thread to take a search's job before passing its range here (starting takes ~50 ms). */
const START_WAIT_MS = 3000;
// Shared control words.
const SEQ = 0;
const CMD = 1;
const DONE = 2;
const READY = 3;
const FAILED = 4;
const EXIT = 0;
const BOTTOM_UP = 1;
const TOP_DOWN = 2;

/** When the steps split: from how many contexts, and whether on a thread (false: both ranges here, for tests). */
export interface SplitOptions {
  minContexts?: number;
  thread?: boolean;
}

/**
 * A runner for `tree`'s steps, λ starting at `start` (tree order) or 0. `split`: given when the
 * caller has a core to spare (no GLPK thread beside the search); the tree decides the rest.
 */
export function stepRunner(tree: CompactTree, start: Float64Array | undefined, split: SplitOptions | undefined): StepRunner {
  const layout = split ? splitLayout(tree, split.minContexts) : undefined;
  if (!layout) return wholeRunner(tree, start);
  const { order, middle } = layout;
  const n = tree.size;
  const m = tree.methods.length;
  const f64 = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length));
  const position = new Int32Array(n);
  order.forEach((i, j) => (position[i] = j));
  const arrays: StepArrays = {
    parent: new Int32Array(new SharedArrayBuffer(4 * n)),
    method: new Int32Array(new SharedArrayBuffer(4 * n)),
    weight: f64(n),
    firstOf: new Int32Array(new SharedArrayBuffer(4 * n)).fill(-1),
    grouped: new Int32Array(0),
    lambda: f64(n),
    direction: f64(n),
    mu: f64(n),
    muDirection: f64(n),
    nu: f64(n),
    sums: f64(2 * n),
    migrates: new Uint8Array(new SharedArrayBuffer(n)),
    onClone: new Uint8Array(new SharedArrayBuffer(n)),
  };
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const p = tree.parent[i]!;
    arrays.parent[j] = p < 0 ? -1 : position[p]!;
    arrays.method[j] = tree.method[i]!;
    arrays.weight[j] = tree.weight[i]!;
    if (start) arrays.lambda[j] = start[i]!;
  }
  for (const members of tree.components) for (const i of members.slice(1)) arrays.firstOf[position[i]!] = position[members[0]!]!;
  arrays.grouped = groupedContexts(tree, (i) => position[i]!, true);
  const own = { lambdaSum: new Float64Array(m), votes: new Float64Array(m), out: new Float64Array(2) };
  const other = { lambdaSum: f64(m), votes: f64(m), out: f64(3), pick: new Uint8Array(new SharedArrayBuffer(m)), params: f64(2) };
  const ctl = new Int32Array(new SharedArrayBuffer(20));
  let worker: Worker | undefined = split!.thread === false ? undefined : startThread({ a: arrays, from: middle, to: n, ...other, ctl });
  let seq = 0;
  /** The second range's command: on the thread (waited for by `finish`), or here when it did not start. */
  const send = (cmd: number): void => {
    if (worker && Atomics.load(ctl, READY) === 0 && Atomics.wait(ctl, READY, 0, START_WAIT_MS) === 'timed-out') {
      if (thread === worker) thread = undefined;
      void worker.terminate();
      worker = undefined;
    }
    if (!worker) return;
    Atomics.store(ctl, CMD, cmd);
    Atomics.store(ctl, SEQ, ++seq);
    Atomics.notify(ctl, SEQ);
  };
  const finish = (cmd: number): void => {
    if (!worker) {
      if (cmd === BOTTOM_UP) other.out[2] = bottomUp(arrays, middle, n, other.params[0]!, other.lambdaSum);
      else topDown(arrays, middle, n, other.pick, other.votes, other.out, other.params[1]!);
      return;
    }
    for (let done = Atomics.load(ctl, DONE); done !== seq; done = Atomics.load(ctl, DONE)) Atomics.wait(ctl, DONE, done);
    if (Atomics.load(ctl, FAILED)) throw new Error('the bound\'s second thread failed in a pass (a bug)');
  };
  return {
    arrays,
    split: true,
    bottomUp(pending, lambdaSum) {
      other.params[0] = pending;
      send(BOTTOM_UP);
      const value = bottomUp(arrays, 0, middle, pending, own.lambdaSum);
      finish(BOTTOM_UP);
      for (let k = 0; k < m; k++) lambdaSum[k] = own.lambdaSum[k]! + other.lambdaSum[k]!;
      return value + other.out[2]!;
    },
    topDown(pick, votes, momentum) {
      other.pick.set(pick);
      other.params[1] = momentum;
      send(TOP_DOWN);
      topDown(arrays, 0, middle, pick, own.votes, own.out, momentum);
      finish(TOP_DOWN);
      for (let k = 0; k < m; k++) votes[k] = own.votes[k]! + other.votes[k]!;
      return { norm: own.out[0]! + other.out[0]!, disagree: own.out[1]! + other.out[1]! };
    },
    toTree(values) {
      const inTree = new Float64Array(n);
      for (let j = 0; j < n; j++) inTree[order[j]!] = values[j]!;
      return inTree;
    },
    close() {
      // A job the thread has not begun ends at once when it does.
      if (worker) {
        Atomics.store(ctl, CMD, EXIT);
        Atomics.store(ctl, SEQ, ++seq);
        Atomics.notify(ctl, SEQ);
      }
      worker = undefined;
    },
  };
}

/** The steps over the whole tree on this thread, in tree order. */
function wholeRunner(tree: CompactTree, start: Float64Array | undefined): StepRunner {
  const n = tree.size;
  const firstOf = new Int32Array(n).fill(-1);
  for (const members of tree.components) for (const i of members.slice(1)) firstOf[i] = members[0]!;
  const arrays: StepArrays = {
    parent: tree.parent,
    method: tree.method.slice(),
    weight: tree.weight,
    firstOf,
    grouped: groupedContexts(tree, (i) => i, false),
    lambda: start ? Float64Array.from(start) : new Float64Array(n),
    direction: new Float64Array(n),
    mu: new Float64Array(n),
    muDirection: new Float64Array(n),
    nu: new Float64Array(n),
    sums: new Float64Array(2 * n),
    migrates: new Uint8Array(n),
    onClone: new Uint8Array(n),
  };
  const out = new Float64Array(2);
  return {
    arrays,
    split: false,
    bottomUp: (pending, lambdaSum) => bottomUp(arrays, 0, n, pending, lambdaSum),
    topDown(pick, votes, momentum) {
      topDown(arrays, 0, n, pick, votes, out, momentum);
      return { norm: out[0]!, disagree: out[1]! };
    },
    toTree: (values) => values,
    close() {},
  };
}

/** The contexts of `tree`'s native-state groups at their places in the layout, ascending (in shared memory for the thread). */
function groupedContexts(tree: CompactTree, at: (i: number) => number, shared: boolean): Int32Array {
  // Components are disjoint; duplicates would move a member's μ twice per step.
  const places = tree.components.flat().map(at).sort((x, y) => x - y).filter((x, j, all) => j === 0 || x !== all[j - 1]);
  const grouped = shared ? new Int32Array(new SharedArrayBuffer(4 * Math.max(1, places.length)), 0, places.length) : new Int32Array(places.length);
  grouped.set(places);
  return grouped;
}

// Evaluated as a CommonJS script in the thread, with the passes pasted in (they use only their
// arguments). Each search's steps come as one message, served until its EXIT; then the next.
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bottomUp = ${bottomUp.toString()};
const topDown = ${topDown.toString()};
parentPort.on('message', ({ a, from, to, lambdaSum, votes, out, pick, params, ctl }) => {
  Atomics.store(ctl, ${READY}, 1);
  Atomics.notify(ctl, ${READY});
  for (let seen = 0; ; ) {
    Atomics.wait(ctl, ${SEQ}, seen);
    seen = Atomics.load(ctl, ${SEQ});
    const cmd = Atomics.load(ctl, ${CMD});
    if (cmd === ${EXIT}) break;
    try {
      if (cmd === ${BOTTOM_UP}) out[2] = bottomUp(a, from, to, params[0], lambdaSum);
      else topDown(a, from, to, pick, votes, out, params[1]);
    } catch {
      Atomics.store(ctl, ${FAILED}, 1);
    }
    Atomics.store(ctl, ${DONE}, seen);
    Atomics.notify(ctl, ${DONE});
  }
});
`;

/** One thread serves the searches of the process in turn (starting one took ~50 ms, far more on a busy machine), unref'd while idle. */
let thread: Worker | undefined;

/** The thread, started on first use, with `job` posted to it; undefined when it cannot start. */
function startThread(job: unknown): Worker | undefined {
  try {
    if (!thread) {
      const worker = new Worker(THREAD_SOURCE, { eval: true });
      // A thread that fails leaves its range to this one (`send` finds it not ready); a pass
      // that throws there says so through FAILED.
      worker.on('error', () => {
        if (thread === worker) thread = undefined;
      });
      worker.unref();
      thread = worker;
    }
    thread.postMessage(job);
    return thread;
  } catch {
    return undefined;
  }
}
