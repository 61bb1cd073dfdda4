/**
 * What a migrated call prints belongs to the device: while it runs, the clone's `console` writes
 * into a list ([1 | 2, text] for stdout and stderr, in order) that the reply carries back, where
 * the device writes it out. Formatting happens here, at the moment of the call (an object logged
 * and changed afterwards prints as it was), with the device's colour mode. One console per colour
 * mode per worker, made once: making one per call cost more than a small call itself.
 *
 * Some of the console's methods read or change state that lives in the device's console, not in
 * the call: group indentation, counters, timers, the stack that `trace` prints, the terminal that
 * `clear` clears. The clone cannot give their output as the device would, so they do nothing here
 * and mark the call, which is then refused and runs on the device (nothing here kept their state,
 * so one call's `group` never indents another call's output).
 */
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';

export type Printed = [1 | 2, string][];

/** The methods whose output depends on the device's console state (or changes it). */
export const DEVICE_CONSOLE_STATE = ['group', 'groupCollapsed', 'groupEnd', 'count', 'countReset', 'time', 'timeEnd', 'timeLog', 'trace', 'clear'] as const;

interface Capture {
  printed: Printed;
  /** The first device-state method the call used, if any. */
  deviceState?: string;
}

let current: Capture = { printed: [] };
const consoles = new Map<boolean, Console>();

// Not a Writable: its callbacks go through process.nextTick, which would look like work the call
// left behind (./pending.ts). A Console needs only write() and an emitter's error listeners.
const sink = (fd: 1 | 2) =>
  Object.assign(new EventEmitter(), {
    write(chunk: string | Buffer): boolean {
      current.printed.push([fd, typeof chunk === 'string' ? chunk : chunk.toString('utf8')]);
      return true;
    },
  }) as unknown as NodeJS.WritableStream;

function makeConsole(colors: boolean, original: Console): Console {
  const capturing = new Console({ stdout: sink(1), stderr: sink(2), colorMode: colors });
  const own = capturing as unknown as Record<string, unknown>;
  for (const name of DEVICE_CONSOLE_STATE) {
    own[name] = () => {
      current.deviceState ??= `console.${name}`;
    };
  }
  // What the global console has beyond a Console instance (profile, timeStamp, context, Console):
  // without them a call using one would throw here and not on the device.
  for (const key of Object.keys(original)) if (!(key in own)) own[key] = (original as unknown as Record<string, unknown>)[key];
  return capturing;
}

export function captureConsole(colorDepth: number): { printed: Printed; deviceState(): string | undefined; restore(): void } {
  const colors = colorDepth > 1;
  const original = globalThis.console;
  let capturing = consoles.get(colors);
  if (!capturing) consoles.set(colors, (capturing = makeConsole(colors, original)));
  const capture: Capture = { printed: [] };
  current = capture;
  globalThis.console = capturing;
  return { printed: capture.printed, deviceState: () => capture.deviceState, restore: () => void (globalThis.console = original) };
}
