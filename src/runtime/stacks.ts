/**
 * The stack trace of an error a migrated call throws, as the device would have made it. On the
 * clone, an error made during the call lists the app's frames (under the clone's paths), then the
 * run-time's that called the method; all on the device, it lists the same app frames (under the
 * device's paths), then the callers of the migration point. An app that prints the error (a
 * `console.error(e)`, a logger) would print the clone's frames. So the clone keeps the app's frames
 * with its app folder marked, and the device puts its own folder back and appends its callers,
 * cut at its `Error.stackTraceLimit`. Errors that went up from the device keep their stacks.
 */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { O, isArray } from './intrinsics.js';

/** Starts a stack the clone rewrote (never printed: the device rewrites it again before the app sees it). */
const MARK = '\u0000clonecloud-stack\u0000';
const APP_URL = '\u0000app-url\u0000';
const APP_PATH = '\u0000app-path\u0000';
const RUNTIME_URL = new URL('.', import.meta.url).href;
const RUNTIME_PATH = fileURLToPath(RUNTIME_URL);

/** On the clone: each error `thrown` holds (itself, its causes) that this call made (not one that `cameIn` with it), cut to the app's frames. */
export function markCloneStacks(thrown: unknown, appDir: string, cameIn: (e: Error) => boolean): void {
  const { url, path } = prefixesOf(appDir);
  for (const e of errorsOf(thrown)) {
    const stack = stackOf(e);
    if (stack === undefined || stack.startsWith(MARK) || cameIn(e)) continue;
    const { head, frames } = split(stack);
    // The run-time's frames below the method's, unless the app's alone filled the trace.
    const end = frames.findIndex(isRuntimeFrame);
    const kept = (end < 0 ? frames : frames.slice(0, end)).map((f) => f.split(url).join(APP_URL).split(path).join(APP_PATH));
    setStack(e, MARK + [...head, ...kept].join('\n'));
  }
}

/** On the device, still inside the migration point's call: the clone's stacks with this app folder and the point's callers. */
export function rebuildDeviceStacks(thrown: unknown, appDir: string): void {
  let callers: string[] | undefined;
  const { url, path } = prefixesOf(appDir);
  for (const e of errorsOf(thrown)) {
    const stack = stackOf(e);
    if (stack === undefined || !stack.startsWith(MARK)) continue;
    callers ??= callerFrames();
    const { head, frames } = split(stack.slice(MARK.length));
    const mapped = frames.map((f) => f.split(APP_URL).join(url).split(APP_PATH).join(path));
    const limit = Error.stackTraceLimit;
    const all = [...mapped, ...callers];
    setStack(e, [...head, ...(typeof limit === 'number' && limit >= 0 ? all.slice(0, limit) : all)].join('\n'));
  }
}

/** Whether printed text holds a frame of the run-time's (a stack the call printed on the clone: its frames below the point's would be the device's). */
export function printsRuntimeFrames(text: string): boolean {
  return text.includes(RUNTIME_URL) || text.includes(RUNTIME_PATH);
}

/** The frames below the migration point's own: the run-time's frames on top, then the point's, then its callers. */
function callerFrames(): string[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  try {
    const { frames } = split(new Error().stack ?? '');
    const point = frames.findIndex((f) => !isRuntimeFrame(f));
    return point < 0 ? [] : frames.slice(point + 1);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The thrown value, its causes and an AggregateError's errors, each error once. */
function errorsOf(thrown: unknown): Error[] {
  const out: Error[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (!(v instanceof Error) || seen.has(v)) return;
    seen.add(v);
    out.push(v);
    visit(ownValue(v, 'cause'));
    const errors = ownValue(v, 'errors');
    if (v instanceof AggregateError && isArray(errors)) errors.forEach(visit);
  };
  visit(thrown);
  return out;
}

function ownValue(o: object, key: string): unknown {
  return O.getOwnPropertyDescriptor(o, key)?.value;
}

function stackOf(e: Error): string | undefined {
  const d = O.getOwnPropertyDescriptor(e, 'stack');
  return d && d.writable && typeof d.value === 'string' ? d.value : undefined;
}

function setStack(e: Error, stack: string): void {
  O.defineProperty(e, 'stack', { ...Object.getOwnPropertyDescriptor(e, 'stack'), value: stack });
}

function split(stack: string): { head: string[]; frames: string[] } {
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  return first < 0 ? { head: lines, frames: [] } : { head: lines.slice(0, first), frames: lines.slice(first) };
}

function isRuntimeFrame(frame: string): boolean {
  return frame.includes(RUNTIME_URL) || frame.includes(RUNTIME_PATH);
}

/** How the app folder starts a frame's location: as a file URL (ES modules) and as a path (CommonJS). */
function prefixesOf(appDir: string): { url: string; path: string } {
  const withSlash = (s: string, slash: string): string => (s.endsWith(slash) ? s : s + slash);
  return { url: withSlash(pathToFileURL(appDir).href, '/'), path: withSlash(appDir, sep) };
}
