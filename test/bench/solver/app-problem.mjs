/**
 * The solver bench's third kind, `app`: the problem `partition` solves for the scale bench's
 * generated apps (test/bench/scale/generate.mjs: a layered call graph with ui and device code,
 * its calling-context tree), built here without the analysis so that the solver can be measured
 * alone. What the analysis would say, read off the design: the device functions are pinned; ui
 * functions reach them (so they are not candidates, nor is main); every other function is a
 * candidate; `reach` is the call graph's condensation. Costs as buildProblem's time objective
 * over Wi-Fi (profiles/networks/wifi.yaml), one run.
 */
import { condense } from '../../../dist/util/reach.js';
import { designApp, designProfile } from '../scale/generate.mjs';

const WIFI = { rttMs: 30, migrationOverheadMs: 5, upMbps: 8, downMbps: 12 };

/** @returns {{ problem: import('../../../dist/model/types.js').PartitionProblem, methods: number, pinnedContexts: number }} */
export function appProblem({ contexts: n, methods, nesting, seed }) {
  const app = designApp({ methods, seed });
  const { device, cloneMs } = designProfile(app, { contexts: n, seed });
  const contexts = device.map((c, i) => ({
    parent: c.parent ?? -1,
    method: c.method,
    deviceCost: c.selfMs,
    cloneCost: cloneMs[i],
    migrationCost: c.calls * (WIFI.rttMs + WIFI.migrationOverheadMs) + (c.bytesIn * 8) / (WIFI.upMbps * 1000) + (c.bytesOut * 8) / (WIFI.downMbps * 1000),
  }));
  const used = new Set(contexts.map((c) => c.method));
  const fns = app.layers.flat();
  const edges = [];
  for (const [l, layer] of app.layers.entries()) {
    for (const f of layer) {
      for (const c of f.calls) edges.push({ from: f.id, to: app.layers[l + 1][c].id });
      for (const d of f.device) edges.push({ from: f.id, to: app.device[d].id });
    }
  }
  for (const f of app.layers[0]) edges.push({ from: 'src/main.ts#main', to: f.id });
  const pinned = app.device.map((d) => d.id).filter((id) => used.has(id)).sort();
  const candidates = fns.filter((f) => !f.ui && used.has(f.id)).map((f) => f.id).sort();
  const problem = { contexts, candidates, pinned, groups: [], nesting, reach: condense(['src/main.ts#main', ...fns.map((f) => f.id)], edges) };
  const pinnedSet = new Set(pinned);
  return { problem, methods: used.size, pinnedContexts: contexts.filter((c) => pinnedSet.has(c.method)).length };
}
