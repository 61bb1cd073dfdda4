import { unreadableWarnings } from '../../analysis/diagnostics.js';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { UNIT } from '../../manifest/types.js';
import type { PartitionProblem } from '../../model/types.js';
import { checkPartition } from '../../solver/index.js';
import { loadAnalysis, loadCompute } from '../lazy.js';
import { resolveAppDir } from '../load.js';
import type { Output } from '../output.js';
import { addSettingsOptions, resolveSettings, type SettingsFlags } from '../settings.js';

export interface NetworkExplanation {
  network: string;
  migrates: boolean;
  contexts: number;
  /** Sums over the method's contexts, per execution, with everything they call (what migrating moves). */
  deviceCost: number;
  cloneCost: number;
  /** The method's own work only. */
  ownDeviceCost: number;
  ownCloneCost: number;
  migrationCost: number;
  partitionCost: number;
  /** Cost of the partition with this one method flipped; absent when the flip is illegal. */
  flippedCost?: number;
}

export function registerExplain(program: Command, output: Output): Command {
  return addSettingsOptions(
    program
      .command('explain')
      .description('why a method migrates or not under each network: its verdict, its costs, and the cost if it were flipped')
      .argument('<method-id>', 'e.g. src/scan/scanner.ts#Scanner.scanAll')
      .argument('[app-dir]', 'folder with the tsconfig.json and the profiles', '.'),
  )
    .option('--json', 'print the explanation as JSON')
    .addHelpText('after', "\nExample:\n  $ clonecloud explain 'src/scan/scanner.ts#Scanner.scanAll' examples/virus-scan")
    .action(async (id: string, dir: string, flags: SettingsFlags & { json?: boolean }) => {
      const appDir = resolveAppDir(dir);
      const settings = resolveSettings(appDir, flags);
      const unit = UNIT[settings.objective];
      const { analysis, outcome } = await (await loadCompute()).computePartition(appDir, settings);
      for (const warning of [...unreadableWarnings(outcome.unreadable), ...outcome.warnings]) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      const method = analysis.methods.find((m) => m.id === id);
      if (!method) throw new InputError(`unknown method id '${id}' (see \`clonecloud analyze ${dir}\` for the app's ids)`, undefined, '<method-id>');
      const { verdict, lines } = (await loadAnalysis()).explainMethod(analysis, id);
      const networks = outcome.reports.map((r) => explainNetwork(r.problem(), r.network.name, r.solution.migrate, id, method.candidate));
      if (flags.json) {
        output.out(JSON.stringify({ method: id, file: method.file, line: method.line, verdict, reasons: lines.slice(1).map((l) => l.trim()), networks }, null, 2));
        return;
      }
      const { out, color: c } = output;
      lines.forEach((line, i) => out(i === 0 ? c.bold(line) : line));
      for (const n of networks) {
        const where = n.migrates ? c.magenta('migrates') : 'does not migrate';
        out(`${c.cyan(n.network)}: ${where}; ${n.contexts} context(s): on the device ${n.deviceCost.toFixed(1)} ${unit} (own ${n.ownDeviceCost.toFixed(1)}), on the clone ${n.cloneCost.toFixed(1)} ${unit} (own ${n.ownCloneCost.toFixed(1)}), migration ${n.migrationCost.toFixed(1)} ${unit}`);
        const flipped = n.flippedCost === undefined
          ? 'it cannot be flipped (not a candidate)'
          : `flipped, the partition would cost ${n.flippedCost.toFixed(1)} ${unit} instead of ${n.partitionCost.toFixed(1)} ${unit}`;
        out(`  ${flipped}`);
      }
    });
}

export function explainNetwork(problem: PartitionProblem, network: string, migrate: string[], id: string, candidate: boolean): NetworkExplanation {
  const inclusive = subtreeSums(problem);
  const mine = problem.contexts.flatMap((c, i) => (c.method === id ? [i] : []));
  const own = mine.map((i) => problem.contexts[i]!);
  const migrates = migrate.includes(id);
  const current = checkPartition(problem, migrate);
  const explanation: NetworkExplanation = {
    network,
    migrates,
    contexts: own.length,
    deviceCost: mine.reduce((s, i) => s + inclusive.device[i]!, 0),
    cloneCost: mine.reduce((s, i) => s + inclusive.clone[i]!, 0),
    ownDeviceCost: own.reduce((s, c) => s + c.deviceCost, 0),
    ownCloneCost: own.reduce((s, c) => s + c.cloneCost, 0),
    migrationCost: own.reduce((s, c) => s + c.migrationCost, 0),
    partitionCost: current.cost,
  };
  if (candidate && (migrates || own.length > 0)) {
    const flipped = migrates ? migrate.filter((m) => m !== id) : [...migrate, id];
    const check = checkPartition(problem, flipped);
    if (check.violations.length === 0) explanation.flippedCost = check.cost;
  }
  return explanation;
}

/** Cost of each context with its whole subtree; parents come before children, so one backward pass. */
function subtreeSums(problem: PartitionProblem): { device: number[]; clone: number[] } {
  const device = problem.contexts.map((c) => c.deviceCost);
  const clone = problem.contexts.map((c) => c.cloneCost);
  for (let i = problem.contexts.length - 1; i >= 0; i--) {
    const parent = problem.contexts[i]!.parent;
    if (parent >= 0) {
      device[parent]! += device[i]!;
      clone[parent]! += clone[i]!;
    }
  }
  return { device, clone };
}
