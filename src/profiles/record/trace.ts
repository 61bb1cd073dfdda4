/**
 * The partial trace one traced process writes at exit (plain JSON), and its reader. The parent
 * `record` merges every partial trace of a run into one profile (see toProfile.ts).
 */
import { InputError } from '../../errors.js';
import { descendants } from '../../util/tree.js';
import { parseJson } from '../json.js';
import type { Ctx, Recorder, TimeBudget, Unserializable } from './runtime.js';

const TRACE_FORMAT_VERSION = 1;

export interface TraceContext {
  id: number;
  parent?: number;
  /** Index into `methods`. */
  method: number;
  calls: number;
  /** Calls that were timed, when fewer than `calls` (the context's time was sampled, see sampling.ts). */
  timed?: number;
  selfMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface ProcessExit {
  code?: number;
  signal?: string;
}

export interface Trace {
  'clonecloud-trace': number;
  pid: number;
  ppid: number;
  argv: string[];
  exit: ProcessExit;
  methods: string[];
  /** Parents before children. */
  contexts: TraceContext[];
  unserializable: Unserializable[];
  /** Functions of the app's loaded modules that were not traced (their time is their caller's). */
  untraced?: string[];
  /** Where the traced wall time went (absent in traces of older recorders). */
  time?: TraceTime;
}

export interface TraceTime extends TimeBudget {
  /** Sum of the negative self times set to 0 (frames shorter than the calibrated recorder cost). */
  clampedMs: number;
  /** The calibrated recorder cost per sync call, ms. */
  innerMs: number;
  outerMs: number;
  /** The calibrated cost of an untimed (counted only) call, ms; absent from older traces. */
  untimedMs?: number;
}

/**
 * Plain data of the recorder's tree. Self times are as the recorder summed them; a context
 * whose sum dipped below 0 (its calls were shorter than the calibrated recorder cost) is set
 * to 0, and that amount is reported. Bytes are scaled from the measured calls' weights to all calls.
 */
export function snapshot(rec: Recorder, process: { pid: number; ppid: number; argv: string[] }, exit: ProcessExit): Trace {
  const contexts: TraceContext[] = [];
  const ids = new Map<Ctx, number>();
  let clampedMs = 0;
  let untimedCalls = 0;
  // Depth first in the order contexts were first entered. A recursive call folded onto an
  // ancestor is among its caller's kids but has another parent: it is listed under that one only.
  const ownKids = function* (ctx: Ctx): Generator<Ctx> {
    for (const kid of ctx.kids.values()) if (kid.parent === (ctx === rec.root ? undefined : ctx)) yield kid;
  };
  for (const { node: kid } of descendants(rec.root, ownKids)) {
    const id = contexts.length;
    ids.set(kid, id);
    const selfMs = kid.selfMs;
    if (selfMs < 0) clampedMs -= selfMs;
    const untimed = Math.max(0, kid.calls - kid.timed);
    untimedCalls += untimed;
    contexts.push({
      id,
      ...(kid.parent ? { parent: ids.get(kid.parent)! } : {}),
      method: kid.method,
      calls: kid.calls,
      ...(untimed > 0 ? { timed: kid.calls - untimed } : {}),
      selfMs: Math.max(0, selfMs),
      bytesIn: kid.bytes.weight ? Math.round((kid.bytesIn * kid.calls) / kid.bytes.weight) : 0,
      bytesOut: kid.bytes.weight ? Math.round((kid.bytesOut * kid.calls) / kid.bytes.weight) : 0,
    });
  }
  return {
    'clonecloud-trace': TRACE_FORMAT_VERSION,
    ...process,
    exit,
    methods: rec.methods,
    contexts,
    unserializable: [...rec.unserializable.values()],
    untraced: [...rec.untraced].sort(),
    time: timeOf(rec, clampedMs, untimedCalls),
  };
}

/** The budget, with the calibrated cost of the untimed calls (charged to their callers as they ran). */
function timeOf(rec: Recorder, clampedMs: number, untimedCalls: number): TraceTime {
  const budget = rec.budget;
  const untimedMs = rec.cost.untimed ?? 0;
  return {
    ...budget,
    recorderMs: budget.recorderMs + untimedCalls * untimedMs,
    clampedMs,
    innerMs: rec.cost.inner,
    outerMs: rec.cost.outer,
    ...(rec.cost.untimed === undefined ? {} : { untimedMs }),
  };
}

/** Reads a partial trace; any problem is one InputError naming the file, the position and the field. */
export function parseTrace(text: string, file: string): Trace {
  const data = parseJson(text, file);
  const fail = (field: string, what: string): never => {
    throw new InputError(what, file, field);
  };
  const obj = (v: unknown, field: string): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(field, 'expected an object');
  const num = (v: unknown, field: string): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(field, `expected a number >= 0, got ${JSON.stringify(v)}`));
  const top = obj(data, '');
  if (top['clonecloud-trace'] !== TRACE_FORMAT_VERSION) fail('clonecloud-trace', `not a clonecloud trace of format ${TRACE_FORMAT_VERSION}`);
  const methods = Array.isArray(top.methods) ? top.methods : fail('methods', 'expected a list');
  methods.forEach((m, k) => typeof m === 'string' || fail(`methods[${k}]`, 'expected a string'));
  const list = Array.isArray(top.contexts) ? top.contexts : fail('contexts', 'expected a list');
  const seen = new Set<number>();
  const contexts = list.map((raw, k): TraceContext => {
    const at = `contexts[${k}]`;
    const c = obj(raw, at);
    const id = num(c.id, `${at}.id`);
    if (c.parent !== undefined && !seen.has(num(c.parent, `${at}.parent`))) fail(`${at}.parent`, `parent ${String(c.parent)} is not an earlier context`);
    const method = num(c.method, `${at}.method`);
    const calls = num(c.calls, `${at}.calls`);
    const timed = c.timed === undefined ? undefined : num(c.timed, `${at}.timed`);
    if (timed !== undefined && timed > calls) fail(`${at}.timed`, `${timed} timed calls of ${calls}`);
    if (method >= methods.length) fail(`${at}.method`, `method index ${method} out of range`);
    seen.add(id);
    return {
      id,
      ...(c.parent === undefined ? {} : { parent: c.parent as number }),
      method,
      calls,
      ...(timed === undefined ? {} : { timed }),
      selfMs: num(c.selfMs, `${at}.selfMs`),
      bytesIn: num(c.bytesIn, `${at}.bytesIn`),
      bytesOut: num(c.bytesOut, `${at}.bytesOut`),
    };
  });
  const exit = obj(top.exit ?? {}, 'exit');
  return {
    'clonecloud-trace': TRACE_FORMAT_VERSION,
    pid: typeof top.pid === 'number' ? top.pid : 0,
    ppid: typeof top.ppid === 'number' ? top.ppid : 0,
    argv: Array.isArray(top.argv) ? top.argv.map(String) : [],
    exit: {
      ...(typeof exit.code === 'number' ? { code: exit.code } : {}),
      ...(typeof exit.signal === 'string' ? { signal: exit.signal } : {}),
    },
    methods: methods as string[],
    contexts,
    unserializable: Array.isArray(top.unserializable) ? (top.unserializable as Unserializable[]) : [],
    ...(Array.isArray(top.untraced) ? { untraced: top.untraced.map(String) } : {}),
    ...(top.time === undefined ? {} : { time: readTime(obj(top.time, 'time'), num) }),
  };
}

function readTime(t: Record<string, unknown>, num: (v: unknown, field: string) => number): TraceTime {
  return {
    tracedMs: num(t.tracedMs, 'time.tracedMs'),
    recorderMs: num(t.recorderMs, 'time.recorderMs'),
    bytesMs: num(t.bytesMs, 'time.bytesMs'),
    clampedMs: num(t.clampedMs, 'time.clampedMs'),
    innerMs: num(t.innerMs, 'time.innerMs'),
    outerMs: num(t.outerMs, 'time.outerMs'),
    ...(t.untimedMs === undefined ? {} : { untimedMs: num(t.untimedMs, 'time.untimedMs') }),
  };
}
