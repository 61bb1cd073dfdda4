/**
 * The device's run-time, loaded into every process of a partitioned run with `--import` (through
 * NODE_OPTIONS, so child processes load it too; `clonecloud run` sets it up, or by hand:
 * `CLONECLOUD_CLONE=http://clone:7070 node --import clonecloud/run dist/main.js`). It picks the
 * partition and, when it migrates something, installs the run-time (install.ts). Whatever goes
 * wrong here, the app runs, all on the device, and says why once on stderr.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { ENV } from '../env.js';
import { RUNTIME_GLOBAL } from '../global.js';
import { defaultCacheDir } from '../cache.js';
import { readPlan } from '../plan.js';
import type { DeviceConfig } from './runtime.js';

// Only the app's main thread: helper threads (ours among them) inherit NODE_OPTIONS too.
if (isMainThread && !(globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_GLOBAL)]) {
  let config: DeviceConfig | undefined;
  try {
    config = await configure(process.env);
  } catch (error) {
    process.stderr.write(`clonecloud: ${(error as Error).message}; everything runs on the device\n`);
  }
  // A partition that migrates nothing needs no loader: the app runs as it is.
  if (config?.network !== undefined && config.plan.partitions.get(config.network)!.migrate.size > 0) (await import('./install.js')).install(config);
}

async function configure(env: NodeJS.ProcessEnv): Promise<DeviceConfig | undefined> {
  const clone = env[ENV.clone] || undefined;
  if (!clone) return undefined;
  const manifest = resolve(env[ENV.manifest] ?? resolve(env[ENV.app] ?? '.', 'clonecloud.manifest.yaml'));
  const appDir = resolve(env[ENV.app] ?? dirname(manifest));
  const plan = await readPlan(manifest, defaultCacheDir());
  const token = readOptional(env[ENV.tokenFile], 'token file')?.trim();
  const ca = readOptional(env[ENV.caFile], 'certificate authority file');
  const timeout = env[ENV.timeout] ? Number(env[ENV.timeout]) : undefined;
  if (timeout !== undefined && !(timeout > 0)) throw new Error(`${ENV.timeout} must be a positive number of ms, not '${env[ENV.timeout]}'`);
  const base: DeviceConfig = { appDir, plan, clone, network: undefined, ...(token ? { token } : {}), ...(ca ? { ca } : {}), ...(timeout ? { timeoutMs: timeout } : {}) };
  base.network = await chooseNetwork(env[ENV.network] || 'auto', base);
  return base;
}

async function chooseNetwork(wanted: string, config: DeviceConfig): Promise<string | undefined> {
  const { plan } = config;
  if (wanted !== 'auto') {
    if (!plan.partitions.has(wanted)) throw new Error(`the manifest has no partition for network '${wanted}' (it has ${[...plan.partitions.keys()].join(', ')})`);
    return wanted;
  }
  const [{ measureLink, nearestNetwork }, { bundledNetworks }, { DeviceRuntime }] = await Promise.all([import('./network.js'), import('../networks.js'), import('./runtime.js')]);
  const probe = new DeviceRuntime(config);
  const link = await measureLink({ url: (p) => probe.url(p), headers: probe.authHeaders(), ...(config.ca ? { ca: config.ca } : {}) });
  if (!link) {
    process.stderr.write(`clonecloud: the clone at ${config.clone} does not answer; everything runs on the device\n`);
    return undefined;
  }
  return nearestNetwork(link, bundledNetworks().filter((n) => plan.partitions.has(n.name)))?.name;
}

function readOptional(file: string | undefined, what: string): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
