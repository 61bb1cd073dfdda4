/**
 * A seeded generator of large apps for the scale bench: TypeScript sources with a layered call
 * graph, some device code, and a device and a clone profile of them in the recorder's own format.
 *
 * The app: `src/main.ts#main` calls into `layers` layers of plain functions, 25 to a file
 * (`src/l<layer>/m<file>.ts#f_<layer>_<file>_<k>`); each function of a layer calls `fanOut`
 * functions of the next one, the last layer's functions are leaves with a small loop. A tenth of
 * each layer is "ui": ui functions call ui functions and the device functions of
 * `src/device/io.ts` (which use `os`, pinned by the bundled node-device catalog), so they and
 * their callers stay on the device; the rest are candidates.
 *
 * The profiles: one calling-context tree, grown depth first from main along the call graph,
 * each context taking a random subset of its method's callees (the branching that reaches
 * `contexts` nodes over the layers), cut at exactly `contexts`. Device self times are random,
 * the clone's a quarter of them give or take a fifth; boundary bytes random. Written by the
 * recorder's renderer (dist/profiles/record/render.js) in the format `record` would choose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 as rng } from '../../../examples/tools/random.mjs';

const PER_FILE = 25;

/**
 * The app's methods and call graph (no files yet).
 * @returns {{ layers: { id: string, name: string, file: string, ui: boolean, calls: number[] }[][], device: { id: string, name: string }[] }}
 */
export function designApp({ methods, layers = 10, fanOut = 4, seed = 1 }) {
  const rand = rng(seed);
  const perLayer = Math.max(PER_FILE, Math.round(methods / layers));
  const device = Array.from({ length: Math.max(4, Math.round(methods / 200)) }, (_, k) => ({ id: `src/device/io.ts#dev_${k}`, name: `dev_${k}` }));
  const all = [];
  for (let l = 0; l < layers; l++) {
    const layer = [];
    for (let k = 0; k < perLayer; k++) {
      const file = Math.floor(k / PER_FILE);
      const name = `f_${l}_${file}_${k % PER_FILE}`;
      // The first tenth of the files of a layer are ui.
      const ui = file < Math.max(1, Math.ceil(perLayer / PER_FILE / 10));
      layer.push({ id: `src/l${l}/m${file}.ts#${name}`, name, file: `l${l}/m${file}`, ui, calls: [], device: [] });
    }
    all.push(layer);
  }
  for (let l = 0; l + 1 < layers; l++) {
    const next = all[l + 1];
    const uiNext = next.filter((f) => f.ui).length;
    for (const f of all[l]) {
      const pool = f.ui ? uiNext : next.length - uiNext;
      const offset = f.ui ? 0 : uiNext;
      const chosen = new Set();
      while (chosen.size < Math.min(fanOut, pool)) chosen.add(offset + Math.floor(rand() * pool));
      f.calls = [...chosen].sort((a, b) => a - b);
      if (f.ui && rand() < 0.5) f.device.push(Math.floor(rand() * device.length));
    }
  }
  for (const f of all[layers - 1]) if (f.ui) f.device.push(Math.floor(rand() * device.length));
  return { layers: all, device };
}

/** Fisher-Yates with the seeded generator. */
function shuffle(items, rand) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Writes the app's sources, tsconfig, package.json and clonecloud.yaml under `dir`. */
export function writeApp(dir, app, { typeRoots }) {
  mkdirSync(join(dir, 'src', 'device'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'scale-app', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'], typeRoots: [typeRoots],
      strict: true, skipLibCheck: true, rootDir: 'src', outDir: '.build',
    },
    include: ['src'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  writeFileSync(join(dir, 'clonecloud.yaml'), 'platforms: [node-device]\n');
  writeFileSync(
    join(dir, 'src', 'device', 'io.ts'),
    `import * as os from 'os';\n\n${app.device.map((d, k) => `export function ${d.name}(x: number): number {\n  return os.hostname().length + x + ${k};\n}\n`).join('\n')}`,
  );
  const { layers } = app;
  const files = new Map();
  for (const layer of layers) for (const f of layer) (files.get(f.file) ?? files.set(f.file, []).get(f.file)).push(f);
  for (const [file, fns] of files) {
    const l = Number(/^l(\d+)/.exec(file)[1]);
    const imports = new Map();
    const use = (from, name) => (imports.get(from) ?? imports.set(from, new Set()).get(from)).add(name);
    const bodies = fns.map((f) => {
      const lines = [`export function ${f.name}(x: number): number {`, '  let s = x;'];
      for (const c of f.calls) {
        const callee = layers[l + 1][c];
        use(`../${callee.file}.js`, callee.name);
        lines.push(`  s += ${callee.name}(s % 97);`);
      }
      for (const d of f.device) {
        use('../device/io.js', app.device[d].name);
        lines.push(`  s += ${app.device[d].name}(s);`);
      }
      if (f.calls.length === 0) lines.push('  for (let i = 0; i < 100; i++) s = (s * 31 + i) % 1000003;');
      lines.push('  return s % 1000003;', '}');
      return lines.join('\n');
    });
    const head = [...imports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`);
    mkdirSync(join(dir, 'src', file.split('/')[0]), { recursive: true });
    writeFileSync(join(dir, 'src', `${file}.ts`), `${head.join('\n')}${head.length ? '\n\n' : ''}${bodies.join('\n\n')}\n`);
  }
  const first = layers[0];
  writeFileSync(
    join(dir, 'src', 'main.ts'),
    `${[...new Set(first.map((f) => f.file))].map((file) => `import { ${first.filter((f) => f.file === file).map((f) => f.name).join(', ')} } from './${file}.js';`).join('\n')}\n\n` +
      // Through an array: a body of thousands of calls is too large for tsc's control flow analysis.
      `const roots: ((x: number) => number)[] = [\n${first.map((f) => `  ${f.name},`).join('\n')}\n];\n\n` +
      `export function main(): number {\n  let s = 1;\n  for (const f of roots) s += f(s % 97);\n  return s;\n}\n\nmain();\n`,
  );
}

/**
 * The calling-context tree of `contexts` nodes: [{ id, parent?, method, calls, selfMs, bytesIn, bytesOut }]
 * for the device side, and the clone's self times.
 */
export function designProfile(app, { contexts, seed = 1 }) {
  const rand = rng(seed * 7919 + 17);
  const { layers } = app;
  // Branching b with 1 + len0 * (b + b^2 + ... ) ≈ contexts over the layers below the first.
  const depth = layers.length - 1;
  const width = layers[0].length;
  let branching = 1;
  const most = Math.max(...layers.flat().map((f) => f.calls.length));
  for (let lo = 0.05, hi = most, i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    let total = 1 + width;
    for (let d = 1, level = width; d <= depth; d++) total += level *= mid;
    if (total < contexts) lo = mid;
    else hi = mid;
    branching = mid;
  }
  const out = [{ id: 0, method: 'src/main.ts#main', calls: 1, selfMs: 0.05, bytesIn: 0, bytesOut: 8 }];
  const cloneMs = [0.0125];
  const push = (parent, method, leaf) => {
    const calls = 1 + Math.floor(rand() * 8);
    const selfMs = Math.round((leaf ? 0.2 + rand() * 2 : rand() * 0.2) * calls * 1e4) / 1e4;
    out.push({ id: out.length, parent, method, calls, selfMs, bytesIn: 16 + Math.floor(rand() * 4000), bytesOut: 8 + Math.floor(rand() * 2000) });
    cloneMs.push(Math.round(selfMs * (0.2 + rand() * 0.1) * 1e4) / 1e4);
    return out.length - 1;
  };
  // Depth first with an explicit stack: [context, layer, function index].
  const stack = [];
  for (let k = width - 1; k >= 0; k--) stack.push([0, 0, k]);
  while (stack.length && out.length < contexts) {
    const [parent, l, k] = stack.pop();
    const f = layers[l][k];
    const id = push(parent, f.id, f.calls.length === 0);
    for (const d of f.device) if (out.length < contexts && rand() < 0.5) push(id, app.device[d].id, true);
    if (l + 1 >= layers.length) continue;
    const take = Math.min(f.calls.length, Math.floor(branching) + (rand() < branching % 1 ? 1 : 0));
    const picked = shuffle([...f.calls], rand).slice(0, take).sort((a, b) => b - a);
    for (const c of picked) stack.push([id, l + 1, c]);
  }
  return { device: out, cloneMs };
}
