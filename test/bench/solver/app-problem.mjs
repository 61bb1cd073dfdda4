/**
 * The solver bench's third kind, `app`: the problem `partition` solves for the scale bench's
 * generated apps (test/bench/scale/generate.mjs: a layered call graph with ui and device code,
 * its calling-context tree), built here without the analysis so that the solver can be measured
 * alone. What the analysis would say, read off the design: the device functions are pinned; ui
 * functions reach them (so they are not candidates, nor is main); every other function is a
 * candidate; `reach` is the call graph's condensation. Costs as buildProblem's time objective
 * over Wi-Fi on the default device (the bundled profiles, priced by the model's
 * migrationCostMs, so that the bench follows the model), one run.
 */
import { loadDevice, loadNetworks } from '../../../dist/cli/load.js';
import { migrationCostMs } from '../../../dist/model/migrationCost.js';
import { condense } from '../../../dist/util/reach.js';
import { designApp, designProfile } from '../scale/generate.mjs';

/** @returns {{ problem: import('../../../dist/model/types.js').PartitionProblem, methods: number, pinnedContexts: number }} */
export function appProblem({ contexts: n, methods, nesting, seed }) {
  const app = designApp({ methods, seed });
  const { device, cloneMs } = designProfile(app, { contexts: n, seed });
  const [wifi] = loadNetworks(['wifi']);
  const phone = loadDevice('phone-midrange');
  const contexts = device.map((c, i) => ({
    parent: c.parent ?? -1,
    method: c.method,
    deviceCost: c.selfMs,
    cloneCost: cloneMs[i],
    migrationCost: migrationCostMs(c, wifi, phone),
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
