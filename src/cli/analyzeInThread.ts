import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { AnalysisResult } from '../analysis/types.js';
import { InputError } from '../errors.js';
import { bundledCatalogFiles, displayPath } from './load.js';
import { flagOrigin } from './origin.js';
import type { Settings } from './settings.js';

const THREAD = new URL('./analysis-thread.js', import.meta.url);
/**
 * The thread's young generation (V8 gives each of its two semi-spaces a third of it, the rest to new
 * large objects): 192 MB, 64 MB semi-spaces against Node's default of 16. The analysis allocates
 * about 0.9 GB at 10k methods, most of it short-lived, and each scavenge copies what is still
 * live: 78 -> 32 scavenges at 10k methods, 264 -> 76 at 40k (their pauses 2.1 -> 1.5 s), about 5%
 * of the 40k analysis' CPU for 40-60 MB more peak memory; at 10k no gain and 70-80 MB more
 * (test/bench/scale.mjs's header, "young generation"). What the analysis finds does not depend on
 * it. A --max-semi-space-size given to node still wins (V8 takes its flag over an isolate's limits).
 */
export const ANALYSIS_YOUNG_GENERATION_MB = 192;

/** The analysis thread's heap limits: the old generation as this thread's (so --max-old-space-size applies to both), the young one larger. */
export const analysisThreadLimits = (oldGenerationMb: number): ResourceLimits => ({ maxOldGenerationSizeMb: oldGenerationMb, maxYoungGenerationSizeMb: ANALYSIS_YOUNG_GENERATION_MB });
/** The thread's one answer: the result, or the error (an InputError by its parts, so that it stays one). */
export type ThreadAnswer = { result: AnalysisResult } | { error: { what: string; where?: string; field?: string } | { stack: string } };

/** The answer for `error` thrown in the thread. */
export function errorAnswer(error: unknown): ThreadAnswer {
  if (error instanceof InputError) return { error: { what: error.what, where: error.where, field: error.field } };
  return { error: { stack: (error as Error)?.stack ?? String(error) } };
}

/** What the analysis reads of the settings: plain data, so that it can go to a thread as it is. */
export interface AnalysisSettings {
  tsconfig: string;
  platforms?: string[];
  pin: string[];
  allow: string[];
  unresolved?: Settings['unresolved'];
  outsideLinks?: Settings['outsideLinks'];
  typeErrors?: boolean;
}

/** The analysis settings of `settings`, once its platform names are checked against the bundled catalogs. */
export function analysisSettings(settings: Pick<Settings, 'tsconfig' | 'platforms' | 'pin' | 'allow'> & Partial<Pick<Settings, 'unresolved' | 'origins' | 'outsideLinks'>> & { typeErrors?: boolean }): AnalysisSettings {
  const bundled = bundledCatalogFiles();
  const origin = settings.origins?.platforms ?? flagOrigin('platforms');
  for (const [i, name] of (settings.platforms ?? []).entries()) {
    if (!bundled.some((c) => c.name === name)) {
      throw new InputError(`unknown platform catalog '${name}' (bundled: ${bundled.map((c) => c.name).join(', ')})`, origin.where(i), origin.field(i));
    }
  }
  const { tsconfig, platforms, pin, allow, unresolved, outsideLinks, typeErrors } = settings;
  return { tsconfig, pin, allow, ...(platforms ? { platforms } : {}), ...(unresolved ? { unresolved } : {}), ...(outsideLinks ? { outsideLinks } : {}), typeErrors: typeErrors === true };
}

/**
 * The analysis, run in a worker thread. Two reasons:
 * - memory: the compiler's program (most of the analysis' peak) goes with the thread, so the
 *   solves that follow start from a small heap. In one thread, V8 lets the old generation grow
 *   from the analysis' high-water mark without collecting it: a 10k-method app peaked at
 *   1.1 GB, against 0.6 GB this way (tsc --noEmit: 0.34 GB).
 * - a clear error: running out of heap ends the thread, not the process with a V8 crash, so it
 *   is reported with the limit and how to raise it.
 * The thread gets the same heap limit as this one (--max-old-space-size applies to both).
 * From the TypeScript sources (the tests), where no built thread module exists, it runs here.
 */
export async function analyzeInThread(appDir: string, settings: Parameters<typeof analysisSettings>[0]): Promise<AnalysisResult> {
  const plain = analysisSettings(settings);
  if (!existsSync(fileURLToPath(THREAD))) return (await import('./analyzeApp.js')).analyzeHere(appDir, plain);
  const limitMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const tsconfig = displayPath(resolve(appDir, plain.tsconfig));
  return new Promise((done, fail) => {
    let answered = false;
    const worker = new Worker(THREAD, { workerData: { appDir, settings: plain }, resourceLimits: analysisThreadLimits(limitMb) });
    worker.once('message', (answer: ThreadAnswer) => {
      answered = true;
      if ('result' in answer) done(answer.result);
      else if ('what' in answer.error) fail(new InputError(answer.error.what, answer.error.where, answer.error.field));
      else fail(new Error(`the analysis failed: ${answer.error.stack}`));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      answered = true;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail(new InputError(`the analysis needed more memory than Node's heap limit of ${limitMb} MB (raise it with NODE_OPTIONS=--max-old-space-size=<MB>)`, tsconfig));
      } else fail(error);
    });
    worker.once('exit', (code) => {
      if (!answered) fail(new Error(`the analysis thread ended (code ${code}) without an answer`));
    });
  });
}
