import { unreadableWarnings } from '../../analysis/diagnostics.js';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describeGain } from '../../manifest/diff.js';
import { renderManifest } from '../../manifest/render.js';
import { loadCompute } from '../lazy.js';
import { checkOutputPath, displayPath, resolveAppDir, schemaReference, writeOutput } from '../load.js';
import type { Output } from '../output.js';
import type { PartitionOutcome } from '../partitionPipeline.js';
import { addSettingsOptions, resolveSettings, type SettingsFlags } from '../settings.js';

export const MANIFEST_FILE = 'clonecloud.manifest.yaml';

interface PartitionFlags extends SettingsFlags {
  out?: string;
  json?: boolean;
  verbose?: boolean;
}

export function registerPartition(program: Command, output: Output): void {
  addSettingsOptions(
    program
      .command('partition')
      .description('analyse the app, merge its profiles and write the partition manifest')
      .argument('<app-dir>', 'folder with the tsconfig.json and the recorded profiles'),
  )
    .option('--out <file>', `where to write the manifest (default: <app-dir>/${MANIFEST_FILE})`)
    .option('--json', 'print the manifest as JSON on stdout')
    .option('--verbose', 'print model sizes, solver details and the time of each step')
    .addHelpText('after', '\nExample:\n  $ clonecloud partition examples/virus-scan --network wifi,3g')
    .action(async (dir: string, flags: PartitionFlags) => {
      const appDir = resolveAppDir(dir);
      const target = flags.out ?? join(appDir, MANIFEST_FILE);
      checkOutputPath(target, flags.out === undefined ? undefined : '--out');
      const settings = resolveSettings(appDir, flags);
      const compute = await loadCompute();
      const { outcome, phases } = await compute.computePartition(appDir, settings, undefined, settings.strict);
      // The YAML and the file count in 'writing the manifest' (0.85 s of 40k:1m's partition was in no step).
      compute.withinLastStep(phases, () => writeOutput(target, renderManifest(outcome.manifest, { schema: schemaReference(target, 'manifest') }), flags.out === undefined ? undefined : '--out'));
      for (const warning of [...unreadableWarnings(outcome.unreadable), ...outcome.warnings]) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      if (flags.json) output.out(JSON.stringify({ manifest: outcome.manifest, file: displayPath(target) }, null, 2));
      else printSummary(outcome, displayPath(target), flags.verbose === true, output);
      // Times vary from run to run: only on request, and never in the manifest.
      if (flags.verbose && !flags.json) {
        output.out(output.color.dim(`  time (ms): ${phases.map((p) => `${p.step} ${p.ms}`).join(', ')}`));
        output.out(output.color.dim(`  cpu (ms, all threads): ${phases.map((p) => `${p.step} ${p.cpuMs}`).join(', ')}`));
      }
    });
}

function printSummary(outcome: PartitionOutcome, target: string, verbose: boolean, { out, color: c }: Output): void {
  const m = outcome.manifest;
  const budget = m.budget?.maxEnergyRatio !== undefined ? `, energy ≤ ${m.budget.maxEnergyRatio}× all-device`
    : m.budget?.maxSlowdown !== undefined ? `, time ≤ ${m.budget.maxSlowdown}× all-device` : '';
  out(`${c.bold(m.app)}: objective ${m.objective}${budget}, device ${m.device}, nesting ${m.nesting}`);
  for (const [i, p] of m.partitions.entries()) {
    const report = outcome.reports[i]!;
    const unit = p.cost.unit;
    const cost = `${p.cost.deviceOnly.toFixed(1)} ${unit} → ${p.cost.partitioned.toFixed(1)} ${unit}`;
    const gain = p.migrate.length === 0 ? c.dim('all on the device') : c.green(describeGain(p.cost));
    const gap = p.gap === undefined ? 'gap unknown' : `gap ${(p.gap * 100).toFixed(2)}%`;
    const proof = !p.optimal ? c.yellow(`not proven optimal, ${gap}`)
      : report.solution.tiesUnsettled ? c.yellow('optimal; the time limit ended the choice among equally cheap partitions, so another run may write another of them')
      : c.dim('optimal');
    out(`  ${c.cyan(p.network.padEnd(6))} ${cost}  ${gain}  (${proof})`);
    if (p.budget) out(c.dim(`         budget: ${p.budget.partitioned.toFixed(1)} ${p.budget.unit} of at most ${p.budget.limit.toFixed(1)} ${p.budget.unit}`));
    for (const method of p.migrate) out(`         ${c.magenta('↗')} ${method}`);
    if (verbose) {
      const s = report.solution.model;
      out(c.dim(`         model: ${s.contexts} contexts, ${s.contextsAfter} after reductions; ${s.variables} variables (${s.integers} integer), ${s.constraints} constraints`));
    }
  }
  if (m.estimated.length > 0) out(c.dim(`  ${m.estimated.length} context(s) seen on one side only, estimated from the other`));
  out(`wrote ${target}`);
}
