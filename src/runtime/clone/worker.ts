/**
 * One worker of the clone's pool: loads the app's build through the transform (clone mode), the
 * modules that hold migration points and carried bindings first, then runs one call at a time
 * (module bindings are this worker's own, so calls must not interleave).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { RUNTIME_GLOBAL } from '../global.js';
import { patchCommonJs } from '../hooks.js';
import { readPlan, transformPlanOf } from '../plan.js';
import { moduleKeyOf } from '../transform/moduleKey.js';
import { invoke, type CallRequest } from './invoke.js';
import { installPlaceGuards } from './locale.js';
import { installStackGuard } from './stack-reads.js';
import { installClockGuards } from './clocks.js';
import { installWorkingDirectoryGuard } from './working-directory.js';
import { CloneRuntime } from './runtime.js';

export interface WorkerSetup {
  appDir: string;
  manifest: string;
  cacheDir: string;
}

export type ToWorker = { id: number } & CallRequest;
export type FromWorker =
  | { type: 'ready'; loaded: string[]; failed: { file: string; error: string }[]; entries: string[] }
  | { type: 'result'; id: number; status: number; body?: Uint8Array; message?: string; ms: number };

const setup = workerData as WorkerSetup;
// Before the app loads, so that what it keeps of Date, Intl and the clocks is guarded too, and its errors' stacks.
installPlaceGuards();
installStackGuard();
installClockGuards();
installWorkingDirectoryGuard();
const plan = await readPlan(setup.manifest, setup.cacheDir);
const buildFiles = moduleKeysOf(setup.appDir, plan.build);
const rt = new CloneRuntime(plan, loadModule, resolve(setup.appDir));
(globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_GLOBAL)] = rt;
const data = { appDir: setup.appDir, plan: transformPlanOf(plan, 'clone'), cacheDir: setup.cacheDir };
register('../hooks.js', import.meta.url, { data });
patchCommonJs(data);

const loaded: string[] = [];
const failed: { file: string; error: string }[] = [];
const needed = neededKeys();
for (const [file, key] of buildFiles) {
  if (!needed.has(key)) continue;
  try {
    await import(pathToFileURL(file).href);
    loaded.push(file);
  } catch (error) {
    failed.push({ file, error: (error as Error).message });
  }
}
parentPort!.postMessage({ type: 'ready', loaded, failed, entries: [...rt.registry.entries.keys()].sort() } satisfies FromWorker);

parentPort!.on('message', async (call: ToWorker) => {
  const started = performance.now();
  let result;
  try {
    result = await invoke(rt, call);
  } catch (error) {
    result = { status: 500, message: `internal error: ${(error as Error).message}` };
  }
  // Transfer the reply's bytes when they own their whole buffer; copy them when they are a view.
  const body = result.body && (result.body.byteOffset === 0 && result.body.byteLength === result.body.buffer.byteLength ? result.body : result.body.slice());
  const message: FromWorker = { type: 'result', id: call.id, ...result, ...(body ? { body } : {}), ms: performance.now() - started };
  parentPort!.postMessage(message, body ? [body.buffer as ArrayBuffer] : []);
});

function neededKeys(): Set<string> {
  const keys = new Set<string>();
  for (const [id, p] of plan.points) {
    keys.add(id.slice(0, id.indexOf('#')));
    for (const s of p.state) if (s.scope === 'module') keys.add(s.file);
  }
  for (const entry of plan.entries) keys.delete(entry);
  return keys;
}

/** Every module of the build with its module key (the source file it was compiled from), in path order. */
function moduleKeysOf(appDir: string, build: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (/\.[cm]?js$/.test(entry.name)) {
        const key = moduleKeyOf(path, readFileSync(path, 'utf8'), appDir);
        if (key) out.set(path, key);
      }
    }
  };
  walk(resolve(appDir, build));
  return out;
}

/** Loads the build's modules compiled from `moduleKey`: true when one loaded, else why none did (a module top level that throws is a no). */
async function loadModule(moduleKey: string): Promise<true | string> {
  // Importing the program's entry would run the program here (its output, files, servers).
  if (plan.entries.has(moduleKey)) return `${moduleKey} is the program's entry, which the clone never imports (it would run the program)`;
  let any = false;
  const errors: string[] = [];
  for (const [file, key] of buildFiles) {
    if (key !== moduleKey) continue;
    try {
      await import(pathToFileURL(file).href);
      any = true;
    } catch (error) {
      // The call is refused as it would have been (the device runs it); the refusal says why.
      errors.push(`${file}: ${(error as Error).message}`);
    }
  }
  return any || (errors.length ? errors.join('; ') : `no module of the build ${plan.build} was compiled from it`);
}
