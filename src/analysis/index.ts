/**
 * The analysis stage: app sources -> methods, call graph and legality verdicts, as plain data.
 * Nothing here prints; files are read through ts-morph, but for the code of the libraries the
 * app imports, read as text to see whether they reach the device (legality/device-libraries.ts).
 *
 * Two stages, one folder each: `callgraph/` (what a call, an access or an implicit entry may
 * run, and the value flow behind it) and `legality/` (pins, device values, native-state groups,
 * the boundary and state rules, which read the call graph and never feed it). What both use
 * sits here: loading the project, the methods table, the single walk over each file, names.
 */
import { createHash } from 'node:crypto';
import { resolveCalls } from './callgraph/calls.js';
import { cmp } from './sites.js';
import { catalogTypes } from './legality/catalog.js';
import { globMatcher } from './glob.js';
import { instanceClassOf, nativeGroups } from './legality/groups.js';
import { reachesPinned, reachesUnresolved } from './legality/reaches.js';
import { condense } from '../util/reach.js';
import { collectMethods } from './methods.js';
import { matchLeaf, pinFinder } from './legality/pinning.js';
import { loadApp } from './project.js';
import { boundaryReasons } from './legality/serializable.js';
import { stateCollector } from './legality/state.js';
import { walkTogether } from './legality/file-walk.js';
import { stateVerdicts } from './legality/state-rules.js';
import { entryModules, entryReasons } from './legality/entry-modules.js';
import type { MethodTable } from './methods.js';
import type { LoadedApp } from './project.js';
import type { AnalysisResult, AnalyzeOptions, CallEdge, MethodInfo, PlatformCatalog, Reason } from './types.js';

export { parseCatalog } from './legality/catalog.js';
export { explainMethod, stateLine, type Explanation } from './explain.js';
export type * from './types.js';

export function analyzeApp(options: AnalyzeOptions): AnalysisResult {
  const app = loadApp(options.appDir, options.tsconfig, options.typeErrors === true, options.outsideLinks ?? 'warn');
  const table = collectMethods(app.files);
  const ids = [...table.byId.keys()].sort(cmp);
  const { edges, unresolved, libraryCalls, pins, facts } = graphAndWalk(app, table, options.catalogs);

  const allowed = globMatcher(options.allow ?? []);
  const userPinned = globMatcher(options.pin ?? []);
  const reasons = new Map<string, Reason[]>(ids.map((id) => [id, []]));
  const pinned = new Set<string>();
  for (const id of ids) {
    if (userPinned(id)) {
      reasons.get(id)!.push({ rule: 'user-pin', message: `pinned by the user's pin list` });
      pinned.add(id);
    }
    const own = allowed(id) ? [] : (pins.byMethod.get(id) ?? []);
    if (own.length) {
      reasons.get(id)!.push(...own);
      pinned.add(id);
    }
  }
  // Library leaves a catalog matches are pinned nodes of the graph too, so paths may end there.
  const pinnedLibrary: { id: string; reason: Reason }[] = [];
  for (const leaf of [...new Set(libraryCalls.map((e) => e.to))].sort(cmp)) {
    const reason = matchLeaf(leaf, options.catalogs);
    if (reason) pinnedLibrary.push({ id: leaf, reason });
  }
  const pinnedLeaves = new Set(pinnedLibrary.map((p) => p.id));
  const libEdges = libraryCalls.filter((e) => pinnedLeaves.has(e.to) && !allowed(e.from));
  const graph: CallEdge[] = [...edges, ...libEdges];
  const reach = reachesPinned(ids, graph, new Set([...pinned, ...pinnedLeaves]));
  for (const [id, r] of reach) if (!pinned.has(id)) reasons.get(id)!.push(r);
  if (options.unresolved === 'device') {
    for (const [id, r] of reachesUnresolved(ids, edges, unresolved)) if (!pinned.has(id)) reasons.get(id)!.push(r);
  }

  const native = nativeGroups(app, table, options.catalogs, pins);
  const deviceTypes = catalogTypes(options.catalogs);
  for (const id of ids) {
    // Pinned methods never migrate, and one reason already makes a non-candidate: the boundary
    // check (types of every parameter, `this` and the result) is only worth it for the others.
    if (pinned.has(id) || reasons.get(id)!.length) continue;
    const m = table.byId.get(id)!;
    const node = m.nodes[0];
    if (!node) continue;
    const cls = instanceClassOf(node);
    const self = cls ? { cls, native: native.classes.get(cls) } : undefined;
    reasons.get(id)!.push(...boundaryReasons(app.checker, m.file, node, deviceTypes, self));
  }

  // The state a migrated call carries, and the candidates whose state cannot cross.
  const others = ids.filter((id) => !pinned.has(id) && reasons.get(id)!.length === 0);
  const state = stateVerdicts({ checker: app.checker, table, facts, ids, edges, candidates: others, deviceTypes });
  for (const [id, rs] of state.reasons) reasons.get(id)!.push(...rs);
  // Methods the clone could only run by importing the program's entry, which would run the program there.
  const entries = entryModules(app);
  const entry = entryReasons(others.filter((id) => !state.reasons.has(id)), (id) => table.byId.get(id)!.file.rel, state.state, ids, edges, entries);
  for (const [id, r] of entry) {
    reasons.get(id)!.push(r);
    state.state.delete(id);
  }

  const methods: MethodInfo[] = ids.map((id) => {
    const m = table.byId.get(id)!;
    const rs = reasons.get(id)!;
    const info: MethodInfo = { id, file: m.file.rel, line: m.line, pinned: pinned.has(id), candidate: rs.length === 0, reasons: rs };
    if (m.synthetic) info.synthetic = m.synthetic.kind;
    const group = native.memberReason.get(id);
    if (group) info.nativeState = group;
    const carried = state.state.get(id);
    if (carried) info.state = carried;
    return info;
  });
  const candidates = methods.filter((m) => m.candidate).map((m) => m.id);
  return {
    methods,
    edges,
    unresolved,
    diagnostics: app.diagnostics,
    sources: app.files.map((f) => ({ file: f.rel, sha256: createHash('sha256').update(f.sf.text).digest('hex') })),
    reach: condense(candidates, edges),
    libraryCalls,
    pinnedLibrary,
    groups: native.groups,
    build: app.build,
    ...(entries.size ? { entries: [...entries.keys()].sort(cmp) } : {}),
  };
}

/**
 * The call graph, then the rules that read every node, in one walk over each file. Only their
 * findings leave: the value flow (the resolver's tables) and the rules' own maps are garbage once
 * this returns, before the verdicts that follow grow the heap again.
 */
function graphAndWalk(app: LoadedApp, table: MethodTable, catalogs: PlatformCatalog[]) {
  const { flow, ...graph } = resolveCalls(app, table);
  const pinning = pinFinder(app, table, catalogs, flow);
  const stating = stateCollector(app, table);
  for (const file of app.files) walkTogether(file.sf, [pinning.visitor(file), stating.visitor(file)].filter((v) => v !== undefined));
  return { ...graph, pins: pinning.finish(), facts: stating.finish() };
}
