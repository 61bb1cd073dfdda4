/**
 * The helper thread that makes a synchronous migration point's HTTP exchange while the app's
 * thread waits (Atomics.wait, through synckit), as CloneCloud's migrator suspended the thread.
 */
import { runAsWorker } from 'synckit';
import { exchange, type Exchange } from './transport.js';

runAsWorker((x: Exchange) => exchange(x));
