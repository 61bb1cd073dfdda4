/**
 * The analysis stage: app sources -> methods, call graph and legality verdicts, as plain data.
 * Nothing here prints or reads files other than through ts-morph.
 */
import { createHash } from 'node:crypto';
import { resolveCalls, cmp } from './calls.js';
import { globMatcher } from './glob.js';
import { candidateReach, reachesPinned } from './legality.js';
import { collectMethods } from './methods.js';
import { findPins } from './pinning.js';
import { loadApp } from './project.js';
import { boundaryReasons } from './serializable.js';
import type { AnalysisResult, AnalyzeOptions, MethodInfo, Reason } from './types.js';

export { parseCatalog } from './catalog.js';
export type * from './types.js';

export function analyzeApp(options: AnalyzeOptions): AnalysisResult {
  const app = loadApp(options.appDir, options.tsconfig);
  const table = collectMethods(app.files);
  const ids = [...table.byId.keys()].sort(cmp);
  const { edges, unresolved } = resolveCalls(app, table);

  const allowed = globMatcher(options.allow ?? []);
  const userPinned = globMatcher(options.pin ?? []);
  const catalogPins = findPins(app, table, options.catalogs);
  const reasons = new Map<string, Reason[]>(ids.map((id) => [id, []]));
  const pinned = new Set<string>();
  for (const id of ids) {
    if (userPinned(id)) {
      reasons.get(id)!.push({ rule: 'user-pin', message: `pinned by the user's pin list` });
      pinned.add(id);
    }
    const pins = allowed(id) ? [] : (catalogPins.get(id) ?? []);
    if (pins.length) {
      reasons.get(id)!.push(...pins);
      pinned.add(id);
    }
  }
  const reach = reachesPinned(ids, edges, pinned);
  for (const [id, r] of reach) reasons.get(id)!.push(r);
  for (const id of ids) {
    if (pinned.has(id)) continue; // pinned methods never migrate, their boundary does not matter
    const m = table.byId.get(id)!;
    reasons.get(id)!.push(...boundaryReasons(app.checker, m.file, m.nodes[0]!, options.catalogs));
  }

  const methods: MethodInfo[] = ids.map((id) => {
    const m = table.byId.get(id)!;
    const rs = reasons.get(id)!;
    return { id, file: m.file.rel, line: m.line, pinned: pinned.has(id), candidate: rs.length === 0, reasons: rs };
  });
  const candidates = methods.filter((m) => m.candidate).map((m) => m.id);
  return {
    methods,
    edges,
    unresolved,
    diagnostics: app.diagnostics,
    sources: app.files.map((f) => ({ file: f.rel, sha256: createHash('sha256').update(f.sf.text).digest('hex') })),
    reaches: candidateReach(candidates, edges),
  };
}
