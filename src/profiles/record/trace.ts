/**
 * The partial trace one traced process writes at exit (plain JSON), and its reader. The parent
 * `record` merges every partial trace of a run into one profile (see merge.ts).
 */
import { InputError } from '../../errors.js';
import type { Ctx, Overhead, Recorder, Unserializable } from './runtime.js';

export const TRACE_FORMAT_VERSION = 1;

export interface TraceContext {
  id: number;
  parent?: number;
  /** Index into `methods`. */
  method: number;
  calls: number;
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
}

/**
 * Plain data of the recorder's tree. Untimed calls of a context left their time with the timed
 * frame below them; each context's self time is scaled to all its calls (weighted mean of the
 * timed ones) and the scaled-in part is taken back from its parent, so totals are conserved.
 * The recorder's own cost per call (`overhead`, calibrated at start-up) is taken off.
 * Bytes are scaled from the measured calls' weights to all calls.
 */
export function snapshot(rec: Recorder, process: { pid: number; ppid: number; argv: string[] }, exit: ProcessExit, overhead: Overhead = { timed: 0, untimed: 0 }): Trace {
  const contexts: TraceContext[] = [];
  const order: Ctx[] = [];
  const ids = new Map<Ctx, number>();
  const visit = (ctx: Ctx) => {
    for (const kid of ctx.kids.values()) {
      if (ids.has(kid) || kid.parent !== (ctx === rec.root ? undefined : ctx)) continue; // folded recursion
      ids.set(kid, order.length);
      order.push(kid);
      visit(kid);
    }
  };
  visit(rec.root);
  const self = order.map((c) => c.selfMs);
  order.forEach((c, k) => {
    if (c.time.weight === 0) return;
    const mean = Math.max(0, c.weightedSelfMs / c.time.weight - overhead.timed);
    self[k] = self[k]! - c.selfMs + mean * c.calls;
    // Untimed calls left their own time and the recorder's untimed cost with the caller.
    const untimed = c.calls - c.time.count;
    if (c.parent && untimed > 0) self[ids.get(c.parent)!] = self[ids.get(c.parent)!]! - untimed * (mean + overhead.untimed);
  });
  order.forEach((c, k) => {
    contexts.push({
      id: k,
      ...(c.parent ? { parent: ids.get(c.parent)! } : {}),
      method: c.method,
      calls: c.calls,
      selfMs: Math.max(0, self[k]!),
      bytesIn: c.bytes.weight ? Math.round((c.bytesIn * c.calls) / c.bytes.weight) : 0,
      bytesOut: c.bytes.weight ? Math.round((c.bytesOut * c.calls) / c.bytes.weight) : 0,
    });
  });
  return {
    'clonecloud-trace': TRACE_FORMAT_VERSION,
    ...process,
    exit,
    methods: rec.methods,
    contexts,
    unserializable: [...rec.unserializable.values()],
  };
}

/** Reads a partial trace; any problem is one InputError naming the file, the position and the field. */
export function parseTrace(text: string, file: string): Trace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    throw new InputError(`malformed or truncated JSON (${message.split('\n')[0]})`, at ? `${file}:${positionOf(text, Number(at))}` : file);
  }
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
    if (method >= methods.length) fail(`${at}.method`, `method index ${method} out of range`);
    seen.add(id);
    return {
      id,
      ...(c.parent === undefined ? {} : { parent: c.parent as number }),
      method,
      calls: num(c.calls, `${at}.calls`),
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
  };
}

/** "line:column" (1-based) of a character offset. */
export function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}
