/**
 * One migrated call on the clone: rebuild its state (the carried bindings, `this`, the arguments,
 * the captured variables), run the method through its entry, and encode the answer: the result or
 * the thrown value, the bindings' values after, and what changed in the objects that came in.
 * A call that cannot be reproduced faithfully here is refused (422) before anything runs, so the
 * device runs it itself; an exception the app's code throws is an answer like a result.
 */
import { OUTCOME } from '../protocol.js';
import type { BindingAccessor, EntrySpec } from '../global.js';
import { decodeRequest, encodeReply, snapshot, Uncrossable, UnknownKey, WireError } from '../wire/index.js';
import { markCloneStacks, printsRuntimeFrames } from '../stacks.js';
import { captureConsole } from './console.js';
import { watchDevice, type DeviceContext } from './device-context.js';
import { watchPending } from './pending.js';
import type { CloneRuntime } from './runtime.js';
import { O, R, isArray } from '../intrinsics.js';

export interface CallRequest extends DeviceContext {
  point: string;
  part?: string;
  colorDepth: number;
  body: Uint8Array;
}

export interface CallResult {
  status: number;
  body?: Uint8Array;
  /** One line for the device and the log when status is not 200. */
  message?: string;
}

const refuse = (status: number, message: string): CallResult => ({ status, message });

export async function invoke(rt: CloneRuntime, req: CallRequest): Promise<CallResult> {
  const entry = rt.registry.entries.get(req.point);
  const planned = rt.plan.points.get(req.point);
  if (!planned) return refuse(404, `not a migration point of this manifest: ${req.point}`);
  if (!entry) return refuse(404, `this clone cannot run ${req.point} (its module did not load, or its form cannot be called from here)`);

  const moduleState = planned.state.filter((s) => s.scope === 'module');
  const accessors: BindingAccessor[] = [];
  const into = new Map<number, object>();
  const constants = new Map<number, unknown>();
  for (const [i, s] of moduleState.entries()) {
    const accessor = rt.registry.binding(s.file, s.name);
    if (!accessor) return refuse(422, `binding ${s.file}#${s.name} is not in the clone's build`);
    accessors.push(accessor);
    if (accessor[1]) continue;
    // A const: its object is filled in place (the binding cannot be reassigned); a primitive must already agree.
    let current: unknown;
    try {
      current = accessor[0]();
    } catch (error) {
      return refuse(422, `binding ${s.file}#${s.name} cannot be read on the clone: ${(error as Error).message}`);
    }
    if (current !== null && (typeof current === 'object' || typeof current === 'function')) into.set(i, current as object);
    else constants.set(i, current);
  }

  let decoded: ReturnType<typeof decodeRequest> | undefined;
  const tried = new Set<string>();
  while (!decoded) {
    try {
      decoded = decodeRequest(req.body, rt.registry, { into });
    } catch (error) {
      let notLoaded = '';
      // A key of a module not loaded yet: load it and decode again (nothing changed meanwhile).
      const moduleKey = error instanceof UnknownKey ? error.moduleKey : undefined;
      if (moduleKey && !tried.has(moduleKey)) {
        tried.add(moduleKey);
        const loaded = await rt.loadModule(moduleKey);
        if (loaded === true) continue;
        notLoaded = ` (its module ${moduleKey} did not load: ${loaded})`;
      }
      if (error instanceof WireError) return refuse(400, `the call does not decode: ${error.message}${notLoaded}`);
      throw error;
    }
  }
  const { roots, objects } = decoded;
  const n = moduleState.length;
  if (roots.length < n + 2 || !isArray(roots[n + 1])) return refuse(400, 'the call does not have the shape this migration point expects');
  for (const [i, value] of constants) {
    if (!O.is(roots[i], value)) return refuse(422, `module constant ${moduleState[i]!.file}#${moduleState[i]!.name} differs on the clone`);
  }
  const snap = snapshot(objects, decoded.baseline);
  accessors.forEach(([, set], i) => set?.(roots[i]));
  const self = roots[n];
  const args = roots[n + 1] as unknown[];
  const captured = roots.slice(n + 2);

  let target: Function;
  let lifted: (() => unknown[]) | undefined;
  let construct: { cls: Function; newTarget: Function } | undefined;
  try {
    const resolved = resolveEntry(rt, entry, self, captured, req.part);
    if ('refused' in resolved) return refuse(422, resolved.refused);
    ({ target, lifted, construct } = resolved);
  } catch (error) {
    return refuse(422, `${req.point} cannot be reached on the clone: ${(error as Error).message}`);
  }

  const printing = captureConsole(req.colorDepth);
  const device = watchDevice(req);
  let outcome: number = OUTCOME.returned;
  let value: unknown;
  let alias: Map<object, number> | undefined;
  const pending = watchPending();
  let leftBehind: string | undefined;
  try {
    if (construct) {
      const built = R.construct(construct.cls, args, construct.newTarget) as object;
      alias = new Map([[built, objects.indexOf(self as object)]]);
    } else {
      value = R.apply(target, self, args);
    }
  } catch (thrown) {
    outcome = OUTCOME.threw;
    value = thrown;
  } finally {
    leftBehind = pending?.stop();
    device.stop();
    printing.restore();
  }
  if (outcome === OUTCOME.threw && rt.appDir) {
    const cameIn = new Set<unknown>(objects);
    markCloneStacks(value, rt.appDir, (e) => cameIn.has(e));
  }
  if (leftBehind) return refuse(422, `it leaves work to run after it returns (${leftBehind}), which would run here, not on the device`);

  if (printing.printed.some(([, text]) => printsRuntimeFrames(text))) return refuse(422, 'it prints a stack trace, whose frames below the migration point are the device\'s');
  const deviceState = printing.deviceState();
  if (deviceState) return refuse(422, `it uses ${deviceState}, whose output depends on the device's console (its groups, counters, timers or stack)`);
  const deviceRefusal = device.refusal();
  if (deviceRefusal) return refuse(422, deviceRefusal);

  let after: unknown[];
  try {
    after = accessors.map(([get]) => get());
  } catch (error) {
    return refuse(422, `a binding cannot be read after the call: ${(error as Error).message}`);
  }
  try {
    const body = encodeReply([outcome, value, after, lifted ? lifted() : [], printing.printed], { objects, snapshot: snap }, rt.registry, alias ? { alias } : undefined);
    return { status: 200, body };
  } catch (error) {
    if (error instanceof Uncrossable) return refuse(422, `the answer cannot cross back: ${error.message}`);
    throw error;
  }
}

type Resolved = { target: Function; lifted?: () => unknown[]; construct?: { cls: Function; newTarget: Function } } | { refused: string };

function resolveEntry(rt: CloneRuntime, entry: EntrySpec & { moduleKey: string }, self: unknown, captured: unknown[], part: string | undefined): Resolved {
  if ('fn' in entry) return { target: entry.fn() };
  if ('lift' in entry) {
    if (captured.length !== entry.captured.length) return { refused: `expected ${entry.captured.length} captured values, got ${captured.length}` };
    const [target, read] = entry.lift.call(self, captured, part);
    return { target, lifted: read };
  }
  const cls = rt.registry.classByKey(`${entry.moduleKey}#${entry.cls}`);
  if (typeof cls !== 'function') return { refused: `class ${entry.cls} is not loaded on the clone` };
  if (entry.kind === 'new') {
    if (self === null || typeof self !== 'object') return { refused: "a constructor's `this` did not come with the call" };
    const newTarget = O.getPrototypeOf(self)?.constructor;
    return { target: cls, construct: { cls, newTarget: typeof newTarget === 'function' ? newTarget : cls } };
  }
  const holder = entry.isStatic ? cls : (cls.prototype as object);
  const d = O.getOwnPropertyDescriptor(holder, entry.member);
  const fn = entry.kind === 'accessor' ? (part === 'set' ? d?.set : d?.get) : d?.value;
  if (typeof fn !== 'function') return { refused: `${entry.cls}.${entry.member} is not a function on the clone` };
  return { target: fn };
}

