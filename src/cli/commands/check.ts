import { join } from 'node:path';
import type { Command } from 'commander';
import { CheckFailed, InputError } from '../../errors.js';
import { diffManifests, diffRuntime, isUnchanged, type NetworkDiff } from '../../manifest/diff.js';
import { readManifest } from '../../manifest/parse.js';
import type { Manifest } from '../../manifest/types.js';
import { isFile } from '../../util/files.js';
import { displayPath, readText, resolveAppDir } from '../load.js';
import type { Output } from '../output.js';
import { fileOrigin } from '../origin.js';
import { addSettingsOptions, resolveSettings, type SettingsFlags } from '../settings.js';
import { loadCompute, loadVerdicts } from '../lazy.js';
import { MANIFEST_FILE } from './partition.js';
import { describeUnreadable } from '../../analysis/diagnostics.js';
import { committedStands, withStandingPartitions } from '../cutOff.js';
import type { Diagnostic } from '../../analysis/types.js';

interface CheckFlags extends SettingsFlags {
  manifest?: string;
  json?: boolean;
}

export interface IllegalPoint {
  method: string;
  networks: string[];
  reasons: string[];
}

export function registerCheck(program: Command, output: Output): Command {
  return addSettingsOptions(
    program
      .command('check')
      .description('recompute the partition and fail when the committed manifest is stale or names an illegal migration point')
      .argument('[app-dir]', 'folder with the tsconfig.json, the profiles and the manifest', '.'),
  )
    .option('--manifest <file>', `the committed manifest (default: <app-dir>/${MANIFEST_FILE})`)
    .option('--json', 'print { ok, illegal, stale, runtime, unreadable, cutOff } as JSON')
    .addHelpText('after', '\nExit codes: 0 up to date, 1 stale, illegal, or computed on code that did not parse, 2 bad input.\n\nExample:\n  $ clonecloud check examples/virus-scan')
    .action(async (dir: string, flags: CheckFlags) => {
      const appDir = resolveAppDir(dir);
      const file = flags.manifest ?? join(appDir, MANIFEST_FILE);
      if (!isFile(file)) throw new InputError('no committed manifest: run `clonecloud partition` and commit its output', displayPath(file));
      const { manifest: committed, where } = readManifest(readText(file, 'manifest'), displayPath(file));
      // Recompute under the settings the manifest was made with, unless flags say otherwise;
      // a name it holds that is unknown here is said at its line in the manifest.
      const settings = resolveSettings(appDir, flags, {
        networks: committed.partitions.map((p) => p.network),
        device: committed.device,
        nesting: committed.nesting,
        objective: committed.objective,
        budget: committed.budget ?? {},
        origins: {
          networks: { where: (i) => where(['partitions', i ?? 0, 'network']), field: (i) => `partitions[${i ?? 0}].network` },
          device: fileOrigin(['device'], where),
        },
      });
      const { analysis, outcome } = await (await loadCompute()).computePartition(appDir, settings);
      const { illegalityReasons } = await loadVerdicts();
      const illegal = illegalPoints(committed, (id) => illegalityReasons(analysis, id));
      const changed = diffManifests(committed, outcome.manifest).filter((d) => !isUnchanged(d));
      const standing = changed.map((d) => committedStands(d, outcome.reports, committed));
      const stale = changed.filter((_, i) => !standing[i]);
      const runtime = diffRuntime(committed, withStandingPartitions(outcome.manifest, committed, standing, analysis));
      // A verdict computed on code that did not parse is no verdict: the check fails on it.
      const unreadable = outcome.unreadable;
      const ok = illegal.length === 0 && stale.length === 0 && runtime.length === 0 && unreadable.length === 0;
      for (const warning of outcome.warnings) output.err(`${output.errColor.yellow('warning')}: ${warning}`);
      for (const s of standing) {
        if (!s) continue;
        const gap = s.gap !== undefined ? `, gap ${(s.gap * 100).toFixed(2)}%` : '';
        const unit = outcome.manifest.partitions.find((p) => p.network === s.network)?.cost.unit;
        const cost = (n: number) => (unit ? `${fmt(n)} ${unit}` : fmt(n));
        const why = s.tie ? 'the time limit ended its choice among equally cheap optima' : `the solve stopped at its time limit (not proven optimal${gap})`;
        output.err(`${output.errColor.yellow('note')}: ${s.network}: ${why} on another partition; the committed one is legal and costs no more (${cost(s.committedCost)} against ${cost(s.foundCost)}), so it stands`);
      }
      if (flags.json) output.out(JSON.stringify({ ok, manifest: displayPath(file), illegal, stale, runtime, unreadable, cutOff: standing.filter((x) => x !== undefined) }, null, 2));
      else report(displayPath(file), illegal, stale, runtime, unreadable, output);
      if (!ok) throw new CheckFailed('the manifest is stale or names an illegal migration point');
    });
}

export function illegalPoints(manifest: Manifest, reasonsOf: (id: string) => string[] | undefined): IllegalPoint[] {
  const byMethod = new Map<string, IllegalPoint>();
  for (const p of manifest.partitions) {
    for (const method of p.migrate) {
      const reasons = reasonsOf(method);
      if (!reasons) continue;
      const entry = byMethod.get(method) ?? { method, networks: [], reasons };
      entry.networks.push(p.network);
      byMethod.set(method, entry);
    }
  }
  return [...byMethod.values()];
}

function report(file: string, illegal: IllegalPoint[], stale: NetworkDiff[], runtime: string[], unreadable: Diagnostic[], { out, color: c }: Output): void {
  if (illegal.length === 0 && stale.length === 0 && runtime.length === 0 && unreadable.length === 0) {
    out(`${c.green('ok')}: ${file} is up to date`);
    return;
  }
  for (const d of unreadable) out(`${c.red('unreadable')}: ${describeUnreadable(d)}`);
  if (unreadable.length > 0 && illegal.length === 0 && stale.length === 0 && runtime.length === 0) {
    out(`${c.red('fail')}: the partition was recomputed from code or settings the compiler could not read as written; fix them, then check again`);
    return;
  }
  for (const point of illegal) {
    out(`${c.red('illegal')}: ${point.method} is a migration point (${point.networks.join(', ')}) but may not migrate:`);
    for (const reason of point.reasons) out(`  ${reason}`);
  }
  for (const d of stale) {
    if (d.only === 'old') out(`${c.yellow('stale')}: ${d.network}: no longer solved`);
    else if (d.only === 'new') out(`${c.yellow('stale')}: ${d.network}: not in the manifest`);
    else {
      const moves = [...d.added.map((m) => `+ ${m}`), ...d.removed.map((m) => `- ${m}`)];
      out(`${c.yellow('stale')}: ${d.network}: the partition changed: ${moves.join(', ')}`);
    }
  }
  for (const line of runtime) out(`${c.yellow('stale')}: run-time: ${line}`);
  out(`${c.red('fail')}: ${file} does not match the current sources and profiles; run \`clonecloud partition\` and commit the result`);
}

function fmt(cost: number): string {
  return Number(cost.toPrecision(6)).toString();
}
