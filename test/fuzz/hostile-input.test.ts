/**
 * Fuzz: malformed profiles, configs, manifests, CPU profiles, flags and source files, generated
 * (fast-check, seeded), each run through the CLI. For every case:
 *   - the exit code is 0, 1 or 2 (never 3, the internal error);
 *   - on 2, stderr is one line, `error: ...`, naming the file (and the field when known) or the flag;
 *   - no stack trace anywhere in the output;
 *   - no file changed outside the app, and the committed manifest untouched (unless a successful
 *     `partition` rewrote it on purpose, which must then be a manifest `diff` reads).
 *
 * Most cases call `main(argv, output)` in this process (a process per case would not fit in a
 * minute); a sample of each kind runs the real binary, bin/clonecloud.js.
 *
 * CLONECLOUD_FUZZ_SEED sets the seed (default fixed: the same cases every run);
 * CLONECLOUD_FUZZ_SCALE multiplies the number of cases (default 1: about 1,200 cases).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseManifest } from '../../src/manifest/parse.js';
import { ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/inProcess.js';

const SEED = Number(process.env.CLONECLOUD_FUZZ_SEED ?? 20240414);
const SCALE = Math.max(0.01, Number(process.env.CLONECLOUD_FUZZ_SCALE ?? 1));
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** One case in SPAWN_EVERY of each kind also runs the real binary. */
const SPAWN_EVERY = 60;
const BIN = join(ROOT, 'bin', 'clonecloud.js');

// ---------------------------------------------------------------------------------------------
// The app under attack: tiny, and with no lib files to load, so that an analysis takes ~30 ms.

const SOURCES: Record<string, string> = {
  'src/main.ts': "import { compute } from './compute.js';\n\nexport function main(input: number[]): number {\n  return compute(input) + 1;\n}\n",
  'src/compute.ts': 'export function compute(xs: number[]): number {\n  let t = 0;\n  for (let i = 0; i < xs.length; i++) t += square(xs[i]!);\n  return t;\n}\n\nexport function square(x: number): number {\n  return x * x;\n}\n',
};
const profile = (side: 'device' | 'clone', scale: number) =>
  [
    'clonecloud-profile: 1',
    `side: ${side}`,
    'app: fuzz-app',
    'runs: 2',
    'contexts:',
    `  - { id: 0, method: "src/main.ts#main", calls: 2, selfMs: ${10 * scale}, bytesIn: 0, bytesOut: 0 }`,
    `  - { id: 1, parent: 0, method: "src/compute.ts#compute", calls: 2, selfMs: ${800 * scale}, bytesIn: 80000, bytesOut: 20 }`,
    `  - { id: 2, parent: 1, method: "src/compute.ts#square", calls: 2000, selfMs: ${200 * scale}, bytesIn: 20000, bytesOut: 20000 }`,
    '',
  ].join('\n');
const FILES: Record<string, string> = {
  ...SOURCES,
  'package.json': '{ "name": "fuzz-app", "private": true }\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noLib: true, types: [], strict: true }, include: ['src'] }, null, 2),
  'clonecloud.yaml': '# fuzz defaults\nnetworks: [wifi, 3g]\ndevice: phone-midrange\ntimeLimit: 5\n',
  'profiles/device.profile.yaml': profile('device', 1),
  'profiles/clone.profile.yaml': profile('clone', 0.25),
};

let scratch: string; // holds app/, outside/ and cwd/ (the process's working folder during the cases)
let app: string;
let manifestFile: string;
let manifest: string; // the committed manifest's bytes
let cpuProfile: string; // a valid CPU profile of the app
let savedCwd: string;
const outcomes = new Map<string, { cases: number; exits: Record<number, number>; spawned: number; ms: number; slowest: [number, string]; errors: Map<string, number> }>();

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Every file under `dir` (links not followed) with its size and mtime: what "changed" means here. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (p === app) continue;
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p, { throwIfNoEntry: false });
        out.set(relative(scratch, p), s ? `${s.size}:${s.mtimeMs}:${s.mode}` : 'gone');
      }
    }
  };
  walk(dir);
  return out;
}

/** Puts the app back as it was: the fixed files rewritten when changed, anything else removed. */
function restoreApp(): void {
  const expected = new Map(Object.entries({ ...FILES, 'clonecloud.manifest.yaml': manifest }));
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(app, p).split('\\').join('/');
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
      else if (!expected.has(rel)) rmSync(p, { force: true });
    }
  };
  walk(app);
  for (const [rel, text] of expected) {
    const p = join(app, rel);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) writeTree(app, { [rel]: text });
  }
}

// ---------------------------------------------------------------------------------------------
// A case: files of the app replaced or added, then a command line. `{app}` and `{scratch}` in the
// arguments stand for those folders.

interface Case {
  kind: string;
  /** Files (relative to the app) written before the command; null removes the file. */
  files?: Record<string, string | null>;
  args: readonly string[];
  /** The file the case is about: an exit 2 must name it (or a field or a flag). */
  about?: string;
}

function argv(c: Case): string[] {
  return c.args.map((a) => a.replaceAll('{app}', app).replaceAll('{scratch}', scratch));
}

async function runCase(c: Case, spawn: boolean): Promise<void> {
  for (const [rel, text] of Object.entries(c.files ?? {})) {
    if (text === null) rmSync(join(app, rel), { force: true });
    else writeTree(app, { [rel]: text });
  }
  const before = snapshot(scratch);
  const args = argv(c);
  const started = Date.now();
  let result: { status: number | null; stdout: string; stderr: string };
  if (spawn) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: join(scratch, 'cwd'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    result = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } else result = await runMain(args);
  const after = snapshot(scratch);
  const manifestNow = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : '<removed>';
  const stats = outcomes.get(c.kind) ?? { cases: 0, exits: {}, spawned: 0, ms: 0, slowest: [0, ''], errors: new Map<string, number>() };
  if (result.status === 2) {
    const shape = result.stderr.replace(/\/[^\s:']+/g, '<path>').replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").slice(0, 160).trim();
    stats.errors.set(shape, (stats.errors.get(shape) ?? 0) + 1);
  }
  const ms = Date.now() - started;
  stats.ms += ms;
  if (ms > stats.slowest[0] && process.env.CLONECLOUD_FUZZ_DUMP) writeFileSync(join(process.env.CLONECLOUD_FUZZ_DUMP, `${c.kind}.json`), JSON.stringify(c));
  if (ms > stats.slowest[0]) stats.slowest = [ms, `${spawn ? 'spawned ' : ''}${JSON.stringify(c.args)} ${JSON.stringify(Object.fromEntries(Object.entries(c.files ?? {}).map(([f, t]) => [f, (t ?? '').length])))}`];
  stats.cases++;
  stats.spawned += spawn ? 1 : 0;
  stats.exits[result.status ?? -1] = (stats.exits[result.status ?? -1] ?? 0) + 1;
  outcomes.set(c.kind, stats);
  try {
    const problems: string[] = [];
    if (![0, 1, 2].includes(result.status ?? -1)) problems.push(`exit code ${result.status}`);
    const all = `${result.stdout}\n${result.stderr}`;
    if (/^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m.test(all) || /internal error/.test(all)) problems.push('a stack trace');
    if (result.status === 2) {
      const lines = result.stderr.trimEnd().split('\n');
      if (lines.length !== 1) problems.push(`${lines.length} lines on stderr`);
      else if (!lines[0]!.startsWith('error: ')) problems.push('an error line not starting with "error: "');
      else if (!namesWhere(lines[0]!, c)) problems.push('an error that names no file, field or flag');
    }
    const changed = [...after].filter(([f, s]) => before.get(f) !== s).map(([f]) => f);
    const gone = [...before.keys()].filter((f) => !after.has(f));
    if (changed.length || gone.length) problems.push(`files changed outside the app: ${[...changed, ...gone].join(', ')}`);
    const rewrote = args[0] === 'partition' && result.status === 0 && !args.includes('--out');
    if (rewrote) {
      try {
        parseManifest(manifestNow, 'rewritten');
      } catch (e) {
        problems.push(`partition rewrote the manifest into something unreadable: ${(e as Error).message}`);
      }
    } else if (manifestNow !== manifest) problems.push('the committed manifest changed');
    if (problems.length) {
      const show = (t: string) => (t.length > 3000 ? `${t.slice(0, 3000)}… (${t.length} characters)` : t);
      throw new Error(`${problems.join('; ')}\n${spawn ? 'spawned' : 'in-process'}: clonecloud ${JSON.stringify(args)}\nexit ${result.status}\nstdout: ${show(result.stdout)}\nstderr: ${show(result.stderr)}`);
    }
  } finally {
    restoreApp();
  }
}

/** An exit-2 line names where: the case's file, a file:line, a field, or an option or argument. */
function namesWhere(line: string, c: Case): boolean {
  if (c.about && line.includes(basename(c.about))) return true;
  // A value the case gave (a path, a name), as printed (a lone surrogate prints as U+FFFD).
  const printed = (t: string) => t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const given = argv(c).slice(1).filter((a) => a.length > 0 && !['.', '/', ',', '*', '#', ' '].includes(a));
  if (given.some((a) => printed(line).includes(printed(a)) || line.includes(relative(process.cwd(), a)))) return true;
  // Short values ('.', '/') only where a file is named: first, before its colon.
  if (argv(c).some((a) => a.length > 0 && line.startsWith(`error: ${a}:`))) return true;
  return /field '|option '|argument '|command '|arguments? for '|\.(ya?ml|json|cpuprofile|ts|js)\b|\/dev\/|: '[^']*'/.test(line);
}

// ---------------------------------------------------------------------------------------------
// Generators.

const HOSTILE_STRINGS = ['', ' ', '-1', 'NaN', '1e309', '0x10', 'wifi', '3g', 'nope', 'wifi,wifi', ',', '../../../etc/passwd', '/dev/zero', 'src/**', '*', '**', '#', 'src/main.ts#main', '\u0000', '\ud800', 'é', '{a,b}', '[', '&a', '*a', "'", '"', '\\', 'true', 'null', 'x'.repeat(5000)];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 12 }));
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 53 + 1, -(2 ** 31), 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: false }),
);
const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(hostileString, fc.constantFrom('id', 'parent', 'method', 'calls', 'network', 'migrate', 'cost', 'unit')), tie('value'), { maxKeys: 3 })),
})).value;

/** A structural change to parsed data: at a random path, delete, replace, duplicate or empty. */
type Edit = { at: number[]; op: 'delete' | 'set' | 'dup' | 'empty' | 'rename'; value: unknown; key: string };
const edits = fc.array(
  fc.record({ at: fc.array(fc.nat(), { maxLength: 4 }), op: fc.constantFrom('delete', 'set', 'set', 'dup', 'empty', 'rename'), value: hostileValue, key: hostileString }),
  { minLength: 1, maxLength: 4 },
) as fc.Arbitrary<Edit[]>;

function applyEdits(data: unknown, list: Edit[]): unknown {
  const root = { v: structuredClone(data) } as Record<string, unknown>;
  for (const e of list) {
    let holder: Record<string, unknown> | unknown[] = root;
    let key: string | number = 'v';
    for (const step of e.at) {
      const here: unknown = (holder as Record<string, unknown>)[key as string];
      if (typeof here !== 'object' || here === null) break;
      const keys: (string | number)[] = Array.isArray(here) ? here.map((_, i) => i) : Object.keys(here);
      if (keys.length === 0) break;
      holder = here as Record<string, unknown>;
      key = keys[step % keys.length]!;
    }
    const h = holder as Record<string | number, unknown>;
    if (e.op === 'delete') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete h[key];
    } else if (e.op === 'set') h[key] = e.value;
    else if (e.op === 'dup' && Array.isArray(holder)) holder.push(structuredClone(holder[key as number]));
    else if (e.op === 'empty') h[key] = Array.isArray(h[key]) ? [] : typeof h[key] === 'object' ? {} : '';
    else if (e.op === 'rename' && !Array.isArray(holder)) {
      h[e.key] = h[key];
      delete h[key];
    }
  }
  return root.v;
}

/** A change to text: truncation (anywhere, or at a line boundary), insertion, deletion, a line replaced or doubled, a bomb. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileString, fc.constantFrom(': ', '- ', '{', '}', '[', ']', '\n', '\t', '&x ', '*x', '<<: *x', '!!binary', '%YAML 1.1\n', '---\n', '...\n', '"', "'", '#', '\r\n', '\ufeff')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: hostileString }),
  fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 100, max: 30000 }), open: fc.constantFrom('[', '{a: ', '- ', '(') }),
  fc.record({ kind: fc.constant('bomb' as const), levels: fc.integer({ min: 2, max: 12 }) }),
);
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, e: TextEdit): string {
  const at = (n: number) => n % (text.length + 1);
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (e.kind) {
    case 'truncate':
      return text.slice(0, at(e.at));
    case 'truncateLine':
      return `${lines.slice(0, line(e.at)).join('\n')}\n`;
    case 'insert':
      return text.slice(0, at(e.at)) + e.text + text.slice(at(e.at));
    case 'delete':
      return text.slice(0, at(e.at)) + text.slice(at(e.at) + e.length);
    case 'line':
      lines[line(e.at)] = e.text;
      return lines.join('\n');
    case 'double':
      lines.splice(line(e.at), 0, lines[line(e.at)]!);
      return lines.join('\n');
    case 'nest': {
      const close = e.open === '[' ? ']' : e.open === '(' ? ')' : e.open === '{a: ' ? '}' : '';
      const deep = e.open === '- ' ? Array.from({ length: Math.min(e.depth, 3000) }, (_, i) => `${' '.repeat(i)}- `).join('\n') : `${e.open.repeat(e.depth)}1${close.repeat(e.depth)}`;
      return text.slice(0, at(e.at)) + deep + text.slice(at(e.at));
    }
    case 'bomb': {
      const bomb = ['b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= e.levels; i++) bomb.push(`b${i}: &b${i} [${Array(10).fill(`*b${i - 1}`).join(', ')}]`);
      return `${text}\n${bomb.join('\n')}\n`;
    }
  }
}

/** A YAML/JSON input: structural edits of its data, text edits, or both, serialised either way. */
function mutatedDocument(base: unknown, baseText: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(edits, fc.boolean()).map(([list, json]) => serialise(applyEdits(base, list), json)),
    fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((list) => list.reduce(applyText, baseText)),
    fc.tuple(edits, fc.array(textEdit, { minLength: 1, maxLength: 2 })).map(([list, texts]) => texts.reduce(applyText, serialise(applyEdits(base, list), false))),
  );
}

function serialise(value: unknown, json: boolean): string {
  if (json) return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? 'null';
  return yamlStringify(value);
}

let yamlStringify: (v: unknown) => string;

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const yaml = await import('yaml');
  yamlStringify = (v) => yaml.stringify(v, { aliasDuplicateObjects: false }) ?? '';
  scratch = mkdtempSync(join(tmpdir(), 'cc-fuzz-'));
  app = join(scratch, 'app');
  writeTree(app, FILES);
  writeTree(scratch, { 'outside/sentinel.txt': 'must not change\n', 'outside/folder/also.txt': 'nor this\n', 'cwd/.keep': '' });
  manifestFile = join(app, 'clonecloud.manifest.yaml');
  const made = await runMain(['partition', app]);
  expect(made.status).toBe(0);
  manifest = readFileSync(manifestFile, 'utf8');
  const url = (f: string) => `file://${join(app, f)}`;
  cpuProfile = JSON.stringify({
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 5] },
      { id: 2, callFrame: { functionName: 'main', url: url('src/main.ts'), lineNumber: 2, columnNumber: 7 }, children: [3] },
      { id: 3, callFrame: { functionName: 'compute', url: url('src/compute.ts'), lineNumber: 0, columnNumber: 7 }, children: [4] },
      { id: 4, callFrame: { functionName: 'square', url: url('src/compute.ts'), lineNumber: 6, columnNumber: 7 }, children: [] },
      { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 }, children: [] },
    ],
    startTime: 0,
    endTime: 10000,
    samples: [2, 3, 4, 4, 5, 3],
    timeDeltas: [100, 1000, 1000, 1000, 1000, 1000],
  });
  savedCwd = process.cwd();
  process.chdir(join(scratch, 'cwd')); // a relative path a case writes to lands here, and is caught
});

afterAll(() => {
  if (savedCwd) process.chdir(savedCwd);
  const summary = [...outcomes].map(([kind, s]) => `${kind}: ${s.cases} cases (${s.spawned} spawned) in ${(s.ms / 1000).toFixed(1)} s, exits ${JSON.stringify(s.exits)}; slowest ${s.slowest[0]} ms: ${s.slowest[1].slice(0, 200)}`);
  if (process.env.CLONECLOUD_FUZZ_VERBOSE) for (const [kind, st] of outcomes) console.log(`${kind} errors:\n${[...st.errors].sort((a, b) => b[1] - a[1]).map(([e, n]) => `${n}× ${e}`).join('\n')}`);
  console.log(`fuzz (seed ${SEED}, scale ${SCALE}): ${[...outcomes.values()].reduce((n, s) => n + s.cases, 0)} cases\n${summary.join('\n')}`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs `count` generated cases of one kind; every SPAWN_EVERY-th (the first included) through the binary. */
async function fuzz(kind: string, count: number, cases: fc.Arbitrary<Case>): Promise<void> {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      await runCase({ ...c, kind }, n++ % SPAWN_EVERY === 0);
    }),
    { seed: SEED + kind.length * 7919, numRuns: runs(count), endOnFailure: true },
  );
}

const TIMEOUT = 600_000;

describe('hostile input through the CLI', () => {
  test(
    'profiles',
    async () => {
      const base = { 'clonecloud-profile': 1, side: 'device', app: 'fuzz-app', runs: 2, contexts: [{ id: 0, method: 'src/main.ts#main', calls: 2, selfMs: 10, bytesIn: 0, bytesOut: 0 }, { id: 1, parent: 0, method: 'src/compute.ts#compute', calls: 2, selfMs: 800, bytesIn: 80000, bytesOut: 20 }, { id: 2, parent: 1, method: 'src/compute.ts#square', calls: 2000, selfMs: 200, bytesIn: 20000, bytesOut: 20000 }] };
      const command = commands(['partition', '{app}', '--out', '{app}/out.manifest.yaml'], ['check', '{app}'], ['explain', 'src/compute.ts#compute', '{app}'], ['partition', '{app}', '--network', 'wifi', '--strict', '--out', '{app}/out.manifest.yaml']);
      const file = fc.constantFrom('profiles/device.profile.yaml', 'profiles/extra.profile.json', 'profiles/extra.profile.yaml');
      await fuzz('profiles', 220, fc.tuple(mutatedDocument(base, profile('device', 1)), command, file).map(([text, args, f]) => ({ kind: '', files: { [f]: text }, args, about: f })));
    },
    TIMEOUT,
  );

  test(
    'profiles that parse, with extreme figures and shapes',
    async () => {
      const METHODS = ['src/main.ts#main', 'src/compute.ts#compute', 'src/compute.ts#square', 'src/gone.ts#old', 'src/main.ts#main.<anonymous 1>'];
      // Per profile: plausible figures, figures at the readers' bounds (1e12 ms, 1e18 bytes,
      // 2^53 - 1 calls: the model must stay finite), or some past them (bad input).
      const figures = (mode: number) =>
        mode < 6 ? { figure: fc.double({ min: 0, max: 1e6, noNaN: true }), count: fc.integer({ min: 0, max: 1e6 }) }
        : mode < 8 ? { figure: fc.constantFrom(0, 1, 1e-300, 1e12, 1e18, 123.456), count: fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER) }
        : { figure: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(1e300, Number.MAX_VALUE)), count: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constant(2 ** 53)) };
      const contexts = fc.nat(9).chain((mode) => {
        const { figure, count } = figures(mode);
        return fc.array(fc.record({ parent: fc.nat(), root: fc.boolean(), method: fc.constantFrom(...METHODS), calls: count, selfMs: figure, bytesIn: figure, bytesOut: figure }), { minLength: 1, maxLength: 40 });
      }).map((list) =>
        list.map((c, i) => ({ id: i, ...(i > 0 && !c.root ? { parent: c.parent % i } : {}), method: c.method, calls: c.calls, selfMs: c.selfMs, bytesIn: c.bytesIn, bytesOut: c.bytesOut })),
      );
      const valid = fc.record({ side: fc.constantFrom('device', 'clone'), runs: fc.oneof(fc.constantFrom(1, 2, 2 ** 31), fc.integer({ min: 1, max: 100 })), contexts, estimated: fc.subarray(['calls', 'selfMs', 'bytesIn', 'bytesOut']) }).map((p) =>
        yamlStringify({ 'clonecloud-profile': 1, side: p.side, runs: p.runs, ...(p.estimated.length ? { estimated: p.estimated } : {}), contexts: p.contexts }),
      );
      const command = commands(['partition', '{app}', '--network', 'wifi', '--out', '{app}/out.manifest.yaml'], ['partition', '{app}', '--network', '3g', '--objective', 'energy', '--nesting', 'static', '--out', '{app}/out.manifest.yaml'], ['check', '{app}']);
      const file = fc.constantFrom('profiles/device.profile.yaml', 'profiles/clone.profile.yaml', 'profiles/extra.profile.yaml');
      await fuzz('profiles that parse', 80, fc.tuple(valid, command, file).map(([text, args, f]) => ({ kind: '', files: { [f]: text }, args, about: f })));
    },
    TIMEOUT,
  );

  test(
    'configs',
    async () => {
      const name = fc.constantFrom('wifi', '3g', 'lte', '5g', 'nope', '', 'phone-midrange', 'browser', 'node-device', 'react-native', 'src/**', 'src/main.ts#main', 'profiles/*.profile.yaml', 'nothing/*.yaml', '/dev/zero', '..');
      const base = { networks: ['wifi', '3g'], device: 'phone-midrange', timeLimit: 5 };
      const built = fc.record(
        {
          networks: fc.oneof(fc.array(name, { maxLength: 3 }), hostileValue),
          platforms: fc.oneof(fc.array(name, { maxLength: 3 }), hostileValue),
          pin: fc.array(name, { maxLength: 2 }),
          allow: fc.array(name, { maxLength: 2 }),
          profiles: fc.oneof(fc.array(name, { maxLength: 2 }), hostileValue),
          device: fc.oneof(name, hostileValue),
          nesting: fc.oneof(fc.constantFrom('dynamic', 'static'), hostileValue),
          objective: fc.oneof(fc.constantFrom('time', 'energy'), hostileValue),
          maxEnergyRatio: hostileNumber,
          timeLimit: fc.oneof(fc.constantFrom(1, 5), hostileNumber, hostileValue),
          tsconfig: fc.oneof(fc.constantFrom('tsconfig.json', 'missing.json', 'src', '../outside/sentinel.txt', '/dev/zero'), hostileValue),
          strict: fc.oneof(fc.boolean(), hostileValue),
          unresolved: fc.oneof(fc.constantFrom('allow', 'device'), hostileValue),
          outsideLinks: fc.oneof(fc.constantFrom('warn', 'refuse'), hostileValue),
          surprise: hostileValue,
        },
        { requiredKeys: [] },
      );
      const text = fc.oneof(
        built.map((c) => yamlStringify(Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && (typeof v !== 'number' || Number.isFinite(v)))))),
        mutatedDocument(base, FILES['clonecloud.yaml']!),
      );
      const command = commands(['partition', '{app}', '--out', '{app}/out.manifest.yaml'], ['check', '{app}'], ['analyze', '{app}'], ['graph', '{app}'], ['partition', '{app}', '--config', '{app}/other.yaml', '--out', '{app}/out.manifest.yaml']);
      await fuzz(
        'configs',
        200,
        fc.tuple(text, command).map(([t, args]) => {
          const file = args.includes('--config') ? 'other.yaml' : 'clonecloud.yaml';
          return { kind: '', files: { [file]: t }, args, about: file };
        }),
      );
    },
    TIMEOUT,
  );

  test(
    'manifests',
    async () => {
      const base = parseManifestData();
      const command = commands(['diff', '{app}/clonecloud.manifest.yaml', '{app}/other.manifest.yaml'], ['diff', '{app}/other.manifest.yaml', '{app}/clonecloud.manifest.yaml', '--json'], ['check', '{app}', '--manifest', '{app}/other.manifest.yaml']);
      await fuzz('manifests', 200, fc.tuple(mutatedDocument(base, manifest), command).map(([text, args]) => ({ kind: '', files: { 'other.manifest.yaml': text }, args, about: 'other.manifest.yaml' })));
    },
    TIMEOUT,
  );

  test(
    'CPU profiles',
    async () => {
      const base = JSON.parse(cpuProfile) as unknown;
      const frame = fc.record({ functionName: fc.oneof(fc.constantFrom('(root)', '(program)', '(idle)', 'main', 'compute'), hostileString), url: fc.oneof(fc.constantFrom('', 'node:fs', 'file:///nowhere.js', 'file://{app}/src/compute.ts', 'file://{app}/src/main.ts', '{app}/src/main.ts', 'file:///dev/zero'), hostileString), lineNumber: fc.oneof(fc.integer({ min: -2, max: 20 }), hostileNumber), columnNumber: fc.oneof(fc.integer({ min: -2, max: 40 }), hostileNumber) });
      const tree = fc.integer({ min: 1, max: 12 }).chain((n) =>
        fc.record({
          nodes: fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({ id: fc.oneof(fc.constant(i + 1), fc.integer({ min: -1, max: n + 2 })), callFrame: frame, children: fc.array(fc.integer({ min: -1, max: n + 2 }), { maxLength: 3 }) }))),
          startTime: fc.oneof(fc.constant(0), hostileNumber),
          endTime: fc.oneof(fc.constant(100000), hostileNumber),
          samples: fc.array(fc.integer({ min: -1, max: n + 2 }), { maxLength: 20 }),
          timeDeltas: fc.array(fc.oneof(fc.integer({ min: 0, max: 10000 }), hostileNumber), { maxLength: 20 }),
        }),
      );
      const deep = fc.integer({ min: 1000, max: 20000 }).map((n) => JSON.stringify({ nodes: Array.from({ length: n }, (_, i) => ({ id: i + 1, callFrame: { functionName: 'f', url: `file://${app}/src/compute.ts`, lineNumber: i % 2 ? 0 : 6, columnNumber: 7 }, children: i + 1 < n ? [i + 2] : [] })), startTime: 0, endTime: 10, samples: [n], timeDeltas: [1] }));
      const text = fc.oneof(
        { weight: 6, arbitrary: mutatedDocument(base, cpuProfile).map((t) => t.replaceAll('{app}', app)) },
        { weight: 6, arbitrary: tree.map((t) => JSON.stringify(t, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)).replaceAll('{app}', app)) },
        { weight: 1, arbitrary: deep },
      );
      const command = commands(['import', '{app}/run.cpuprofile', '--side', 'device', '--app', '{app}', '--out', '{app}/profiles/imported.profile.yaml'], ['import', '{app}/run.cpuprofile', '--side', 'clone', '--app', '{app}']);
      await fuzz('CPU profiles', 200, fc.tuple(text, command).map(([t, args]) => ({ kind: '', files: { 'run.cpuprofile': t }, args, about: 'run.cpuprofile' })));
    },
    TIMEOUT,
  );

  test(
    'flags',
    async () => {
      const path = fc.constantFrom('{app}', '{app}/', '{app}/src', '{app}/clonecloud.manifest.yaml', '{app}/profiles/device.profile.yaml', '{app}/missing', '{app}/missing/x.yaml', '{app}/out.yaml', '', '.', '/dev/zero', '/dev/null', '{scratch}/outside', '{app}/tsconfig.json', '{app}/src/main.ts');
      const value = fc.oneof(path, hostileString, fc.constantFrom('wifi', '3g,wifi', 'wifi,,', 'phone-midrange', 'static', 'dynamic', 'energy', 'time', '0', '0.001', '1', '60', '-5', 'dot', 'mermaid', 'html', 'device', 'clone', '0,1', '256'));
      const option = fc.constantFrom('--network', '--device', '--nesting', '--objective', '--max-energy-ratio', '--max-slowdown', '--time-limit', '--tsconfig', '--config', '--profiles', '--out', '--manifest', '--format', '--side', '--app', '--runs', '--ok-exit', '--device-model', '--explain', '--bogus');
      const flag = fc.constantFrom('--json', '--strict', '--verbose', '--type-errors', '--refuse-outside-links', '--help', '--version', '-h', '--');
      const word = fc.oneof({ weight: 3, arbitrary: fc.tuple(option, value).map(([o, v]) => [o, v]) }, { weight: 2, arbitrary: flag.map((f) => [f]) }, { weight: 2, arbitrary: path.map((p) => [p]) }, { weight: 1, arbitrary: value.map((v) => [v]) });
      const command = fc.constantFrom('partition', 'check', 'analyze', 'explain', 'diff', 'graph', 'import', 'record', 'nonsense', '');
      const line = fc.tuple(command, fc.array(word, { maxLength: 5 })).map(([cmd, words]) => {
        const args = [cmd, ...words.flat()].filter((a, i) => i > 0 || a !== '');
        // record would run a program after `--`: only its refusals are fuzzed here.
        if (args[0] === 'record') return [...args.filter((a) => a !== '--'), '--runs', '0'];
        // --out and similar that would succeed must land in the app: never on a file outside it.
        return args;
      });
      const special = commands(['serve'], ['serve', '--bogus'], ['serve', '--help'], ['run', '--help'], ['run', '--bogus', 'x'], ['--help'], ['--version'], ['help', 'partition'], ['diff'], ['diff', '{app}/clonecloud.manifest.yaml'], ['diff', '/dev/zero', '/dev/zero'], ['import'], ['explain']);
      await fuzz('flags', 220, fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: special }).map((args) => ({ kind: '', args: guardOutside(args) })));
    },
    TIMEOUT,
  );

  test(
    'source files',
    async () => {
      const TOKENS = ['(', ')', '{', '}', '[', ']', '<', '>', ';', ',', '=>', 'function', 'class', 'export', 'import', 'async', 'await', 'yield', '`${', '}`', '/*', '*/', '//', '"', "'", '\\', '@', '#private', 'new', 'this', 'super', '?.', '??', '...', 'enum', 'namespace', 'declare', '\u2028', '\ufeff', '\u0000', '\n'];
      const sourceEdit = fc.oneof(
        textEdit,
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }).map((t) => t.join(' ')) }),
        fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 300, max: 8000 }), open: fc.constantFrom('(', '[', '{a: ') }),
      );
      const file = fc.constantFrom('src/main.ts', 'src/compute.ts', 'src/extra.ts');
      const text = fc.tuple(file, fc.array(sourceEdit, { minLength: 1, maxLength: 3 })).map(([f, list]) => ({ f, t: list.reduce(applyText, SOURCES[f] ?? SOURCES['src/compute.ts']!) }));
      const command = commands(['analyze', '{app}', '--json'], ['check', '{app}'], ['partition', '{app}', '--network', 'wifi', '--out', '{app}/out.manifest.yaml'], ['partition', '{app}', '--network', 'wifi', '--strict', '--out', '{app}/out.manifest.yaml']);
      await fuzz('source files', 120, fc.tuple(text, command).map(([{ f, t }, args]) => ({ kind: '', files: { [f]: t }, args, about: f })));
    },
    TIMEOUT,
  );
});

/** A choice of command lines. */
function commands(...lists: string[][]): fc.Arbitrary<string[]> {
  return fc.constantFrom(...lists);
}

/** The committed manifest as data, for structural edits. */
function parseManifestData(): unknown {
  return JSON.parse(JSON.stringify(parseManifest(manifest, 'clonecloud.manifest.yaml')));
}

/**
 * An argument that names a file outside the app as a place to write (`--out {scratch}/outside`)
 * would be a legitimate write there, not a bug: such cases write into the app instead.
 */
function guardOutside(args: readonly string[]): string[] {
  return args.map((a, i) => (args[i - 1] === '--out' && !a.startsWith('{app}') && a !== '' ? '{app}/out.yaml' : a));
}
