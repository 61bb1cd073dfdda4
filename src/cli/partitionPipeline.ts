import { createHash } from 'node:crypto';
import { linkWarnings, unreadableOf } from '../analysis/diagnostics.js';
import { unresolvedFindings } from '../analysis/legality/reaches.js';
import type { AnalysisResult, Diagnostic } from '../analysis/types.js';
import { InputError } from '../errors.js';
import { UNIT, type Manifest, type PartitionEntry } from '../manifest/types.js';
import { compare } from '../manifest/render.js';
import { runtimeSectionOf } from '../manifest/runtimeSection.js';
import type { Device, Network } from '../model/environment.js';
import { predictPoints } from '../model/predictions.js';
import { buildProblem, type BudgetOptions, type Legality } from '../model/problem.js';
import type { NestingModel, Objective, PartitionProblem } from '../model/types.js';
import type { MergedProfile } from '../profiles/merge.js';
import { refuseOtherApp } from '../profiles/parse.js';
import type { ProfileFacts } from '../profiles/types.js';
import { checkedPartition, solvePartition, type CheckResult } from '../solver/index.js';
import type { FirstRoundReuse, Solution } from '../solver/types.js';
import { solveInThreads, solveThreads, type Checked } from './solveInThreads.js';

export interface PartitionInputs {
  app: string;
  analysis: AnalysisResult;
  /** Profiles (but their contexts) with their file (relative to the app) and the sha256 of their bytes. */
  profiles: { profile: ProfileFacts; sha256: string }[];
  /** Their contexts, merged (profiles/merge.ts). */
  merged: MergedProfile;
  networks: Network[];
  device: Device;
  nesting: NestingModel;
  objective: Objective;
  /** A budget on the other objective (MAUI-style), if any. */
  budget: BudgetOptions;
  strict: boolean;
  timeLimitSec: number;
  /** Told before each long step (for a progress line). */
  onStep?: (label: string) => void;
}

export interface NetworkReport {
  network: Network;
  /**
   * The problem as solved, for explanations and what-if evaluations: built again when asked, as
   * holding one per network kept ~130 MB each at a million contexts through the later solves.
   */
  problem(): PartitionProblem;
  solution: Solution;
}

export interface PartitionOutcome {
  manifest: Manifest;
  reports: NetworkReport[];
  warnings: string[];
  /**
   * Source files that did not parse (or nest too deeply to analyse) and tsconfig errors: the
   * verdicts rest on code or settings the compiler could not read as written. Not in `warnings`:
   * `partition` and `explain` warn of them (unreadableWarnings), `check` fails on them.
   */
  unreadable: Diagnostic[];
}


/** analysis + profiles → one checked partition per network → manifest. No file I/O here. */
export async function partition(inputs: PartitionInputs): Promise<PartitionOutcome> {
  const warnings: string[] = [];
  const unreadable = unreadableOf(inputs.analysis);
  warnings.push(...linkWarnings(inputs.analysis));
  const profiles = [...inputs.profiles].sort((a, b) => compare(a.profile.file, b.profile.file));
  if (profiles.length === 0) throw new InputError('no profiles found (expected **/*.profile.yaml or .json, or --profiles)');
  validateProfilesAgainstApp(inputs, warnings);
  for (const side of ['device', 'clone'] as const) {
    if (!profiles.some((p) => p.profile.side === side)) {
      warnings.push(`no ${side} profile: every ${side} figure is estimated from the other side with ${inputs.device.name}'s speed ratio ${inputs.device.relativeSpeed}`);
    }
  }

  const merged = inputs.merged;
  const legality = legalityOf(inputs.analysis);
  const reports: NetworkReport[] = [];
  const partitions: PartitionEntry[] = [];
  const networks = [...inputs.networks].sort((a, b) => compare(a.name, b.name));
  const problemOf = (network: Network) => () => buildProblem(merged, legality, network, inputs.device, inputs.objective, inputs.nesting, inputs.budget);
  const add = (network: Network, solution: Solution, verdict: CheckResult) => {
    if (verdict.violations.length > 0) {
      // A solver answer that breaks a constraint is our bug, never a manifest.
      throw new Error(`internal error: the partition for ${network.name} failed the independent check: ${verdict.violations.join('; ')}`);
    }
    reports.push({ network, problem: problemOf(network), solution });
    const entry = entryOf(network.name, inputs.objective, solution, verdict);
    if (solution.migrate.length > 0) entry.predicted = predictPoints(merged, solution.migrate, network, inputs.device);
    partitions.push(entry);
  };
  const threads = solveThreads(networks.length);
  if (threads > 0) {
    // Side by side (solveInThreads.ts), each checked in its thread; put in the networks' order here.
    inputs.onStep?.(`solving ${networks.map((n) => n.name).join(', ')}`);
    const settled = await Promise.allSettled(solveInThreads(networks.map(problemOf), threads, inputs.timeLimitSec));
    // The first network's error in their order, as in one thread (not whichever failed first in time).
    settled.forEach((s, i) => {
      if (s.status === 'rejected') throw errorFor(networks[i]!.name, s.reason);
    });
    settled.forEach((s, i) => {
      const network = networks[i]!;
      inputs.onStep?.(`checking ${network.name}`);
      const { solution, verdict } = (s as PromiseFulfilledResult<Checked>).value;
      add(network, solution, verdict);
    });
  } else {
    // Every network's problem has the same tree, candidates, pinned methods and groups.
    const reuse: FirstRoundReuse = {};
    for (const network of networks) {
      inputs.onStep?.(`solving ${network.name}`);
      const problem = problemOf(network)();
      const solution = await solveFor(network.name, problem, inputs.timeLimitSec, reuse);
      inputs.onStep?.(`checking ${network.name}`);
      // The solver checked its answer on this problem: the same verdict (checkedPartition).
      add(network, solution, checkedPartition(problem, solution));
    }
  }
  inputs.onStep?.('writing the manifest');
  warnings.push(...unresolvedUnder(inputs.analysis, partitions));
  warnings.push(...restingOnEstimates(profiles.map((p) => p.profile), merged, partitions));

  const manifest: Manifest = {
    app: inputs.app,
    objective: inputs.objective,
    ...(Object.keys(inputs.budget).length > 0 ? { budget: inputs.budget } : {}),
    nesting: inputs.nesting,
    device: inputs.device.name,
    inputs: {
      sources: sourcesDigest(inputs.analysis.sources),
      profiles: profiles.map((p) => ({ file: p.profile.file, sha256: p.sha256 })),
    },
    partitions,
    estimated: estimatedContexts(merged),
    runtime: runtimeSectionOf(inputs.analysis, partitions),
  };
  return { manifest, reports, warnings, unreadable };
}

/** Solves one network; a budget that cannot be met is bad input, named with its network. */
async function solveFor(network: string, problem: PartitionProblem, timeLimitSec: number, reuse: FirstRoundReuse): Promise<Solution> {
  try {
    return await solvePartition(problem, { timeLimitSec, mipGap: 0, reuse });
  } catch (error) {
    throw errorFor(network, error);
  }
}

function errorFor(network: string, error: unknown): unknown {
  return error instanceof InputError ? new InputError(error.what, error.where ?? `network ${network}`, error.field) : error;
}

function entryOf(network: string, objective: Objective, solution: Solution, verdict: CheckResult): PartitionEntry {
  const { cost, deviceOnlyCost } = verdict;
  const other: Objective = objective === 'time' ? 'energy' : 'time';
  return {
    network,
    migrate: solution.migrate,
    cost: { unit: UNIT[objective], deviceOnly: deviceOnlyCost, partitioned: cost },
    ...(objective === 'time'
      ? { speedup: cost > 0 ? deviceOnlyCost / cost : 1 }
      : { energySaving: deviceOnlyCost > 0 ? 1 - cost / deviceOnlyCost : 0 }),
    ...(solution.budget
      ? { budget: { unit: UNIT[other], deviceOnly: solution.budget.deviceOnlyCost, partitioned: solution.budget.cost, limit: solution.budget.limit } }
      : {}),
    optimal: solution.optimal,
    ...(solution.optimal || solution.gap === undefined ? {} : { gap: solution.gap }),
  };
}

/**
 * Migration points that have, or may reach, a call the analysis could not resolve: legal under
 * the default policy, but worth a look (such a call might reach the device).
 */
function unresolvedUnder(analysis: AnalysisResult, partitions: PartitionEntry[]): string[] {
  if (analysis.unresolved.length === 0) return [];
  const chosen = [...new Set(partitions.flatMap((p) => p.migrate))].sort(compare);
  const findings = unresolvedFindings(chosen, analysis.edges, analysis.unresolved);
  return [...findings].map(([id, { finding }]) => `migration point ${id} ${finding}; 'unresolved: device' in clonecloud.yaml keeps such methods on the device`);
}

/**
 * Profiles whose figures are estimated rather than measured (`import` writes calls 1 and 0 bytes:
 * migration looks nearly free), and the decisions that rest on them: each migration point one of
 * whose contexts has an estimated figure, per network.
 */
function restingOnEstimates(profiles: ProfileFacts[], merged: MergedProfile, partitions: PartitionEntry[]): string[] {
  const flagged = profiles.filter((p) => p.estimated?.length);
  if (flagged.length === 0) return [];
  const warnings = flagged.map((p) => {
    const bytes = p.estimated!.some((f) => f === 'bytesIn' || f === 'bytesOut') ? ': its boundary bytes are not measured, so migrating looks cheaper than it is' : '';
    return `${p.file}: ${p.estimated!.join(', ')} are estimated, not measured${bytes}; 'clonecloud record' measures them`;
  });
  const fieldsOf = new Map<string, Set<string>>();
  for (let i = 0; i < merged.size; i++) {
    if (merged.estimatedFields[i] === 0) continue;
    const set = fieldsOf.get(merged.method[i]!) ?? new Set<string>();
    for (const f of merged.estimatedFieldsOf(i)) set.add(f);
    fieldsOf.set(merged.method[i]!, set);
  }
  for (const p of partitions) {
    for (const method of p.migrate) {
      const fields = fieldsOf.get(method);
      if (fields) warnings.push(`${p.network}: migrating ${method} rests on estimated ${[...fields].join(', ')}`);
    }
  }
  return warnings;
}

/** The contexts seen on one side only, by path, for the manifest. */
function estimatedContexts(merged: MergedProfile): Manifest['estimated'] {
  const out: Manifest['estimated'] = [];
  for (let i = 0; i < merged.size; i++) {
    const side = merged.estimatedOf(i);
    if (side !== undefined) out.push({ path: merged.pathOf(i).join(' > '), side });
  }
  return out;
}

/** What the run-time needs: where the build is, and the state each migration point's call carries. */
function legalityOf(analysis: AnalysisResult): Legality {
  return {
    candidates: new Set(analysis.methods.filter((m) => m.candidate).map((m) => m.id)),
    pinned: new Set(analysis.methods.filter((m) => m.pinned).map((m) => m.id)),
    groups: analysis.groups,
    reach: analysis.reach,
  };
}

/**
 * A profile must be of this app: its `app` (when given) must match, and it must name methods
 * the app has. Unknown methods are stale recordings: a warning, an error under --strict.
 */
function validateProfilesAgainstApp(inputs: PartitionInputs, warnings: string[]): void {
  const known = new Set(inputs.analysis.methods.map((m) => m.id));
  for (const { profile } of inputs.profiles) {
    refuseOtherApp(profile.app, inputs.app, () => profile.file);
    if (profile.contextCount === 0) {
      warnings.push(`${profile.file}: no contexts (no method of the app ran?): its ${profile.runs} run(s) still count, so the other ${profile.side} profiles' figures per run are divided among more runs`);
    }
    const methods = profile.methods;
    const unknown = methods.filter((m) => !known.has(m));
    if (methods.length > 0 && unknown.length === methods.length) {
      throw new InputError(`none of its ${methods.length} methods exist in app '${inputs.app}' (a profile of another app?), e.g. ${unknown[0]}`, profile.file);
    }
    if (unknown.length > 0) {
      const message = `${unknown.length} method(s) no longer in the app (recorded from another version?): ${unknown.join(', ')}`;
      if (inputs.strict) throw new InputError(`${message} (--strict)`, profile.file);
      warnings.push(`${profile.file}: ${message}`);
    }
  }
}

function sourcesDigest(sources: readonly { file: string; sha256: string }[]): string {
  const hash = createHash('sha256');
  for (const s of [...sources].sort((a, b) => compare(a.file, b.file))) hash.update(`${s.file}\t${s.sha256}\n`);
  return `sha256:${hash.digest('hex')}`;
}
