/**
 * The analysis thread's young generation: most of what the analysis allocates dies young, and
 * with Node's default semi-spaces (16 MB) its collector ran about 80 scavenges at 10k methods and
 * 260 at 40k. The thread's limits ask for 64 MB semi-spaces; the old generation stays this
 * thread's own (so that --max-old-space-size sets both). V8 must take the size as asked.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { analysisThreadLimits } from '../../src/cli/analyzeInThread.js';

async function limitsOf(resourceLimits?: ResourceLimits): Promise<ResourceLimits | undefined> {
  const worker = new Worker('require("node:worker_threads").parentPort.once("message", () => process.exit(0));', { eval: true, resourceLimits });
  await new Promise((ready) => worker.once('online', ready));
  const limits = worker.resourceLimits;
  worker.postMessage('end');
  await new Promise((ended) => worker.once('exit', ended));
  return limits;
}

test('the analysis thread gets 64 MB semi-spaces (a 192 MB young generation), more than a thread by default', async () => {
  const limits = analysisThreadLimits(3000);
  expect(limits).toEqual({ maxOldGenerationSizeMb: 3000, maxYoungGenerationSizeMb: 192 });
  const asked = await limitsOf(limits);
  const byDefault = await limitsOf();
  expect(asked?.maxYoungGenerationSizeMb).toBe(192);
  expect(asked?.maxOldGenerationSizeMb).toBe(3000);
  expect(byDefault?.maxYoungGenerationSizeMb).toBeLessThan(192);
});
