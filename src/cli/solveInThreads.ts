/**
 * The networks' solves side by side, in worker threads, when CLONECLOUD_SOLVE_THREADS asks for
 * more than one. Each network's problem depends on the others' in nothing (the same tree and
 * legality, its own costs), and each solve is the same call as in one thread (solvePartition,
 * its time limit counted from its own start, then the independent check), so a solve proven
 * optimal gives the same answer either way (the first of its tied optima, canonical.ts); the
 * pipeline puts the answers in the networks' order, and a failing network's error is the first
 * in that order, as in one thread.
 *
 * Not on by default, from what the 2-core bench machine showed (the 1M-context bench apps,
 * 2026-12-06): a solve already keeps two threads busy much of its time (its search, and GLPK's
 * thread beside it), so two solves side by side took each other's cores there, and under load
 * the 20 s limit stopped two of the 40k-method app's networks unproven that it proved one after
 * the other; and each thread holds a solve's memory at once (about 300 MB at 1M contexts: the
 * 10k-method app's peak went from 468 MB to 850 MB with two threads), where one thread solving
 * in turn reuses it. With a core pair per solve (4 cores for 2 threads) it should pay; that was
 * not measured here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { columnsOfProblem, type ContextColumns } from '../model/columns.js';
import type { PartitionProblem } from '../model/types.js';
import type { CheckResult, Solution } from '../solver/index.js';
import { InputError } from '../errors.js';
import { errorAnswer as threadError, type ThreadAnswer } from './analyzeInThread.js';

const THREAD = new URL('./solve-thread.js', import.meta.url);
/** A problem as it travels: its columns, and the rest as plain data (its `contexts` stay unmade). */
export interface ProblemMessage {
  rest: Omit<PartitionProblem, 'contexts'>;
  columns: ContextColumns;
}
export interface SolveRequest {
  id: number;
  problem: ProblemMessage;
  timeLimitSec: number;
}
type ThreadError = Extract<ThreadAnswer, { error: unknown }>['error'];
/** A network's solution, and the independent check of it on its problem (checker.ts), made in the same thread. */
export interface Checked {
  solution: Solution;
  verdict: CheckResult;
}
export type SolveAnswer = ({ id: number } & Checked) | { id: number; error: ThreadError };

export function errorAnswer(error: unknown): ThreadError {
  return (threadError(error) as { error: ThreadError }).error;
}

/** `problem` (made by buildProblem: in columns) as a message; undefined if it holds its contexts as objects. */
export function messageOfProblem(problem: PartitionProblem): ProblemMessage | undefined {
  const columns = columnsOfProblem(problem);
  if (!columns) return undefined;
  const { candidates, pinned, groups, nesting, reach, objective, budget } = problem;
  const rest: Omit<PartitionProblem, 'contexts'> = { candidates, pinned, groups, nesting };
  if (reach) rest.reach = reach;
  if (objective) rest.objective = objective;
  if (budget) rest.budget = budget;
  return { rest, columns };
}

/** How many threads solve `networks` problems (CLONECLOUD_SOLVE_THREADS): 0 for this thread alone. */
export function solveThreads(networks: number, asked = process.env.CLONECLOUD_SOLVE_THREADS): number {
  if (asked === undefined || asked.trim() === '') return 0;
  const n = Number(asked);
  if (!(Number.isInteger(n) && n >= 0)) throw new InputError(`must be a whole number of threads (0: none), not '${asked}'`, 'CLONECLOUD_SOLVE_THREADS');
  // From the TypeScript sources (the tests), where no built thread module exists, they are solved here.
  if (n <= 1 || networks < 2 || !existsSync(fileURLToPath(THREAD))) return 0;
  return Math.min(networks, n);
}

/**
 * Solves and checks each of `jobs` in `threads` worker threads; a job's problem is made when a
 * thread is free for it, so that at most `threads` problems' costs are held at once. The
 * answers come in the jobs' order; each job's error is its own rejection.
 */
export function solveInThreads(jobs: (() => PartitionProblem)[], threads: number, timeLimitSec: number): Promise<Checked>[] {
  const limitMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const answers = jobs.map(() => {
    let done!: (s: Checked) => void;
    let fail!: (e: Error) => void;
    const promise = new Promise<Checked>((resolve, reject) => {
      done = resolve;
      fail = reject;
    });
    return { promise, done, fail };
  });
  let next = 0;
  const start = (worker: Worker, state: { current: number }): void => {
    if (next >= jobs.length) {
      void worker.terminate();
      return;
    }
    const id = next++;
    state.current = id;
    let message: ProblemMessage | undefined;
    try {
      message = messageOfProblem(jobs[id]!());
      if (!message) throw new Error('a network problem not held in columns cannot go to a solve thread');
    } catch (error) {
      answers[id]!.fail(error as Error);
      start(worker, state);
      return;
    }
    // The costs are this problem's own: moved, not copied (the tree's columns are shared by every network's problem).
    const { device, clone, migration } = message.columns;
    worker.postMessage({ id, problem: message, timeLimitSec } satisfies SolveRequest, [device.buffer, clone.buffer, migration.buffer] as ArrayBuffer[]);
  };
  for (let t = 0; t < Math.min(threads, jobs.length); t++) {
    const state = { current: -1 };
    const worker = new Worker(THREAD, { resourceLimits: { maxOldGenerationSizeMb: limitMb } });
    worker.on('message', (answer: SolveAnswer) => {
      const job = answers[answer.id]!;
      if ('solution' in answer) job.done({ solution: answer.solution, verdict: answer.verdict });
      else if ('what' in answer.error) job.fail(new InputError(answer.error.what, answer.error.where, answer.error.field));
      else job.fail(new Error(`a solve failed: ${answer.error.stack}`));
      start(worker, state);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      const failed = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new InputError(`solving needed more memory than Node's heap limit of ${limitMb} MB (raise it with NODE_OPTIONS=--max-old-space-size=<MB>)`)
        : error;
      // This thread's job and every job not yet started end with its error (each promise settles once).
      answers[state.current]?.fail(failed);
      for (; next < jobs.length; next++) answers[next]!.fail(failed);
    });
    worker.once('exit', (code) => {
      // After its error, or ended from outside: a job it held has no answer (one that has keeps it).
      const ended = new Error(`a solve thread ended (code ${code}) without an answer`);
      answers[state.current]?.fail(ended);
      for (; next < jobs.length; next++) answers[next]!.fail(ended);
    });
    start(worker, state);
  }
  return answers.map((a) => a.promise);
}
