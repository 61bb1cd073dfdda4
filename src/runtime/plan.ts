/**
 * What the run-time executes, read from the manifest: the build, each migration point with the
 * state its call carries, and the partitions (one per network) to choose from. Both sides derive
 * it from their own copy of the manifest; its digest tells them whether the copies agree.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Manifest, PointPrediction, StateEntry } from '../manifest/types.js';
import { cacheKey, codeOf, privateDir, readEntry, writeEntry } from './cache.js';
import type { TransformPlan } from './transform/index.js';

export interface RuntimePlan {
  app: string;
  /** Folder of the compiled JavaScript, relative to the app. */
  build: string;
  points: Map<string, { state: StateEntry[] }>;
  /** The program's entries (module keys): the clone never imports them. */
  entries: Set<string>;
  partitions: Map<string, { migrate: Set<string>; predicted: Map<string, PointPrediction> }>;
  /** sha256 over what both sides must agree on: the build folder and each point's state. */
  digest: string;
}

export class PlanError extends Error {}

/**
 * The plan of a manifest file. Loading the YAML parser and parsing cost about 100 ms of every
 * start, twice per `clonecloud run`, so the parsed manifest is kept in the run-time's private cache
 * (`cacheDir`), keyed by the file's text and the parser that read it; a manifest that does not
 * parse is never cached, and says why each time.
 */
export async function readPlan(manifestFile: string, cacheDir?: string): Promise<RuntimePlan> {
  let text: string;
  try {
    text = readFileSync(manifestFile, 'utf8');
  } catch (error) {
    throw new PlanError(`cannot read the manifest ${manifestFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const dir = cacheDir === undefined ? undefined : privateDir(cacheDir);
  const key = cacheKey(['manifest', parserVersion(), text]);
  const hit = dir && readEntry(dir, key);
  if (hit) return planOf(JSON.parse(hit) as Manifest, manifestFile);
  const { parseManifest } = await import('../manifest/parse.js');
  let manifest: Manifest;
  try {
    manifest = parseManifest(text, manifestFile);
  } catch (error) {
    throw new PlanError((error as Error).message);
  }
  const plan = planOf(manifest, manifestFile);
  if (dir) writeEntry(dir, key, JSON.stringify(manifest));
  return plan;
}

let parser: string | undefined;

/** The code that turns a manifest's text into its data: a cached answer is good for this code only. */
const parserVersion = (): string => (parser ??= codeOf(['manifest/parse.js', 'manifest/types.js', 'util/yamlInput.js']));

export function planOf(manifest: Manifest, file: string): RuntimePlan {
  if (!manifest.runtime) throw new PlanError(`${file} has no runtime section (it was written by an older clonecloud): run \`clonecloud partition\` again`);
  const { build, points, entries = [] } = manifest.runtime;
  const canonical = JSON.stringify(entries.length ? { build, points, entries } : { build, points });
  return {
    app: manifest.app,
    build,
    points: new Map(points.map((p) => [p.method, { state: p.state }])),
    entries: new Set(entries),
    partitions: new Map(
      manifest.partitions.map((p) => [p.network, { migrate: new Set(p.migrate), predicted: new Map((p.predicted ?? []).map((q) => [q.method, q])) }]),
    ),
    digest: createHash('sha256').update(canonical).digest('hex'),
  };
}

/** What the transform needs of the plan (plain data: it crosses to the loader thread). */
export function transformPlanOf(plan: RuntimePlan, mode: TransformPlan['mode']): TransformPlan {
  const points = [...plan.points].map(([id, p]) => ({ id, captured: p.state.filter((s) => s.scope === 'captured').map((s) => s.name) }));
  const bindings = new Map<string, { file: string; name: string }>();
  for (const p of plan.points.values()) for (const s of p.state) if (s.scope === 'module') bindings.set(`${s.file}#${s.name}`, { file: s.file, name: s.name });
  return { mode, points, bindings: [...bindings.values()] };
}
