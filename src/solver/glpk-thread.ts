/**
 * GLPK in a worker thread, so that the time limit holds whatever GLPK does: glpk.js reads the
 * limit only inside its simplex and branch-and-bound, while loading and presolving a model of a
 * million rows takes about a minute on its own. Past the deadline the thread is ended and the
 * solve answers `undefined`; the next solve starts a fresh thread. Meanwhile the main thread is
 * free to search for partitions of its own (a second core). One thread serves every solve of
 * the process, and it does not keep the process alive when idle.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LP, Options, Result } from 'glpk.js/node';

// Evaluated as a CommonJS script in the thread: no file of ours to find next to the compiled code.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.glpk).then((m) => m.default());
parentPort.on('message', async ({ lp, options }) => {
  try {
    const glpk = await ready;
    parentPort.postMessage({ result: glpk.solve(lp, options).result });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

let thread: Worker | undefined;

function glpkUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('glpk.js/node')).href;
}

/** Solves `lp` in the thread; `undefined` when `deadline` (performance.now()) passes first. */
export function solveInThread(lp: LP, options: Options, deadline: number): Promise<Result['result'] | undefined> {
  thread ??= new Worker(THREAD_SOURCE, { eval: true, workerData: { glpk: glpkUrl() } });
  const worker = thread;
  worker.ref();
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
    };
    const onMessage = (message: { result?: Result['result']; error?: string }): void => {
      done();
      if (message.error !== undefined) reject(new Error(`GLPK failed: ${message.error}`));
      else resolve(message.result);
    };
    const onError = (error: Error): void => {
      done();
      if (thread === worker) thread = undefined;
      reject(error);
    };
    const timer = setTimeout(
      () => {
        done();
        if (thread === worker) thread = undefined;
        void worker.terminate();
        resolve(undefined);
      },
      Math.max(0, deadline - performance.now()),
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ lp, options });
  });
}
