/**
 * The header comment of a recorded profile: what was run, where, under what load, and how
 * each figure was measured, so a reader can judge the numbers without the recorder's source.
 */
import { cpus, loadavg } from 'node:os';
import { BYTES_BIG, BYTES_EVERY, BYTES_EXACT, BYTES_EXACT_BIG, BYTES_GAP, BYTES_SAMPLES_PER_STRIDE } from './bytes.js';
import { INLINE_BUDGET, inliningFlag } from './inlining.js';
import { COUNT_ONLY_MAX_NODES, TIME_CHECK, TIME_NOT_TINY_MS, TIME_SLOW_SHARE, TIME_TINY_MS, TIME_WARM, TIME_WINDOW } from './sampling.js';
import type { ProcessExit, Trace } from './trace.js';
import { compare as cmp } from '../../util/compare.js';

export interface Recording {
  schema: string;
  started: Date;
  ended: Date;
  command: string[];
  label?: string;
  runs: number;
  traces: Trace[];
  exit: ProcessExit;
  /** Exit codes that are a normal end of this program. */
  okExit?: number[];
  loadAtStart: number[];
  loadAtEnd: number[];
  /** Sum of selfMs as recorded (before any device scaling). */
  selfMs: number;
  device?: { name: string; file: string; relativeSpeed: number };
}

function machineLine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() || 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const us = (x: number) => (x * 1000).toFixed(3);

export function headerLines(r: Recording): string[] {
  const t = { tracedMs: 0, recorderMs: 0, bytesMs: 0, clampedMs: 0, inner: Infinity, outer: Infinity, untimed: Infinity };
  for (const trace of r.traces) {
    if (!trace.time) continue;
    t.tracedMs += trace.time.tracedMs;
    t.recorderMs += trace.time.recorderMs;
    t.bytesMs += trace.time.bytesMs;
    t.clampedMs += trace.time.clampedMs;
    t.inner = Math.min(t.inner, trace.time.innerMs);
    t.outer = Math.min(t.outer, trace.time.outerMs);
    t.untimed = Math.min(t.untimed, trace.time.untimedMs ?? Infinity);
  }
  const cost = Number.isFinite(t.inner) ? `${us(t.inner)} us inside the call and ${us(t.outer)} us in its caller` : 'none measured';
  const normal = !r.exit.signal && r.exit.code !== 0 && r.okExit?.includes(r.exit.code ?? 0) ? ` (a normal end of this program: --ok-exit ${r.okExit.join(',')})` : '';
  const exit = (r.exit.signal ? `signal ${r.exit.signal}` : `code ${r.exit.code}`) + normal;
  return [
    `yaml-language-server: $schema=${r.schema}`,
    `Recorded by clonecloud record, ${r.started.toISOString()} to ${r.ended.toISOString()}${r.label ? `, run '${r.label}'` : ''}.`,
    `Command: ${r.command.join(' ')}`,
    `Runs: ${r.runs}, each a fresh process; every figure is a total over the runs. Processes traced: ${r.traces.length}; exit: ${exit}.`,
    `Machine: ${machineLine()}.`,
    `Load average (1, 5, 15 min): ${r.loadAtStart.join(' ')} at the start, ${r.loadAtEnd.join(' ')} at the end.`,
    `selfMs: wall time of each timed call (performance.now() read at its enter and exit) minus the wall time of the`,
    `traced calls it made, not counting time suspended at await/yield. Every call is timed but most calls of hot tiny`,
    `methods and all calls of count-only leaves (both below). Taken off: the recorder's own cost per call (${cost}: the smallest seen on empty`,
    `calls in calibrations on this machine, each in a fresh process) and the time it spent measuring bytes.`,
    `Traced processes ran with V8's inlining budget at ${INLINE_BUDGET} bytecodes per optimized function (${inliningFlag()};`,
    `V8's default 920) unless the command set one: with the recorder's code in every traced function, fuller inlining ran slower.`,
    ...untimedLines(r.traces, t.untimed),
    ...countOnlyLines(r.traces),
    `Conservation: the traced top-level calls took ${ms(t.tracedMs)} ms of wall time = ${ms(r.selfMs)} ms of selfMs + ${ms(t.recorderMs)} ms of`,
    `recorder cost + ${ms(t.bytesMs)} ms measuring bytes${t.clampedMs > 0 ? ` - ${ms(t.clampedMs)} ms of negative self times set to 0` : ''}.`,
    ...notTraced(r.traces),
    `bytesIn = v8.serialize([...arguments, this]).length (this when it holds data), bytesOut = v8.serialize(result).length`,
    `(awaited for promises; the new object for constructors). Bytes are SAMPLED, sizes scaled to all calls (calls are`,
    `exact): measured on the first ${BYTES_EXACT} calls of a context, then on 1 call in ${BYTES_EVERY}, the stride doubling after every`,
    `${BYTES_SAMPLES_PER_STRIDE} samples; once a value of the context measured over ${BYTES_BIG / 1024} KB, on its first ${BYTES_EXACT_BIG} calls, then the stride`,
    `doubling after every sample; after the first calls, the gap after a sample is at least ${BYTES_GAP} calls per byte of the`,
    `sample before (up to the calls so far). Values that cannot be serialized count 0 bytes and are listed in unserializable.`,
    `Each process's contexts start at the roots (a child process is not nested under its parent's caller).`,
    ...(r.device ? deviceLines(r.device) : []),
  ];
}

/**
 * The contexts counted without timing most calls (sampling.ts), by method: what was done, and
 * to which methods, so that no one reads their selfMs as measured on every call.
 */
function untimedLines(traces: Trace[], costMs: number): string[] {
  const byMethod = new Map<string, { calls: number; timed: number }>();
  for (const trace of traces) {
    const counted = new Set(trace.countOnly);
    for (const c of trace.contexts) {
      if (c.timed === undefined || counted.has(trace.methods[c.method]!)) continue;
      const method = trace.methods[c.method]!;
      const m = byMethod.get(method) ?? { calls: 0, timed: 0 };
      m.calls += c.calls;
      m.timed += c.timed;
      byMethod.set(method, m);
    }
  }
  const cost = Number.isFinite(costMs) ? `${us(costMs)} us, calibrated as above` : 'not calibrated: 0';
  const n = byMethod.size;
  const [timed, calls] = [...byMethod.values()].reduce(([t, c], m) => [t + m.timed, c + m.calls], [0, 0]);
  const lines = [
    `Hot tiny methods, COUNTED, NOT TIMED: a context whose first ${TIME_CHECK} calls (or the calls up to a later doubling)`,
    `took under ${TIME_TINY_MS * 1000} us of self time each on average, with at most 1 in ${TIME_SLOW_SHARE} over ${TIME_NOT_TINY_MS * 1000} us, is then timed only`,
    `${TIME_WINDOW} calls in a row (after ${TIME_WARM} more) each time its calls double, and on every call again once such a window has more`,
    `slow calls. A context a recursion folds onto is timed whenever the context it was first called from calls it (the`,
    `recursion's entries); its calls from inside the recursion are counted like any other hot tiny context's.`,
    `Its calls are exact; the self time of its untimed calls is its caller's (of the nearest timed call below), as if`,
    `inlined (less the recorder's cost of an untimed call, ${cost}; in an app an untimed call`,
    `often costs more than that, the rest in the caller's self time too: measured, some 25 ns more a call of a 4 ns function,`,
    `on a loaded machine). Here: ${n === 0 ? 'none' : `${n} method${n === 1 ? '' : 's'}, ${timed} of their ${calls} calls timed`}.`,
  ];
  const sorted = [...byMethod].sort((a, b) => b[1].calls - a[1].calls || cmp(a[0], b[0]));
  return [...lines, ...indentedList(sorted.map(([method, m]) => `${method} (${m.timed} of ${m.calls})`))];
}

/** Count-only leaves: what was done, the rule, and which methods (with their calls), so no one reads their 0 as measured. */
function countOnlyLines(traces: Trace[]): string[] {
  const calls = new Map<string, number>();
  for (const trace of traces) {
    const counted = new Set(trace.countOnly);
    for (const id of counted) calls.set(id, calls.get(id) ?? 0);
    for (const c of trace.contexts) {
      const method = trace.methods[c.method]!;
      if (counted.has(method)) calls.set(method, calls.get(method)! + c.calls);
    }
  }
  const namesakes = [...new Set(traces.flatMap((t) => t.builtinNamesakes ?? []))].sort();
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `COUNT-ONLY LEAVES, COUNTED, NEVER TIMED: sync functions of at most ${COUNT_ONLY_MAX_NODES} syntax nodes without loops, nested functions,`,
    `new, spread or destructuring, whose only calls are constant-time built-ins (Math.*, Number.isInteger, s.charCodeAt(k)),`,
    `and whose named property reads are .length or fields of its own class (this.at, no accessor at), decided when the`,
    `module loads. Each call adds 1 to its context and nothing else: calls exact, selfMs 0 and bytes 0; its time, and the`,
    `recorder's few ns of counting it, are its caller's self time, as if inlined. Assumed: its element reads (a[k]) and`,
    `operators run no app code (a getter, valueOf; one that did is counted under the leaf's caller).`,
    `Here: ${calls.size === 0 ? 'none' : `${calls.size} method${calls.size === 1 ? '' : 's'}, ${total} calls`}.`,
  ];
  const sorted = [...calls].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  const warn = namesakes.length
    ? [`App methods named like a built-in a count-only leaf calls (a call of one from a leaf is counted under the leaf's caller):`, ...indentedList(namesakes)]
    : [];
  return [...lines, ...indentedList(sorted.map(([method, n]) => `${method} (${n})`)), ...warn];
}

/** Code outside the app, and the trivial leaves the instrumenter skipped (named: they are app methods). */
function notTraced(traces: Trace[]): string[] {
  const skipped = [...new Set(traces.flatMap((t) => t.untraced ?? []))].sort();
  const lines = [
    `Not traced: code outside the app (node_modules, the recorder), and one-expression functions without calls, property`,
    `reads or loops, whose time is their caller's as if inlined (tracing them cost more than they do): ${skipped.length ? `${skipped.length} here` : 'none here'}.`,
  ];
  return [...lines, ...indentedList(skipped)];
}

/** Items separated by spaces, in indented lines of at most about 110 characters. */
function indentedList(items: string[]): string[] {
  const out: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length > 110) {
      out.push(`  ${line.trimEnd()}`);
      line = '';
    }
    line += `${item} `;
  }
  if (line) out.push(`  ${line.trimEnd()}`);
  return out;
}

function deviceLines(d: NonNullable<Recording['device']>): string[] {
  const factor = 1 / d.relativeSpeed;
  return [
    `DEVICE MODEL, NOT A DEVICE: recorded on the machine above, then every selfMs was multiplied by ${round(factor)}`,
    `(= 1/relativeSpeed ${d.relativeSpeed} of ${d.file}, device '${d.name}'); the conservation line above is before`,
    `that scaling. calls and bytes are as measured.`,
  ];
}

const round = (x: number) => Math.round(x * 10000) / 10000;
