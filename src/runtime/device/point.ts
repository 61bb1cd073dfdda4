/**
 * A migration point on the device: the wrapper at the start of its body calls here. A call that
 * migrates is captured (bindings, `this`, arguments, captured variables), sent, and its answer
 * applied in place; anything short of a complete, valid answer means LOCAL, and the body runs on
 * the device with nothing applied: never a wrong answer.
 */
import { HEADERS, OUTCOME, PATHS, PROTOCOL_VERSION, refusalOf } from '../protocol.js';
import type { BindingAccessor, PointHandle } from '../global.js';
import { decodeReply, encodeRequest, Uncrossable, WireError } from '../wire/index.js';
import type { DeviceRuntime } from './runtime.js';
import { emptyStats, type PointStats } from './stats.js';
import type { Answer, Exchange } from './transport.js';
import { exchangeSync } from './sync.js';
import { rebuildDeviceStacks } from '../stacks.js';
import { O, isArray } from '../intrinsics.js';

type Captured = (() => unknown[]) | undefined;
type SetCaptured = ((values: unknown[]) => void) | undefined;

interface Prepared {
  exchange: Exchange;
  objects: object[];
  bindings: BindingAccessor[];
  before: unknown[];
  started: number;
}

export class DevicePoint implements PointHandle {
  on: boolean;
  readonly stats: PointStats = emptyStats();

  constructor(
    readonly id: string,
    private readonly rt: DeviceRuntime,
    enabled: boolean,
  ) {
    this.on = enabled;
  }

  unsupported(why: string): void {
    if (this.on) this.rt.warnOnce(`unsupported:${this.id}`, `${this.id} runs on the device: ${why}`);
    this.on = false;
  }

  call(self: unknown, args: ArrayLike<unknown>, captured?: Captured, setCaptured?: SetCaptured, part?: string): unknown {
    const rt = this.rt;
    // App code the run-time itself runs while it sends or applies a call (a built-in the app
    // replaced, a setter, a console the app wrapped) runs here: sending it would re-enter the run-time.
    if (rt.busy) return this.fallback('reached from inside the run-time');
    rt.busy = true;
    try {
      const prepared = this.prepare(self, args, captured, part);
      if (prepared === undefined) return rt.L;
      return this.finish(prepared, exchangeSync(prepared.exchange), setCaptured);
    } finally {
      rt.busy = false;
    }
  }

  construct(self: object, args: ArrayLike<unknown>, captured?: Captured, setCaptured?: SetCaptured): boolean {
    return this.call(self, args, captured, setCaptured, 'new') !== this.rt.L;
  }

  private prepare(self: unknown, args: ArrayLike<unknown>, captured: Captured, part: string | undefined): Prepared | undefined {
    this.stats.calls++;
    const rt = this.rt;
    const refused = rt.refusal();
    if (refused) return this.local(refused);
    let bindings: BindingAccessor[];
    let before: unknown[];
    try {
      bindings = rt.bindingsOf(this.id);
      before = bindings.map(([get]) => get());
    } catch (error) {
      return this.local(`its state cannot be read: ${(error as Error).message}`);
    }
    let encoded: { bytes: Uint8Array; objects: object[] };
    try {
      encoded = encodeRequest([...before, self, Array.from(args), ...(captured ? captured() : [])], rt.registry);
    } catch (error) {
      if (error instanceof Uncrossable) return this.local(`a value cannot cross to the clone: ${error.message}`);
      throw error;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      [HEADERS.version]: PROTOCOL_VERSION,
      [HEADERS.point]: encodeURIComponent(this.id),
      [HEADERS.build]: rt.buildTag(),
      [HEADERS.deadline]: String(Math.round(rt.deadlineMs(this.id))),
      [HEADERS.colors]: rt.colors(),
      ...rt.placeHeaders(),
      [HEADERS.clocks]: `${performance.now()},${process.hrtime.bigint()}`,
      [HEADERS.cwd]: encodeURIComponent(process.cwd()),
      ...(part ? { [HEADERS.part]: part } : {}),
      ...rt.authHeaders(),
    };
    return {
      exchange: { url: rt.url(PATHS.call), method: 'POST', headers, body: encoded.bytes, deadlineMs: rt.deadlineMs(this.id), ...(rt.ca ? { ca: rt.ca } : {}) },
      objects: encoded.objects,
      bindings,
      before,
      started: performance.now(),
    };
  }

  private finish(p: Prepared, answer: Answer, setCaptured: SetCaptured): unknown {
    const rt = this.rt;
    if ('error' in answer) {
      if (answer.connect) rt.cloneDown();
      return this.fallback(`no answer from the clone (${answer.error})`);
    }
    this.stats.roundTrips++;
    this.stats.upBytes += p.exchange.body!.byteLength;
    if (answer.status === 200) rt.cloneUp();
    else {
      if (answer.status >= 500 && answer.status !== 503 && answer.status !== 504) rt.cloneDown();
      return this.fallback(refusalOf(answer.status) + detail(answer.body));
    }
    let reply: { values: unknown[]; apply(): void };
    try {
      reply = decodeReply(answer.body, p.objects, rt.registry);
    } catch (error) {
      if (error instanceof WireError) return this.fallback(`the clone's answer does not decode: ${error.message}`);
      throw error;
    }
    const [outcome, value, bindingsAfter, capturedAfter, printed] = reply.values as [number, unknown, unknown[], unknown[], [1 | 2, string][]];
    if (!validShape(outcome, bindingsAfter, capturedAfter, printed, p.bindings.length)) return this.fallback("the clone's answer is not a call's answer");
    reply.apply();
    p.bindings.forEach(([, set], i) => {
      if (set && !O.is(bindingsAfter[i], p.before[i])) set(bindingsAfter[i]);
    });
    if (setCaptured && capturedAfter.length) setCaptured(capturedAfter);
    for (const [fd, text] of printed) replay(fd, text);
    this.stats.migrated++;
    this.stats.downBytes += answer.body.byteLength;
    this.stats.awayMs += performance.now() - p.started;
    this.stats.serverMs += Number(answer.headers[HEADERS.serverMs] ?? 0) || 0;
    if (outcome === OUTCOME.threw) {
      rebuildDeviceStacks(value, rt.config.appDir);
      throw value;
    }
    return value;
  }

  /** The call runs on the device after all: LOCAL for the wrapper, nothing applied. */
  private fallback(reason: string): symbol {
    this.local(reason);
    return this.rt.L;
  }

  private local(reason: string): undefined {
    const kind = reason.replace(/:.*$/, '').replace(/ \(.*$/, '');
    this.stats.fallbacks[kind] = (this.stats.fallbacks[kind] ?? 0) + 1;
    this.rt.warnOnce(`fallback:${this.id}`, `${this.id} ran on the device: ${reason} (the report counts every call that did)`);
    return undefined;
  }
}

function validShape(outcome: unknown, bindings: unknown, captured: unknown, printed: unknown, nBindings: number): boolean {
  return (
    (outcome === OUTCOME.returned || outcome === OUTCOME.threw) &&
    isArray(bindings) &&
    bindings.length === nBindings &&
    isArray(captured) &&
    isArray(printed) &&
    printed.every((e) => isArray(e) && (e[0] === 1 || e[0] === 2) && typeof e[1] === 'string')
  );
}

/**
 * A line the clone's console printed, printed by the device's console: one call with one string
 * prints it verbatim (no format directives are read), indented by any group the device has open,
 * and through whatever the app made of `console.log`, as all on the device.
 */
function replay(fd: 1 | 2, text: string): void {
  if (!text.endsWith('\n')) return void (fd === 2 ? process.stderr : process.stdout).write(text);
  const line = text.slice(0, -1);
  if (fd === 2) console.error(line);
  else console.log(line);
}

/** The clone's one-line explanation, when it sent one. */
function detail(body: Uint8Array): string {
  const text = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 300)).toString('utf8').trim();
  return text && !text.includes('\n') ? `: ${text}` : '';
}
