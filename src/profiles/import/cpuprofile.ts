/** Reading a V8 / Chrome DevTools CPU profile (`node --cpu-prof`, DevTools export), validated. */
import { InputError } from '../../errors.js';
import { parseJson } from '../json.js';

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, of the function's start. */
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  children: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas: number[];
}

/** Parses `text`; any problem is one InputError naming the file, the position or field. */
export function parseCpuProfile(text: string, file: string): CpuProfile {
  const data = parseJson(text, file, 'not a CPU profile: ');
  const fail = (field: string, what: string): never => {
    throw new InputError(what, file, field);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const list = (v: unknown, field: string): unknown[] => (Array.isArray(v) ? v : fail(field, 'expected a list'));
  const int = (v: unknown, field: string, min = 0): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fail(field, `expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  if (!isObj(data)) return fail('', 'not a CPU profile: expected an object with nodes, samples and timeDeltas');
  const ids = new Set<number>();
  const nodes = list(data.nodes, 'nodes').map((raw, k): CpuProfileNode => {
    const at = `nodes[${k}]`;
    if (!isObj(raw)) return fail(at, 'expected an object');
    const id = int(raw.id, `${at}.id`);
    if (ids.has(id)) fail(`${at}.id`, `duplicate node id ${id}`);
    ids.add(id);
    const cf = isObj(raw.callFrame) ? raw.callFrame : fail(`${at}.callFrame`, 'expected an object');
    if (typeof cf.url !== 'string') fail(`${at}.callFrame.url`, 'expected a string');
    if (typeof cf.functionName !== 'string') fail(`${at}.callFrame.functionName`, 'expected a string');
    return {
      id,
      callFrame: {
        functionName: cf.functionName as string,
        url: cf.url as string,
        lineNumber: int(cf.lineNumber, `${at}.callFrame.lineNumber`, -1),
        columnNumber: int(cf.columnNumber, `${at}.callFrame.columnNumber`, -1),
      },
      children: raw.children === undefined ? [] : list(raw.children, `${at}.children`).map((c, j) => int(c, `${at}.children[${j}]`)),
    };
  });
  if (nodes.length === 0) fail('nodes', 'a CPU profile needs at least its root node');
  // A tree: every child exists and has one parent, and every node hangs from a root (a node
  // that is no one's child); a node that is its own ancestor hangs from none.
  const parentOf = new Map<number, number>();
  nodes.forEach((n, k) =>
    n.children.forEach((c, j) => {
      const at = `nodes[${k}].children[${j}]`;
      if (!ids.has(c)) fail(at, `no node with id ${c}`);
      if (c === n.id) fail(at, `node ${c} is its own child`);
      if (parentOf.has(c)) fail(at, `node ${c} is a child of both node ${parentOf.get(c)} and node ${n.id}`);
      parentOf.set(c, n.id);
    }),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const reached = new Set<number>();
  const stack = nodes.filter((n) => !parentOf.has(n.id)).map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    reached.add(id);
    stack.push(...byId.get(id)!.children);
  }
  const looped = nodes.findIndex((n) => !reached.has(n.id));
  if (looped >= 0) fail(`nodes[${looped}].children`, `node ${nodes[looped]!.id} is its own ancestor (the children form a cycle)`);
  const samples = list(data.samples, 'samples').map((s, k) => {
    const id = int(s, `samples[${k}]`);
    return ids.has(id) ? id : fail(`samples[${k}]`, `no node with id ${id}`);
  });
  const timeDeltas = list(data.timeDeltas, 'timeDeltas').map((d, k) =>
    typeof d === 'number' && Number.isFinite(d) ? Math.max(0, d) : fail(`timeDeltas[${k}]`, `expected a number, got ${JSON.stringify(d)}`),
  );
  if (timeDeltas.length !== samples.length) fail('timeDeltas', `expected one delta per sample (${samples.length}), got ${timeDeltas.length}: truncated?`);
  const time = (v: unknown, field: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(field, `expected a number (microseconds), got ${JSON.stringify(v)}`));
  const startTime = time(data.startTime, 'startTime');
  const endTime = time(data.endTime, 'endTime');
  // Sample times are startTime plus the deltas so far: they must stay numbers (not Infinity).
  let t = startTime;
  timeDeltas.forEach((d, k) => Number.isFinite((t += d)) || fail(`timeDeltas[${k}]`, 'the sample times add up beyond any number'));
  return { nodes, startTime, endTime, samples, timeDeltas };
}
