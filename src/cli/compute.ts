import { join } from 'node:path';
import { unreadableOf } from '../analysis/diagnostics.js';
import { globMatcher } from '../analysis/glob.js';
import type { AnalysisResult } from '../analysis/types.js';
import { InputError } from '../errors.js';
import { analyzeInThread } from './analyzeInThread.js';
import { appName, displayPath, findProfileFiles, loadDevice, loadMergedProfiles, loadNetworks } from './load.js';
import { partition, type PartitionInputs, type PartitionOutcome } from './partitionPipeline.js';
import { stderrProgress, type Progress } from './progress.js';
import { solveThreads } from './solveInThreads.js';
import { flagOrigin } from './origin.js';
import type { Settings } from './settings.js';

export { analyzeInThread };

export interface Computed {
  analysis: AnalysisResult;
  outcome: PartitionOutcome;
  /**
   * Wall time of each step, in order, and the CPU time the process spent in it, all threads
   * (`partition --verbose` prints them; nothing else depends on them). Under load, wall time
   * is mostly waiting for a core: the CPU time says what a step costs.
   */
  phases: { step: string; ms: number; cpuMs: number }[];
}

/**
 * Loads every input of an app and computes its partition; nothing is written. With
 * `refuseUnreadable` (partition --strict), code or settings the compiler could not read stop it
 * right after the analysis, before any solve.
 */
export async function computePartition(appDir: string, settings: Settings, shown: Progress = stderrProgress(), refuseUnreadable = false): Promise<Computed> {
  const phases: Computed['phases'] = [];
  let started = performance.now();
  let cpuStarted = process.cpuUsage();
  const close = () => {
    const last = phases[phases.length - 1];
    const cpu = process.cpuUsage(cpuStarted);
    if (last) {
      last.ms = Math.round(performance.now() - started);
      last.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    }
    started = performance.now();
    cpuStarted = process.cpuUsage();
  };
  const progress: Progress = {
    step(label) {
      close();
      phases.push({ step: label, ms: 0, cpuMs: 0 });
      shown.step(label);
    },
    done() {
      close();
      shown.done();
    },
  };
  const networks = loadNetworks(settings.networks, settings.origins.networks);
  const device = loadDevice(settings.device, settings.origins.device);
  const files = findProfileFiles(appDir, settings.profiles, settings.origins.profiles);
  // A CLONECLOUD_SOLVE_THREADS that is no number is said now, not after the analysis.
  solveThreads(networks.length);
  // The analysis first, in its thread, then the profiles: the profiles' reading leaves hundreds
  // of MB (texts, parsed contexts) that the collector had not given back while the analysis
  // thread grew its own, and the two made partition's peak (1.1 GB at 10k methods and 1M contexts).
  progress.step('analysing the app');
  const analysis = await analyzeInThread(appDir, settings);
  if (refuseUnreadable) refuseUnreadableCode(appDir, analysis);
  progress.step('reading profiles');
  const app = appName(appDir);
  const { profiles, merged } = loadMergedProfiles(appDir, files, device.relativeSpeed, { app, onMerge: () => progress.step('merging profiles') });
  const inputs: PartitionInputs = {
    app,
    analysis,
    profiles,
    merged,
    networks,
    device,
    nesting: settings.nesting,
    objective: settings.objective,
    budget: settings.budget,
    timeLimitSec: settings.timeLimitSec,
    strict: settings.strict,
    onStep: (label) => progress.step(label),
  };
  try {
    const outcome = await partition(inputs);
    outcome.warnings.push(...patternWarnings(analysis, settings));
    // The last step's time is set by done(), below, before the caller sees the array.
    return { analysis, outcome, phases };
  } finally {
    progress.done();
  }
}

/** Runs `work` as part of the last step's time: partition renders and writes the manifest after computing it. */
export function withinLastStep<T>(phases: Computed['phases'], work: () => T): T {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  try {
    return work();
  } finally {
    const last = phases[phases.length - 1];
    const cpu = process.cpuUsage(cpuStarted);
    if (last) {
      last.ms += Math.round(performance.now() - started);
      last.cpuMs += Math.round((cpu.user + cpu.system) / 1000);
    }
  }
}

function refuseUnreadableCode(appDir: string, analysis: AnalysisResult): void {
  const unreadable = unreadableOf(analysis);
  const first = unreadable[0];
  if (!first) return;
  const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more)` : '';
  const where = `${displayPath(join(appDir, first.file))}${first.line > 0 ? `:${first.line}` : ''}`;
  throw new InputError(`${first.kind === 'syntax' ? 'syntax error' : 'tsconfig error'}: ${first.message}${more}: no partition of code that did not parse (--strict)`, where);
}

/**
 * `pin:` and `allow:` patterns of clonecloud.yaml that match no method of the app: a typo, or a
 * method renamed since, that silently pins or exempts nothing.
 */
export function patternWarnings(analysis: AnalysisResult, settings: Pick<Settings, 'pin' | 'allow' | 'origins'>): string[] {
  const warnings: string[] = [];
  for (const key of ['pin', 'allow'] as const) {
    const origin = settings.origins[key] ?? flagOrigin(key);
    settings[key].forEach((pattern, i) => {
      const matches = globMatcher([pattern]);
      if (!analysis.methods.some((m) => matches(m.id))) {
        warnings.push(`${[origin.where(i), `field '${origin.field(i)}'`].filter(Boolean).join(': ')}: '${pattern}' matches no method of the app, so it ${key === 'pin' ? 'pins' : 'exempts'} nothing`);
      }
    });
  }
  return warnings;
}
