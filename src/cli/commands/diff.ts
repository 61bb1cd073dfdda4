import type { Command } from 'commander';
import { describeGain, diffManifests, type NetworkDiff } from '../../manifest/diff.js';
import { parseManifest } from '../../manifest/parse.js';
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
      if (flags.json) output.out(JSON.stringify({ networks: diffs }, null, 2));
      else for (const d of diffs) printNetwork(d, output);
    });
}

function printNetwork(d: NetworkDiff, { out, color: c }: Output): void {
  if (d.only) {
    out(`${c.cyan(d.network)}: only in the ${d.only} manifest`);
    return;
  }
  const before = d.before!;
  const after = d.after!;
  const delta = after.partitioned - before.partitioned;
  const change = delta === 0 ? 'no cost change' : `${delta < 0 ? c.green(delta.toFixed(1)) : c.red(`+${delta.toFixed(1)}`)} ${after.unit}`;
  const moved = d.added.length + d.removed.length === 0 ? c.dim('same migration points') : `${d.added.length} added, ${d.removed.length} removed`;
  out(`${c.cyan(d.network)}: ${moved}; ${before.partitioned.toFixed(1)} → ${after.partitioned.toFixed(1)} ${after.unit} (${change}), ${describeGain(before)} → ${describeGain(after)}`);
  for (const m of d.added) out(`  ${c.green('+')} ${m}`);
  for (const m of d.removed) out(`  ${c.red('-')} ${m}`);
}
