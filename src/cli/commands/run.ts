import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants } from 'node:os';
import type { Command } from 'commander';
import { InputError, ProgramExit } from '../../errors.js';
import { ENV } from '../../runtime/env.js';
import { PlanError, readPlan, type RuntimePlan } from '../../runtime/plan.js';
import { defaultCacheDir } from '../../runtime/cache.js';
import type { ProcessReport } from '../../runtime/device/stats.js';
import { writeFileAtomic } from '../../util/files.js';
import { displayPath, loadNetworks, readText } from '../load.js';
import type { Output } from '../output.js';
import { MANIFEST_FILE } from './partition.js';
import { renderRunReport, runReport } from '../runReport.js';

interface RunFlags {
  clone?: string;
  network: string;
  manifest?: string;
  app: string;
  tokenFile?: string;
  caFile?: string;
  timeout?: string;
  report?: boolean;
  reportFile?: string;
}

const REGISTER = new URL('../../runtime/device/register.js', import.meta.url);

export function registerRun(program: Command, output: Output): void {
  program
    .command('run')
    .description("run a Node program partitioned: the manifest's migration points go to the clone, the rest runs here")
    .option('--clone <url>', 'the clone (`clonecloud serve`), e.g. http://127.0.0.1:7070; without one everything runs on the device')
    .option('--network <name>', "the manifest's partition to run, or 'auto' to measure the link to the clone and take the nearest", 'auto')
    .option('--manifest <file>', `the manifest (default: <app>/${MANIFEST_FILE})`)
    .option('--app <dir>', "the app's folder (its tsconfig's outDir holds the build the manifest names)", '.')
    .option('--token-file <file>', 'the token the clone expects')
    .option('--ca-file <file>', "certificate authority of the clone's TLS certificate, when the system does not trust it")
    .option('--timeout <ms>', 'give up on a migrated call after this long and run it here (default: from its predicted cost)')
    .option('--report', 'print, per migration point, what happened beside what the manifest predicted (on stderr)')
    .option('--report-file <file>', 'write that report as JSON')
    .argument('[command...]', 'the command to run, after --')
    .addHelpText('after', '\nExample:\n  $ clonecloud serve examples/virus-scan &\n  $ clonecloud run --app examples/virus-scan --clone http://127.0.0.1:7070 --report -- node examples/virus-scan/.build/app/cli.js corpus')
    .action(async (command: string[], flags: RunFlags) => {
      if (command.length === 0) throw new InputError('usage: clonecloud run [--clone URL] [--network auto|<name>] -- <command> [args...]');
      const appDir = resolve(flags.app);
      const manifest = resolve(flags.manifest ?? join(appDir, MANIFEST_FILE));
      let plan: RuntimePlan;
      try {
        plan = await readPlan(manifest, defaultCacheDir());
      } catch (error) {
        if (error instanceof PlanError) throw new InputError(error.message);
        throw error;
      }
      if (flags.clone !== undefined) {
        try {
          const u = new URL(flags.clone);
          if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
        } catch {
          throw new InputError(`expected an http:// or https:// URL, got '${flags.clone}'`, undefined, '--clone');
        }
      }
      if (flags.network !== 'auto' && !plan.partitions.has(flags.network)) {
        throw new InputError(`the manifest has no partition for network '${flags.network}' (it has ${[...plan.partitions.keys()].join(', ')})`, displayPath(manifest), '--network');
      }
      if (flags.timeout !== undefined && !(Number(flags.timeout) > 0)) throw new InputError(`expected a positive number of ms, got '${flags.timeout}'`, undefined, '--timeout');
      if (flags.tokenFile) readText(flags.tokenFile, 'token file');
      if (flags.caFile) readText(flags.caFile, 'certificate authority file');

      const network = flags.clone && flags.network === 'auto' ? await chooseNetwork(flags, plan, output) : flags.network;
      const reportDir = flags.report || flags.reportFile ? mkdtempSync(join(tmpdir(), 'clonecloud-run-')) : undefined;
      try {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : ''}--import "${pathToFileURL(REGISTER.pathname).href}"`,
          [ENV.clone]: flags.clone && network ? flags.clone : '',
          [ENV.network]: network ?? '',
          [ENV.manifest]: manifest,
          [ENV.app]: appDir,
          ...(flags.tokenFile ? { [ENV.tokenFile]: resolve(flags.tokenFile) } : {}),
          ...(flags.caFile ? { [ENV.caFile]: resolve(flags.caFile) } : {}),
          ...(flags.timeout ? { [ENV.timeout]: flags.timeout } : {}),
          ...(reportDir ? { [ENV.reportDir]: reportDir } : {}),
        };
        const code = await runChild(command, env);
        if (reportDir) {
          const report = runReport(plan, network, collect(reportDir, output));
          if (flags.reportFile) writeFileAtomic(resolve(flags.reportFile), `${JSON.stringify(report, null, 2)}\n`);
          if (flags.report) renderRunReport(report, output.errColor).forEach((line) => output.err(line));
        }
        if (code !== 0) throw new ProgramExit(code);
      } finally {
        if (reportDir) rmSync(reportDir, { recursive: true, force: true });
      }
    });
}

/** `--network auto`, measured once here for every process of the run. */
async function chooseNetwork(flags: RunFlags, plan: RuntimePlan, output: Output): Promise<string | undefined> {
  const { measureLink, nearestNetwork } = await import('../../runtime/device/network.js');
  const base = flags.clone!.endsWith('/') ? flags.clone! : `${flags.clone}/`;
  const token = flags.tokenFile ? readText(flags.tokenFile, 'token file').trim() : undefined;
  const ca = flags.caFile ? readText(flags.caFile, 'certificate authority file') : undefined;
  const link = await measureLink({ url: (p) => new URL(p, base).href, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(ca ? { ca } : {}) });
  if (!link) {
    output.err(`clonecloud run: the clone at ${flags.clone} does not answer; everything runs on the device`);
    return undefined;
  }
  const chosen = nearestNetwork(link, loadNetworks().filter((n) => plan.partitions.has(n.name)));
  output.err(`clonecloud run: link to the clone ${link.rttMs.toFixed(1)} ms round trip, ${link.upMbps.toFixed(0)} Mbps up, ${link.downMbps.toFixed(0)} Mbps down: partition '${chosen?.name ?? 'none'}'`);
  return chosen?.name;
}

function runChild(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command;
  return new Promise((ok, fail) => {
    const child = spawn(file!, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    child.on('error', (error) => fail(new InputError(`cannot run '${file}': ${(error as NodeJS.ErrnoException).code ?? error.message}`)));
    child.on('exit', (code, signal) => {
      for (const [s, h] of handlers) process.removeListener(s, h);
      ok(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 0));
    });
  });
}

/** Each process's report; one cut short (a process killed as it wrote) is left out, said, not fatal: the program's own exit code stands. */
function collect(dir: string, output: Output): ProcessReport[] {
  const reports: ProcessReport[] = [];
  for (const f of readdirSync(dir).filter((f) => /^report-\d+\.json$/.test(f)).sort()) {
    try {
      reports.push(JSON.parse(readFileSync(join(dir, f), 'utf8')) as ProcessReport);
    } catch (error) {
      output.err(`clonecloud run: the report of process ${f.replace(/\D/g, '')} cannot be read (${(error as Error).message}); the figures leave it out`);
    }
  }
  return reports;
}

