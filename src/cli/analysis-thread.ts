/**
 * The analysis in a worker thread (see analyzeInThread): it answers one message, the result or
 * the error, and ends, which gives the compiler's memory back before the solves start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { analyzeHere } from './analyzeApp.js';
import type { AnalysisSettings } from './analyzeInThread.js';

const { appDir, settings } = workerData as { appDir: string; settings: AnalysisSettings };
try {
  parentPort!.postMessage({ result: analyzeHere(appDir, settings) });
} catch (error) {
  parentPort!.postMessage({
    error: error instanceof InputError ? { what: error.what, where: error.where, field: error.field } : { stack: (error as Error)?.stack ?? String(error) },
  });
}
