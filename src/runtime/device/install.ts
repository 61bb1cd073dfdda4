/**
 * The device's run-time put in place, for a partition that migrates something: the `__cc$`
 * global, the transform of the app's modules, the helper thread for synchronous calls, and the
 * report at exit. Loaded by register.ts only then: a partition that migrates nothing, or a
 * process without a clone, never loads the loader, the wire codec or the helper thread.
 */
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { defaultCacheDir } from '../cache.js';
import { ENV } from '../env.js';
import { RUNTIME_GLOBAL } from '../global.js';
import { patchCommonJs } from '../hooks.js';
import { transformPlanOf, type RuntimePlan } from '../plan.js';
import { DeviceRuntime, reportFile, type DeviceConfig } from './runtime.js';
import { startHelper } from './sync.js';

/** Taken before the app loads: an app may replace `JSON.stringify`, and the report must still be JSON. */
const stringify = JSON.stringify;

export function install(config: DeviceConfig): void {
  const rt = new DeviceRuntime(config);
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_GLOBAL)] = rt;
  const data = { appDir: config.appDir, plan: transformPlanOf(config.plan as RuntimePlan, 'device'), cacheDir: defaultCacheDir() };
  register('../hooks.js', import.meta.url, { data });
  patchCommonJs(data);
  startHelper();
  const dir = process.env[ENV.reportDir];
  if (dir) {
    process.on('exit', () => {
      try {
        writeFileSync(reportFile(dir), stringify(rt.report()));
      } catch {
        // the report folder is gone (run was interrupted): nothing to report to
      }
    });
  }
}
