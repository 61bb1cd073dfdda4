/**
 * Work a synchronous call leaves to run after it returns: a timer, an immediate, a microtask, a
 * promise's continuation, an async function it did not await. On the device that work runs later
 * against the device's objects; on the clone it would run after the answer left, its effects and
 * output lost. So the clone watches what asynchronous resources a synchronous call creates (a
 * synchronous function cannot consume a promise it made, so any one is work left behind), refuses
 * such a call so that the device runs it, and cancels the timers it left here.
 */
import { createHook } from 'node:async_hooks';

let first: string | undefined;
const timers: { type: string; resource: unknown }[] = [];

const hook = createHook({
  init(_id, type, _trigger, resource) {
    first ??= type;
    if (type === 'Timeout' || type === 'Immediate') timers.push({ type, resource });
  },
});

/** Starts watching; `stop()` says what kind of work the call left, if any, and cancels its timers. */
export function watchPending(): { stop(): string | undefined } {
  first = undefined;
  timers.length = 0;
  hook.enable();
  return {
    stop() {
      hook.disable();
      for (const t of timers.splice(0)) {
        if (t.type === 'Timeout') clearTimeout(t.resource as NodeJS.Timeout);
        else clearImmediate(t.resource as NodeJS.Immediate);
      }
      return first;
    },
  };
}
