import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { renderManifest } from '../../manifest/render.js';
import type { NestingModel } from '../../model/types.js';
import { writeFileAtomic } from '../../util/files.js';
import { analyzeWithBundledCatalogs } from '../analyzeApp.js';
import { appName, findProfileFiles, loadDevice, loadNetworks, loadProfiles, resolveAppDir } from '../load.js';
import type { Output } from '../output.js';
import { partition, type PartitionOutcome } from '../partitionPipeline.js';

export const MANIFEST_FILE = 'clonecloud.manifest.yaml';

interface PartitionFlags {
  profiles?: string[];
  network?: string;
  device: string;
  nesting: string;
  timeLimit: string;
  strict?: boolean;
  tsconfig?: string;
  out?: string;
  json?: boolean;
  verbose?: boolean;
}

export function registerPartition(program: Command, output: Output): void {
  program
    .command('partition')
    .description('analyse the app, merge its profiles and write the partition manifest')
    .argument('<app-dir>', 'folder with the tsconfig.json and the recorded profiles')
    .option('--profiles <glob...>', 'profile files, folders or globs (default: <app-dir>/**/*.profile.{yaml,json})')
    .option('--network <names>', 'comma-separated network conditions to solve (default: every bundled one)')
    .option('--device <name>', 'device model from profiles/devices', 'phone-midrange')
    .option('--nesting <model>', "'dynamic' (a migration point reached on the clone is a plain call) or 'static' (CloneCloud's rule)", 'dynamic')
    .option('--time-limit <seconds>', 'solver time limit per network', '60')
    .option('--strict', 'profiles naming methods the app no longer has are errors, not warnings')
    .option('--tsconfig <path>', 'tsconfig relative to <app-dir>', 'tsconfig.json')
    .option('--out <file>', `where to write the manifest (default: <app-dir>/${MANIFEST_FILE})`)
    .option('--json', 'print the manifest and the solver report as JSON on stdout')
    .option('--verbose', 'print model sizes and solver details')
    .addHelpText('after', '\nExample:\n  $ clonecloud partition examples/virus-scan --network wifi,3g')
    .action(async (dir: string, flags: PartitionFlags) => {
      const appDir = resolveAppDir(dir);
      const nesting = parseNesting(flags.nesting);
      const timeLimitSec = Number(flags.timeLimit);
      if (!(timeLimitSec > 0)) throw new InputError(`expected a positive number of seconds, got '${flags.timeLimit}'`, undefined, '--time-limit');
      const networks = loadNetworks(flags.network?.split(',').map((n) => n.trim()).filter(Boolean));
      const device = loadDevice(flags.device);
      const profiles = loadProfiles(appDir, findProfileFiles(appDir, flags.profiles));
      const analysis = analyzeWithBundledCatalogs(appDir, flags.tsconfig);
      const outcome = await partition({
        app: appName(appDir), analysis, profiles, networks, device, nesting, timeLimitSec, strict: flags.strict === true,
      });
      const target = flags.out ?? join(appDir, MANIFEST_FILE);
      writeFileAtomic(target, renderManifest(outcome.manifest));
      for (const warning of outcome.warnings) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      if (flags.json) output.out(JSON.stringify({ manifest: outcome.manifest, file: relative(process.cwd(), target) }, null, 2));
      else printSummary(outcome, relative(process.cwd(), target), flags.verbose === true, output);
    });
}

function parseNesting(value: string): NestingModel {
  if (value !== 'dynamic' && value !== 'static') throw new InputError(`expected 'dynamic' or 'static', got '${value}'`, undefined, '--nesting');
  return value;
}

function printSummary(outcome: PartitionOutcome, target: string, verbose: boolean, { out, color: c }: Output): void {
  const m = outcome.manifest;
  out(`${c.bold(m.app)}: objective ${m.objective}, device ${m.device}, nesting ${m.nesting}`);
  for (const [i, p] of m.partitions.entries()) {
    const report = outcome.reports[i]!;
    const cost = `${p.cost.deviceOnly.toFixed(1)} ms → ${p.cost.partitioned.toFixed(1)} ms`;
    const gain = p.migrate.length === 0 ? c.dim('all on the device') : c.green(`${p.speedup.toFixed(2)}× faster`);
    const proof = p.optimal ? c.dim('optimal') : c.yellow(`not proven optimal, gap ${((p.gap ?? 0) * 100).toFixed(2)}%`);
    out(`  ${c.cyan(p.network.padEnd(6))} ${cost}  ${gain}  (${proof})`);
    for (const method of p.migrate) out(`         ${c.magenta('↗')} ${method}`);
    if (verbose) {
      const s = report.solution.model;
      out(c.dim(`         model: ${report.contexts} contexts, ${s.variables} variables (${s.integers} integer), ${s.constraints} constraints`));
    }
  }
  if (m.estimated.length > 0) out(c.dim(`  ${m.estimated.length} context(s) seen on one side only, estimated from the other`));
  out(`wrote ${target}`);
}
