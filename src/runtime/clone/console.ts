/**
 * What a migrated call prints belongs to the device: while it runs, the clone's `console` writes
 * into a list ([1 | 2, text] for stdout and stderr, in order) that the reply carries back, where
 * the device writes it out. Formatting happens here, at the moment of the call (an object logged
 * and changed afterwards prints as it was), with the device's colour mode.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';

export type Printed = [1 | 2, string][];

export function captureConsole(colorDepth: number): { printed: Printed; restore(): void } {
  const printed: Printed = [];
  const sink = (fd: 1 | 2) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, callback) {
        printed.push([fd, typeof chunk === 'string' ? chunk : chunk.toString('utf8')]);
        callback();
      },
    });
  const original = globalThis.console;
  globalThis.console = new Console({ stdout: sink(1), stderr: sink(2), colorMode: colorDepth > 1 });
  return { printed, restore: () => void (globalThis.console = original) };
}
