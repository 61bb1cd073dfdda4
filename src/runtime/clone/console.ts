/**
 * What a migrated call prints belongs to the device: while it runs, the clone's `console` writes
 * into a list ([1 | 2, text] for stdout and stderr, in order) that the reply carries back, where
 * the device writes it out. Formatting happens here, at the moment of the call (an object logged
 * and changed afterwards prints as it was), with the device's colour mode. One console per colour
 * mode per worker, made once: making one per call cost more than a small call itself.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';

export type Printed = [1 | 2, string][];

let current: Printed = [];
const consoles = new Map<boolean, Console>();

const sink = (fd: 1 | 2) =>
  new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      current.push([fd, typeof chunk === 'string' ? chunk : chunk.toString('utf8')]);
      callback();
    },
  });

export function captureConsole(colorDepth: number): { printed: Printed; restore(): void } {
  const colors = colorDepth > 1;
  let capturing = consoles.get(colors);
  if (!capturing) consoles.set(colors, (capturing = new Console({ stdout: sink(1), stderr: sink(2), colorMode: colors })));
  const printed: Printed = [];
  current = printed;
  const original = globalThis.console;
  globalThis.console = capturing;
  return { printed, restore: () => void (globalThis.console = original) };
}
