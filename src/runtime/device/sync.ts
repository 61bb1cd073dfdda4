/** The synchronous exchange: the app's thread blocks while the helper thread talks to the clone. */
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import type { Answer, Exchange } from './transport.js';

let syncExchange: ((x: Exchange) => Answer) | undefined;

/** Starts the helper thread, which then boots while the app loads rather than at its first migrated call. */
export function startHelper(): void {
  // The exchange enforces its own deadline; this bound only guards against a helper thread that died.
  syncExchange ??= createSyncFn(fileURLToPath(new URL('./transport-worker.js', import.meta.url)), { timeout: 24 * 3600 * 1000 });
}

export function exchangeSync(x: Exchange): Answer {
  startHelper();
  try {
    return syncExchange!(x);
  } catch (error) {
    return { error: `the helper thread failed: ${(error as Error).message}`, connect: false };
  }
}
