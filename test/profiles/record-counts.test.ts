import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { instrument } from '../../src/profiles/record/instrument.js';
import { moduleIds } from '../../src/ids/sourceIds.js';
import { RECORDER_GLOBAL, Recorder } from '../../src/profiles/record/runtime.js';
import { snapshot } from '../../src/profiles/record/trace.js';
import { ROOT } from '../helpers/cli.js';

// The recorder counts hot tiny calls without timing them (sampling.ts), and samples bytes: its
// counts must still be the true ones. The call-heavy fixture (a tokenizer, a recursive-descent
// parser, a tree walker) runs instrumented twice: under a plain counter that keeps a stack of
// contexts and nothing else (the true counts), and under the recorder. Every calling context must
// have the same count, and the hot contexts must really have gone untimed. The true counts come
// from the fixture with every function traced in full; the recorder runs it as `record` loads
// it, its small leaves only counted (countOnly.ts), and with every function traced in full too.

const APP = join(ROOT, 'test', 'fixtures', 'record-calls');
const tmp = mkdtempSync(join(tmpdir(), 'cc-record-counts-'));
const ROUNDS = 4;

interface Node {
  method: number;
  parent: Node | undefined;
  kids: Map<number, Node>;
  calls: number;
}

/**
 * The instrumented code's calls, counted on a plain stack of contexts, recursion folded onto the
 * outermost frame of the same method as the recorder does (runtime.ts contextOf), no time, no bytes.
 */
class TrueCounter {
  readonly methods: string[] = [];
  readonly root: Node = { method: -1, parent: undefined, kids: new Map(), calls: 0 };
  private stack: Node[] = [this.root];
  s = false;

  m(ids: string[]): number {
    const base = this.methods.length;
    this.methods.push(...ids);
    return base;
  }

  e(method: number): number {
    const parent = this.stack[this.stack.length - 1]!;
    let node = parent.kids.get(method);
    if (!node) {
      for (let c: Node | undefined = parent; c && c !== this.root; c = c.parent) if (c.method === method) node = c;
      node ??= { method, parent, kids: new Map(), calls: 0 };
      parent.kids.set(method, node);
    }
    node.calls++;
    this.stack.push(node);
    return this.stack.length - 1;
  }

  x(slot: number): void {
    this.stack.length = slot; // unwinds frames an exception left above it
  }

  ox<T>(slot: number, value: T): T {
    this.x(slot);
    return value;
  }

  xc(slot: number): void {
    this.x(slot);
  }

  i(): void {}
}

/** Calls by path of method names from a root ('main > tokenize > isDigit'). */
function byPath(entries: { key: string; calls: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { key, calls } of entries) out.set(key, (out.get(key) ?? 0) + calls);
  return out;
}

function trueCounts(counter: TrueCounter): Map<string, number> {
  const entries: { key: string; calls: number }[] = [];
  const walk = (node: Node, path: string) => {
    for (const kid of new Set(node.kids.values())) {
      if (kid.parent !== node) continue; // a folded recursion: counted in its own context
      const key = `${path} > ${counter.methods[kid.method]}`;
      entries.push({ key, calls: kid.calls });
      walk(kid, key);
    }
  };
  walk(counter.root, '');
  return byPath(entries);
}

/** The fixture instrumented as `record` does (count-only leaves counted alone), and with every function traced in full. */
let code = '';
let full = '';

/** Runs the instrumented fixture (ROUNDS rounds) with `recorder` as the global recorder. */
function run(recorder: unknown, code: string): void {
  const key = Symbol.for(RECORDER_GLOBAL);
  const globals = globalThis as Record<symbol, unknown>;
  const argv = process.argv;
  const write = process.stdout.write;
  globals[key] = recorder;
  process.stdout.write = () => true; // the fixture prints its sum and time
  process.argv = [argv[0]!, 'main.js', String(ROUNDS)];
  try {
    const file = join(tmp, 'main.js');
    const mod = { exports: {} };
    new Function('exports', 'require', 'module', '__filename', '__dirname', code)(mod.exports, createRequire(file), mod, file, tmp);
  } finally {
    process.argv = argv;
    process.stdout.write = write;
    delete globals[key];
  }
}

beforeAll(() => {
  const args = ['-p', APP, '--outDir', tmp, '--module', 'commonjs', '--moduleResolution', 'node10', '--ignoreDeprecations', '6.0'];
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  const file = join(tmp, 'main.js');
  const found = moduleIds(file, readFileSync(file, 'utf8'), APP)!;
  code = instrument(found.sf as ts.SourceFile, found.ids)!.code;
  full = instrument(found.sf as ts.SourceFile, found.ids, { countOnly: false })!.code;
  expect(code).toContain('__cc$.c(');
  expect(full).not.toContain('__cc$.c(');
}, 60_000);

/** Calls by path of a recorder's trace. */
function recordedCounts(rec: Recorder): { trace: ReturnType<typeof snapshot>; got: Map<string, number> } {
  const trace = snapshot(rec, { pid: 1, ppid: 0, argv: [] }, { code: 0 });
  const keys = new Map<number, string>();
  const entries = trace.contexts.map((c) => {
    const key = `${c.parent === undefined ? '' : keys.get(c.parent)} > ${trace.methods[c.method]}`;
    keys.set(c.id, key);
    return { key, calls: c.calls };
  });
  return { trace, got: byPath(entries) };
}

function trueCountsOfFull(): Map<string, number> {
  const counter = new TrueCounter();
  run(counter, full);
  return trueCounts(counter);
}

/** A recorder with fixed call costs; code under jest is several times slower than in a plain process: tiny here is under 20 us. */
function hotRecorder(): Recorder {
  return new Recorder({ inner: 0.00004, outer: 0.00006, untimed: 0.00001 }, { tinyMs: 0.02 });
}

describe('record: call counts of hot code counted without timing', () => {
  it('equal the true counts in every calling context of a call-heavy fixture, every function traced', () => {
    const expected = trueCountsOfFull();
    const rec = hotRecorder();
    run(rec, full);
    const { trace, got } = recordedCounts(rec);

    expect([...got].sort()).toEqual([...expected].sort());
    expect(trace.countOnly).toBeUndefined();
    expect(expected.get(' > src/main.ts#main > src/main.ts#tokenize > src/main.ts#isDigit')).toBeGreaterThan(10_000);
    // The sampled path really ran: hot contexts were counted on calls that were not timed.
    const untimed = trace.contexts.filter((c) => c.timed !== undefined && c.timed < c.calls);
    expect(untimed.map((c) => trace.methods[c.method])).toEqual(expect.arrayContaining(['src/main.ts#isDigit', 'src/main.ts#Parser.peek', 'src/main.ts#generate.next']));
    const skipped = untimed.reduce((n, c) => n + c.calls - c.timed!, 0);
    const calls = trace.contexts.reduce((n, c) => n + c.calls, 0);
    expect(skipped).toBeGreaterThan(calls / 2);
  }, 120_000);

  it('equal the true counts with the small leaves only counted, and those leaves never timed', () => {
    const expected = trueCountsOfFull();
    const rec = hotRecorder();
    run(rec, code);
    const { trace, got } = recordedCounts(rec);

    expect([...got].sort()).toEqual([...expected].sort());
    // The leaves of the fixture: property reads, arithmetic, Math.* and charCodeAt; the rest (loops, calls of app functions) traced.
    expect(trace.countOnly).toEqual(['src/main.ts#Parser.peek', 'src/main.ts#Parser.take', 'src/main.ts#apply', 'src/main.ts#generate.next', 'src/main.ts#isDigit']);
    const counted = trace.contexts.filter((c) => trace.countOnly!.includes(trace.methods[c.method]!));
    expect(counted.length).toBeGreaterThanOrEqual(5);
    for (const c of counted) expect(c).toMatchObject({ timed: 0, selfMs: 0, bytesIn: 0, bytesOut: 0 });
    expect(counted.reduce((n, c) => n + c.calls, 0)).toBeGreaterThan(trace.contexts.reduce((n, c) => n + c.calls, 0) / 2);
    // charCodeAt is called by a count-only leaf; the fixture defines no method of that name.
    expect(trace.builtinNamesakes).toBeUndefined();
  }, 120_000);
});
