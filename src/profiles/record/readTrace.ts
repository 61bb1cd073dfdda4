/** Reads the partial trace a traced process wrote (trace.ts), in the parent `record` only. */
import { InputError } from '../../errors.js';
import { parseJson } from '../json.js';
import { TRACE_FORMAT_VERSION, type Trace, type TraceContext, type TraceTime } from './trace.js';
import type { Unserializable } from './runtime.js';

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
    ...(Array.isArray(top.countOnly) ? { countOnly: top.countOnly.map(String) } : {}),
    ...(Array.isArray(top.builtinNamesakes) ? { builtinNamesakes: top.builtinNamesakes.map(String) } : {}),
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
