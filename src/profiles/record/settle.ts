/** Settles the recorder's cached per-call cost before a recording (see calibrate.ts), in the parent `record`. */
import { spawnSync } from 'node:child_process';
import { privateDir } from '../../util/privateCache.js';
import { readCachedCost, SETTLED } from './calibrate.js';
import { inliningFlag } from './inlining.js';

const CALIBRATE = new URL('./calibrate.js', import.meta.url).href;

/**
 * Settles the cached cost, the first time on a machine: calibrations in fresh processes (one
 * process's compiler settles on one code shape for e()/x(), fast or not), at most SETTLED, under
 * the inlining budget of traced processes (inlining.ts).
 */
export function settle(dir: string): void {
  if (!privateDir(dir)) return; // no cache: each traced process calibrates for itself
  const script = `import { calibrated } from ${JSON.stringify(CALIBRATE)}; calibrated(${JSON.stringify(dir)});`;
  for (let k = 0; k < SETTLED && (readCachedCost(dir)?.calibrations ?? 0) < SETTLED; k++) {
    const run = spawnSync(process.execPath, [inliningFlag(), '--input-type=module', '-e', script], { stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
    if (run.status !== 0) break; // each traced process calibrates for itself then
  }
}
