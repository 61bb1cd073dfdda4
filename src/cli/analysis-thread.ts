/**
 * The analysis in a worker thread (see analyzeInThread): it answers one message, the result or
 * the error, and ends, which gives the compiler's memory back before the solves start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorAnswer, type AnalysisSettings, type ThreadAnswer } from './analyzeInThread.js';
import { installCompileCache } from './compileCache.js';

// The compiler loads here, not in the main thread: its compile cache must be hooked in first,
// so the analysis is imported only after.
const compileCache = installCompileCache();
const { appDir, settings } = workerData as { appDir: string; settings: AnalysisSettings };
let answer: ThreadAnswer;
try {
  const { analyzeHere } = await import('./analyzeApp.js');
  answer = { result: analyzeHere(appDir, settings) };
} catch (error) {
  answer = errorAnswer(error);
} finally {
  compileCache.save();
}
parentPort!.postMessage(answer);
