/**
 * Generated calling-context trees for the solver bench. Two kinds:
 * - realistic: a UI layer near the roots (its methods reach device APIs, so they are rarely
 *   candidates) calling pinned device APIs (leaves, about 10% of the contexts) and a compute
 *   layer below it (only compute methods; most are candidates). Methods recur across contexts
 *   (Zipf popularity), chains are deep (tens of levels), self times are heavy-tailed (most
 *   contexts take microseconds, a few take seconds) and every migration pays a Wi-Fi round trip.
 * - adversarial: almost every compute method is a candidate, work is large next to migration
 *   costs everywhere, and a few methods recur in very many nested contexts with different
 *   profitability, so candidates conflict (which one of nested candidates to migrate at).
 * Parents come before children, as the solver requires.
 */

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfSampler(rand, count, s) {
  const cum = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) cum[k] = total += 1 / Math.pow(k + 1, s);
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function gauss(rand) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const WIFI = { rttPlusOverheadMs: 35, upMbps: 8, downMbps: 12 };

/** @returns {{ problem: import('../../../dist/model/types.js').PartitionProblem, methods: number, pinnedContexts: number }} */
export function generateProblem({ contexts: n, methods: m, kind, nesting, seed }) {
  const rand = mulberry32(seed);
  const adversarial = kind === 'adversarial';
  const uiCount = Math.max(1, Math.round(m * 0.15));
  const apiCount = Math.max(1, Math.round(m * 0.05));
  const computeCount = Math.max(1, m - uiCount - apiCount);
  const names = {
    ui: Array.from({ length: uiCount }, (_, k) => `src/ui.ts#View${k}.render`),
    api: Array.from({ length: apiCount }, (_, k) => `device#api${k}`),
    compute: Array.from({ length: computeCount }, (_, k) => `src/core/m${k % 97}.ts#f${k}`),
  };
  const pick = {
    ui: zipfSampler(rand, uiCount, 1),
    api: zipfSampler(rand, apiCount, 1),
    compute: zipfSampler(rand, computeCount, adversarial ? 1.3 : 1),
  };
  const lognormal = (mu, sigma) => Math.exp(mu + sigma * gauss(rand));

  const contexts = new Array(n);
  const kindOf = new Uint8Array(n); // 0 ui, 1 api, 2 compute
  const path = [];
  let pinnedContexts = 0;
  let uiTop = 0; // UI contexts are a prefix of the path: its length
  const maxDepth = adversarial ? 40 : 120;
  for (let i = 0; i < n; i++) {
    // Move along the current path: deeper with probability 0.7, else up 1 + geometric levels.
    if (path.length > 0 && (rand() >= 0.7 || path.length >= maxDepth || kindOf[path[path.length - 1]] === 1)) {
      let up = 1;
      while (rand() < 0.5) up++;
      if (path.length >= maxDepth || rand() < 0.02) up = Math.floor(path.length * rand()) + 1;
      path.length = Math.max(rand() < 0.0005 ? 0 : 1, path.length - up);
      // Back to the UI layer now and then: the app returns to its event loop.
      if (path.length > 0 && rand() < (adversarial ? 0.05 : 0.2)) path.length = Math.min(path.length, Math.max(1, uiTop));
      uiTop = Math.min(uiTop, path.length);
    }
    const parent = path.length > 0 ? path[path.length - 1] : -1;
    const parentKind = parent < 0 ? -1 : kindOf[parent];
    let k;
    if (parentKind === -1) k = 0;
    else if (parentKind === 2) k = 2;
    else {
      const x = rand();
      k = x < (adversarial ? 0.1 : 0.4) ? 1 : x < 0.6 ? 0 : 2;
    }
    kindOf[i] = k;
    const kname = k === 0 ? 'ui' : k === 1 ? 'api' : 'compute';
    let method = names[kname][pick[kname]()];
    if (parent >= 0 && contexts[parent].method === method) method = names[kname][pick[kname]()];
    if (k === 1) pinnedContexts++;

    let deviceMs;
    let calls;
    if (adversarial) {
      deviceMs = lognormal(0, 1.5);
      calls = 1 + Math.floor(lognormal(-1, 1));
    } else {
      deviceMs = k === 2 ? lognormal(-2, 2.5) : lognormal(-4, 1.5);
      calls = 1 + Math.floor(lognormal(-0.5, 1.5));
    }
    const cloneMs = deviceMs * 0.25 * (0.8 + 0.4 * rand());
    const bytesIn = lognormal(7, 2);
    const bytesOut = lognormal(6, 2);
    const rtt = adversarial ? 2 : WIFI.rttPlusOverheadMs;
    const migrationCost = calls * rtt + (bytesIn * 8) / (WIFI.upMbps * 1000) + (bytesOut * 8) / (WIFI.downMbps * 1000);
    contexts[i] = { parent, method, deviceCost: deviceMs, cloneCost: cloneMs, migrationCost };
    if (k !== 1) path.push(i);
    if (k === 0) uiTop = path.length;
  }

  const used = new Set();
  for (const c of contexts) used.add(c.method);
  const candidates = [];
  for (const name of names.compute) if (used.has(name) && rand() < (adversarial ? 0.95 : 0.6)) candidates.push(name);
  for (const name of names.ui) if (used.has(name) && rand() < 0.05) candidates.push(name);
  const pinned = names.api.filter((name) => used.has(name));
  const groups = [];
  const groupCount = adversarial ? 50 : 10;
  const any = () => candidates[Math.floor(rand() * candidates.length)];
  for (let g = 0; g < groupCount && candidates.length > 0; g++) groups.push([any(), any()]);
  const problem = { contexts, candidates: candidates.sort(), pinned: pinned.sort(), groups, nesting };
  if (nesting === 'static') {
    // 100 random calls between candidates, each from the earlier to the later one in sorted
    // order: a graph without cycles, so its condensation is one component per candidate, the
    // last candidate first (callees come first).
    const n = candidates.length;
    const calls = Array.from({ length: n }, () => new Set());
    for (let r = 0; r < 100 && n > 0; r++) {
      const a = Math.floor(rand() * n);
      const b = Math.floor(rand() * n);
      if (a !== b) calls[n - 1 - Math.min(a, b)].add(n - 1 - Math.max(a, b));
    }
    problem.reach = {
      components: candidates.map((_, c) => [candidates[n - 1 - c]]),
      calls: calls.map((set) => [...set].sort((x, y) => x - y)),
    };
  }
  return { problem, methods: used.size, pinnedContexts };
}
