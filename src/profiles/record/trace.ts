/**
 * The partial trace one traced process writes at exit (plain JSON); readTrace.ts reads it. The
 * parent `record` merges every partial trace of a run into one profile (see toProfile.ts). This
 * module is loaded into every traced process: it imports nothing heavy (the reader's JSON
 * input loads the YAML library, some 50 ms of every traced process's start-up).
 */
import { descendants } from '../../util/tree.js';
import type { Ctx, Recorder, TimeBudget, Unserializable } from './runtime.js';

export const TRACE_FORMAT_VERSION = 1;

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
  /** Count-only leaves (countOnly.ts): their contexts are counted, never timed (`timed: 0`), no bytes. */
  countOnly?: string[];
  /**
   * App methods named like a built-in method a count-only leaf calls (`charCodeAt`): if a leaf
   * called one of them, that call was counted under the leaf's caller. Absent when none.
   */
  builtinNamesakes?: string[];
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
  const countOnly = new Set(rec.methods.flatMap((id, k) => (rec.countOnly.has(id) ? [k] : [])));
  for (const { node: kid } of descendants(rec.root, ownKids)) {
    const id = contexts.length;
    ids.set(kid, id);
    const selfMs = kid.selfMs;
    if (selfMs < 0) clampedMs -= selfMs;
    const untimed = Math.max(0, kid.calls - kid.timed);
    if (!countOnly.has(kid.method)) untimedCalls += untimed; // a count-only call's cost is not taken off (its caller's)
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
    ...(rec.countOnly.size ? { countOnly: [...rec.countOnly].sort() } : {}),
    ...namesakes(rec),
    time: timeOf(rec, clampedMs, untimedCalls),
  };
}

/** App methods (traced, counted or not) whose own name is that of a built-in method a count-only leaf calls. */
function namesakes(rec: Recorder): { builtinNamesakes?: string[] } {
  if (rec.builtinCalls.size === 0) return {};
  const all = new Set([...rec.methods, ...rec.untraced]);
  const found = [...all].filter((id) => rec.builtinCalls.has(id.split(/[#.]/).pop()!)).sort();
  return found.length ? { builtinNamesakes: found } : {};
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
