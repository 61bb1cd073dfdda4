import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { defaultCacheDir } from '../../runtime/cache.js';
import { PlanError } from '../../runtime/plan.js';
import type { CallLog } from '../../runtime/clone/server.js';
import { isFile } from '../../util/files.js';
import { displayPath, loadNetworks, readText, resolveAppDir } from '../load.js';
import { flagOrigin } from '../origin.js';
import type { Output } from '../output.js';
import { MANIFEST_FILE } from './partition.js';

interface ServeFlags {
  manifest?: string;
  port: string;
  host: string;
  tokenFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  maxRequestBytes: string;
  maxCallSeconds: string;
  workers?: string;
  queue?: string;
  log: string;
  emulateNetwork?: string;
}

export function registerServe(program: Command, output: Output): void {
  program
    .command('serve')
    .description("run the clone: serve the manifest's migration points from this copy of the app's build")
    .argument('<app-dir>', "folder with the manifest and the app's build")
    .option('--manifest <file>', `the manifest (default: <app-dir>/${MANIFEST_FILE})`)
    .option('--port <n>', 'port to listen on (0: any free port)', '7070')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--token-file <file>', 'devices must present the token in this file; without one the clone serves on loopback only')
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM), with --tls-key')
    .option('--tls-key <file>', "the certificate's private key (PEM)")
    .option('--max-request-bytes <n>', 'largest call accepted (413 beyond)', String(256 * 1024 * 1024))
    .option('--max-call-seconds <n>', 'longest a call may run, whatever deadline the device asks for (504 beyond)', '600')
    .option('--workers <n>', 'worker threads, each running one call at a time (default: the cores)')
    .option('--queue <n>', 'calls that may wait for a busy worker; beyond, the clone answers 503 at once and the device runs the call (default: 4 per worker)')
    .option('--log <format>', "one line per call: 'text' or 'json'", 'text')
    .option('--emulate-network <name>', 'answer as if over this bundled network (its round trip and bandwidths): try wifi, lte or 3g on one machine')
    .addHelpText('after', '\nExample:\n  $ clonecloud serve examples/virus-scan --port 7070\n  $ clonecloud serve . --host 0.0.0.0 --token-file /run/secrets/clonecloud-token --tls-cert cert.pem --tls-key key.pem')
    .action(async (dir: string, flags: ServeFlags) => {
      const appDir = resolveAppDir(dir);
      const manifest = resolve(flags.manifest ?? join(appDir, MANIFEST_FILE));
      if (!isFile(manifest)) throw new InputError('no manifest: run `clonecloud partition` first', displayPath(manifest));
      const port = integer(flags.port, '--port', 0, 65535);
      const workers = flags.workers === undefined ? availableParallelism() : integer(flags.workers, '--workers', 1, 1024);
      const maxQueue = flags.queue === undefined ? workers * 4 : integer(flags.queue, '--queue', 0, 1_000_000);
      const maxRequestBytes = integer(flags.maxRequestBytes, '--max-request-bytes', 1, Number.MAX_SAFE_INTEGER);
      const maxCallMs = integer(flags.maxCallSeconds, '--max-call-seconds', 1, 24 * 3600) * 1000;
      if (flags.log !== 'text' && flags.log !== 'json') throw new InputError(`expected 'text' or 'json', got '${flags.log}'`, undefined, '--log');
      const token = flags.tokenFile === undefined ? undefined : readText(flags.tokenFile, 'token file').trim();
      if (token === '') throw new InputError('the token file is empty', flags.tokenFile);
      if (token === undefined && !isLoopback(flags.host)) {
        throw new InputError(`a clone without --token-file serves on loopback only, not on ${flags.host}`, undefined, '--host');
      }
      if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new InputError('give both --tls-cert and --tls-key', undefined, flags.tlsCert ? '--tls-key' : '--tls-cert');
      const tls = flags.tlsCert && flags.tlsKey ? { cert: readText(flags.tlsCert, 'certificate'), key: readText(flags.tlsKey, 'private key') } : undefined;

      const emulate = flags.emulateNetwork === undefined ? undefined : loadNetworks([flags.emulateNetwork], flagOrigin('--emulate-network'))[0];
      const { serve } = await import('../../runtime/clone/server.js');
      const log = flags.log === 'json' ? (e: CallLog) => output.out(JSON.stringify({ time: new Date().toISOString(), ...e })) : (e: CallLog) => output.out(textLine(e, output));
      let serving;
      try {
        serving = await serve({ appDir, manifest, host: flags.host, port, maxRequestBytes, maxCallMs, workers, maxQueue, cacheDir: defaultCacheDir(), log, ...(token ? { token } : {}), ...(tls ? { tls } : {}), ...(emulate ? { emulate } : {}) });
      } catch (error) {
        if (error instanceof PlanError) throw new InputError(error.message);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new InputError(`cannot listen on ${flags.host}:${port} (${code})`, undefined, '--port');
        throw error;
      }
      const c = output.errColor;
      output.err(`clonecloud serve: ${displayPath(appDir)} on ${serving.url} (${workers} worker${workers === 1 ? '' : 's'}, build ${serving.build.slice(0, 12)}, ${serving.started.entries.length} migration point${serving.started.entries.length === 1 ? '' : 's'})`);
      if (token === undefined) output.err(c.yellow('no --token-file: serving on loopback only, without a token'));
      if (emulate) output.err(`emulating ${emulate.name}: ${emulate.rttMs} ms round trip, ${emulate.upMbps} Mbps up, ${emulate.downMbps} Mbps down`);
      for (const f of serving.started.failed) output.err(`${c.yellow('warning')}: ${displayPath(f.file)} did not load on the clone: ${f.error}`);
      await new Promise<void>((done) => {
        const stop = () => void serving.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function textLine(e: CallLog, { color: c }: Output): string {
  const status = e.status === 200 ? c.green('200') : c.yellow(String(e.status));
  return `${new Date().toISOString()} ${status} ${e.point} up ${e.upBytes} B down ${e.downBytes} B ${e.ms.toFixed(1)} ms${e.message ? ` ${c.dim(e.message)}` : ''}`;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`expected a whole number from ${min} to ${max}, got '${value}'`, undefined, flag);
  return n;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
