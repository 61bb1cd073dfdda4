/**
 * One module through the run-time's transform, with the private cache: loading TypeScript's
 * parser costs more than most runs, so a module already seen (same text, same plan) is not
 * parsed again. Modules that hold no migration point, no carried binding and no class are left
 * as they are without parsing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, privateDir, readEntry, writeEntry } from './cache.js';
import { moduleKeyOf, transformModule, type TransformPlan } from './transform/index.js';

export interface LoadConfig {
  appDir: string;
  plan: TransformPlan;
  cacheDir?: string;
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The transform's own code is part of every cache key: a new clonecloud never reuses old output. */
const VERSION = ['transform/index.js', 'transform/forms.js', 'transform/scope.js', 'transform/emit.js', '../ids/sourceIds.js', '../ids/methodIds.js']
  .map((f) => {
    try {
      return readFileSync(join(DIST, 'runtime', f), 'utf8');
    } catch {
      return f;
    }
  })
  .join('\0');

/** Never the run-time's own files, nor anything in node_modules. */
export function isOurs(file: string): boolean {
  return file.startsWith(DIST + sep) || file.includes(`${sep}node_modules${sep}`);
}

export function loadTransformed(file: string, text: string, config: LoadConfig): string | undefined {
  if (isOurs(file)) return undefined;
  const moduleKey = moduleKeyOf(file, text, config.appDir);
  if (!moduleKey) return undefined;
  if (!mentioned(config.plan, moduleKey) && !/\bclass\b/.test(text)) return undefined;
  const dir = config.cacheDir && privateDir(config.cacheDir);
  const key = cacheKey([VERSION, config.appDir, file, JSON.stringify(config.plan), text]);
  if (dir) {
    const hit = readEntry(dir, key);
    if (hit !== undefined) return hit || undefined;
  }
  const out = transformModule(file, text, config.appDir, config.plan)?.code;
  if (dir) writeEntry(dir, key, out ?? '');
  return out;
}

function mentioned(plan: TransformPlan, moduleKey: string): boolean {
  const prefix = `${moduleKey}#`;
  return plan.points.some((p) => p.id.startsWith(prefix)) || plan.bindings.some((b) => b.file === moduleKey);
}
