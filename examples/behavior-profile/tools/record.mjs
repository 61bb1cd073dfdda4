#!/usr/bin/env node
// A small timing harness (adapted from examples/virus-scan's) that records the calling-context profiles of behavior-profile (interest profile),
// until clonecloud has its own recorder. It does not change the app's source:
//   1. compiles src/ with the root's TypeScript to CommonJS in .build/record/ (so that a call
//      from one module to another reads the callee from the exporting module's `exports`
//      object at call time, where it can be wrapped);
//   2. wraps every exported function, every method, getter/setter and static method of every
//      exported class (on its prototype / on the class), and every exported class's
//      constructor (through a Proxy on the exported binding);
//   3. runs the app's main() on the generated data, once per process (a cold start, as a
//      command-line run is), in several processes, and folds the runs into one tree.
// Not visible: calls between functions of the same module that are not methods (they use the
// local binding), e.g. main -> parseArgs; their time is the caller's self
// time. Anonymous functions (callbacks, arrows) are not wrapped either, for the same reason.
//
//   node tools/record.mjs [--side device|clone|both] [--runs N] [--device phone-midrange]
//
// Writes profiles/clone.profile.yaml and/or profiles/device.profile.yaml.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

const require = createRequire(import.meta.url);
const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = join(exampleDir, '..', '..');
const buildDir = join(exampleDir, '.build', 'record');
const dataDir = join(exampleDir, '.data', 'activity.log');

// Bytes are measured exactly for the first EXACT_CALLS calls of a context, then on one call in
// SAMPLE_EVERY, and the sampled sum is scaled to the number of calls.
const EXACT_CALLS = 32;
// The app's heavy entry point, whose inclusive time is reported per run.
const HEAVY = 'src/analysis/profile.ts#ProfileBuilder.build';
const SAMPLE_EVERY = 16;

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

// ---------------------------------------------------------------------------------------------
// The tracer (runs in a child process, one run per process).

class Tracer {
  constructor() {
    this.roots = new Map();
    this.stack = [];
    /** Time spent measuring bytes, excluded from every frame open at the time. */
    this.overhead = 0;
    this.unserializable = new Map();
  }

  context(method) {
    const top = this.stack.at(-1)?.context;
    // Recursion is folded onto the first occurrence of the method on the path.
    for (let c = top; c; c = c.parent) {
      if (c.method === method) {
        for (let d = c.parent; d; d = d.parent) if (d.method === method) c = d;
        return c;
      }
    }
    const siblings = top ? top.children : this.roots;
    let context = siblings.get(method);
    if (!context) {
      context = { method, parent: top, children: new Map(), calls: 0, selfMs: 0,
        bytesIn: 0, bytesOut: 0, sampled: 0 };
      siblings.set(method, context);
    }
    return context;
  }

  size(value, context, what) {
    try {
      return v8.serialize(value).length;
    } catch (error) {
      this.unserializable.set(`${context.method} ${what}`, String(error.message ?? error));
      return 0;
    }
  }

  call(method, fn, self, args, withThis, construct) {
    const context = this.context(method);
    context.calls += 1;
    const sample = context.calls <= EXACT_CALLS || context.calls % SAMPLE_EVERY === 0;
    if (sample) {
      const t0 = performance.now();
      context.sampled += 1;
      const input = withThis && hasOwnData(self) ? [...args, self] : [...args];
      context.bytesIn += this.size(input, context, 'in');
      this.overhead += performance.now() - t0;
    }
    const frame = { context, childMs: 0, overheadAtStart: this.overhead, start: performance.now() };
    this.stack.push(frame);
    let result;
    try {
      result = construct ? Reflect.construct(fn, args, self) : fn.apply(self, args);
    } finally {
      const elapsed = performance.now() - frame.start - (this.overhead - frame.overheadAtStart);
      this.stack.pop();
      context.selfMs += elapsed - frame.childMs;
      const parent = this.stack.at(-1);
      if (parent) parent.childMs += elapsed;
    }
    if (sample) {
      const t0 = performance.now();
      context.bytesOut += this.size(result, context, 'out');
      this.overhead += performance.now() - t0;
    }
    return result;
  }

  /** Plain data: contexts with scaled byte counts, children as an array. */
  toJSON() {
    const dump = (c) => {
      const scale = c.sampled > 0 ? c.calls / c.sampled : 0;
      return { method: c.method, calls: c.calls, selfMs: c.selfMs, bytesIn: c.bytesIn * scale,
        bytesOut: c.bytesOut * scale, children: [...c.children.values()].map(dump) };
    };
    return { roots: [...this.roots.values()].map(dump), unserializable: Object.fromEntries(this.unserializable) };
  }
}

function hasOwnData(value) {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

const isClass = (fn) => typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));

/** Wraps the exports of one compiled module; `file` is its source path, e.g. src/main.ts. */
function instrument(exports, file, tracer) {
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value !== 'function') continue;
    if (isClass(value)) {
      instrumentClass(value, file, tracer);
      const id = `${file}#${value.name}.constructor`;
      exports[key] = new Proxy(value, {
        construct: (target, args, newTarget) => tracer.call(id, target, newTarget, args, false, true),
      });
    } else {
      const id = `${file}#${value.name || key}`;
      exports[key] = function (...args) {
        return tracer.call(id, value, this, args, false, false);
      };
    }
  }
}

function instrumentClass(cls, file, tracer) {
  const wrap = (target, name, id, withThis) => {
    const d = Object.getOwnPropertyDescriptor(target, name);
    const patched = { ...d };
    for (const part of ['value', 'get', 'set']) {
      const fn = d[part];
      if (typeof fn !== 'function') continue;
      patched[part] = function (...args) {
        return tracer.call(id, fn, this, args, withThis, false);
      };
    }
    Object.defineProperty(target, name, patched);
  };
  for (const name of Object.getOwnPropertyNames(cls.prototype)) {
    if (name !== 'constructor') wrap(cls.prototype, name, `${file}#${cls.name}.${name}`, true);
  }
  for (const name of Object.getOwnPropertyNames(cls)) {
    const d = Object.getOwnPropertyDescriptor(cls, name);
    if (['length', 'name', 'prototype'].includes(name)) continue;
    if (typeof d.value === 'function' || d.get || d.set) wrap(cls, name, `${file}#${cls.name}.static.${name}`, false);
  }
}

function child(args) {
  const outFile = option(args, '--json', null);
  const tracer = new Tracer();
  const modules = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) modules.push(path);
    }
  };
  walk(buildDir);
  // Load everything first (cli.js is the one module with a top-level effect: skip it).
  const loaded = modules
    .filter((path) => relative(buildDir, path) !== 'cli.js')
    .map((path) => ({ path, exports: require(path) }));
  for (const { path, exports } of loaded) {
    const file = `src/${relative(buildDir, path).split('\\').join('/').replace(/\.js$/, '.ts')}`;
    instrument(exports, file, tracer);
  }
  const main = loaded.find(({ path }) => relative(buildDir, path) === 'main.js').exports.main;
  const exitCode = main([dataDir]);
  writeFileSync(outFile, JSON.stringify({ exitCode, ...tracer.toJSON() }));
}

// ---------------------------------------------------------------------------------------------
// The parent: build, data, runs in fresh processes, fold, write YAML.

function merge(into, nodes) {
  for (const node of nodes) {
    let target = into.find((n) => n.method === node.method);
    if (!target) {
      target = { method: node.method, calls: 0, selfMs: 0, bytesIn: 0, bytesOut: 0, children: [] };
      into.push(target);
    }
    target.calls += node.calls;
    target.selfMs += node.selfMs;
    target.bytesIn += node.bytesIn;
    target.bytesOut += node.bytesOut;
    merge(target.children, node.children);
  }
}

const round3 = (x) => Math.round(x * 1000) / 1000;

function inclusiveMs(node) {
  return node.selfMs + node.children.reduce((sum, c) => sum + inclusiveMs(c), 0);
}

function find(nodes, method) {
  for (const node of nodes) {
    if (node.method === method) return node;
    const below = find(node.children, method);
    if (below) return below;
  }
  return null;
}

function machine() {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  let uname = arch();
  try {
    uname = execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();
  } catch { /* keep os.arch() */ }
  return { uname, node: process.version, cpu: cpu ?? 'unknown', cores: cpus().length,
    load: loadavg().map((x) => x.toFixed(2)).join(' ') };
}

/** One run of the app in a fresh Node process; returns its calling-context tree. */
function runOnce(side, run, runs, tmp) {
  const json = join(tmp, `${side}-${run}.json`);
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--json', json],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`run ${run} of the ${side} recording failed (${result.status})`);
  const data = JSON.parse(readFileSync(json, 'utf8'));
  if (data.exitCode !== 0) throw new Error(`run ${run} exited with ${data.exitCode}: wrong data?`);
  const heavy = find(data.roots, HEAVY);
  data.heavyMs = heavy ? inclusiveMs(heavy) : 0;
  process.stderr.write(`${side} run ${run}/${runs}: ProfileBuilder.build ${data.heavyMs.toFixed(1)} ms (measured)\n`);
  return data;
}

function writeSide(side, runData, slowdown, deviceName, command, interleaved) {
  const runs = runData.length;
  const tree = [];
  const unserializable = {};
  const heavyPerRun = runData.map((data) => data.heavyMs);
  for (const data of runData) {
    Object.assign(unserializable, data.unserializable);
    merge(tree, data.roots);
  }

  const rows = [];
  const flatten = (nodes, parent) => {
    for (const node of nodes) {
      const id = rows.length;
      rows.push({ id, parent, node });
      flatten(node.children, id);
    }
  };
  flatten(tree, undefined);

  const m = machine();
  const files = statSync(dataDir).isDirectory()
    ? readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.json')).map((e) => join(e.parentPath ?? e.path, e.name))
    : [dataDir];
  const dataBytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  const header = [
    `Recorded by examples/behavior-profile/tools/record.mjs (a timing harness of this example, not clonecloud's recorder).`,
    `Command: ${command}`,
    `Machine: ${m.uname}, ${m.cores} cores, CPU ${m.cpu}, Node ${m.node}; load average at the end: ${m.load}`,
    `Date: ${new Date().toISOString()}`,
    `Workload: main() on the activity log of tools/make-data.mjs (defaults: ${files.length} file, ${dataBytes} bytes).`,
    `Runs: ${runs}, each a fresh Node process (a cold start, as a command-line run is); totals over all runs.`,
    ...(interleaved ? ['Device and clone runs were interleaved (clone 1, device 1, clone 2, ...): same conditions for both.'] : []),
    `selfMs: wall time (performance.now()) inside the method minus the time in traced callees and in the harness's byte counting.`,
    side === 'device'
      ? `DEVICE MODEL, NOT A PHONE: this is a separate recording on the machine above (the clone's machine); every selfMs ` +
        `was multiplied by ${slowdown} = 1/relativeSpeed of profiles/devices/${deviceName}.yaml. calls and bytes are as measured.`
      : `Clone side: the machine above, as measured (it plays the server).`,
    `bytesIn = v8.serialize([...arguments, this]).length (this only for instance methods of objects with own data),`,
    `bytesOut = v8.serialize(result).length (for constructors: the new object). Exact for the first ${EXACT_CALLS} calls of`,
    `a context, then measured on 1 call in ${SAMPLE_EVERY} and scaled to all calls; rounded to whole bytes.`,
    `Traced: exported functions, and methods, accessors, static methods and constructors of exported classes, when called`,
    `from another module or through the object (this.m(), Class.m()). Calls between plain functions of one module and`,
    `anonymous callbacks are not traced; their time (and the harness's own bookkeeping, well under 1 us a call) is in the`,
    `caller's selfMs.`,
    `Measured ProfileBuilder.build (inclusive) per run, ms: ${heavyPerRun.map((x) => x.toFixed(1)).join(', ')}` +
      (side === 'device' ? ` (before the x${slowdown} device scaling)` : ''),
    ...(Object.keys(unserializable).length
      ? ['Not serializable (counted as 0 bytes):', ...Object.entries(unserializable).map(([k, v]) => `  ${k}: ${v}`)]
      : ['Every measured value was serializable.']),
  ];
  const yaml = [
    ...header.map((line) => `# ${line}`),
    'clonecloud-profile: 1',
    `side: ${side}`,
    'app: behavior-profile',
    `runs: ${runs}`,
    'contexts:',
    ...rows.map(({ id, parent, node }) => {
      const fields = [`id: ${id}`];
      if (parent !== undefined) fields.push(`parent: ${parent}`);
      fields.push(`method: ${JSON.stringify(node.method)}`, `calls: ${node.calls}`,
        `selfMs: ${round3(node.selfMs * slowdown)}`, `bytesIn: ${Math.round(node.bytesIn)}`,
        `bytesOut: ${Math.round(node.bytesOut)}`);
      return `  - { ${fields.join(', ')} }`;
    }),
    '',
  ].join('\n');
  const out = join(exampleDir, 'profiles', `${side}.profile.yaml`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, yaml);
  const heavy = find(tree, HEAVY);
  process.stderr.write(`wrote ${relative(process.cwd(), out)}: ${rows.length} contexts; ` +
    `ProfileBuilder.build per run ${(inclusiveMs(heavy) * slowdown / runs).toFixed(1)} ms, ` +
    `bytesIn ${Math.round(heavy.bytesIn / runs)}, bytesOut ${Math.round(heavy.bytesOut / runs)} per run\n`);
}

function parent(args) {
  const side = option(args, '--side', 'both');
  const runs = Number(option(args, '--runs', '3'));
  const deviceName = option(args, '--device', 'phone-midrange');
  const command = `node examples/behavior-profile/tools/record.mjs ${args.join(' ')}`.trim() + ' (paths are resolved from the script, any working directory)';

  // 1. Build (CommonJS, see the top of this file) with the root's TypeScript.
  rmSync(buildDir, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', exampleDir,
    '--module', 'commonjs', '--moduleResolution', 'bundler', '--outDir', buildDir, '--sourceMap', 'false'],
    { stdio: 'inherit' });
  writeFileSync(join(buildDir, 'package.json'), '{ "type": "commonjs" }\n');

  // 2. The data, with the generator's default (documented) arguments.
  execFileSync(process.execPath, [join(exampleDir, 'tools', 'make-data.mjs'), ...['--out', dataDir]], { stdio: 'ignore' });

  // 3. The recordings.
  const { parse } = require('yaml');
  const device = parse(readFileSync(join(rootDir, 'profiles', 'devices', `${deviceName}.yaml`), 'utf8'));
  const slowdown = 1 / device.relativeSpeed;
  const sides = side === 'both' ? ['clone', 'device'] : [side];
  if (!sides.every((s) => s === 'clone' || s === 'device')) throw new Error(`--side: device, clone or both`);
  // Runs are interleaved (clone 1, device 1, clone 2, ...), so that both recordings see the
  // same conditions on a shared machine; each run is still its own process and recording.
  const tmp = join(tmpdir(), `behavior-profile-record-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const recorded = Object.fromEntries(sides.map((s) => [s, []]));
  try {
    for (let run = 1; run <= runs; run++) {
      for (const s of sides) recorded[s].push(runOnce(s, run, runs, tmp));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const s of sides) writeSide(s, recorded[s], s === 'device' ? slowdown : 1, deviceName, command, sides.length > 1);
}

const args = process.argv.slice(2);
if (args.includes('--child')) child(args);
else parent(args);
