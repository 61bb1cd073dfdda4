import { Chalk, type ChalkInstance } from 'chalk';
import { supportsColor } from 'chalk';

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const level = noColor || !stream.isTTY ? 0 : supportsColor ? supportsColor.level : 0;
  return new Chalk({ level });
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  color: ChalkInstance;
  errColor: ChalkInstance;
}

export function consoleOutput(): Output {
  const out = closable(process.stdout);
  const err = closable(process.stderr);
  return {
    out: (line) => out.write(`${line}\n`),
    err: (line) => err.write(`${line}\n`),
    color: colorsFor(process.stdout),
    errColor: colorsFor(process.stderr),
  };
}

const streams = new WeakMap<NodeJS.WriteStream, { write(text: string): void }>();

/**
 * A reader that stops reading (`clonecloud analyze | head -1`) ends the output, not the command:
 * EPIPE on stdout or stderr means nothing more is written there, and the command still ends
 * with its own exit code (a failed check stays a failure).
 */
function closable(stream: NodeJS.WriteStream): { write(text: string): void } {
  const known = streams.get(stream);
  if (known) return known;
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  const writer = {
    write(text: string) {
      if (!closed) stream.write(text);
    },
  };
  streams.set(stream, writer);
  return writer;
}
