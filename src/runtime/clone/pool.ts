/**
 * The clone's worker threads, one call at a time each, so that one heavy call does not hold up
 * the others. Calls wait in a bounded queue: a call is admitted (before its body is read) only
 * while workers + queue have room, else the server answers 503 at once (the device then runs the
 * call itself) rather than letting waits and memory grow without bound. A call that overruns its
 * deadline ends its worker (synchronous code cannot be interrupted otherwise), which is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { CallRequest, CallResult } from './invoke.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker.js';

export interface PoolOptions {
  size: number;
  /** Calls that may wait for a worker; more are refused with 503. */
  maxQueue: number;
  setup: WorkerSetup;
}

export interface StartReport {
  loaded: string[];
  failed: { file: string; error: string }[];
  entries: string[];
}

interface Job {
  call: CallRequest;
  deadlineMs: number;
  resolve(result: CallResult & { ms: number }): void;
}

interface Slot {
  worker: Worker;
  job?: { id: number; job: Job; timer: NodeJS.Timeout };
  overran?: boolean;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private admittedCalls = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Starts every worker and waits until each has loaded the app. */
  async start(): Promise<StartReport> {
    const reports = await Promise.all(Array.from({ length: this.options.size }, () => this.spawn()));
    return reports[0]!;
  }

  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Calls admitted and not yet answered: running, queued, or still arriving. */
  get admitted(): number {
    return this.admittedCalls;
  }

  /**
   * Admits a call before its body is read, so that bodies held stay within workers + queue:
   * a refusal (with why) when all are taken, else the release to run once the call is over.
   */
  admit(): { release(): void } | { refused: string } {
    if (this.admittedCalls >= this.options.size + this.options.maxQueue) {
      return { refused: `at capacity: ${this.busy} workers busy and ${this.admittedCalls - this.busy} calls waiting` };
    }
    this.admittedCalls++;
    let released = false;
    return {
      release: () => {
        if (!released) this.admittedCalls--;
        released = true;
      },
    };
  }

  run(call: CallRequest, deadlineMs: number): Promise<CallResult & { ms: number }> {
    return new Promise((resolve) => {
      if (this.closed) return resolve({ status: 503, message: 'the clone is shutting down', ms: 0 });
      const job: Job = { call, deadlineMs, resolve };
      const idle = this.slots.find((s) => !s.job);
      // admit() keeps the queue within its bound.
      if (idle) this.dispatch(idle, job);
      else this.queue.push(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 503, message: 'the clone is shutting down', ms: 0 });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<StartReport> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: this.options.setup, stdout: false, stderr: false });
      const slot: Slot = { worker };
      let ready = false;
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          ready = true;
          this.slots.push(slot);
          resolve({ loaded: msg.loaded, failed: msg.failed, entries: msg.entries });
          this.next(slot);
        } else if (slot.job && msg.id === slot.job.id) {
          const { job, timer } = slot.job;
          clearTimeout(timer);
          slot.job = undefined;
          job.resolve({ status: msg.status, ms: msg.ms, ...(msg.body ? { body: msg.body } : {}), ...(msg.message ? { message: msg.message } : {}) });
          this.next(slot);
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
      });
      worker.on('exit', () => {
        if (!ready) return reject(new Error('a worker stopped while loading the app'));
        this.replace(slot, slot.overran ? { status: 504, message: 'the call overran its deadline' } : { status: 500, message: 'the worker running the call stopped' });
      });
    });
  }

  private dispatch(slot: Slot, job: Job): void {
    const id = this.nextId++;
    // A second beyond the device's own deadline: by then the device has run the call itself.
    const timer = setTimeout(() => {
      slot.overran = true;
      void slot.worker.terminate();
    }, job.deadlineMs + 1000);
    slot.job = { id, job, timer };
    const message: ToWorker = { id, ...job.call };
    // The call's bytes move to the worker rather than being copied, when they own their buffer.
    const { body } = job.call;
    const owns = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && !(body.buffer instanceof SharedArrayBuffer);
    slot.worker.postMessage(message, owns ? [body.buffer as ArrayBuffer] : []);
  }

  private next(slot: Slot): void {
    const job = this.queue.shift();
    if (job) this.dispatch(slot, job);
  }

  /** A worker ended (a call overran, or crashed): answer its call and start another worker. */
  private replace(slot: Slot, result: CallResult): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.job) {
      clearTimeout(slot.job.timer);
      const overran = slot.job.job;
      slot.job = undefined;
      overran.resolve({ ...result, ms: 0 });
    }
    if (this.closed) return;
    this.spawn().catch(() => {
      // the app no longer loads (its build changed under us): the pool shrinks and says so in health
    });
  }
}
