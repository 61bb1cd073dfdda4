import type { Command } from 'commander';
import type { AnalysisResult } from '../../analysis/types.js';
import { analyze } from '../compute.js';
import { resolveAppDir } from '../load.js';
import { resolveSettings } from '../settings.js';
import type { Output } from '../output.js';

export function registerAnalyze(program: Command, output: Output): void {
  program
    .command('analyze')
    .description('print the call graph and the legality verdicts of an app')
    .argument('<app-dir>', 'folder with the tsconfig.json')
    .option('--tsconfig <path>', 'tsconfig relative to <app-dir> (default: tsconfig.json)')
    .option('--config <file>', 'config file (default: <app-dir>/clonecloud.yaml when present)')
    .option('--json', 'print { methods, edges, unresolved, diagnostics } as JSON')
    .addHelpText('after', '\nExample:\n  $ clonecloud analyze examples/virus-scan --json > callgraph.json')
    .action((dir: string, flags: { tsconfig?: string; config?: string; json?: boolean }) => {
      const appDir = resolveAppDir(dir);
      const analysis = analyze(appDir, resolveSettings(appDir, flags));
      if (flags.json) {
        const { methods, edges, unresolved, diagnostics } = analysis;
        output.out(JSON.stringify({ methods, edges, unresolved, diagnostics }, null, 2));
      } else printAnalysis(analysis, output);
    });
}

function printAnalysis(a: AnalysisResult, { out, color: c }: Output): void {
  const pinned = a.methods.filter((m) => m.pinned);
  const candidates = a.methods.filter((m) => m.candidate);
  out(`${a.methods.length} methods, ${a.edges.length} call edges, ${a.unresolved.length} unresolved call sites`);
  out(`${c.red(`${pinned.length} pinned`)}, ${c.green(`${candidates.length} candidates`)}`);
  for (const m of a.methods) {
    const tag = m.pinned ? c.red('pinned   ') : m.candidate ? c.green('candidate') : c.yellow('device   ');
    out(`  ${tag} ${m.id}`);
    for (const r of m.reasons) out(c.dim(`            ${r.message}`));
  }
  for (const d of a.diagnostics) out(c.yellow(`  ${d.file}:${d.line}: ${d.message}`));
}
