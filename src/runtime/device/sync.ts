/** The synchronous exchange: the app's thread blocks while the helper thread talks to the clone. */
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import type { Answer, Exchange } from './transport.js';

let syncExchange: ((x: Exchange) => Answer) | undefined;

export function exchangeSync(x: Exchange): Answer {
  // The exchange enforces its own deadline; this bound only guards against a helper thread that died.
  syncExchange ??= createSyncFn(fileURLToPath(new URL('./transport-worker.js', import.meta.url)), { timeout: 24 * 3600 * 1000 });
  try {
    return syncExchange(x);
  } catch (error) {
    return { error: `the helper thread failed: ${(error as Error).message}`, connect: false };
  }
}
