import type { Command } from 'commander';
import { stateLine } from '../../analysis/explain.js';
import type { AnalysisResult } from '../../analysis/types.js';
import { linkWarnings } from '../../analysis/diagnostics.js';
import { InputError } from '../../errors.js';
import { jsonChunks } from '../jsonChunks.js';
import { loadAnalysis, loadCompute } from '../lazy.js';
import { resolveAppDir } from '../load.js';
import { resolveSettings } from '../settings.js';
import type { Output } from '../output.js';
import { countReachingPairs, reachingIdPairs, type Reachability } from '../../util/reach.js';
import { compare } from '../../util/compare.js';

export function registerAnalyze(program: Command, output: Output): void {
  program
    .command('analyze')
    .description('print the call graph and the legality verdicts of an app')
    .argument('<app-dir>', 'folder with the tsconfig.json')
    .option('--tsconfig <path>', 'tsconfig relative to <app-dir> (default: tsconfig.json)')
    .option('--config <file>', 'config file (default: <app-dir>/clonecloud.yaml when present)')
    .option('--json', 'print { methods (with the state of candidates), edges, libraryCalls, unresolved, groups, reach (a summary), diagnostics } as JSON')
    .option('--reaches', "with --json: also list every pair [m1, m2] of candidates where m1 may reach m2 (quadratic: 4M pairs at 10k methods)")
    .option('--explain <method-id>', 'print the verdict of one method and its full reason chain')
    .option('--type-errors', 'also report type errors (a full, slower type check)')
    .option('--refuse-outside-links', 'stop when a source file is reached through a symbolic link that leads outside the app (default: analyse it, with a warning)')
    .addHelpText('after', "\nExample:\n  $ clonecloud analyze examples/virus-scan --json > callgraph.json\n  $ clonecloud analyze examples/virus-scan --explain 'src/main.ts#main'")
    .action(async (dir: string, flags: { tsconfig?: string; config?: string; json?: boolean; reaches?: boolean; explain?: string; typeErrors?: boolean; refuseOutsideLinks?: boolean }) => {
      if (flags.reaches && !flags.json) throw new InputError('lists pairs in the JSON output: it needs --json', undefined, '--reaches');
      const appDir = resolveAppDir(dir);
      const { analyzeInThread, patternWarnings } = await loadCompute();
      const settings = resolveSettings(appDir, flags);
      const analysis = await analyzeInThread(appDir, { ...settings, typeErrors: flags.typeErrors === true });
      for (const warning of [...linkWarnings(analysis), ...patternWarnings(analysis, settings)]) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      if (flags.explain !== undefined) {
        const explanation = (await loadAnalysis()).explainMethod(analysis, flags.explain);
        if (explanation.verdict === 'unknown method') throw new InputError(`unknown method id '${flags.explain}'`, undefined, '--explain');
        if (flags.json) output.out(JSON.stringify(explanation, null, 2));
        else explanation.lines.forEach((line) => output.out(line));
      } else if (flags.json) {
        const { methods, edges, libraryCalls, unresolved, groups, reach, diagnostics } = analysis;
        const candidates = methods.filter((m) => m.candidate).map((m) => m.id).sort();
        const json = {
          methods, edges, libraryCalls, unresolved, unresolvedByReason: countBy(unresolved, (u) => u.reason), groups,
          reach: reachSummary(reach, candidates),
          // A generator: the pairs are written as they are found, never held.
          reaches: flags.reaches ? reachingIdPairs(reach, candidates) : undefined,
          diagnostics,
        };
        for (const chunk of jsonChunks(json)) output.out(chunk);
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
    if (m.state?.length) out(c.dim(`            ${stateLine(m.state)}`));
  }
  for (const d of a.diagnostics) out(c.yellow(`  ${d.file}${d.line > 0 ? `:${d.line}` : ''}: ${d.message}`));
}

/** The size of the call graph's condensation, and how many candidate pairs one reaches the other in. */
function reachSummary(reach: Reachability, candidates: string[]): { components: number; largestComponent: number; cyclicComponents: number; candidatePairs: number } {
  let largest = 0;
  let cyclic = 0;
  for (const members of reach.components) {
    largest = Math.max(largest, members.length);
    if (members.length > 1) cyclic++;
  }
  return { components: reach.components.length, largestComponent: largest, cyclicComponents: cyclic, candidatePairs: countReachingPairs(reach, candidates) };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b)));
}
