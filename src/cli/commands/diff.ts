import type { Command } from 'commander';
import { describeGain, diffManifests, type NetworkDiff } from '../../manifest/diff.js';
import { parseManifest } from '../../manifest/parse.js';
import { UNIT } from '../../manifest/types.js';
import { displayPath, readText } from '../load.js';
import type { Output } from '../output.js';

export function registerDiff(program: Command, output: Output): Command {
  return program
    .command('diff')
    .description('show what moved between two manifests, per network, and the cost change (for code review)')
    .argument('<old-manifest>')
    .argument('<new-manifest>')
    .option('--json', 'print the differences as JSON')
    .addHelpText('after', '\nExample:\n  $ git show main:app/clonecloud.manifest.yaml > /tmp/old.yaml\n  $ clonecloud diff /tmp/old.yaml app/clonecloud.manifest.yaml')
    .action((oldFile: string, newFile: string, flags: { json?: boolean }) => {
      const older = parseManifest(readText(oldFile, 'manifest'), displayPath(oldFile));
      const newer = parseManifest(readText(newFile, 'manifest'), displayPath(newFile));
      const diffs = diffManifests(older, newer);
      // Costs of a time manifest (ms) and of an energy manifest (mJ) are shown, never subtracted.
      const comparable = older.objective === newer.objective;
      if (flags.json) {
        output.out(JSON.stringify({ networks: diffs, ...(comparable ? {} : { comparable, objectives: { old: older.objective, new: newer.objective } }) }, null, 2));
        return;
      }
      if (!comparable) {
        output.out(`${output.color.yellow('objectives differ')}: ${displayPath(oldFile)} minimises ${older.objective} (${UNIT[older.objective]}), ${displayPath(newFile)} ${newer.objective} (${UNIT[newer.objective]}): costs are shown, not compared`);
      }
      for (const d of diffs) printNetwork(d, comparable, output);
    });
}

function printNetwork(d: NetworkDiff, comparable: boolean, { out, color: c }: Output): void {
  if (d.only) {
    out(`${c.cyan(d.network)}: only in the ${d.only} manifest`);
    return;
  }
  const before = d.before!;
  const after = d.after!;
  if (!comparable) {
    const moved = d.added.length + d.removed.length === 0 ? c.dim('same migration points') : `${d.added.length} added, ${d.removed.length} removed`;
    out(`${c.cyan(d.network)}: ${moved}; ${before.partitioned.toFixed(1)} ${before.unit} (${describeGain(before)}), now ${after.partitioned.toFixed(1)} ${after.unit} (${describeGain(after)})`);
    for (const m of d.added) out(`  ${c.green('+')} ${m}`);
    for (const m of d.removed) out(`  ${c.red('-')} ${m}`);
    return;
  }
  const delta = after.partitioned - before.partitioned;
  const change = delta === 0 ? 'no cost change' : `${delta < 0 ? c.green(delta.toFixed(1)) : c.red(`+${delta.toFixed(1)}`)} ${after.unit}`;
  const moved = d.added.length + d.removed.length === 0 ? c.dim('same migration points') : `${d.added.length} added, ${d.removed.length} removed`;
  out(`${c.cyan(d.network)}: ${moved}; ${before.partitioned.toFixed(1)} → ${after.partitioned.toFixed(1)} ${after.unit} (${change}), ${describeGain(before)} → ${describeGain(after)}`);
  for (const m of d.added) out(`  ${c.green('+')} ${m}`);
  for (const m of d.removed) out(`  ${c.red('-')} ${m}`);
}
