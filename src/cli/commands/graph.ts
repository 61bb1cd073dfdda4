import { join } from 'node:path';
import type { Command } from 'commander';
import { linkWarnings, unreadableOf, unreadableWarnings } from '../../analysis/diagnostics.js';
import { InputError } from '../../errors.js';
import { callGraphView } from '../../graph/model.js';
import { toHtml } from '../../graph/html.js';
import { toDot, toMermaid } from '../../graph/text.js';
import { parseManifest } from '../../manifest/parse.js';
import { isFile } from '../../util/files.js';
import { loadCompute } from '../lazy.js';
import { appName, checkOutputPath, displayPath, readText, resolveAppDir, writeOutput } from '../load.js';
import type { Output } from '../output.js';
import { addSettingsOptions, resolveSettings, type SettingsFlags } from '../settings.js';
import { MANIFEST_FILE } from './partition.js';

const FORMATS = { dot: toDot, mermaid: toMermaid, html: toHtml } as const;

interface GraphFlags extends SettingsFlags {
  format: string;
  out?: string;
}

export function registerGraph(program: Command, output: Output): Command {
  return addSettingsOptions(
    program
      .command('graph')
      .description('draw the call graph coloured by the partition: device, clone, pinned, migration points')
      .argument('[app-dir]', 'folder with the tsconfig.json (and the manifest, or the profiles)', '.'),
  )
    .option('--format <format>', 'dot, mermaid or html (a self-contained page)', 'dot')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nThe partition is the committed manifest\'s for --network (default: wifi, else the first), or computed when there is no manifest.\n\nExample:\n  $ clonecloud graph examples/virus-scan --format html --out callgraph.html')
    .action(async (dir: string, flags: GraphFlags) => {
      const render = FORMATS[flags.format as keyof typeof FORMATS];
      if (!render) throw new InputError(`expected one of ${Object.keys(FORMATS).join(', ')}, got '${flags.format}'`, undefined, '--format');
      const appDir = resolveAppDir(dir);
      if (flags.out !== undefined) checkOutputPath(flags.out, '--out');
      const settings = resolveSettings(appDir, flags);
      const manifestFile = join(appDir, MANIFEST_FILE);
      let migrate: string[];
      let network: string;
      let analysis;
      const { analyzeInThread, computePartition, patternWarnings } = await loadCompute();
      if (isFile(manifestFile)) {
        const manifest = parseManifest(readText(manifestFile, 'manifest'), displayPath(manifestFile));
        const wanted = settings.networks?.[0];
        const chosen = manifest.partitions.find((p) => p.network === (wanted ?? 'wifi')) ?? (wanted ? undefined : manifest.partitions[0]);
        if (!chosen) throw new InputError(`no partition for network '${wanted}' in the manifest`, displayPath(manifestFile), '--network');
        ({ migrate, network } = chosen);
        analysis = await analyzeInThread(appDir, settings);
        for (const warning of [...unreadableWarnings(unreadableOf(analysis)), ...linkWarnings(analysis), ...patternWarnings(analysis, settings)]) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      } else {
        const computed = await computePartition(appDir, settings);
        for (const warning of computed.outcome.warnings) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
        const report = computed.outcome.reports.find((r) => r.network.name === 'wifi') ?? computed.outcome.reports[0]!;
        ({ migrate } = report.solution);
        network = report.network.name;
        analysis = computed.analysis;
      }
      const text = render(callGraphView(analysis, migrate, `${appName(appDir)}: call graph, partition for ${network}`));
      if (flags.out) {
        writeOutput(flags.out, text, '--out');
        output.err(`wrote ${displayPath(flags.out)}`);
      } else output.out(text.trimEnd());
    });
}
