/**
 * Loaded into every traced Node process with `--import` (through NODE_OPTIONS, so child
 * processes load it too): installs the recorder, the loader hooks that instrument the app's ES
 * modules, a compile hook for its CommonJS modules, and writes this process's partial trace at
 * exit, on an uncaught exception and on SIGINT/SIGTERM. It never prints: the app's output is
 * the app's.
 */
import { writeFileSync } from 'node:fs';
import Module, { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { ENV_APP, ENV_CACHE, ENV_COST, ENV_DIR } from './env.js';
import { calibrated, costFromText } from './calibrate.js';
import { limitInlining } from './inlining.js';
import { RECORDER_GLOBAL, Recorder } from './runtime.js';
import { snapshot, type ProcessExit } from './trace.js';
import { cacheDir, isRecorderFile, reportProblem, transformSync, type TransformConfig } from './transform.js';

const dir = process.env[ENV_DIR];
const appDir = process.env[ENV_APP];

if (dir && appDir) {
  const config: TransformConfig = { appDir, reportDir: dir, ...(process.env[ENV_CACHE] ? { cacheDir: process.env[ENV_CACHE] } : {}) };
  const cost = costFromText(process.env[ENV_COST]) ?? calibrated(cacheDir(config), (message) => reportProblem(config, message));
  const recorder = new Recorder(cost, { onFirstModule: limitInlining });
  (globalThis as Record<symbol, unknown>)[Symbol.for(RECORDER_GLOBAL)] = recorder;
  if (isMainThread) register('./hooks.js', import.meta.url, { data: config });
  patchCommonJs(config);

  let written = false;
  let signal: string | undefined;
  const write = (exit: ProcessExit) => {
    if (written) return;
    written = true;
    try {
      const trace = snapshot(recorder, { pid: process.pid, ppid: process.ppid, argv: process.argv }, exit);
      writeFileSync(join(dir, `trace-${process.pid}-${threadId}.json`), JSON.stringify(trace));
    } catch {
      // the directory is gone (record was killed): nothing to report to
    }
  };
  process.on('exit', (code) => write({ code, ...(signal ? { signal } : {}) }));
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      signal = name;
      if (process.listenerCount(name) > 1) return; // the app handles it; 'exit' writes later
      write({ signal: name });
      process.removeListener(name, onSignal);
      process.kill(process.pid, name); // die of it, as without the recorder
    };
    process.on(name, onSignal);
  }
}

/** CommonJS modules do not pass through the loader hooks here: wrap their compilation. */
function patchCommonJs(config: TransformConfig): void {
  const proto = (Module as unknown as { prototype: { _compile(content: string, filename: string): unknown } }).prototype;
  const compile = proto._compile;
  const require = createRequire(import.meta.url);
  const load = () => (require('./instrumentModule.js') as typeof import('./instrumentModule.js')).instrumentModule;
  proto._compile = function (content: string, filename: string) {
    if (!isRecorderFile(filename)) {
      try {
        content = transformSync(filename, content, config, load) ?? content;
      } catch {
        // left as it is: missing from the profile, never broken
      }
    }
    return compile.call(this, content, filename);
  };
}
